"""Format generated Python with black, in-process, never twice for the same text.

Black is by far the slowest stage, so each file's formatted text is cached by
the hash of its unformatted text (and black's version). The cache lives in the
output's manifest, so a fresh clone's `check` reuses the committed output, and
in a local cache folder for files that changed since.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black

from .errors import SpecError

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=100)
FORMATTER_ID = f"black-{black.__version__}-py310-100"
#: below this many files to format, a process pool costs more than it saves
_PARALLEL_THRESHOLD = 24


def render_hash(text: str) -> str:
    return hashlib.sha256((FORMATTER_ID + "\0" + text).encode()).hexdigest()[:32]


def _format_one(item: tuple[str, str]) -> tuple[str, str, str | None]:
    path, text = item
    try:
        return path, black.format_str(text, mode=BLACK_MODE), None
    except Exception as exc:  # black.InvalidInput and friends: a generator bug, reported with the file
        return path, text, f"{type(exc).__name__}: {exc}"


class FormatCache:
    """render hash -> formatted text, kept in a folder of small files."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, key: str) -> str | None:
        if self.folder is None:
            return None
        try:
            return (self.folder / key[:2] / key).read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, key: str, text: str) -> None:
        if self.folder is None:
            return
        target = self.folder / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written is only slower


def format_files(
    files: Mapping[str, str],
    *,
    known: Mapping[str, tuple[str, str]] | None = None,
    cache: FormatCache | None = None,
    jobs: int | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Format the `.py` files; return (formatted files, render hash per formatted path).

    `known` maps a path to (render hash, formatted text) from the last run, typically
    the files on disk described by the manifest: a file whose render hash is unchanged
    is taken from there without running black.
    """
    known = known or {}
    out: dict[str, str] = {}
    hashes: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    for path, text in files.items():
        if not path.endswith(".py"):
            out[path] = text
            continue
        key = render_hash(text)
        hashes[path] = key
        previous = known.get(path)
        if previous is not None and previous[0] == key:
            out[path] = previous[1]
            continue
        cached = cache.get(key) if cache else None
        if cached is not None:
            out[path] = cached
            continue
        todo.append((path, text))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if len(todo) >= _PARALLEL_THRESHOLD and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_format_one, todo, chunksize=max(1, len(todo) // (workers * 4))))
    else:
        results = [_format_one(item) for item in todo]
    for path, formatted, problem in results:
        if problem is not None:
            raise SpecError(f"generated code does not parse ({problem}); this is a generator bug, please report it", None, path)
        out[path] = formatted
        if cache:
            cache.put(hashes[path], formatted)
    return {path: out[path] for path in files}, hashes


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def manifest_text(files: Mapping[str, str], hashes: Mapping[str, str], generator_id: str) -> str:
    """The manifest: the files the generator owns, with the render hash (input to black)
    and the content hash (what was written) of each, so an unchanged file skips black."""
    data = {
        "generator": generator_id,
        "formatter": FORMATTER_ID,
        "files": {
            path: {"render": hashes[path], "content": content_hash(text)} if path in hashes else {"content": content_hash(text)}
            for path, text in sorted(files.items())
        },
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"
