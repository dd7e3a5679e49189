"""Compiled templates kept on disk between runs (generator/render.py, _CompiledTemplates):
beside the templates, where Python keeps the generator's bytecode (`make venv` compiles
them all there); in jinja2's per-user temp folder where Python is told not to write
bytecode or that folder cannot be written. A run reads what the last one compiled, and a
damaged or unsafe cache folder costs a compile, never a wrong or failed generation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2

from generator import render
from tests.conftest import ROOT

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"


def run(tmp: Path, *args: str, write_bytecode: bool = False) -> subprocess.CompletedProcess[str]:
    """The generator in a fresh process whose bytecode (and so its compiled templates, when
    it may write them) goes under tmp/pyc, and whose temp folder is tmp."""
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(tmp / "pyc")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def generate(tmp: Path, out: Path, *, write_bytecode: bool = False) -> subprocess.CompletedProcess[str]:
    return run(tmp, "-m", "generator", "generate", str(PETSTORE), "-o", str(out), "--quiet", write_bytecode=write_bytecode)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_folder(tmp: Path) -> Path:
    return tmp / f"_jinja2-cache-{os.getuid()}"


def beside(tmp: Path) -> Path:
    """Where a run with PYTHONPYCACHEPREFIX=tmp/pyc keeps the compiled templates."""
    return Path(tmp / "pyc", *render.TEMPLATES.resolve().parts[1:])


def cache_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.cache"))}


def stamps(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.glob("*.cache")}


def test_a_second_run_uses_what_the_first_compiled_beside_the_templates(tmp_path: Path) -> None:
    assert generate(tmp_path, tmp_path / "a", write_bytecode=True).returncode == 0
    first = stamps(beside(tmp_path))
    assert len(first) >= 5  # every template the run rendered
    assert not temp_folder(tmp_path).exists()
    assert generate(tmp_path, tmp_path / "b", write_bytecode=True).returncode == 0
    assert stamps(beside(tmp_path)) == first  # read, not compiled and written again
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_compile_templates_compiles_them_all_and_a_run_that_may_not_write_reads_them(tmp_path: Path) -> None:
    compiled = run(tmp_path, "-c", "from generator.render import compile_templates; print(compile_templates())")
    assert compiled.returncode == 0, compiled.stderr
    count = int(compiled.stdout)
    assert count >= 10 and len(cache_files(beside(tmp_path))) == count  # even with PYTHONDONTWRITEBYTECODE
    before = stamps(beside(tmp_path))
    result = generate(tmp_path, tmp_path / "a")
    assert result.returncode == 0, result.stderr
    assert stamps(beside(tmp_path)) == before
    assert cache_files(temp_folder(tmp_path)) == {}  # nothing left to compile


def test_told_not_to_write_bytecode_it_keeps_them_in_the_temp_folder(tmp_path: Path) -> None:
    assert generate(tmp_path, tmp_path / "a").returncode == 0
    assert not beside(tmp_path).exists()
    first = stamps(temp_folder(tmp_path))
    assert len(first) >= 5
    assert generate(tmp_path, tmp_path / "b").returncode == 0
    assert stamps(temp_folder(tmp_path)) == first
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_damaged_cache_files_are_compiled_again(tmp_path: Path) -> None:
    assert generate(tmp_path, tmp_path / "a", write_bytecode=True).returncode == 0
    good = cache_files(beside(tmp_path))
    for path in beside(tmp_path).glob("*.cache"):
        path.write_bytes(b"j2" + os.urandom(64))
    result = generate(tmp_path, tmp_path / "b", write_bytecode=True)
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert cache_files(beside(tmp_path)) == good  # written again, as compiled


def test_a_temp_cache_folder_planted_as_a_symlink_is_not_used(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    temp_folder(tmp_path).symlink_to(elsewhere)
    result = generate(tmp_path, tmp_path / "a")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list(elsewhere.iterdir()) == []  # jinja2 refuses the folder; templates compiled in memory
    assert generate(tmp_path, tmp_path / "b").returncode == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_a_folder_beside_the_templates_that_cannot_be_made_leaves_them_in_the_temp_folder(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(render, "compiled_templates_folder", lambda templates=render.TEMPLATES: blocker / "cache")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    cache = render._CompiledTemplates()
    cache.choose_folders(write_beside=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(render.TEMPLATES)), bytecode_cache=cache)
    env.filters.update(render.environment().filters)
    env.get_template("package/errors.py.jinja")
    assert len(cache_files(temp_folder(tmp_path))) == 1
