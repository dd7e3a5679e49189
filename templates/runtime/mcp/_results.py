"""What a tool call returns: the API's answer as text an agent reads cheaply.

Tabular answers (a query's `columns` and `results`, a list of flat objects, a page
of them) become a compact table: TOON (https://toonformat.dev) or CSV; anything
else compact JSON. The text stays under a size: rows, list items and long strings
are cut until it fits, and a note says what was cut and how to get the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

__all__ = ["plain", "shape", "FORMATS"]

#: how tables are written
FORMATS = ("toon", "csv", "json")
#: a cell's text is cut to this many characters
MAX_CELL = 400
#: fields of a tabular answer shown above the table only when they are this short as JSON
MAX_HEADER_FIELD = 200


def plain(value: Any) -> Any:
    """Models as JSON-compatible data (by the API's field names): the fields the server
    sent, so that a sparse object costs no tokens for the fields it lacks."""
    if hasattr(value, "model_dump"):
        return value.model_dump(
            mode="json", by_alias=True, exclude_unset=True, serialize_as_any=True
        )
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        value = _dumps(value)
    if isinstance(value, str) and len(value) > MAX_CELL:
        return value[:MAX_CELL] + "…"
    return value


#: lists of objects with more distinct fields than this stay JSON
MAX_COLUMNS = 40


def _flat_objects(items: list[Any]) -> bool:
    """Objects, each a row: their nested values (at most a third of the cells) become JSON text."""
    if not items or not all(isinstance(item, Mapping) for item in items):
        return False
    columns = {k for item in items for k in item}
    cells = sum(len(item) for item in items)
    nested = sum(isinstance(v, (dict, list)) for item in items for v in item.values())
    return len(columns) <= MAX_COLUMNS and nested * 3 <= cells


def tabular(data: Any) -> tuple[dict[str, Any], str, list[str], list[list[Any]]] | None:
    """(other fields, the table's name, columns, rows) when the answer is mostly a table."""
    if isinstance(data, Mapping):
        results, columns = data.get("results"), data.get("columns")
        if (
            isinstance(results, list)
            and isinstance(columns, list)
            and all(isinstance(r, list) for r in results)
        ):
            rest = {k: v for k, v in data.items() if k not in ("results", "columns")}
            return rest, "results", [str(c) for c in columns], [list(r) for r in results]
        lists = [k for k, v in data.items() if isinstance(v, list) and _flat_objects(v)]
        if len(lists) == 1:
            key = lists[0]
            columns, rows = _table_of(data[key])
            return {k: v for k, v in data.items() if k != key}, key, columns, rows
        return None
    if isinstance(data, list) and _flat_objects(data):
        columns, rows = _table_of(data)
        return {}, "items", columns, rows
    return None


def _table_of(items: list[Any]) -> tuple[list[str], list[list[Any]]]:
    columns: list[str] = []
    for item in items:
        columns += [str(k) for k in item if str(k) not in columns]
    return columns, [[item.get(c) for c in columns] for item in items]


def _render_table(
    header: dict[str, Any], name: str, columns: list[str], rows: list[list[Any]], fmt: str
) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        for key, value in header.items():
            buffer.write(f"# {key}: {_dumps(value)}\n")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in cells])
        return buffer.getvalue().rstrip("\n")
    records = [dict(zip(columns, row, strict=False)) for row in cells]
    if fmt == "toon":
        import toon_format

        return toon_format.dumps({name: records, **header}).rstrip("\n")
    return _dumps({name: records, **header})


def _small_header(rest: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    kept: dict[str, Any] = {}
    left: list[str] = []
    for key, value in rest.items():
        if value is None:
            continue
        if len(_dumps(value)) <= MAX_HEADER_FIELD:
            kept[key] = value
        else:
            left.append(key)
    return kept, left


def shape(
    value: Any, *, max_chars: int, table_format: str = "toon", more: str = "", always: bool = False
) -> str:
    """The answer as text of at most `max_chars` characters (plus a note when cut).

    `more` says how to get what is left out (narrowing a query): said when something was
    cut, or `always` (the arguments of a list's next page).
    """
    if isinstance(value, bytes):  # a download: its text, where it is text
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return (
                f"Binary content ({len(value):,} bytes), which is not text and is not shown"
                " here: the API's Python client or CLI saves it to a file."
            )
    data = plain(value)
    if data is None:
        return "Done (no content)."
    if isinstance(data, str):
        text = data
        if len(text) > max_chars:
            return (
                text[:max_chars]
                + f"\n[cut: the text has {len(text):,} characters. {more}]".rstrip()
            )
        return text
    notes: list[str] = []
    table = tabular(data) if table_format != "json" else None
    if table is not None:
        rest, name, columns, rows = table
        header, left = _small_header(rest)
        if left:
            notes.append(f"left out: {', '.join(left)}")
        text, shown = _fit_rows(header, name, columns, rows, table_format, max_chars)
        if shown < len(rows):
            notes.append(
                f"showing {shown:,} of {len(rows):,} rows, cut to fit {max_chars:,} characters"
            )
        cut = shown < len(rows)
    else:
        text, why = _fit_json(data, max_chars)
        if why:
            notes.append(why)
        cut = bool(why)
    if more and (cut or always):
        notes.append(more)
    return text + (f"\n[{'; '.join(notes)}]" if notes else "")


def _fit_rows(
    header: dict[str, Any],
    name: str,
    columns: list[str],
    rows: list[list[Any]],
    fmt: str,
    limit: int,
) -> tuple[str, int]:
    """The table with as many leading rows as fit (found by bisection), and how many."""
    text = _render_table(header, name, columns, rows, fmt)
    if len(text) <= limit:
        return text, len(rows)
    low, high = 0, len(rows)
    best = _render_table(header, name, columns, [], fmt)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = _render_table(header, name, columns, rows[:middle], fmt)
        if len(candidate) <= limit:
            low, best = middle, candidate
        else:
            high = middle - 1
    return best[:limit], low


def _clip(value: Any, items: int, chars: int, counts: dict[str, int]) -> Any:
    if isinstance(value, str) and len(value) > chars:
        counts["strings"] += 1
        return value[:chars] + "…"
    if isinstance(value, list):
        if len(value) > items:
            counts["lists"] += 1
        return [_clip(v, items, chars, counts) for v in value[:items]]
    if isinstance(value, dict):
        return {k: _clip(v, items, chars, counts) for k, v in value.items()}
    return value


def _fit_json(data: Any, limit: int) -> tuple[str, str]:
    """Compact JSON, lists and strings cut shorter until it fits; and what was cut."""
    text = _dumps(data)
    if len(text) <= limit:
        return text, ""
    for items, chars in ((100, 2000), (50, 1000), (20, 500), (10, 200), (5, 100), (2, 60), (1, 40)):
        counts = {"lists": 0, "strings": 0}
        clipped = _dumps(_clip(data, items, chars, counts))
        if len(clipped) <= limit:
            parts = []
            if counts["lists"]:
                parts.append(f"{counts['lists']} lists cut to their first {items} items")
            if counts["strings"]:
                parts.append(f"{counts['strings']} strings cut to {chars} characters")
            return clipped, f"cut to fit {limit:,} characters: " + ", ".join(parts)
    return text[:limit], f"cut at {limit:,} of {len(text):,} characters (not valid JSON)"
