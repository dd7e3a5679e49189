"""Lay out the long lines of generated code the way black would.

Black formats a text in one pass when it is already black's output and in two when it
is not (black.format_str runs itself again to settle trailing commas), so code that
comes out of the templates black-stable costs half the formatting time. Most generated
lines are short and stable by construction; the ones that depend on spec names (imports,
signatures, enum members, model fields) can run past the line length, and these helpers
split them as black does in the common cases.

Black still formats everything afterwards, so a case these helpers get wrong only costs
time, never correctness; none of them changes what the code means (they only break
lines at brackets and operators). tests/generator/test_layout.py checks their output
against black.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any

LINE_LENGTH = 100


class RenderError(Exception):
    """A template produced something invalid: a bug in the generator, not in the spec."""


# -- literals ----------------------------------------------------------------


def pyrepr(value: Any) -> str:
    """A Python literal that evaluates to `value` (JSON-like data only)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(str(k))}: {pyrepr(v)}" for k, v in value.items()) + "}"
    raise RenderError(f"cannot write {type(value).__name__} as a literal")


def _string(value: str) -> str:
    """repr's literal (it escapes quotes, backslashes and every non-printable character),
    in double quotes unless that needs more escapes: the quotes black would choose."""
    text = repr(value)
    if text[0] == '"':  # repr chose double quotes itself (the value has a "'" and no '"')
        return text
    if "'" not in value:  # no quote of either kind needs escaping: swap the quotes
        return '"' + text[1:-1] + '"' if '"' not in value else text
    if value.count('"') > value.count("'"):
        return text
    body: list[str] = []
    i = 1
    while i < len(text) - 1:
        if text[i] == "\\":
            pair = text[i:i + 2]
            body.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        body.append('\\"' if text[i] == '"' else text[i])
        i += 1
    return '"' + "".join(body) + '"'


def width(line: str) -> int:
    """The width black measures: wide East Asian characters count twice (black's own
    table differs on a few symbols and unassigned code points; a miss costs a
    formatting pass, nothing else)."""
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _fits(line: str) -> bool:
    return width(line) <= LINE_LENGTH


