"""Compiled templates kept on disk between runs (generator/render.py, _CompiledTemplates):
a run reads what the last one compiled, and a damaged or unsafe cache folder costs a
compile, never a wrong or failed generation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"


def generate(tmp: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(PETSTORE), "-o", str(out), "--quiet"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cache_files(tmp: Path) -> dict[str, bytes]:
    folder = tmp / f"_jinja2-cache-{os.getuid()}"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.cache"))}


def test_a_second_run_uses_what_the_first_compiled(tmp_path: Path) -> None:
    assert generate(tmp_path, tmp_path / "a").returncode == 0
    first = cache_files(tmp_path)
    assert len(first) >= 5  # every template the run rendered
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / f"_jinja2-cache-{os.getuid()}").glob("*.cache")}
    assert generate(tmp_path, tmp_path / "b").returncode == 0
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # read, not compiled and written again
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_damaged_cache_files_are_compiled_again(tmp_path: Path) -> None:
    assert generate(tmp_path, tmp_path / "a").returncode == 0
    good = cache_files(tmp_path)
    for path in (tmp_path / f"_jinja2-cache-{os.getuid()}").glob("*.cache"):
        path.write_bytes(b"j2" + os.urandom(64))
    result = generate(tmp_path, tmp_path / "b")
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert cache_files(tmp_path) == good  # written again, as compiled


def test_a_cache_folder_planted_as_a_symlink_is_not_used(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f"_jinja2-cache-{os.getuid()}").symlink_to(elsewhere)
    result = generate(tmp_path, tmp_path / "a")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list(elsewhere.iterdir()) == []  # jinja2 refuses the folder; templates compiled in memory
    assert generate(tmp_path, tmp_path / "b").returncode == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
