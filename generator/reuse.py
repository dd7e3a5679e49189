"""The formatter's work from the last run into an output folder, used again.

The formatter is a pure function of the text it is given (and of its version and
settings). When `generate` gives it the same text for a file as the last run into the
same folder did, the formatted file is already there: it is read back rather than
formatted again. After a one-operation change only that operation's module (and the few
files that list every operation) go to the formatter; on compute.googleapis.com that is
1 of 96 resource modules, and 0.15 s of a 1 s run.

What is kept, in `$XDG_CACHE_HOME/sdkgen/formatted/` (`~/.cache` by default), is small:
for each file, a digest of the text the formatter was given and the content hash of what
it gave back. The formatted text itself is the file in the output folder, used only when
its content hash is still that one (a file edited by hand, or written by another run, is
formatted again). A store that cannot be read, or was made with another formatter,
version or settings, counts as empty; each run writes back only the entries it used,
atomically, so the store never grows past one output, and keeps the MAX_PART_FILES parts
written last (output folders thrown away do not pile up). `sdkgen check` never uses it:
it stays the full, cold regeneration that CI trusts.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import operator
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from . import format as formatting
from .manifest import content_hash, content_hash_of_bytes

#: which files a store entry is for: the child's modules, the rest, or both together (a
#: small document is formatted in one pass); a run keeps the parts its own way made
PARTS = ("modules", "rest", "all")
#: part files kept, from the output folders written last (a part is kilobytes: one entry
#: per file); older ones are removed, so throwaway folders do not pile up
MAX_PART_FILES = 200


def cache_home() -> Path | None:
    """Where sdkgen keeps what it may throw away ($XDG_CACHE_HOME/sdkgen, else
    ~/.cache/sdkgen); None where neither names a folder (no HOME: nothing is kept)."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "sdkgen"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "sdkgen" if os.path.isabs(home) else None


def settings_key(formatter: str, package: str) -> str:
    """What the formatter's output depends on besides the text: its name and version,
    the package (first-party for import sorting), and how format.py runs it (its own
    source, so a change there is a change of settings)."""
    source = Path(formatting.__file__).read_bytes()
    parts = [formatting.formatter_id(formatter), package, hashlib.blake2b(source, digest_size=16).hexdigest()]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


@cache
def code_digest() -> str:
    """A digest of the generator's own code and templates: what a rendering depends on
    besides its inputs. Read once per process (a few milliseconds)."""
    root = Path(__file__).resolve().parent
    return folders_digest((root, root.parent / "templates"))


