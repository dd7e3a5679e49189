"""How a command's result is shown: -o json, yaml, table, csv or jsonl.

Tables are for people: they fit the terminal, choosing columns by what usually
matters (ids, names, status, times, then the rest) and saying which were left out;
numbers are right-aligned, nested values shown compactly, and there is colour on a
terminal. The other formats are for programs and keep every value as it came.
`--fields` selects part of a response with a JMESPath expression.

Imported only when a command runs (`--help` does not pay for it); JMESPath and
PyYAML only when asked for.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib
import itertools
import json
import re
import sys
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

import click

__all__ = ["Style", "compiled", "emit", "emit_items", "items_of", "plain", "select"]

#: widest a table cell grows before it is cut with "…" (ids are never cut), unless the
#: table has room to spare; WIDE_CELL when it need not fit a terminal
MAX_CELL = 40
WIDE_CELL = 80
#: what a compact nested object is shown by, when it has one of these
LABEL_KEYS = ("name", "email", "title", "label", "display_name", "key", "slug", "id")
_GAP = "  "


@dataclass
class Style:
    """How to show a result: the format, the chosen columns and fields, colour and width."""

    fmt: str = "json"
    columns: list[str] | None = None  # None: those that fit; ["all"]: every one
    fields: str | None = None  # a JMESPath expression
    color: bool = False  # ANSI colour on stdout
    notes: bool = True  # notes (left-out columns, more pages) on stderr
    note_color: bool = False  # ANSI colour on stderr
    width: int | None = None  # the table's width; None: as wide as it needs
    pretty: bool = False  # indented JSON
    #: a page's properties: items, count, next (a link) and has_more (a flag)
    page: Mapping[str, str | None] | None = None

    @property
    def items(self) -> str | None:
        return self.page.get("items") if self.page else None


# -- data ----------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Models and pages as JSON-compatible data: the fields the server sent (a null it
    sent too), not every field the model declares."""
    if hasattr(value, "model_dump"):
        return value.model_dump(
            mode="json", by_alias=True, exclude_unset=True, serialize_as_any=True
        )
    if hasattr(value, "items") and hasattr(value, "envelope"):  # a page
        return plain(value.envelope)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def declared(value: Any) -> list[str]:
    """A model's fields by the API's names, in order; [] for anything else."""
    fields = getattr(type(value), "model_fields", None)
    if not isinstance(fields, Mapping):
        return []
    return [f.serialization_alias or f.alias or name for name, f in fields.items()]


def compiled(expression: str) -> Any:
    """A `--fields` expression, checked before any request is sent."""
    try:
        jmespath: Any = importlib.import_module("jmespath")
    except ImportError:
        raise click.UsageError(
            "--fields needs the jmespath package: install this package with its cli extra"
        ) from None
    try:
        return jmespath.compile(expression)
    except jmespath.exceptions.JMESPathError as exc:
        message = " ".join(str(exc).split())
        raise click.BadParameter(
            f"not a JMESPath expression: {message}", param_hint="--fields"
        ) from None


def select(data: Any, expression: str | None) -> Any:
    """`--fields`: the part of `data` a JMESPath expression picks (the AWS CLI's `--query`)."""
    if not expression:
        return data
    return compiled(expression).search(data)


