"""The writer touches only what it owns, inside the output folder; exit codes say whose fault a failure is."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.generator.test_pipeline import PETSTORE, run_generator, tree

MANIFEST = ".generator-manifest.json"


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = run_generator("generate", str(PETSTORE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _tamper(out: Path, **entries: str) -> None:
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"].update(entries)
    (out / MANIFEST).write_text(json.dumps(manifest))


@pytest.mark.parametrize("entry", ["../victim.txt", "{victim}", "petstore/../../victim.txt", "./x", "a\\..\\..\\victim.txt"])
def test_a_tampered_manifest_cannot_delete_outside_the_output(generated: Path, entry: str) -> None:
    victim = generated.parent / "victim.txt"
    victim.write_text("keep me")
    _tamper(generated, **{entry.format(victim=victim): "0" * 32})
    before = tree(generated)
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 2, result.stderr
    assert "manifest" in result.stderr and "refusing" in result.stderr and "Traceback" not in result.stderr
    assert victim.read_text() == "keep me"
    assert tree(generated) == before


def test_a_manifest_entry_naming_a_folder_is_left_alone(generated: Path) -> None:
    (generated / "notes").mkdir()
    (generated / "notes" / "mine.txt").write_text("mine")
    _tamper(generated, notes="0" * 32)
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 0, result.stderr
    assert (generated / "notes" / "mine.txt").read_text() == "mine"


def test_a_manifest_that_is_not_json_stops_the_run(generated: Path) -> None:
    (generated / MANIFEST).write_text("{not json")
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 2 and "is not JSON" in result.stderr


def test_a_folder_of_the_users_files_is_not_written_into(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("my project")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'mine'\n")
    result = run_generator("generate", str(PETSTORE), "-o", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "did not create" in result.stderr and "--force" in result.stderr
    assert (tmp_path / "README.md").read_text() == "my project"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "pyproject.toml"]
    forced = run_generator("generate", str(PETSTORE), "-o", ".", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "README.md").read_text() != "my project"


def test_an_empty_output_name_is_refused(tmp_path: Path) -> None:
    result = run_generator("generate", str(PETSTORE), "-o", "", cwd=tmp_path)
    assert result.returncode == 2 and "must name a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_generated_path_the_user_created_is_not_replaced(generated: Path) -> None:
    manifest = json.loads((generated / MANIFEST).read_text())
    del manifest["files"]["README.md"]
    (generated / MANIFEST).write_text(json.dumps(manifest))
    (generated / "README.md").write_text("mine")
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 2 and "README.md" in result.stderr
    assert (generated / "README.md").read_text() == "mine"
    assert run_generator("generate", str(PETSTORE), "-o", str(generated), "--force").returncode == 0
    assert (generated / "README.md").read_text() != "mine"


def test_a_symbolic_link_does_not_lead_writes_outside(generated: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    package = generated / "petstore"
    for path in sorted(package.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    package.rmdir()
    package.symlink_to(outside, target_is_directory=True)
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 2 and "outside the output folder" in result.stderr
    assert list(outside.iterdir()) == []


def _run_broken(*args: str) -> subprocess.CompletedProcess[str]:
    """The generator with its render stage broken, as a bug in it would be."""
    code = (
        "import sys, generator.render as r\n"
        "def broken(api, **kw):\n"
        "    pointer = '/paths/~1pets/get'\n"
        "    raise KeyError('oops')\n"
        "r.render = broken\n"
        "from generator.cli import run\n"
        "run()\n"
    )
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_a_generator_bug_is_one_line_and_exit_3(tmp_path: Path) -> None:
    result = _run_broken("generate", str(PETSTORE), "-o", str(tmp_path / "out"))
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "internal error: KeyError: 'oops'" in lines[0] and "#/paths/~1pets/get" in lines[0]
    assert "bug in the generator" in lines[0] and "--debug" in lines[0]
    assert not (tmp_path / "out").exists()
    debug = _run_broken("generate", str(PETSTORE), "-o", str(tmp_path / "out"), "--debug")
    assert debug.returncode == 3 and "Traceback" in debug.stderr


def test_exit_codes_are_documented_in_help() -> None:
    result = run_generator("--help")
    assert "0 ok, 1 check or lint found problems, 2 the input could not be used" in result.stdout
    assert "3 internal error" in result.stdout and "130 interrupted" in result.stdout


def _with_umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_files_get_the_mode_the_umask_gives_not_a_private_one(tmp_path: Path) -> None:
    """Written through a temporary file, a file must not keep that file's 0600: a package
    copied into a container image or read by another user would be unreadable there."""
    out = tmp_path / "out"
    with contextmanager(_with_umask)(0o022):
        result = run_generator("generate", str(PETSTORE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    modes = {str(p.relative_to(out)): stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert MANIFEST in modes and len(modes) > 10
    assert {path: mode for path, mode in modes.items() if mode != 0o644} == {}
    with contextmanager(_with_umask)(0o077):
        private = tmp_path / "private"
        result = run_generator("generate", str(PETSTORE), "-o", str(private))
    assert result.returncode == 0, result.stderr
    assert {stat.S_IMODE(p.stat().st_mode) for p in private.rglob("*") if p.is_file()} == {0o600}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_file_written_again_keeps_the_mode_it_had(generated: Path) -> None:
    readme = generated / "README.md"
    readme.write_text(readme.read_text() + "\nedited\n")
    readme.chmod(0o640)
    result = run_generator("generate", str(PETSTORE), "-o", str(generated))
    assert result.returncode == 0, result.stderr
    assert "edited" not in readme.read_text()  # written again
    assert stat.S_IMODE(readme.stat().st_mode) == 0o640
