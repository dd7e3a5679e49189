"""Put generated files on disk: only what changed, atomically, never a file we don't own.

The output folder holds a manifest (`MANIFEST`) naming every file the generator
wrote. A file that was generated before and is no longer emitted is removed; a
file that is not in the manifest is never touched. All new contents are written
to temporary files first and renamed into place only when every one of them was
written, so a failure leaves the previous output intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Location, SpecError
from .format import content_hash

MANIFEST = ".generator-manifest.json"


@dataclass
class Manifest:
    files: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, output: Path) -> Manifest:
        try:
            data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
            files = data.get("files") if isinstance(data, dict) else None
            if isinstance(files, dict):
                return cls({str(k): dict(v) for k, v in files.items() if isinstance(v, dict)})
        except (OSError, ValueError):
            pass
        return cls()

    def known_formatted(self, output: Path) -> dict[str, tuple[str, str]]:
        """path -> (render hash, text on disk) for files still exactly as the generator wrote them."""
        known: dict[str, tuple[str, str]] = {}
        for path, info in self.files.items():
            render = info.get("render")
            if not render:
                continue
            try:
                text = (output / path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if content_hash(text) == info.get("content"):
                known[path] = (render, text)
        return known


@dataclass
class WriteResult:
    written: list[str]
    removed: list[str]
    unchanged: int


def _safe_relative(path: str) -> str:
    parts = Path(path).parts
    if Path(path).is_absolute() or ".." in parts or not parts:
        raise SpecError(f"refusing to write outside the output folder: {path!r}", Location("<generator>"))
    return path


def write_files(output: Path, files: Mapping[str, str], manifest_text: str) -> WriteResult:
    old = Manifest.read(output)
    changes: dict[str, str] = {}
    unchanged = 0
    for rel, text in {**files, MANIFEST: manifest_text}.items():
        target = output / _safe_relative(rel)
        try:
            current = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            unchanged += 1
        else:
            changes[rel] = text
    stale = sorted(p for p in old.files if p not in files and p != MANIFEST)

    staged: list[tuple[Path, Path]] = []
    try:
        for rel, text in sorted(changes.items()):
            target = output / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            staged.append((Path(tmp_name), target))
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise SpecError(f"cannot write the output: {exc}", Location(str(output))) from None
    # Everything is on disk: rename into place, the manifest last.
    staged.sort(key=lambda pair: pair[1].name == MANIFEST)
    for tmp, target in staged:
        os.replace(tmp, target)
    removed = []
    for rel in stale:
        target = output / rel
        try:
            target.unlink()
            removed.append(rel)
        except FileNotFoundError:
            pass
        _remove_empty_dirs(target.parent, output)
    written = sorted(rel for rel in changes if rel != MANIFEST)
    return WriteResult(written=written, removed=removed, unchanged=unchanged)


def _remove_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
