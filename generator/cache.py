"""Where the generator keeps its local caches (never required: a miss is only slower)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """`$XDG_CACHE_HOME/sdkgen` (or ~/.cache/sdkgen); None when SDKGEN_NO_CACHE is set."""
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen"