def _top_level(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` outside brackets and string literals."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            i += len(separator)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


def import_from(module: str, names: Sequence[str]) -> str:
    """`from module import names` on one line, or one name per line when too long."""
    if not names:
        return f"import {module}"
    line = f"from {module} import {', '.join(names)}"
    if _fits(line):
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def assign(indent: int, target: str, value: str) -> str:
    """`target = value` (a name and an atom); the value in parentheses on its own line
    when the line is too long and that makes it fit."""
    pad = " " * indent
    line = f"{pad}{target} = {value}"
    if _fits(line) or not _fits(f"{pad}    {value}"):
        return line
    return f"{pad}{target} = (\n{pad}    {value}\n{pad})"


def _split_hint(indent: int, hint: str) -> list[str] | None:
    """The lines of a type hint that does not fit at `indent`: one operand of `|` per
    line, and a subscript whose operand is still too long exploded one item per line."""
    pad = " " * indent
    lines: list[str] = []
    for n, operand in enumerate(_top_level(hint, " | ")):
        lead = pad + ("| " if n else "")
        if _fits(lead + operand):
            lines.append(lead + operand)
            continue
        head, bracket, rest = operand.partition("[")
        if not bracket or not rest.endswith("]") or not head.isidentifier():
            return None
        items = _top_level(rest[:-1], ", ")
        inner = pad + "    "
        if any(not _fits(f"{inner}{item},") for item in items):
            return None
        lines.append(f"{lead}{head}[")
        lines += [f"{inner}{item}," for item in items]
        lines.append(f"{pad}]")
    return lines


def parameter(indent: int, name: str, hint: str, default: str | None = None) -> str:
    """A function parameter `name: hint[ = default],` as black lays it out."""
    pad = " " * indent
    tail = f" = {default}," if default is not None else ","
    line = f"{pad}{name}: {hint}{tail}"
    if _fits(line):
        return line
    return _wrapped_annotation(indent, name, hint, tail) or line


def field(indent: int, name: str, hint: str, default: str | None = None) -> str:
    """A model field `name: hint[ = default]` as black lays it out."""
    pad = " " * indent
    tail = f" = {default}" if default is not None else ""
    line = f"{pad}{name}: {hint}{tail}"
    if _fits(line):
        return line
    if default is not None and default.startswith("Field(") and default.endswith(")"):
        # black splits at the call's brackets when its first line fits, else wraps the call
        # (both as for any assigned call), else it wraps the annotation
        call = f"{name}: {hint} = Field("
        if _fits(pad + call) or _fits(f"{pad}{name}: {hint} = (") and _fits(f"{pad}    {default}"):
            return bracketed(indent, call, _top_level(default[len("Field("):-1], ", "), ")")
        return _wrapped_annotation(indent, name, hint, tail) or line
    if default is not None and "." in default and default.replace(".", "").isidentifier():
        return assign(indent, f"{name}: {hint}", default)  # an enum member: black wraps the value
    return _wrapped_annotation(indent, name, hint, tail) or line


def _wrapped_annotation(indent: int, name: str, hint: str, tail: str) -> str | None:
    """`name: (hint)tail` with the hint on its own lines, or None when that does not fit."""
    pad = " " * indent
    if not _fits(f"{pad}){tail}"):
        return None
    if _fits(f"{pad}    {hint}"):
        body = [f"{pad}    {hint}"]
    else:
        split = _split_hint(indent + 4, hint)
        if split is None:
            return None
        body = split
    return "\n".join([f"{pad}{name}: (", *body, f"{pad}){tail}"])


def bracketed(
    indent: int, head: str, items: Sequence[str], close: str, tail: str = "", *, collection: bool = False
) -> str:
    """`head` (ending with an opening bracket), the items, `close` and `tail` on one line
    when they fit; else the items on a line of their own (a call's arguments) or one per
    line (always, for a literal `collection` of several items, as black does). A
    collection of one item keeps a trailing comma (a tuple of one needs it)."""
    pad = " " * indent
    one_tuple = collection and len(items) == 1 and close == ")"
    joined = ", ".join(items) + ("," if one_tuple else "")
    line = f"{pad}{head}{joined}{close}{tail}"
    if _fits(line) or not items:
        return line
    target, equals, call = head.rpartition(" = ")
    if equals and not _fits(pad + head) and _fits(f"{pad}    {call}{joined}{close}"):
        # the call's first line would not fit: black wraps the whole value instead
        return f"{pad}{target} = (\n{pad}    {call}{joined}{close}\n{pad}){tail}"
    if len(items) == 1 or not collection:
        if _fits(f"{pad}    {joined}"):
            return f"{pad}{head}\n{pad}    {joined}\n{pad}{close}{tail}"
        if len(items) == 1:
            trailer = "," if one_tuple else ""
            return f"{pad}{head}\n{_item(indent + 4, items[0], trailer)}\n{pad}{close}{tail}"
    return f"{pad}{head}\n" + "".join(_item(indent + 4, item, ",") + "\n" for item in items) + f"{pad}{close}{tail}"


def _item(indent: int, item: str, trailer: str) -> str:
    """One item of a split bracket; a call, list or set that does not fit is split in turn."""
    line = " " * indent + item + trailer
    if _fits(line):
        return line
    if item[:1] + item[-1:] in ("[]", "{}") and len(_top_level(item, ", ")) == 1:
        inner = _top_level(item[1:-1], ", ")
        return bracketed(indent, item[0], inner, item[-1], trailer, collection=True)
    name, bracket, rest = item.partition("(")
    if not bracket or not name.isidentifier() or not rest.endswith(")"):
        return line
    return bracketed(indent, name + "(", _top_level(rest[:-1], ", "), ")", trailer)


def literal(indent: int, head: str, value: Any, tail: str = "") -> str:
    """`head` + a Python literal of JSON-like `value` + `tail`, exploded the way black
    explodes data that does not fit: one element per line with a trailing comma, and a
    lone element on a line of its own."""
    pad = " " * indent
    line = f"{pad}{head}{pyrepr(value)}{tail}"
    if _fits(line) or not isinstance(value, (list, dict)) or not value:
        return line
    if isinstance(value, dict):
        entries = [(pyrepr(str(k)) + ": ", v) for k, v in value.items()]
        opener, closer = "{", "}"
    else:
        entries = [("", v) for v in value]
        opener, closer = "[", "]"
    if len(entries) == 1:
        inner = literal(indent + 4, entries[0][0], entries[0][1])
    else:
        inner = "\n".join(literal(indent + 4, key, v, ",") for key, v in entries)
    return f"{pad}{head}{opener}\n{inner}\n{pad}{closer}{tail}"
