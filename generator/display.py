"""Characters of spec text that must not reach a reader as they are.

Control characters (NUL, ESC and the rest of C0 and C1) can rewrite a terminal line or
hide text; the invisible bidirectional formatting characters reorder what a reviewer
sees against what the file holds ("Trojan Source", CVE-2021-42574). Spec text is
shown in generated docstrings, comments, the README, the CLI's --help and the
generator's own messages: each of them goes through one of the functions here, and the
lint rule `text-control-characters` points at where a spec contains them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import orjson

#: C0 controls but tab, newline and carriage return; DEL; C1 controls; the Unicode line
#: and paragraph separators; the byte order mark
CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff"
#: the invisible characters that change the direction of text (Unicode's bidi controls
#: and marks)
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

UNSAFE = re.compile(f"[{CONTROL}{BIDI}]")
_BIDI = re.compile(f"[{BIDI}]")
_CONTROL = re.compile(f"[{CONTROL}]")
_UNSAFE_IN_MESSAGE = re.compile(f"[{CONTROL}{BIDI}\t\n\r]")


def clean(text: Any) -> str:
    """Text to show to a reader (docstrings, help): line breaks normalised, tabs as
    spaces, bidi controls removed, other control characters turned into spaces."""
    shown = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if shown.isascii() and shown.replace("\n", "").isprintable():
        return shown  # the usual case, found without a regex: no bidi control, no other control
    return _CONTROL.sub(" ", _BIDI.sub("", shown))


def escape_json(text: str) -> str:
    """JSON text with every unsafe character written as a \\uXXXX escape (the same
    string to a JSON reader; json.dumps(ensure_ascii=False) leaves bidi and C1 raw)."""
    if text.isascii() and "\x7f" not in text:
        # JSON escapes the ASCII controls but DEL: nothing to do, found at memory speed
        # rather than the regex's (50 ms over autotask's 16 MB of JSON)
        return text
    return UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def json_text(value: Any, *, indent: bool = False, sort_keys: bool = False) -> str:
    """`value` as JSON text, compact or indented by two spaces (as json.dumps with
    separators=(",", ":") or indent=2 writes it), written by orjson: 5 to 40 times faster
    than the json module (its indented dump is pure Python: 50 ms for GitHub's fixtures,
    2 ms here). What orjson refuses (an integer past 64 bits, a key that is not a string)
    is written by the json module, the same way. NaN and the infinities, which are not
    JSON, are written as null (the json module would write `NaN`, which JSON readers
    other than Python's refuse)."""
    option = (orjson.OPT_INDENT_2 if indent else 0) | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        return orjson.dumps(value, option=option).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, **({"indent": 2} if indent else {"separators": (",", ":")}))


def json_data(value: Any, *, levels: int = 2, sort_keys: bool = False) -> str:
    """A generated data file (the CLI's commands, the MCP tools, the mock server's spec) as
    JSON text, escaped as escape_json does: the outer `levels` of objects and lists one
    entry per line, so that a diff shows which command or schema changed, and each entry
    compact on its line (json_text). Each entry is escaped on its own: most are ASCII and
    skip the regex, which the whole text, once one entry is not, would not."""

    def encode(node: Any) -> str:
        return escape_json(json_text(node, sort_keys=sort_keys))

    def write(node: Any, depth: int, end: str = "") -> str:
        if depth == levels or not isinstance(node, (dict, list)) or not node:
            return encode(node) + end
        pad = "\n" + " " * (depth + 1)
        pieces = ["{" if isinstance(node, dict) else "["]
        if isinstance(node, dict):
            for key, item in sorted(node.items()) if sort_keys else node.items():
                pieces += ("," + pad if len(pieces) > 1 else pad, encode(str(key)), ": ", write(item, depth + 1))
        else:
            for item in node:
                pieces += ("," + pad if len(pieces) > 1 else pad, write(item, depth + 1))
        pieces.append("\n" + " " * depth + ("}" if isinstance(node, dict) else "]") + end)
        # joined once: each `+` of a long text copies all of it (Microsoft Graph's 29 MB
        # of tools: 0.3 s of copies)
        return "".join(pieces)

    return write(value, 0, "\n")


def json_entries(sections: list[tuple[str, list[str] | dict[str, str] | str]]) -> str:
    """What json_data writes for an object of lists or objects, whose entries are given
    encoded already (json_entry): a list's entries, or an object's keys with theirs, in
    the order json_data would write them, or an object's entries joined already
    (joined_entries). A file put together from pieces made apart."""
    if not sections:
        return "{}\n"
    # every part in one list, joined once: each `+` of a long text copies all of it, and
    # Microsoft Graph's three files are 50 MB (six copies of each: 0.25 s)
    parts = ["{"]
    for index, (name, entries) in enumerate(sections):
        parts.append(("," if index else "") + "\n " + escape_json(json_text(name)) + ": ")
        if not entries:
            parts.append("[]" if isinstance(entries, list) else "{}")
            continue
        if isinstance(entries, str):
            parts.append("{\n  " + entries + "\n }")
            continue
        parts.append("{\n  " if isinstance(entries, dict) else "[\n  ")
        if isinstance(entries, dict):
            for at, (k, v) in enumerate(entries.items()):
                parts += (",\n  " if at else "", escape_json(json_text(k)), ": ", v)
        else:
            for at, v in enumerate(entries):
                parts += (",\n  " if at else "", v)
        parts.append("\n }" if isinstance(entries, dict) else "\n ]")
    parts.append("\n}\n")
    return "".join(parts)


def joined_entries(entries: dict[str, str]) -> str:
    """An object's entries (encoded already) as json_entries writes them inside the object."""
    return ",\n  ".join(escape_json(json_text(key)) + ": " + value for key, value in entries.items())


def json_entry(value: Any, *, sort_keys: bool = False) -> str:
    """One entry of a json_data list or object, as json_data writes it (on its own line)."""
    return escape_json(json_text(value, sort_keys=sort_keys))


def json_value(text: str) -> Any:
    """The value of JSON text that json_text wrote (orjson, else the json module: an
    integer past 64 bits)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def one_line(text: str) -> str:
    """A message for a terminal: unsafe characters and line breaks escaped, so that it
    stays one line and shows what it says."""
    return _UNSAFE_IN_MESSAGE.sub(lambda found: repr(found.group())[1:-1], text)


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    name = unicodedata.name(char, "") or {"\x00": "NULL", "\x1b": "ESCAPE", "\x7f": "DELETE"}.get(char, "control")
    return f"U+{ord(char):04X} ({name})"
