"""Pieces of the files that list every operation, from the last run into an output folder.

`mcp/tools.json` holds one entry per operation, each a line of JSON made from that
operation and from parts of the document every entry shares (the components, a few
settings). When neither changed, neither did the line: after a one-operation change,
one tool in thousands is made again and the others are the lines of the last run.

A piece is found by a key made from everything its maker reads (reuse.render_key: the
inputs pickled, and the generator's own code), so a key that matches is a piece that is
the same; a maker reads nothing else (each one says what it reads). The text of a piece
is the output's own: what is kept, in `$XDG_CACHE_HOME/sdkgen/fragments/` (one file per
output folder, JSON, never a pickle: a cache file must not be able to run code), is
where each piece is in which output file, and that file's content hash, so a piece is
used only while its file is as the last run left it. A store that cannot be read, or
was made by other code, counts as empty; each run writes back only the pieces it used,
atomically. `sdkgen check` never uses it, and `--no-cache` takes nothing from it.
tests/generator/test_fragments.py and `bench/sweep.py --incremental` compare runs after
random changes with cold runs.

The store also says where the pieces of each big resource module are (resource_pieces.py):
the render child places them, and asks for a module's pieces by its path (module_before).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from . import reuse
from .manifest import content_hash
from .resource_pieces import ModuleBefore

if TYPE_CHECKING:
    from .views import OperationView

#: the kinds of piece kept (a store of another shape is not read); a "module" piece is
#: part of a big resource module (resource_pieces.py), placed by the render child
KINDS = ("tool", "tool_detail", "command", "mock", "fixture", "module")
#: a reference that leaves the components: what it names may be in another operation
_OUTSIDE_COMPONENTS = re.compile(rb'"\$ref":"(?!#/components/)')
#: stores kept, from the output folders written last (a store is an index: a line of it
#: for each operation, up to 2 MB on Microsoft Graph)
MAX_STORES = 50


class Fragments:
    """The pieces of the last run into `output` (found at first use), and this run's.
    `homes` says which output file holds the pieces of each kind: a path, or for a kind
    whose pieces are spread over the files of a folder, that folder (ending in "/"),
    each piece then asked for with the name of its file in it."""

    def __init__(self, output: Path, store: Path, homes: Mapping[str, str], folder: reuse.OutputFolder | None = None) -> None:
        folder_key = hashlib.blake2b(str(output.resolve()).encode(), digest_size=12).hexdigest()
        self._path = store / f"{folder_key}.json"
        self._homes = dict(homes)
        self._folder = folder or reuse.OutputFolder(output)
        #: kind -> key -> (path, content hash of that file, start, length) in the last run's output
        self._before: dict[str, dict[str, tuple[str, str, int, int]]] | None = None
        #: output path -> (kind, key -> text) of the pieces this run put in that file, in order
        self._used: dict[str, tuple[str, dict[str, str]]] = {}
        #: (kind, key) -> text of the pieces of this run: a piece in two files is made once
        self._this_run: dict[tuple[str, str], str] = {}
        #: path -> (content hash, piece key -> (start, length)), for the modules in pieces
        self._modules_before: dict[str, tuple[str, dict[str, tuple[int, int]]]] = {}
        #: path -> [the key of its operations' context, the private aliases its head imports]
        self._module_notes: dict[str, list[Any]] = {}
        #: path -> (its context, its head's aliases, (key, start, length) of each piece), in this run
        self._placed: dict[str, tuple[str, list[str], list[tuple[str, int, int]]]] = {}
        self._operations: dict[int, str] = {}
        self._document: tuple[str | None] | None = None
        self.made = 0  # pieces made in this run (for the tests and the timings)

    def key(self, *inputs: object) -> str:
        """A key for what is made from `inputs` (plain data and IR; no sets) by the
        generator's code (reuse.render_key). Strings alone, the most common inputs, are
        joined rather than pickled (a quarter of the time)."""
        if all(type(value) is str for value in inputs):
            text = "\0".join(inputs)  # type: ignore[arg-type]
            if text.count("\0") >= len(inputs):  # a string holds a NUL: where they split is not plain
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

    def adopt(self, views: list[OperationView], keys: list[str]) -> None:
        """The keys of `views`, made by another process (render.py's child) from the
        same views: what operation() would make."""
        if len(keys) == len(views):
            self._operations.update(zip(map(id, views), keys, strict=True))

    def _read(self) -> dict[str, dict[str, tuple[str, str, int, int]]]:
        """Where the last run's pieces are in its output: the store is JSON, the code's
        digest and, for each file, its content hash and each piece's kind, key, start and
        length in it. The texts are the output's own, used while the file's content hash
        is the recorded one (a second copy of them, megabytes, cost more to write and
        read than the pieces take to make)."""
        try:
            index = orjson.loads(self._path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        if not isinstance(index, dict) or index.get("code") != reuse.code_digest() or not isinstance(index.get("files"), dict) \
                or not isinstance(index.get("modules", {}), dict):
            return {}
        found: dict[str, dict[str, tuple[str, str, int, int]]] = {kind: {} for kind in KINDS}
        for path, (digest, entries) in _valid_files(index["files"]):
            if entries and entries[0][0] == "module":  # a module's pieces, asked for by path
                self._modules_before[path] = (digest, {key: (start, length) for _, key, start, length in entries})
                continue
            for kind, key, start, length in entries:
                found[kind][key] = (path, digest, start, length)
        self._module_notes = {path: note for path, note in index.get("modules", {}).items()
                              if type(note) is list and len(note) == 2 and type(note[0]) is str and type(note[1]) is list
                              and all(type(name) is str for name in note[1])}
        return found

    def module_before(self, path: str) -> ModuleBefore | None:
        """The resource module at `path` as the last run left it, in pieces; None where
        the store has no pieces of it or the file changed since."""
        if self._before is None:
            self._before = self._read()
        kept, note = self._modules_before.get(path), self._module_notes.get(path)
        if kept is None or note is None:
            return None
        text = self._folder.text(path, kept[0])
        if text is None or any(start + length > len(text) for start, length in kept[1].values()):
            return None
        return ModuleBefore(text, kept[1], note[0], note[1])

    def place_modules(self, placed: Mapping[str, tuple[str, list[str], list[tuple[str, int, int]]]]) -> None:
        """Where the pieces of the resource modules are in this run's output (the render
        child's resource_pieces.places), for save()."""
        self._placed.update(placed)

    def document(self, data: Any) -> str | None:
        """A key for the document less its paths, for the pieces made from an operation
        and whatever it refers to: None when some `$ref` leads outside the components (it
        may name a part of another operation, which the key would not cover), or when the
        document is not JSON data. Made once per run (a few ms: orjson)."""
        if self._document is None:
            self._document = (_document_key(data),)
        return self._document[0]

    def piece(self, kind: str, key: str, make: Callable[[], str], file: str = "") -> str:
        """The piece of `kind` made from inputs with this `key`: the last run's, or `make()`.
        It goes into the kind's home, or where that is a folder, into its `file` there.
        The pieces of one file are asked for in the order the file holds them (save())."""
        home = self._homes[kind]
        if home.endswith("/") != bool(file):
            raise ValueError(f"a piece of {kind} names its file where its home is a folder, and only there")
        text = self._this_run.get((kind, key))
        if text is None:
            if self._before is None:
                self._before = self._read()
            where = self._before.get(kind, {}).get(key)
            if where is not None:
                path, digest, start, length = where
                whole = self._folder.text(path, digest)
                text = whole[start:start + length] if whole is not None and start + length <= len(whole) else None
            if text is None:
                text = make()
                self.made += 1
            self._this_run[(kind, key)] = text
        self._used.setdefault(home + file, (kind, {}))[1][key] = text
        return text

    def save(self, files: Mapping[str, str], hashes: Mapping[str, str] | None = None) -> None:
        """Where this run's pieces are in `files` (the output, whose content `hashes` may
        be known already: the manifest's), written atomically; a store
        that cannot be written costs the next run the pieces, nothing more. A piece is
        looked for after the one before it of its file, so a piece found is at its place
        or at an earlier copy of its text: the same text either way."""
        placed: dict[str, list[Any]] = {}
        for path, (kind, used) in self._used.items():
            whole = files.get(path)
            if whole is None:
                continue
            entries = placed.setdefault(path, [])
            at = 0
            for key, text in used.items():
                # by its head, then the whole of it compared: a long text's find costs
                # the preparing of its search (30 ms for autotask's 9,000 pieces)
                start = whole.find(text[:40], at)
                if start >= 0 and not whole.startswith(text, start):
                    start = whole.find(text, at)
                if start < 0:
                    break  # out of order: the rest are made again next time
                entries.append([kind, key, start, len(text)])
                at = start + len(text)
        notes = {}
        for path, (context, mentioned, pieces) in self._placed.items():
            if path in files:
                placed[path] = [["module", key, start, length] for key, start, length in pieces]
                notes[path] = [context, mentioned]
        known = hashes or {}
        index = {path: [known.get(path) or content_hash(files[path]), entries] for path, entries in sorted(placed.items())}
        data = {"code": reuse.code_digest(), "files": index, "modules": dict(sorted(notes.items()))}
        reuse.write_atomically(self._path, orjson.dumps(data), keep=MAX_STORES)


def _valid_files(files: dict[Any, Any]) -> Iterator[tuple[str, tuple[str, list[tuple[str, str, int, int]]]]]:
    """The store's files that are what save() writes; none where one is not (a loop of
    the fewest steps: 12,000 entries on autotask)."""
    checked = []
    kinds = set(KINDS)
    for path, value in files.items():
        if not (type(value) is list and len(value) == 2 and type(value[0]) is str and type(value[1]) is list):
            return iter(())
        entries = value[1]
        for entry in entries:
            if type(entry) is not list or len(entry) != 4:
                return iter(())
            kind, key, start, length = entry
            if kind not in kinds or type(key) is not str or type(start) is not int or type(length) is not int \
                    or start < 0 or length < 0:
                return iter(())
        checked.append((path, (value[0], entries)))
    return iter(checked)


def fragments_before(folder: reuse.OutputFolder, homes: Mapping[str, str]) -> Fragments | None:
    """The pieces of the last run into the output `folder`; None where nothing can be kept."""
    home = reuse.cache_home()
    return Fragments(folder.root, home / "fragments", homes, folder) if home else None


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
