"""Formatted files read back from the last run's output instead of formatted again
(generator/reuse.py): the output is always what formatting everything gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.format import format_files
from generator.reuse import (
    FormattedBefore,
    OutputFolder,
    cache_home,
    folders_digest,
    formatted_before,
    settings_key,
)
from generator.write import write_files
from tests.conftest import ROOT

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"

FILES = {
    "pkg/a.py": "import os\nx=[1,2,\n3]\nprint( os.sep )\n",
    "pkg/b.py": "def f( a ):\n  return a\n",
    "pkg/c.py": "y = {'k':1}\n",
    "pkg/data.json": '{"not": "python"}\n',
}


class Formatter:
    """ruff, as generate runs it, remembering which files it was given."""

    def __init__(self) -> None:
        self.given: list[set[str]] = []

    def __call__(self, files: dict[str, str]) -> dict[str, str]:
        self.given.append(set(files))
        return format_files(files, "ruff", package="pkg")


def run(output: Path, files: dict[str, str], store: Path, settings: str = "s1", part: str = "all") -> tuple[dict[str, str], set[str]]:
    """One generate's formatting, then its files written into `output` as generate writes them."""
    formatter = Formatter()
    done = FormattedBefore(output, settings, store).format(files, part, formatter)
    for path, text in done.items():
        target = output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return done, set().union(*formatter.given)