def items_of(data: Any, items_key: str | None) -> list[Any] | None:
    """The items of a list or of a page envelope; None for anything else."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for key in (items_key, "results"):
            if key and isinstance(data.get(key), list):
                return list(data[key])
    return None


# -- colour --------------------------------------------------------------------

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


def paint(text: str, *styles: str, on: bool = True) -> str:
    if not on or not text or not styles:
        return text
    codes = ";".join(_CODES[s] for s in styles)
    return f"\033[{codes}m{text}\033[0m"


# -- cells ---------------------------------------------------------------------


def _label(value: Mapping[str, Any]) -> str | None:
    for key in LABEL_KEYS:
        found = value.get(key)
        if isinstance(found, (str, int)) and not isinstance(found, bool) and found != "":
            return str(found)
    return None


def compact(value: Any) -> str:
    """A value as one short line: objects by their name (or key=value pairs), lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return " ".join(value.split()) if "\n" in value or "\t" in value else value
    if isinstance(value, Mapping):
        label = _label(value)
        if label is not None:
            return label
        parts = []
        for k, v in value.items():
            if v is None or v == [] or v == {}:
                continue
            shown = compact(v) if not isinstance(v, (Mapping, list)) else "…"
            parts.append(f"{k}={shown}")
        return ", ".join(parts) if parts else "{}"
    if isinstance(value, list):
        if not value:
            return ""
        if all(not isinstance(v, (Mapping, list)) for v in value):
            return ", ".join(compact(v) for v in value)
        labels = [_label(v) if isinstance(v, Mapping) else None for v in value]
        if all(label is not None for label in labels):
            return ", ".join(str(label) for label in labels)
        return f"[{len(value)} items]"
    return str(value)


def _csv_cell(value: Any) -> str:
    """CSV keeps every value: nested ones as compact JSON, booleans as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


# -- rows ----------------------------------------------------------------------


@dataclass
class Rows:
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str]
    record: bool = False  # a single object, shown as field and value


def _dig(item: Any, column: str) -> Any:
    """A row's value for a column: `person.name` reaches into nested objects."""
    if not isinstance(item, Mapping):
        return None
    if column in item:
        return item[column]
    value: Any = item
    for part in column.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _is_rows(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, (Mapping, list)) for v in value)
    )


def _scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list))


def rows_of(data: Any, items_key: str | None = None, depth: int = 0) -> Rows:
    """What a table shows of `data`: the list inside an envelope when there is one
    (a page's items, a query's result rows), otherwise the object's fields."""
    if (
        isinstance(data, Mapping)
        and isinstance(data.get("results"), list)
        and isinstance(data.get("columns"), list)
        and all(isinstance(c, str) for c in data["columns"])
    ):
        rows = [r if isinstance(r, list) else [r] for r in data["results"]]
        return Rows([str(c) for c in data["columns"]], rows, [])
    if isinstance(data, list):
        if data and all(isinstance(item, Mapping) for item in data):
            columns: list[str] = []
            for item in data:
                columns += [k for k in item if k not in columns]
            return Rows(columns, [[item.get(c) for c in columns] for item in data], [])
        if data and all(isinstance(item, list) for item in data):
            width = max(len(item) for item in data)
            return Rows([str(i + 1) for i in range(width)], [list(item) for item in data], [])
        return Rows(["value"], [[item] for item in data], [])
    if isinstance(data, Mapping):
        # The interesting part of an envelope is its one list of rows.
        keys = [k for k in (items_key, "results") if k and isinstance(data.get(k), list)]
        lists = keys[:1] or [k for k, v in data.items() if _is_rows(v)]
        others = {k: v for k, v in data.items() if not lists or k != lists[0]}
        if len(lists) == 1 and all(_scalar(v) for v in others.values()):
            inner = rows_of(data[lists[0]], items_key, depth + 1)
            rest = ", ".join(f"{k}: {compact(v)}" for k, v in others.items() if v is not None)
            return Rows(inner.columns, inner.rows, inner.notes + ([rest] if rest else []))
        nested = [k for k, v in data.items() if isinstance(v, Mapping)]
        if (
            depth < 2
            and len(nested) == 1
            and all(_scalar(v) for k, v in data.items() if k != nested[0])
        ):
            inner = rows_of(data[nested[0]], items_key, depth + 1)
            if not inner.record:
                return inner
        return Rows(["field", "value"], [[k, v] for k, v in data.items()], [], record=True)
    return Rows(["value"], [[data]], [])


# -- choosing columns ------------------------------------------------------------

