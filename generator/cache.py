"""Where the generator keeps its local caches (never required: a miss is only slower),
and how they are kept from growing without bound."""

from __future__ import annotations

import os
import time
from pathlib import Path

#: the caches are trimmed to three quarters of this once they pass it, least recently used
#: files first (SDKGEN_CACHE_MAX_MB sets another size)
DEFAULT_MAX_MB = 256
#: how often the size is looked at (walking thousands of files on every run would cost more)
PRUNE_EVERY_SECONDS = 24 * 3600
_MARKER = ".last-pruned"


def cache_root() -> Path | None:
    """`$XDG_CACHE_HOME/sdkgen` (or ~/.cache/sdkgen); None when SDKGEN_NO_CACHE is set."""
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen"


def touch(path: Path) -> None:
    """Mark a cache file as used, so that trimming removes it last."""
    try:
        os.utime(path)
    except OSError:
        pass


def max_bytes() -> int:
    try:
        megabytes = float(os.environ.get("SDKGEN_CACHE_MAX_MB") or DEFAULT_MAX_MB)
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def prune(root: Path | None, *, limit: int | None = None, force: bool = False) -> int:
    """At most once a day (or when `force`d): when the caches under `root` hold more than
    `limit` bytes (default: max_bytes()), remove the least recently used files until they
    hold three quarters of it. Returns the bytes removed. Never raises: a cache that
    cannot be trimmed is only big."""
    if root is None or not root.is_dir():
        return 0
    limit = max_bytes() if limit is None else limit
    trim_to = limit * 3 // 4
    marker = root / _MARKER
    try:
        if not force and time.time() - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
            return 0
    except OSError:
        pass
    files: list[tuple[float, int, str]] = []
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name == _MARKER:
                continue
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            files.append((info.st_mtime, info.st_size, path))
            total += info.st_size
    removed = 0
    if total > limit:
        for _, size, path in sorted(files):
            if total - removed <= trim_to:
                break
            try:
                os.remove(path)
                removed += size
            except OSError:
                continue
    try:
        marker.touch()
    except OSError:
        pass
    return removed
