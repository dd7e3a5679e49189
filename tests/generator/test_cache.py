"""The local caches stay bounded: past the size limit, the least recently used files go
first, and the walk over the cache happens at most once a day."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from generator import cache
from generator.format import FormatCache

ROOT = Path(__file__).resolve().parents[2]


def fill(root: Path, count: int, size: int) -> list[Path]:
    files = []
    for i in range(count):
        path = root / "black" / f"{i:02d}"[:2] / f"file{i}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))  # file0 is the oldest
        files.append(path)
    return files


def test_prune_removes_the_least_recently_used_files_down_to_the_target(tmp_path: Path) -> None:
    files = fill(tmp_path, 10, 1000)
    cache.touch(files[0])  # used just now: kept although written first
    removed = cache.prune(tmp_path, limit=4000, force=True)  # trims to 3000 bytes
    assert removed == 7000
    assert sorted(p.name for p in tmp_path.rglob("file*")) == ["file0", "file8", "file9"]


def test_prune_leaves_a_cache_under_the_limit_and_looks_at_most_once_a_day(tmp_path: Path) -> None:
    fill(tmp_path, 4, 1000)
    assert cache.prune(tmp_path, limit=5000) == 0  # first look: under the limit
    fill(tmp_path / "more", 10, 1000)
    assert cache.prune(tmp_path, limit=5000) == 0  # looked less than a day ago
    marker = tmp_path / ".last-pruned"
    os.utime(marker, (time.time() - 2 * 86400,) * 2)
    assert cache.prune(tmp_path, limit=5000) > 0


def test_a_cache_hit_marks_the_file_as_used(tmp_path: Path) -> None:
    store = FormatCache(tmp_path)
    store.put("ab" + "0" * 30, "formatted\n")
    target = tmp_path / "ab" / ("ab" + "0" * 30)
    os.utime(target, (1_000_000, 1_000_000))
    assert store.get("ab" + "0" * 30) == "formatted\n"
    assert target.stat().st_mtime > time.time() - 60


def test_generate_trims_an_oversized_cache(tmp_path: Path) -> None:
    """The CLI looks at the cache after writing its output (XDG_CACHE_HOME decides where)."""
    root = tmp_path / "xdg" / "sdkgen"
    fill(root, 3, 1024 * 1024)  # 3 MB of stale entries against a 2 MB limit
    spec = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "SDKGEN_CACHE_MAX_MB": "2"}
    env.pop("SDKGEN_NO_CACHE", None)
    run = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "-o", str(tmp_path / "out"), "-q"],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    remaining = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert remaining <= 1.5 * 1024 * 1024
    assert not list(root.rglob("file0"))  # the oldest went first
    assert (tmp_path / "out" / "petstore").is_dir()