_ID = re.compile(r"^(id|uuid|key|slug|short_id)$")
_OTHER_ID = re.compile(r"_(id|uuid|key)$")
_NAME = re.compile(r"(^|_)(name|title|label|email|username)$")
_STATUS = re.compile(r"^(status|state|type|kind|enabled|active|complete|error)$|^is_|_status$")
_TIME = re.compile(r"(_at|_time|_date|timestamp|_on)$|^(date|time|created|updated|started|ended)$")


def priority(column: str, values: list[Any]) -> float:
    """Which columns a narrow table keeps first: the id, names, status, times, other ids,
    the rest, and nested values last."""
    name = column.lower()
    if any(isinstance(v, (Mapping, list)) for v in values):
        return 5
    for rank, pattern in enumerate((_ID, _NAME, _STATUS, _TIME)):
        if pattern.search(name):
            return rank
    return 3.5 if _OTHER_ID.search(name) else 4


def _is_id(column: str, values: list[Any]) -> bool:
    """Ids are never cut: they are there to be copied."""
    return priority(column, values) in (0, 3.5)


def _numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in present
    )


@dataclass
class Layout:
    chosen: list[int]  # the columns shown, in their order
    widths: dict[int, int]
    cut: dict[int, bool]  # whether a column's cells may be cut to its width
    left_out: list[str]


def layout(rows: Rows, cells: list[list[str]], style: Style) -> Layout:
    """Which columns fit the width, and how wide each is: cells wider than MAX_CELL are
    cut (WIDE_CELL when the table need not fit), except ids; room left over goes back to
    the cut columns."""
    count = len(rows.columns)
    columns = [[r[i] if i < len(r) else None for r in rows.rows] for i in range(count)]
    natural = [max([len(rows.columns[i])] + [len(r[i]) for r in cells]) for i in range(count)]
    fit = style.width is not None and style.columns != ["all"]
    cap = MAX_CELL if fit else WIDE_CELL
    cut = {i: rows.record or not _is_id(rows.columns[i], columns[i]) for i in range(count)}
    widths = {
        i: min(natural[i], max(cap, len(rows.columns[i]))) if cut[i] else natural[i]
        for i in range(count)
    }
    if rows.record:
        if fit and count == 2 and style.width is not None:
            widths[1] = min(natural[1], max(style.width - widths[0] - len(_GAP), 10))
        return Layout(list(range(count)), widths, cut, [])
    if not fit or style.width is None or style.columns:
        return Layout(list(range(count)), widths, cut, [])
    ranks = [priority(rows.columns[i], columns[i]) for i in range(count)]
    chosen: list[int] = []
    used = 0
    for i in sorted(range(count), key=lambda i: (ranks[i], i)):
        extra = widths[i] + (len(_GAP) if chosen else 0)
        if used + extra <= style.width or not chosen:
            chosen.append(i)
            used += extra
    chosen.sort()
    room = style.width - used
    for i in chosen:
        grow = min(natural[i] - widths[i], room)
        if grow > 0:
            widths[i] += grow
            room -= grow
    left_out = [rows.columns[i] for i in range(count) if i not in chosen]
    return Layout(chosen, widths, cut, left_out)


# -- rendering -----------------------------------------------------------------


def _pick(rows: Rows, columns: list[str]) -> Rows:
    """`--columns a,b,c`: those columns in that order (`a.b` reaches into nested objects)."""
    unknown = [c for c in columns if c not in rows.columns and c.split(".")[0] not in rows.columns]
    if unknown:
        raise click.BadParameter(
            f"no column {unknown[0]!r} here; the columns are: {', '.join(rows.columns)}",
            param_hint="--columns",
        )
    items = [dict(zip(rows.columns, row, strict=False)) for row in rows.rows]
    return Rows(list(columns), [[_dig(item, c) for c in columns] for item in items], rows.notes)


