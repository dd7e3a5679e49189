"""Generated packages in bulk, for the tests that check many at once (the regression
specs, the sample of the APIs.guru directory): built once per test session even under
pytest-xdist, then imported, type-checked and contract-tested each in ONE process for all
the packages. A process a package was most of what such tests cost: the start-up of
Python, pydantic, httpx and pytest, and mypy's analysis of the same libraries."""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar
from xml.etree import ElementTree

import pytest

from bench.typecheck import write_config
from generator.pipeline import Generated

T = TypeVar("T")


def once_per_session(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """build(folder) once per test session. Under pytest-xdist the first worker that asks
    builds in a folder of the session that all workers see and leaves the result (pickled)
    there; the others wait for it and read it (--dist loadgroup cannot keep a module on one
    worker while pytest-xdist#1386 stands). A failure in build is raised in every worker."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build(tmp_path_factory.mktemp(name))
    session = tmp_path_factory.getbasetemp().parent  # one per session, shared by its workers
    folder, done = session / name, session / f"{name}.pickle"
    with open(session / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            folder.mkdir()
            try:
                outcome: tuple[bool, object] = (True, build(folder))
            except Exception as exc:  # noqa: BLE001  (handed to every worker as it is)
                outcome = (False, exc)
            try:
                data = pickle.dumps(outcome)
            except Exception as exc:  # noqa: BLE001  (an exception that does not pickle)
                data = pickle.dumps((False, RuntimeError(f"{name}: {outcome[1]!r} ({exc})")))
            done.write_bytes(data)
        ok, value = pickle.loads(done.read_bytes())
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def write(result: Generated, out: Path) -> None:
    for rel, text in result.files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


_IMPORT_EVERY_MODULE = r"""
import importlib, json, sys, pathlib
failed = {}
for root, package in zip(sys.argv[1::2], sys.argv[2::2]):
    sys.path.insert(0, root)
    for path in sorted((pathlib.Path(root) / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        try:
            importlib.import_module(module)
        except BaseException as exc:
            failed.setdefault(package, []).append(f"{module}: {type(exc).__name__}: {exc}"[:500])
print(json.dumps(failed))
"""


def import_failures(packages: Iterable[tuple[Path, str]]) -> dict[str, list[str]]:
    """Every module of every (folder, package name), imported in one interpreter:
    package -> the modules that failed, with the error (no entry when all imported)."""
    args = [str(arg) for out, package in packages for arg in (out, package)]
    run = subprocess.run([sys.executable, "-c", _IMPORT_EVERY_MODULE, *args], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_mypy_cache: list[Path] = []


def mypy_cache_args() -> list[str]:
    """mypy's cache folder for this test process (each pytest-xdist worker has its own,
    removed at exit). Most of a small package's mypy run was the analysis of pydantic,
    httpx and the standard library, the same in every run (4.8 s of CPU, 0.2 s warm).
    The generated packages stand in a new temporary folder in every test, a path mypy
    has no cache entry for, so they are always checked afresh."""
    if not _mypy_cache:
        folder = Path(tempfile.mkdtemp(prefix="sdkgen-tests-mypy-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _mypy_cache.append(folder)
    return ["--cache-dir", str(_mypy_cache[0])]


def mypy_strict(packages: Iterable[tuple[Path, str]], work: Path) -> subprocess.CompletedProcess[str]:
    """mypy --strict on all the packages in one run (their names must differ), each one's
    copy of the runtime checked at its source (bench/typecheck.py)."""
    packages = list(packages)
    config = write_config(work, [package for _, package in packages])
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(),
         *(arg for _, package in packages for arg in ("-p", package))],
        capture_output=True, text=True, cwd=work, timeout=900,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(out) for out, _ in packages)},
    )


def contract_runs(outs: dict[str, Path], work: Path) -> dict[str, tuple[int, list[str]]]:
    """Every package's own tests (tests/ of each output folder), in one pytest process:
    name -> (tests run, failures with their messages)."""
    report = work / "contract-runs.xml"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--import-mode=importlib",
         f"--rootdir={work}", f"--junitxml={report}", "-o", "junit_family=xunit1",  # xunit1: each case names its file
         *(str(out / "tests") for out in outs.values())],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(map(str, outs.values()))},
        cwd=work, timeout=900,
    )
    assert report.is_file(), (run.stdout + run.stderr)[-3000:]
    found: dict[str, tuple[int, list[str]]] = {name: (0, []) for name in outs}
    for case in ElementTree.parse(report).iter("testcase"):
        where = (work / (case.get("file") or "")).resolve()
        owner = next(name for name, out in outs.items() if where.is_relative_to(out.resolve()))
        failed = [f"{case.get('name')}: {(child.get('message') or '')[:500]}" for child in case
                  if child.tag in ("failure", "error")]
        ran, failures = found[owner]
        found[owner] = (ran + 1, failures + failed)
    return found