def test_only_files_given_other_text_are_formatted_again(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    first, given = run(out, FILES, store)
    assert given == set(FILES) and first == format_files(FILES, "ruff", package="pkg")
    changed = {**FILES, "pkg/b.py": "def f( a, b ):\n  return a\n"}
    second, given = run(out, changed, store)
    assert given == {"pkg/b.py", "pkg/data.json"}
    assert second == format_files(changed, "ruff", package="pkg")
    assert second["pkg/b.py"] == "def f(a, b):\n    return a\n"


def test_a_file_changed_in_the_output_folder_is_formatted_again(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    run(out, FILES, store)
    (out / "pkg" / "a.py").write_text("edited by hand\n", encoding="utf-8")
    (out / "pkg" / "c.py").unlink()
    (out / "pkg" / "c.py").symlink_to(out / "pkg" / "b.py")
    done, given = run(out, FILES, store)
    assert {"pkg/a.py", "pkg/c.py"} <= given and "pkg/b.py" not in given
    assert done == format_files(FILES, "ruff", package="pkg")


def test_another_formatter_or_setting_reuses_nothing(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    run(out, FILES, store, settings="s1")
    _, given = run(out, FILES, store, settings="s2")
    assert given == set(FILES)
    assert settings_key("ruff", "pkg") != settings_key("ruff", "other")  # first-party imports sort apart


def test_a_store_that_cannot_be_read_counts_as_empty_and_is_written_again(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    run(out, FILES, store)
    (part,) = store.glob("*-all.json")
    for junk in ("{not json", '{"settings": "s1", "files": {"pkg/a.py": 3}}', "[]", "\udcff"):
        part.write_text(junk, encoding="utf-8", errors="surrogateescape")
        done, given = run(out, FILES, store)
        assert given == set(FILES) and done == format_files(FILES, "ruff", package="pkg")
    _, given = run(out, FILES, store)
    assert given == {"pkg/data.json"}


def test_the_store_keeps_only_the_last_runs_files_and_one_way_of_running(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    run(out, FILES, store, part="all")
    fewer = {"pkg/a.py": FILES["pkg/a.py"]}
    run(out, fewer, store, part="modules")
    run(out, fewer, store, part="rest")
    assert sorted(p.name.rsplit("-", 1)[1] for p in store.iterdir()) == ["modules.json", "rest.json"]
    assert all('"pkg/b.py"' not in p.read_text() for p in store.iterdir())
    run(out, FILES, store, part="all")
    assert [p.name.rsplit("-", 1)[1] for p in store.iterdir()] == ["all.json"]


def test_a_run_of_the_other_way_reuses_what_this_way_formatted(tmp_path: Path) -> None:
    """A document whose runs switch between formatting every file in one process and the
    modules in a child (SDKGEN_JOBS, or a size crossing BACKGROUND_MIN_BYTES) formats
    only what changed: each way finds the other's entries."""
    out, store = tmp_path / "out", tmp_path / "store"

    def in_two_parts(files: dict[str, str]) -> set[str]:
        """One run of the forked way: the modules (here pkg/a.py) and the rest, formatted
        apart with one store read before either (as the child inherits it)."""
        formatter, before = Formatter(), FormattedBefore(out, "s1", store)
        for part, names in (("modules", {"pkg/a.py"}), ("rest", set(files) - {"pkg/a.py"})):
            for path, text in before.format({name: files[name] for name in names}, part, formatter).items():
                (out / path).parent.mkdir(parents=True, exist_ok=True)
                (out / path).write_text(text, encoding="utf-8")
        return set().union(*formatter.given)

    assert in_two_parts(FILES) == set(FILES)
    _, given = run(out, FILES, store, part="all")
    assert given == {"pkg/data.json"}  # the formatter's to pass through: no Python file
    changed = {**FILES, "pkg/b.py": "def f( a, b ):\n  return a\n"}
    _, given = run(out, changed, store, part="all")
    assert given == {"pkg/b.py", "pkg/data.json"}
    assert in_two_parts(changed) == {"pkg/data.json"}
    changed_again = {**changed, "pkg/a.py": "import os\nx=1\n"}
    assert in_two_parts(changed_again) == {"pkg/a.py", "pkg/data.json"}
    _, given = run(out, changed_again, store, part="all")
    assert given == {"pkg/data.json"}


def test_an_unwritable_store_costs_a_format_and_nothing_else(tmp_path: Path) -> None:
    out, blocked = tmp_path / "out", tmp_path / "file-not-folder"
    blocked.write_text("")
    done, given = run(out, FILES, blocked / "store")
    assert given == set(FILES) and done == format_files(FILES, "ruff", package="pkg")


def test_cache_home_follows_xdg_then_home_and_is_none_without_either(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_home() == tmp_path / "sdkgen"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/place")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_home() == tmp_path / "home" / ".cache" / "sdkgen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "not/absolute")
    assert cache_home() is None and formatted_before(OutputFolder(tmp_path), "ruff", "pkg") is None  # nothing is kept


def _change_description(spec: Path, old: str, new: str) -> None:
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_code_digest_follows_code_and_templates_not_the_caches_beside_them(tmp_path: Path) -> None:
    code, templates = tmp_path / "generator", tmp_path / "templates"
    (code / "lint_rules").mkdir(parents=True)
    (templates / "runtime").mkdir(parents=True)
    (code / "lint_rules" / "rules.py").write_text("RULES = 1\n")
    (templates / "runtime" / "_models.py").write_text("class BaseModel: ...\n")
    (templates / "resource.py.j2").write_text("{{ name }}\n")
    before = folders_digest((code, templates))
    for cache in (templates / ".mypy_cache" / "3.11", code / "__pycache__", templates / "runtime" / ".ruff_cache"):
        cache.mkdir(parents=True)
        (cache / "cache.db").write_bytes(b"\0" * 1000)
    (code / "lint_rules" / "rules.cpython-311.pyc").write_bytes(b"\0")
    assert folders_digest((code, templates)) == before  # a type check does not make every rendering anew
    (templates / "resource.py.j2").write_text("{{ name }}!\n")
    changed_template = folders_digest((code, templates))
    (code / "lint_rules" / "rules.py").write_text("RULES = 2\n")
    assert len({before, changed_template, folders_digest((code, templates))}) == 3


def test_generate_after_a_change_formats_only_what_changed_and_writes_what_a_cold_run_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", "1")  # the formatter runs in this process, where it is counted
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    given: list[set[str]] = []

    def counted(files: dict[str, str], *args: object, **kwargs: object) -> dict[str, str]:
        given.append({path for path in files if path.endswith(".py")})
        return format_files(files, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "format_files", counted)
    spec, out = tmp_path / "openapi.yaml", tmp_path / "out"
    spec.write_text(PETSTORE.read_text(encoding="utf-8"), encoding="utf-8")
    first = pipeline.generate(spec, reuse_formatted=out)
    write_files(out, first.files, first.manifest)
    everything = given.pop()
    assert len(everything) > 10
    _change_description(spec, "summary: List pets", "summary: List the pets")
    again = pipeline.generate(spec, reuse_formatted=out)
    assert given.pop() == {"petstore/resources/pets.py"}  # the summary is in its docstrings only
    cold = pipeline.generate(spec)
    assert again.files == cold.files and again.manifest.text() == cold.manifest.text()
    write_files(out, again.files, again.manifest)
    # --no-cache: nothing taken from the last run, but what is made kept for the next
    _change_description(spec, "summary: List the pets", "summary: List all the pets")
    fresh = pipeline.generate(spec, reuse_formatted=out, use_last_run=False)
    assert given.pop() == everything and fresh.on_disk == {}
    write_files(out, fresh.files, fresh.manifest)
    _change_description(spec, "summary: List all the pets", "summary: List the pets")
    assert pipeline.generate(spec, reuse_formatted=out).files == cold.files
    assert given.pop() == {"petstore/resources/pets.py"}


def test_cli_reuses_by_default_never_keeps_a_hand_edit_and_takes_nothing_with_no_cache(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    spec, out, cold = tmp_path / "openapi.yaml", tmp_path / "out", tmp_path / "cold"
    spec.write_text(PETSTORE.read_text(encoding="utf-8"), encoding="utf-8")

    def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, env=env,
                              timeout=300, check=False)

    assert sdkgen("generate", str(spec), "-o", str(out), "-q").returncode == 0
    store = tmp_path / "cache" / "sdkgen" / "formatted"
    assert len(list(store.glob("*.json"))) == 1
    _change_description(spec, "summary: List pets", "summary: List the pets")
    assert sdkgen("generate", str(spec), "-o", str(out), "-q").returncode == 0
    assert sdkgen("generate", str(spec), "-o", str(cold), "-q", "--no-cache").returncode == 0
    assert len(list(store.glob("*.json"))) == 2  # --no-cache keeps what it made, for the next run into its folder
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(cold) for p in cold.rglob("*") if p.is_file())
    assert all((out / rel).read_bytes() == (cold / rel).read_bytes() for rel in files)
    python = out / "petstore" / "resources" / "pets.py"
    python.write_text(python.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert sdkgen("generate", str(spec), "-o", str(out), "-q").returncode == 0
    assert python.read_bytes() == (cold / "petstore" / "resources" / "pets.py").read_bytes()
    assert sdkgen("check", str(spec), "-o", str(out)).returncode == 0


def test_the_stores_of_folders_written_long_ago_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import reuse

    monkeypatch.setattr(reuse, "MAX_PART_FILES", 3)
    store = tmp_path / "store"
    parts = [FormattedBefore(tmp_path / f"out{i}", "s1", store)._part_file("all") for i in range(5)]
    for i, part in enumerate(parts):
        run(tmp_path / f"out{i}", FILES, store)
        os.utime(part, ns=(i * 10**9, i * 10**9))  # written in this order, a second apart
    assert sorted(store.iterdir()) == sorted(parts[2:])