def table(rows: Rows, style: Style) -> tuple[str, list[str]]:
    """The table's text, and the notes to print below it (on stderr)."""
    if style.columns and style.columns != ["all"] and not rows.record:
        rows = _pick(rows, style.columns)
    notes = list(rows.notes)
    cells = [[compact(v) for v in row] + [""] * (len(rows.columns) - len(row)) for row in rows.rows]
    shape = layout(rows, cells, style)
    if shape.left_out:
        shown = ", ".join(shape.left_out[:5]) + (", …" if len(shape.left_out) > 5 else "")
        plural = "s" if len(shape.left_out) != 1 else ""
        notes.append(
            f"{len(shape.left_out)} more column{plural} left out to fit ({shown});"
            " --columns all shows them, --columns a,b,c chooses."
        )
    numeric = {
        i: not rows.record and _numeric([r[i] if i < len(r) else None for r in rows.rows])
        for i in shape.chosen
    }
    on = style.color
    last = shape.chosen[-1] if shape.chosen else -1

    def line(texts: list[str], raw: list[Any] | None) -> str:
        out = []
        for i in shape.chosen:
            text, width = texts[i], shape.widths[i]
            if shape.cut[i]:
                text = _cut(text, width)
            if numeric[i]:
                text = text.rjust(width)
            elif i != last:
                text = text.ljust(width)
            if raw is None or (rows.record and i == 0):
                text = paint(text, "bold", on=on)
            elif i < len(raw) and isinstance(raw[i], bool):
                text = paint(text, "green" if raw[i] else "dim", on=on)
            out.append(text)
        return _GAP.join(out).rstrip()

    lines = []
    if not rows.record:
        lines.append(line(rows.columns, None))
        rule = _GAP.join("─" * shape.widths[i] for i in shape.chosen)
        lines.append(paint(rule, "dim", on=on))
    lines += [line(texts, row) for row, texts in zip(rows.rows, cells, strict=True)]
    return "\n".join(lines), notes


def _page_notes(
    data: Mapping[str, Any] | list[Any], shown: int, page: Mapping[str, str | None], linked: bool
) -> list[str]:
    """Below a page's table: how many items there are in all, and whether more follow
    (by the envelope's fields, or `linked`: the answer's Link header leads onwards)."""
    fields: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
    counts = fields.get(page["count_in"] or "") if page.get("count_in") else fields
    count = counts.get(page["count"] or "") if isinstance(counts, Mapping) else None
    holder = fields.get(page["next_in"] or "") if page.get("next_in") else fields
    nxt = holder.get(page["next"] or "") if isinstance(holder, Mapping) else None
    more = linked or bool(nxt) or fields.get(page["has_more"] or "") is True
    if isinstance(count, int) and count > shown:
        return [f"{shown} of {count} shown; --all prints every one."]
    if more:
        return ["More on the next pages; --all prints every one."]
    return []


def _yaml(data: Any) -> str:
    try:
        yaml: Any = importlib.import_module("yaml")
    except ImportError:
        raise click.UsageError(
            "-o yaml needs the PyYAML package: install this package with its cli extra"
        ) from None
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return text


def _write(text: str, out: TextIO) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def _note(notes: Iterable[str], style: Style) -> None:
    if not style.notes:
        return
    for note in notes:
        lines = textwrap.wrap(note, style.width, break_on_hyphens=False) if style.width else [note]
        for line in lines:
            click.echo(paint(line, "dim", on=style.note_color), err=True)


def _emit_bytes(data: bytes, out: TextIO) -> None:
    """A binary answer (a PDF, an image, an archive) byte for byte, nothing added, to a
    file or a pipe (`> report.pdf`). A terminal gets it where it is text (UTF-8), else a
    note of its size: binary bytes would only scramble the screen."""
    if out.isatty():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            click.echo(
                f"The answer is binary ({len(data):,} bytes): redirect the output to a file"
                " to keep it (> FILE).",
                err=True,
            )
            return
        out.write(text if text.endswith("\n") or not text else text + "\n")
        return
    binary = getattr(out, "buffer", None)
    if binary is None:  # a stream of text only (io.StringIO)
        out.write(data.decode(errors="replace"))
        return
    out.flush()
    binary.write(data)
    binary.flush()


