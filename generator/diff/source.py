"""Where a side of a comparison comes from: a spec file, a split spec's root (or the
folder holding `openapi.yaml`), or a git revision with a path (`HEAD~1:spec/openapi.yaml`,
`origin/main:spec/openapi.yaml`), read through git without touching the working tree.

A revision's spec is read with `git ls-tree` and `git cat-file --batch`: every YAML and
JSON file under the root file's folder at that revision is copied into a temporary
folder, loaded from there with the ordinary loader (so split specs and their `$ref`s work
as they do on disk), and the locations are renamed back to `REV:path` before the
temporary folder goes away. A bare revision (`origin/main`) means that revision's
`spec/openapi.yaml`.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..diagnostics import INPUT, Diagnostic, Location, SpecError
from ..load import Document, load
from ..release import RELEASE_FILE

#: a bare revision stands for this file at that revision
DEFAULT_SPEC = "spec/openapi.yaml"
#: the names a folder's root document may have, in the order they are looked for
ROOT_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json")
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
#: what one revision may bring in: files and bytes (a spec folder is far smaller)
MAX_FILES = 5000
MAX_BYTES = 256 * 1024 * 1024
GIT_TIMEOUT = 120


@dataclass
class Side:
    """One loaded side: the document and how to name it in messages."""

    label: str
    doc: Document
    revision: str | None = None  # the commit it was read from, when it came from git
    path: str = ""  # the root file (repository-relative when from git)
    #: the release record beside the root file (RELEASE_FILE), when there is one
    release: dict[str, Any] | None = None


def _input_error(message: str, where: str) -> SpecError:
    return SpecError(message, Location(where), code=INPUT)


def _git(args: list[str], cwd: str | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], input=stdin, capture_output=True, cwd=cwd, timeout=GIT_TIMEOUT, check=False,
        )
    except FileNotFoundError:
        raise _input_error("git is not installed, so a revision cannot be read", "git") from None
    except subprocess.TimeoutExpired:
        raise _input_error(f"git {' '.join(args[:2])} took longer than {GIT_TIMEOUT} s", "git") from None


def resolve_commit(revision: str, cwd: str | None = None) -> str | None:
    """The commit id `revision` names, or None when it names none (or this is no git repository)."""
    if not revision or revision.startswith("-"):
        return None
    try:
        proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], cwd)
    except SpecError:
        return None
    return proc.stdout.decode().strip() if proc.returncode == 0 else None


def _folder_root(folder: Path) -> Path:
    for name in ROOT_NAMES:
        if (folder / name).is_file():
            return folder / name
    raise _input_error(f"no {' / '.join(ROOT_NAMES)} in this folder", str(folder))


def open_side(argument: str, cwd: str | None = None) -> Side:
    """Load BASE or HEAD as the user wrote it; SpecError (exit 2) when it cannot be."""
    here = Path(cwd or os.getcwd())
    candidate = here / argument
    if argument and candidate.exists():
        root = _folder_root(candidate) if candidate.is_dir() else candidate
        shown = argument if not candidate.is_dir() else os.path.join(argument, root.name)
        release_file = root.parent / RELEASE_FILE
        release = parse_release(release_file.read_bytes(), str(release_file)) if release_file.is_file() else None
        return Side(shown, load(root), None, str(root), release)
    revision, sep, path = argument.partition(":")
    if not sep:
        if resolve_commit(argument, str(here)) is None:
            raise _input_error("no such file or folder, and not a git revision", argument)
        revision, path = argument, DEFAULT_SPEC
    commit = resolve_commit(revision, str(here))
    if commit is None:
        raise _input_error(f"{revision!r} is not a revision of a git repository here", argument)
    if not path:
        raise _input_error("give the spec's path after the revision, as REV:spec/openapi.yaml", argument)
    return _open_revision(revision, commit, path, here)


def _repo_path(path: str, here: Path) -> str:
    """`path` relative to the repository's top folder, as git's REV:path reads it: paths
    starting with ./ or ../ are relative to the working directory, others to the top."""
    if not (path.startswith("./") or path.startswith("../")):
        return str(PurePosixPath(path))
    prefix = _git(["rev-parse", "--show-prefix"], str(here)).stdout.decode().strip()
    joined = os.path.normpath(os.path.join(prefix, path)).replace(os.sep, "/")
    if joined.startswith(".."):
        raise _input_error("the path leads out of the repository", path)
    return joined


def _open_revision(revision: str, commit: str, path: str, here: Path) -> Side:
    rel = _repo_path(path, here)
    kind = _git(["cat-file", "-t", f"{commit}:{rel}"], str(here))
    if kind.returncode != 0:
        raise _input_error(f"{rel} does not exist at {revision}", f"{revision}:{path}")
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", "--name-only", commit], str(here)).stdout.decode("utf-8", "replace")
    names = [n for n in listing.split("\0") if n]
    if kind.stdout.decode().strip() == "tree":
        folder = rel.rstrip("/")
        root_rel = next((f"{folder}/{n}" for n in ROOT_NAMES if f"{folder}/{n}" in names), None)
        if root_rel is None:
            raise _input_error(f"no {' / '.join(ROOT_NAMES)} in {folder} at {revision}", f"{revision}:{path}")
    else:
        root_rel = rel
    folder = str(PurePosixPath(root_rel).parent)
    inside = [
        n for n in names
        if (folder == "." or n.startswith(folder + "/")) and n.endswith(SPEC_SUFFIXES)
    ]
    if root_rel not in inside:
        inside.append(root_rel)
    if len(inside) > MAX_FILES:
        raise _input_error(f"{len(inside)} YAML/JSON files beside the spec at {revision}; at most {MAX_FILES} are read",
                           f"{revision}:{root_rel}")
    contents = _read_blobs(commit, inside, here)
    with tempfile.TemporaryDirectory(prefix="sdkgen-rev-") as tmp:
        tmp_root = os.path.realpath(tmp)
        for name, data in contents.items():
            target = Path(tmp_root, *PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        label_of = _Relabel(tmp_root, revision)
        try:
            doc = load(Path(tmp_root, *PurePosixPath(root_rel).parts))
        except SpecError as exc:
            raise SpecError([label_of.diagnostic(d) for d in exc.diagnostics]) from None
        _relabel_document(doc, label_of)
    release_rel = str(PurePosixPath(root_rel).parent / RELEASE_FILE).removeprefix("./")
    release = parse_release(contents[release_rel], f"{revision}:{release_rel}") if release_rel in contents else None
    return Side(f"{revision}:{root_rel}", doc, commit, root_rel, release)


def parse_release(data: bytes, shown: str) -> dict[str, Any]:
    """A release record: a JSON object whose `version` is MAJOR.MINOR.PATCH."""
    from ..semver import parse_version

    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _input_error(f"not a JSON release record: {exc}", shown) from None
    if not isinstance(record, dict) or not isinstance(record.get("version"), str):
        raise _input_error('a release record is a JSON object with a "version"', shown)
    try:
        parse_version(record["version"])
    except ValueError as exc:
        raise _input_error(str(exc), shown) from None
    return record


def _read_blobs(commit: str, names: list[str], here: Path) -> dict[str, bytes]:
    request = "".join(f"{commit}:{name}\n" for name in names).encode()
    proc = _git(["cat-file", "--batch"], str(here), request)
    if proc.returncode != 0:
        raise _input_error(proc.stderr.decode(errors="replace").strip() or "git cat-file failed", commit)
    out = proc.stdout
    contents: dict[str, bytes] = {}
    offset = 0
    total = 0
    for name in names:
        end = out.index(b"\n", offset)
        header = out[offset:end].split()
        offset = end + 1
        if len(header) < 3 or header[1] != b"blob":  # "missing", or a submodule
            continue
        size = int(header[2])
        total += size
        if total > MAX_BYTES:
            raise _input_error(f"the spec's folder holds more than {MAX_BYTES >> 20} MB at this revision", name)
        contents[name] = out[offset:offset + size]
        offset += size + 1
    return contents


class _Relabel:
    """Names of files under the temporary folder -> REV:path."""

    def __init__(self, tmp_root: str, revision: str):
        self.tmp_root = tmp_root + os.sep
        self.revision = revision
        self.cache: dict[str, str] = {}

    def __call__(self, shown: str) -> str:
        found = self.cache.get(shown)
        if found is None:
            absolute = os.path.realpath(shown)
            if absolute.startswith(self.tmp_root):
                found = f"{self.revision}:{Path(absolute[len(self.tmp_root):]).as_posix()}"
            else:
                found = shown
            self.cache[shown] = found
        return found

    def location(self, location: Location) -> Location:
        return Location(self(location.file), location.line, location.col)

    def diagnostic(self, d: Diagnostic) -> Diagnostic:
        message = d.message.replace(self.tmp_root, f"{self.revision}:")
        return Diagnostic(self.location(d.location), d.severity, d.code, message, d.pointer)


def _relabel_document(doc: Document, label_of: _Relabel) -> None:
    for pointer, location in doc.locations.items():
        file = label_of(location.file)
        if file is not location.file:
            doc.locations[pointer] = Location(file, location.line, location.col)
    doc.data_sources = {
        pointer: (label_of(shown), positions, src) for pointer, (shown, positions, src) in doc.data_sources.items()
    }
    doc.files = [label_of(f) for f in doc.files]
    doc.root_file = label_of(doc.root_file)