def folders_digest(folders: tuple[Path, ...]) -> str:
    """A digest of the files in `folders` (names and bytes). Caches beside the code
    (`__pycache__`, a type checker's or linter's dot-folder) are not code: reading them
    cost 50 ms a run, and each change of theirs made every rendering anew."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            inside = path.relative_to(folder).parts
            if path.suffix == ".pyc" or any(part == "__pycache__" or part.startswith(".") for part in inside):
                continue
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def render_key(inputs: object) -> str:
    """A key for a rendering from `inputs` (IR and views: plain data, pickled; equal
    pickles mean equal values, and a value pickled otherwise only costs a rendering) and
    the generator's code. `inputs` must hold no set: a set's pickle follows string hashes,
    which change from one process to the next."""
    global _pickling
    if _pickling is None:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _key_reducers()
        _pickling = buffer, pickler
    buffer, pickler = _pickling
    buffer.seek(0)
    buffer.truncate()
    pickler.clear_memo()
    pickler.dump(inputs)
    data = buffer.getvalue()
    if len(data) > _PICKLER_KEPT_UP_TO:  # its memo grew with it, and clear_memo sweeps all of it
        _pickling = None  # (a kept pickler after the CLI's words: 100 µs a key)
    return hashlib.blake2b(data, key=code_digest().encode()[:64], digest_size=16).hexdigest()


def json_key(inputs: object) -> str:
    """render_key for inputs of JSON data only (strings, numbers, lists, dicts with string
    keys): their JSON text, made by orjson, a third of the time of the pickle."""
    return hashlib.blake2b(orjson.dumps(inputs), key=code_digest().encode()[:64], digest_size=16).hexdigest()


#: the keys' pickler and its buffer, kept from one key to the next (a new one each
#: time: a sixth of the time of an operation's key) while the inputs stay small
_pickling: tuple[io.BytesIO, pickle.Pickler] | None = None
_PICKLER_KEPT_UP_TO = 256 * 1024


@cache
def _key_reducers() -> dict[type, Callable[[Any], tuple[Any, ...]]]:
    """How the keys' pickler writes each dataclass of the IR and the views: as its class
    and its fields' values in order (what its __init__ takes), not as the dict of its
    attributes: a third less time on the operations' views, which every run pickles for
    its keys (autotask's 2,958: 125 -> 80 ms)."""
    from . import ir, views  # here: views imports fragments, which imports this module

    table: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
    for module in (ir, views):
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                found = dataclasses.fields(value)
                if all(f.init for f in found) and found:
                    table[value] = _reducer(value, operator.attrgetter(*(f.name for f in found)), len(found))
    return table


def _reducer(cls: type, values: Callable[[Any], Any], count: int) -> Callable[[Any], tuple[Any, ...]]:
    if count == 1:
        return lambda obj: (cls, (values(obj),))
    return lambda obj: (cls, values(obj))


def _input_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


#: the store's parts: "all" when one process formats every file, "modules" (in the child)
#: and "rest" when a child renders the modules (render.py)
_PARTS = ("all", "modules", "rest")


def formatted_before(folder: OutputFolder, formatter: str, package: str) -> FormattedBefore | None:
    """What the last run into the output `folder` formatted, for a run that formats with
    `formatter`; None where nothing can be kept (no cache folder)."""
    home = cache_home()
    return FormattedBefore(folder.root, settings_key(formatter, package), home / "formatted", folder) if home else None


class FormattedBefore:
    """The formatted files of the last run into `output` that can stand for the formatter's
    work in this one; what this run formatted is kept in the folder `store`."""

    def __init__(self, output: Path, settings: str, store: Path, folder: OutputFolder | None = None) -> None:
        self.output = output
        self.folder = folder or OutputFolder(output)
        self.settings = settings
        folder_key = hashlib.blake2b(str(output.resolve()).encode(), digest_size=12).hexdigest()
        self._store = store / folder_key
        # Every part of the store is read now, before render forks a child: a run of one
        # way (all files in one process) finds what a run of the other (the modules in a
        # child, the rest here) formatted, as SDKGEN_JOBS or the document's size switch
        # between them; an entry holds only while the file it describes is unchanged, so
        # the other way's entries are as good as this way's.
        found = {part: self._read_entries(part) for part in _PARTS}
        self._read: dict[str, dict[str, list[str]]] = {
            part: {path: entry for other in _PARTS if other != part for path, entry in found[other].items()} | found[part]
            for part in _PARTS
        }
        #: path -> the key of what its text was rendered from, in this run
        self._keys: dict[str, str] = {}
        #: path -> the store's entry, for the files whose rendering was skipped (rendered())
        self._kept: dict[str, list[str]] = {}
        #: the files made in this run from formatted pieces (resource_pieces.py)
        self._spliced: set[str] = set()
        #: path -> content hash of the Python files format() gave back (the manifest's too)
        self.hashes: dict[str, str] = {}

    def _part_file(self, part: str) -> Path:
        return self._store.with_name(f"{self._store.name}-{part}.json")

    def _entries(self, part: str) -> dict[str, list[str]]:
        """The store's entries for `part`, and the other parts' beside them (read when this
        was made). An entry is [digest of the formatter's input, content hash of its
        output], and the key of what the input was rendered from when it is known
        (render_key)."""
        return self._read[part]

    def _read_entries(self, part: str) -> dict[str, list[str]]:
        """The entries of the store's `part`; none when it cannot be read or is not ours."""
        try:
            data = json.loads(self._part_file(part).read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        if not isinstance(data, dict) or data.get("settings") != self.settings or not isinstance(data.get("files"), dict):
            return {}
        return {path: entry for path, entry in data["files"].items()
                if isinstance(path, str) and isinstance(entry, list) and len(entry) in (2, 3)
                and all(isinstance(value, str) for value in entry)}

    def rendered(self, path: str, part: str, key: str) -> str | None:
        """The formatted file the last run made at `path` from inputs with this `key`,
        read from the output folder (its content hash still the recorded one), so that
        this run neither renders nor formats it; None otherwise. The key is recorded for
        the file either way."""
        self._keys[path] = key
        entry = self._entries(part).get(path)
        if entry is None or len(entry) < 3 or entry[2] != key:
            return None
        found = self.folder.text(path, entry[1])
        if found is None:
            return None
        self._kept[path] = entry
        return found

    def formatted_already(self, path: str) -> None:
        """The text given for `path` is formatted already: made from the formatted pieces
        of the last run and this one's (resource_pieces.py)."""
        self._spliced.add(path)

    def format(self, files: Mapping[str, str], part: str, formatter: Callable[[dict[str, str]], dict[str, str]]) -> dict[str, str]:
        """`formatter(files)`, with the Python files whose formatted text is in the output
        folder from the last run read from there instead (other files are the formatter's
        to pass through, as they are)."""
        before = self._entries(part)
        digests: dict[str, str] = {}
        reused: dict[str, str] = {}
        hashes: dict[str, str] = {}  # of the reused files, known already
        for path, text in files.items():
            if not path.endswith(".py"):
                continue
            kept = self._kept.get(path)
            if kept is not None:  # not rendered: the text is the formatted file (rendered())
                digests[path], hashes[path] = kept[0], kept[1]
                reused[path] = text
                continue
            if path in self._spliced:  # no input of the formatter's has this digest
                digests[path], reused[path] = "spliced", text
                continue
            digest = digests[path] = _input_digest(text)
            entry = before.get(path)
            if entry is None or entry[0] != digest:
                continue
            found = self.folder.text(path, entry[1])
            if found is not None:
                reused[path], hashes[path] = found, entry[1]
        formatted = formatter({path: text for path, text in files.items() if path not in reused})
        done = {path: reused[path] if path in reused else formatted[path] for path in files}
        entries = {path: [digest, hashes[path] if path in hashes else content_hash(done[path])] for path, digest in digests.items()}
        for path, entry in entries.items():
            self.hashes[path] = entry[1]
            if path in self._keys:
                entry.append(self._keys[path])
        self._save(part, entries)
        return done

    def _save(self, part: str, entries: dict[str, list[str]]) -> None:
        """The store's part for this run, written atomically; the parts of the other way of
        running removed. A store that cannot be written costs the next run a format."""
        data = json.dumps({"settings": self.settings, "files": dict(sorted(entries.items()))}, separators=(",", ":"))
        if not write_atomically(self._part_file(part), data.encode()):
            return
        for other in ("all",) if part != "all" else ("modules", "rest"):  # of _PARTS
            try:
                self._part_file(other).unlink(missing_ok=True)
            except OSError:
                pass


class OutputFolder:
    """The files of an output folder as this run finds them, each read at most once: what
    is taken from the last run (here and in fragments.py) is read from there, and
    write.py compares with the same texts rather than reading them again."""

    def __init__(self, root: Path, trusted: bool = True) -> None:
        self.root = root
        #: False: nothing in the folder counts as the last run's (--no-cache)
        self.trusted = trusted
        #: path -> (text, content hash) of the files read and found as the last run left them
        self.known: dict[str, tuple[str, str]] = {}
        #: path -> (text, content hash) of each file read (None: not a plain file), hashed once
        self._read_before: dict[str, tuple[str, str] | None] = {}

    def text(self, path: str, digest: str) -> str | None:
        """The file at `path` when its content hash is `digest` (a file edited since, or
        not a plain file inside the folder, is not the last run's); None otherwise."""
        if not self.trusted:
            return None
        kept = self.known.get(path)
        if kept is not None:
            return kept[0] if kept[1] == digest else None
        if path not in self._read_before:
            self._read_before[path] = self._read(path)
        found = self._read_before[path]
        if found is None or found[1] != digest:
            return None
        self.known[path] = found
        return found[0]

    def learn(self, known: Mapping[str, tuple[str, str]]) -> None:
        """What a child process found in the folder (background.py)."""
        self.known.update(known)

    def _read(self, path: str) -> tuple[str, str] | None:
        """The text of the file at `path` and its content hash, taken of its bytes as they
        are (newlines not translated); None for what is not a plain file of UTF-8 text."""
        target = self.root.joinpath(*PurePosixPath(path).parts)
        try:
            if target.is_symlink() or not target.is_file():
                return None
            data = target.read_bytes()
            return data.decode("utf-8"), content_hash_of_bytes(data)
        except (OSError, UnicodeDecodeError):
            return None


def write_atomically(path: Path, data: bytes, keep: int | None = None) -> bool:
    """`data` into `path` (its folder made, private to the user) through a temporary file,
    then the `keep` files written last in that folder kept (MAX_PART_FILES by default);
    False when it could not be written (a cache costs a rerun of the work then, nothing more)."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _trim(folder, MAX_PART_FILES if keep is None else keep)
    except OSError:
        return False
    return True


def _trim(folder: Path, keep: int) -> None:
    """The `keep` files written last, the others removed."""
    parts = list(folder.glob("*.json"))
    if len(parts) <= keep:
        return
    dated = []
    for path in parts:
        try:
            dated.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(dated)[:len(dated) - keep]:
        path.unlink(missing_ok=True)
