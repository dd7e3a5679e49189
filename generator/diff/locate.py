"""Lines and columns in JSON documents, found fast.

The loader reads JSON with the json module, which keeps no positions;
`Document.locate_precisely` finds them by reading the text again as YAML, which takes
over a second for a PostHog-size schema. Published schemas are pretty-printed (one
member or item per line), so here a pass over the lines finds every member's position
in a few tens of milliseconds; a text laid out otherwise falls back to the loader's way.
"""

from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Location
from ..load import Document, escape_pointer


class _Bail(Exception):
    pass


def pretty_json_positions(text: str) -> dict[str, tuple[int, int]] | None:
    """pointer -> (line, col) of every member and item of a pretty-printed JSON text;
    None when the text is not laid out one member or item per line."""
    positions: dict[str, tuple[int, int]] = {}
    #: open containers: [pointer, is object, next item index]
    stack: list[list[Any]] = []
    decoder = json.JSONDecoder()
    try:
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.strip()
            if not line:
                continue
            col = len(raw) - len(raw.lstrip()) + 1
            if line[0] in "}]":
                if not stack or line.rstrip(",") not in ("}", "]"):
                    raise _Bail
                stack.pop()
                continue
            if not stack:
                if line not in ("{", "["):
                    raise _Bail
                positions[""] = (number, col)
                stack.append(["", line == "{", 0])
                continue
            top = stack[-1]
            if top[1]:  # an object member: "key": value
                if line[0] != '"':
                    raise _Bail
                close = line.find('"', 1)
                if "\\" in line[:close]:  # an escape in the key: decode it properly
                    key, close = decoder.raw_decode(line)
                    close -= 1
                else:
                    key = line[1:close]
                rest = line[close + 1:].lstrip()
                if not rest.startswith(":"):
                    raise _Bail
                value = rest[1:].strip()
                pointer = f"{top[0]}/{escape_pointer(key)}"
            else:  # an array item
                value = line
                pointer = f"{top[0]}/{top[2]}"
                top[2] += 1
            positions[pointer] = (number, col)
            if value.endswith(","):
                value = value[:-1].rstrip()
            if value in ("{", "["):
                stack.append([pointer, value == "{", 0])
            elif value[:1] in ("{", "[") and value not in ("{}", "[]"):
                # a container written on one line (strings and numbers cannot span lines
                # in a JSON text that parsed, so only these need checking)
                _, end = decoder.raw_decode(value)
                if end != len(value):
                    raise _Bail
            elif not value:
                raise _Bail
    except (_Bail, ValueError, IndexError):
        return None
    return positions if not stack else None


class Locator:
    """doc.locate, with lines in a JSON root file (see above); built on first need."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.positions: dict[str, tuple[int, int]] | None = None
        self.fast: bool | None = None

    def __call__(self, pointer: str) -> Location:
        found = self.doc.locate(pointer)
        if found.line or self.doc.json_root_text is None or found.file != self.doc.root_file:
            return found
        if self.fast is None:
            self.positions = pretty_json_positions(self.doc.json_root_text)
            self.fast = self.positions is not None
        if not self.fast or self.positions is None:
            return self.doc.locate_precisely(pointer)
        probe = pointer
        while probe not in self.positions and probe:
            probe = probe.rsplit("/", 1)[0]
        line_col = self.positions.get(probe)
        return Location(self.doc.root_file, *line_col) if line_col else found
