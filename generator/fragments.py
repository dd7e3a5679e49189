"""Pieces of the files that list every operation, from the last run into an output folder.

`mcp/tools.json` holds one entry per operation, each a line of JSON made from that
operation and from parts of the document every entry shares (the components, a few
settings). When neither changed, neither did the line: after a one-operation change,
one tool in thousands is made again and the others are the lines of the last run.

A piece is found by a key made from everything its maker reads (reuse.render_key: the
inputs pickled, and the generator's own code), so a key that matches is a piece that is
the same; a maker reads nothing else (each one says what it reads). The pieces are kept
as text in `$XDG_CACHE_HOME/sdkgen/fragments/`, one file per output folder: a line of
JSON saying what each piece is, then the pieces (never a pickle: a cache file must not be
able to run code). A store that cannot be read, or was made by other code, counts as
empty; each run writes back only the pieces it used, atomically. `sdkgen check` never
uses it, and `--no-cache` turns it off. tests/generator/test_fragments.py and
`bench/sweep.py --incremental` compare runs after random changes with cold runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from . import reuse

if TYPE_CHECKING:
    from .views import OperationView

#: the kinds of piece kept (a store of another shape is not read)
KINDS = ("tool", "command", "mock", "fixture")
#: a reference that leaves the components: what it names may be in another operation
_OUTSIDE_COMPONENTS = re.compile(rb'"\$ref":"(?!#/components/)')
#: stores kept, from the output folders written last: a store holds the text of the
#: pieces (megabytes on a big document), so fewer are kept than reuse.py's digests
MAX_STORES = 20


class Fragments:
    """The pieces of the last run into `output` (read at first use), and this run's."""

    def __init__(self, output: Path, store: Path) -> None:
        folder_key = hashlib.blake2b(str(output.resolve()).encode(), digest_size=12).hexdigest()
        self._path = store / f"{folder_key}.json"
        self._before: dict[str, dict[str, str]] | None = None
        self._used: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        self._operations: dict[int, str] = {}
        self._document: tuple[str | None] | None = None
        self.made = 0  # pieces made in this run (for the tests and the timings)

    def key(self, *inputs: object) -> str:
        """A key for what is made from `inputs` (plain data and IR; no sets) by the
        generator's code (reuse.render_key). Strings alone, the most common inputs, are
        joined rather than pickled (a quarter of the time)."""
        if all(isinstance(value, str) for value in inputs):
            text = "".join(f"{len(value)}:{value}" for value in inputs)  # type: ignore[arg-type]
            return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=_code_key(), digest_size=16).hexdigest()
        return reuse.render_key(inputs)

    def operation(self, view: OperationView) -> str:
        """The key of an operation's view (its IR in it), made once per run: the part of
        most pieces' keys that takes the time (pickling it: 45 µs an operation)."""
        found = self._operations.get(id(view))
        if found is None:
            found = self._operations[id(view)] = reuse.render_key(view)
        return found

    def _read(self) -> dict[str, dict[str, str]]:
        """The store: a line of JSON (the code's digest, and each piece's kind, key and
        length), then the pieces' texts one after the other, as they are (JSON strings of
        megabytes of JSON text would take longer to read than the pieces take to make)."""
        try:
            text = self._path.read_text(encoding="utf-8")
            at = text.find("\n") + 1  # the texts are sliced from `text`: no copy of megabytes
            index = orjson.loads(text[:at])
        except (OSError, UnicodeDecodeError, orjson.JSONDecodeError):
            return {}
        if not at or not isinstance(index, dict) or index.get("code") != reuse.code_digest() \
                or not isinstance(index.get("pieces"), list):
            return {}
        found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for entry in index["pieces"]:
            if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in found and isinstance(entry[1], str)
                    and isinstance(entry[2], int) and entry[2] >= 0):
                return {}
            found[entry[0]][entry[1]] = text[at:at + entry[2]]
            at += entry[2]
        return found if at == len(text) else {}

    def document(self, data: Any) -> str | None:
        """A key for the document less its paths, for the pieces made from an operation
        and whatever it refers to: None when some `$ref` leads outside the components (it
        may name a part of another operation, which the key would not cover), or when the
        document is not JSON data. Made once per run (a few ms: orjson)."""
        if self._document is None:
            self._document = (_document_key(data),)
        return self._document[0]

    def piece(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """The piece of `kind` made from inputs with this `key`: the last run's, or `make()`."""
        if self._before is None:
            self._before = self._read()
        text = self._before.get(kind, {}).get(key)
        if text is None:
            text = make()
            self.made += 1
        self._used[kind][key] = text
        return text

    def save(self) -> None:
        """This run's pieces, written atomically; a store that cannot be written costs the
        next run the pieces, nothing more."""
        index = [[kind, key, len(text)] for kind, pieces in self._used.items() for key, text in pieces.items()]
        texts = [text for pieces in self._used.values() for text in pieces.values()]
        data = orjson.dumps({"code": reuse.code_digest(), "pieces": index}) + b"\n" + "".join(texts).encode("utf-8", "surrogatepass")
        reuse.write_atomically(self._path, data, keep=MAX_STORES)


def fragments_before(output: Path) -> Fragments | None:
    """The pieces of the last run into `output`; None where nothing can be kept."""
    home = reuse.cache_home()
    return Fragments(output, home / "fragments") if home else None


@cache
def _code_key() -> bytes:
    """reuse.code_digest as a blake2b key, with a mark of its own: a key of joined
    strings and one of pickled inputs never meet."""
    return ("joined:" + reuse.code_digest()).encode()[:64]


def _document_key(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    try:
        rest = orjson.dumps({name: value for name, value in data.items() if name != "paths"})
        paths = orjson.dumps(data.get("paths"))
    except (orjson.JSONEncodeError, TypeError):
        return None
    if _OUTSIDE_COMPONENTS.search(rest) or _OUTSIDE_COMPONENTS.search(paths):
        return None
    segments = list(data["paths"]) if isinstance(data.get("paths"), dict) else []
    return reuse.render_key((hashlib.blake2b(rest, digest_size=16).hexdigest(), segments))