def emit(result: Any, style: Style, out: TextIO | None = None) -> None:
    """Print one result in the chosen format."""
    out = out or sys.stdout
    if result is None:
        return
    if isinstance(result, bytes) and not style.fields:
        _emit_bytes(result, out)
        return
    if isinstance(result, str) and not style.fields:
        out.write(result if result.endswith("\n") or not result else result + "\n")
        return
    data = select(plain(result), style.fields)
    fmt = style.fmt
    if fmt not in ("json", "yaml"):
        data = _lifted(data, style)
    if fmt == "json":
        _write(json.dumps(data, indent=2 if style.pretty else None, ensure_ascii=False), out)
    elif fmt == "jsonl":
        items = items_of(data, style.items)
        for item in items if items is not None else [data]:
            _write(json.dumps(item, ensure_ascii=False, separators=(",", ":")), out)
    elif fmt == "yaml":
        _write(_yaml(data), out)
    elif fmt == "csv":
        rows = rows_of(data, style.items)
        if style.columns and style.columns != ["all"] and not rows.record:
            rows = _pick(rows, style.columns)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows([[_csv_cell(v) for v in row] for row in rows.rows])
    else:
        rows = rows_of(data, style.items)
        if style.page and (
            isinstance(data, list) or isinstance(data, Mapping) and style.items in data
        ):
            linked = getattr(result, "next_link", None) is not None
            rows.notes = _page_notes(data, len(rows.rows), style.page, linked)
        text, notes = table(rows, style)
        _write(text, out)
        out.flush()
        _note(notes, style)


def _lifted(data: Any, style: Style) -> Any:
    """A page whose items are in an object of it (HAL's `_embedded`) with its items at its
    top, for the formats that show a page as its items (a table, CSV, JSON lines)."""
    holder = style.page.get("items_in") if style.page else None
    if not holder or not style.items or not isinstance(data, Mapping):
        return data
    inner = data.get(holder)
    if not isinstance(inner, Mapping) or not isinstance(inner.get(style.items), list):
        return data
    return {**{k: v for k, v in data.items() if k != holder}, style.items: inner[style.items]}


def emit_stream(values: Iterator[Any], style: Style, out: TextIO | None = None) -> None:
    """A streamed answer as it arrives: an event stream's data, an event a line; a stream
    of JSON values as --all prints items, in JSON lines unless CSV is asked for (a table
    waits for its last row, and a watch may not end)."""
    from .._streaming import ServerSentEvent

    out = out or sys.stdout
    for value in values:
        if isinstance(value, ServerSentEvent):
            out.write(value.data + "\n")
            out.flush()
            continue
        if style.fmt not in ("jsonl", "csv"):
            style = dataclasses.replace(style, fmt="jsonl")
        emit_items(itertools.chain([value], values), style, out)
        return


def emit_items(items: Iterator[Any], style: Style, out: TextIO | None = None) -> None:
    """--all: every item of every page; JSON lines and CSV rows are printed as they arrive."""
    out = out or sys.stdout
    fmt = style.fmt
    if fmt in ("json", "jsonl"):
        for item in items:
            data = select(plain(item), style.fields)
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
            out.flush()
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        columns: list[str] | None = None
        for item in items:
            data = select(plain(item), style.fields)
            if columns is None:
                if style.columns and style.columns != ["all"]:
                    columns = list(style.columns)
                elif isinstance(data, Mapping):
                    # the model's every field: a later item may have one the first lacks
                    known = [] if style.fields else declared(item)
                    columns = known + [k for k in data if k not in known]
                else:
                    columns = ["value"]
                writer.writerow(columns)
            writer.writerow(
                [_csv_cell(_dig(data, c)) for c in columns]
                if isinstance(data, Mapping)
                else [_csv_cell(data)]
            )
        return
    collected = [select(plain(item), style.fields) for item in items]
    emit(collected, dataclasses.replace(style, fields=None), out)
