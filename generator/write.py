"""Put generated files on disk: only what changed, atomically, never a file we don't own.

The rules, in the order they are checked (nothing is written until all hold):

* every path is inside the output folder, through no symbolic link that leads out of it;
* a file that exists and is not in the manifest is the user's: it is never replaced,
  and a folder that holds files but no manifest is not written into at all, unless
  `force` is given;
* new contents go to temporary files first and are renamed into place only when all
  of them were written (the manifest last), so a failure leaves the output as it was;
* a file the manifest names that is no longer generated is removed, if it is still a
  regular file inside the output folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import OUTPUT, GeneratorBug, Location, SpecError
from .manifest import MANIFEST, Manifest, is_safe_path


@dataclass
class WriteResult:
    written: list[str]
    removed: list[str]
    unchanged: int


def _inside(path: Path, root: Path) -> bool:
    """`path` (which may not exist yet) resolves to a place inside `root`."""
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def plan_writes(output: Path, files: Mapping[str, str], old: Manifest, *, force: bool = False,
                on_disk: Mapping[str, str] | None = None, hashes: Mapping[str, str] | None = None) -> dict[str, str]:
    """The files whose content on disk differs from `files`; SpecError when writing them
    would break one of the rules above. `on_disk` has the text of files read from the
    folder in this run already (those are not read again); `hashes`, the content hashes
    of `files` (the new manifest's): a file the last run wrote whose hash changed is
    written without being read first (8 MB for EC2's module)."""
    if str(output) == "":
        raise SpecError("the output folder must be named (--output)", Location("<output>"), code=OUTPUT)
    if output.exists() and not output.is_dir():
        raise SpecError("the output is not a folder", Location(str(output)), code=OUTPUT)
    root = output.resolve()
    if not old.present and not force and output.is_dir() and any(output.iterdir()):
        shown = sorted(p.name for p in output.iterdir())[:5]
        raise SpecError(
            f"the output folder holds files the generator did not create ({', '.join(shown)}"
            f"{', ...' if len(shown) == 5 else ''}) and no {MANIFEST}; choose an empty folder, or pass --force "
            "to write into it (files with the generated names are then replaced)",
            Location(str(output)),
            code=OUTPUT,
        )
    changes: dict[str, str] = {}
    foreign: list[str] = []
    known = on_disk or {}
    new_hashes = hashes or {}
    folders: dict[Path, bool] = {}  # folder -> inside root (each resolved once, not once a file)
    for rel, text in files.items():
        if not is_safe_path(rel):
            raise GeneratorBug(f"the generator produced an unsafe output path {rel!r}")
        if known.get(rel) == text:
            continue  # as it is on disk, and not written
        target = output / rel
        inside = folders.get(target.parent)
        if inside is None:
            inside = folders[target.parent] = _inside(target.parent, root)
        if not inside or (target.is_symlink() and not _inside(target, root)):
            raise SpecError(f"{rel} would be written outside the output folder (through a symbolic link)",
                            Location(str(output)), code=OUTPUT)
        if rel in old.files and old.files[rel] != new_hashes.get(rel, old.files[rel]):
            changes[rel] = text  # ours, and changed since the last run: no need to read it
            continue
        try:
            current = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        except (OSError, UnicodeDecodeError):
            current = ""  # unreadable: replace it if it is ours
        if current == text:
            continue
        if current is not None and rel not in old.files and not force and old.present:
            foreign.append(rel)
        changes[rel] = text
    if foreign:
        raise SpecError(
            f"{', '.join(sorted(foreign)[:5])} exist(s) in the output folder but the generator did not create "
            "them; move them away, or pass --force to replace them",
            Location(str(output)),
            code=OUTPUT,
        )
    return changes


def write_files(output: Path, files: Mapping[str, str], manifest: Manifest, *, force: bool = False,
                on_disk: Mapping[str, str] | None = None) -> WriteResult:
    """`files` and their `manifest` into `output` (see the rules above); `on_disk`, the text
    of files read from there in this run (pipeline.Generated.on_disk)."""
    old = Manifest.read(output)
    changes = plan_writes(output, files, old, force=force, on_disk=on_disk, hashes=manifest.files)
    manifest_text = manifest.text()
    try:
        current_manifest = (output / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current_manifest = None
    if current_manifest != manifest_text:
        changes[MANIFEST] = manifest_text
    unchanged = len(files) - len([rel for rel in changes if rel != MANIFEST])
    stale = sorted(p for p in old.files if p not in files)

    staged: list[tuple[Path, Path]] = []
    new_file_mode = _new_file_mode()
    try:
        for rel, text in sorted(changes.items(), key=lambda item: item[0] == MANIFEST):
            target = output / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((Path(tmp_name), target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                # mkstemp's file is private (0600): give it the mode the file had, or
                # the one the umask gives a new file, as a plain write would
                _chmod(handle.fileno(), target, new_file_mode)
                handle.write(text)
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise SpecError(f"cannot write the output: {exc}", Location(str(output)), code=OUTPUT) from None
    for tmp, target in staged:  # everything is on disk: rename into place, the manifest last
        os.replace(tmp, target)
    root = output.resolve()
    removed = []
    for rel in stale:
        target = output / rel
        if target.is_symlink() or not target.is_file() or not _inside(target.parent, root):
            continue  # not a file we wrote any more: leave it
        target.unlink()
        removed.append(rel)
        _remove_empty_dirs(target.parent, output)
    written = sorted(rel for rel in changes if rel != MANIFEST)
    return WriteResult(written=written, removed=removed, unchanged=unchanged)


def _new_file_mode() -> int:
    """The mode a plain write gives a new file here: 0666 less the umask (which can only
    be read by setting it; nothing else in this process creates files meanwhile)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _chmod(fd: int, target: Path, new_file_mode: int) -> None:
    """The temporary file at `fd` given the mode of the file it will replace, or
    `new_file_mode` when there is none (where file modes mean nothing, it is left as is)."""
    if not hasattr(os, "fchmod"):
        return
    try:
        found = os.lstat(target)
    except OSError:
        found = None
    # a symbolic link is replaced, not followed: its own mode (0777) says nothing
    mode = found.st_mode & 0o777 if found is not None and stat.S_ISREG(found.st_mode) else new_file_mode
    os.fchmod(fd, mode)


def _remove_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
