"""Lines and columns in JSON documents, found fast.

The loader reads JSON with the json module, which keeps no positions;
`Document.locate_precisely` finds them by reading the whole text again as YAML, which
takes seconds for a PostHog-size schema. Published schemas are pretty-printed (one
member or item per line, each level indented one step more), so here a pointer is
followed through the text with a few regular-expression searches per step, the level's
indentation telling a member of this object from one deeper down; nothing is read that
the pointers asked for do not need. A text laid out otherwise (minified) falls back to
the loader's way.
"""

from __future__ import annotations

import bisect
import json
import re

from ..diagnostics import Location
from ..load import Document, unescape_pointer

#: below this many lookups, line numbers are counted per lookup rather than indexed
_INDEX_AFTER = 32


class PrettyJson:
    """Positions of JSON pointers in a pretty-printed JSON text, found on demand."""

    def __init__(self, text: str):
        self.text = text
        root = text.find(text.lstrip()[:1]) if text.strip() else 0
        #: pointer -> (where its line starts, where its container ends, its members' indentation)
        self.nodes: dict[str, int] = {"": root}
        self.containers: dict[int, tuple[str, int, str]] = {}
        self.lookups = 0
        self.newlines: list[int] | None = None

    @staticmethod
    def looks_pretty(text: str) -> bool:
        head = text.lstrip()[:1]
        return head in ("{", "[") and re.search(r"\n[ \t]+\S", text[:4096]) is not None

    def _line(self, offset: int) -> str:
        end = self.text.find("\n", offset)
        return self.text[offset:end if end >= 0 else len(self.text)]

    def _container(self, offset: int) -> tuple[str, int, str]:
        """(the bracket that opens a container on the line starting at `offset`, where the
        container ends, the indentation of its members)."""
        known = self.containers.get(offset)
        if known is not None:
            return known
        line = self._line(offset)
        stripped = line.rstrip()
        opener = stripped[-1:] if stripped[-1:] in ("{", "[") else ""
        own = line[: len(line) - len(line.lstrip())] if offset != self.nodes[""] else ""
        closing = re.compile("\n" + re.escape(own) + r"[}\]]")
        found = closing.search(self.text, offset)
        end = found.start() if found else len(self.text)
        following = self._line(min(offset + len(line) + 1, len(self.text)))
        child = following[: len(following) - len(following.lstrip())]
        result = (opener, end, child)
        self.containers[offset] = result
        return result

    def offset(self, pointer: str) -> int:
        """Where the line of `pointer`'s node (or of its nearest ancestor found) starts."""
        tokens = pointer.split("/")[1:] if pointer else []
        depth = len(tokens)
        while depth and "/" + "/".join(tokens[:depth]) not in self.nodes:
            depth -= 1
        prefix = "/" + "/".join(tokens[:depth]) if depth else ""
        offset = self.nodes[prefix]
        for token in tokens[depth:]:
            opener, end, child = self._container(offset)
            found = -1
            if opener == "{":
                key = unescape_pointer(token)
                for spelled in dict.fromkeys((json.dumps(key), json.dumps(key, ensure_ascii=False))):
                    needle = "\n" + child + spelled
                    at = self.text.find(needle, offset, end)
                    while at >= 0 and not self.text[at + len(needle):at + len(needle) + 8].lstrip().startswith(":"):
                        at = self.text.find(needle, at + 1, end)
                    if at >= 0:
                        found = at
                        break
            elif opener == "[" and token.isdigit():
                items = re.compile("\n" + re.escape(child) + r"(?=[^\s}\]])").finditer(self.text, offset, end)
                for index, match in enumerate(items):
                    if index == int(token):
                        found = match.start()
                        break
            if found < 0:
                return offset
            offset = found + 1
            prefix += "/" + token
            self.nodes[prefix] = offset
        return offset

    def line_col(self, offset: int) -> tuple[int, int]:
        self.lookups += 1
        if self.newlines is None and self.lookups > _INDEX_AFTER:
            self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        if self.newlines is not None:
            line = bisect.bisect_left(self.newlines, offset)
        else:
            line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        segment = self.text[offset:end if end >= 0 else len(self.text)]
        column = offset - start + 1 + len(segment) - len(segment.lstrip())
        return line + 1, column


class Locator:
    """doc.locate, with lines in a JSON root file (see above), found on first need."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.pretty: PrettyJson | None = None
        self.fast: bool | None = None

    def __call__(self, pointer: str) -> Location:
        found = self.doc.locate(pointer)
        if found.line or self.doc.json_root_text is None or found.file != self.doc.root_file:
            return found
        if self.fast is None:
            self.fast = PrettyJson.looks_pretty(self.doc.json_root_text)
            if self.fast:
                self.pretty = PrettyJson(self.doc.json_root_text)
        if not self.fast or self.pretty is None:
            return self.doc.locate_precisely(pointer)
        return Location(self.doc.root_file, *self.pretty.line_col(self.pretty.offset(pointer)))
