"""Generate a client for every spec in ../shared/corpus/, then import and type-check it.

    make corpus          # all specs
    python bench/corpus.py --jobs 2 spotify notion

Prints one line per spec (generate time, lines, import, mypy --strict) and exits 1 when
any spec that should work does not (Swagger 2.0 ones too, read as OpenAPI 3.0).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import typecheck  # bench/typecheck.py: the runtime checked once, at its source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PY = sys.executable


@dataclass
class Outcome:
    spec: str
    ok: bool
    generate_s: float = 0.0
    lines: int = 0
    note: str = ""
    package: str = ""  # set when generated and imported: mypy comes next
    folder: Path | None = None


def _package(folder: Path) -> str:
    return next(p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists())




def generate_and_import(spec: Path, work: Path) -> Outcome:
    out = work / spec.stem
    started = time.perf_counter()
    gen = subprocess.run([PY, "-m", "generator", "generate", str(spec), "--output", str(out), "--quiet"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - started
    if gen.returncode != 0:
        return Outcome(spec.name, False, elapsed, note=f"generate failed: {gen.stderr.strip().splitlines()[-1][:200]}")
    package = _package(out)
    lines = sum(p.read_text(encoding="utf-8").count("\n") for p in (out / package).rglob("*.py"))
    every_module = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, {package!r} + '.'):\n"
        "    if not info.name.endswith('.__main__'):\n"
        "        importlib.import_module(info.name)\n"
    )
    imp = subprocess.run([PY, "-c", every_module], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(out)})
    if imp.returncode != 0:
        return Outcome(spec.name, False, elapsed, lines, note=f"import failed: {imp.stderr.strip().splitlines()[-1][:200]}")
    return Outcome(spec.name, True, elapsed, lines, package=package, folder=out)


def batches(outcomes: list[Outcome]) -> list[list[Outcome]]:
    """Groups whose package names differ: one mypy process checks a group (the stubs of
    pydantic and httpx analysed once, not once a spec: most of a small package's time)."""
    groups: list[list[Outcome]] = []
    for o in outcomes:
        group = next((g for g in groups if all(x.package != o.package for x in g)), None)
        if group is None:
            groups.append(group := [])
        group.append(o)
    return groups


def type_check(group: list[Outcome], work: Path, index: int) -> float:
    """mypy --strict on every package of the group; each outcome's note gets its errors."""
    config = typecheck.write_config(work, [o.package for o in group], f"mypy-{index}.ini")  # the groups run at once
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(o.folder) for o in group)}
    started = time.perf_counter()
    mypy = subprocess.run([PY, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null", "--config-file", str(config),
                           *(arg for o in group for arg in ("-p", o.package))], capture_output=True, text=True, cwd=work, env=env)
    seconds = time.perf_counter() - started
    errors = [line for line in mypy.stdout.splitlines() if ": error:" in line]
    for o in group:
        folder = str(o.folder.relative_to(work)) + os.sep if o.folder else ""
        mine = [e for e in errors if e.startswith(folder)]
        if mine:
            o.ok, o.note = False, f"mypy: {len(mine)} errors, first: {mine[0][:200]}"
    if mypy.returncode != 0 and not errors:
        for o in group:
            o.ok, o.note = False, f"mypy failed: {(mypy.stderr or mypy.stdout).strip()[-200:]}"
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="spec file stems to run (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    specs = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    if args.names:
        specs = [p for p in specs if p.stem in args.names or p.name in args.names]
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        work = Path(tmp)
        with ThreadPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(lambda s: generate_and_import(s, work), specs))
        groups = batches([o for o in outcomes if o.package])
        with ThreadPoolExecutor(args.jobs) as pool:
            mypy_s = list(pool.map(lambda ig: type_check(ig[1], work, ig[0]), enumerate(groups)))
    print(f"{'spec':32} {'result':6} {'generate':>9} {'lines':>8}  note")
    for o in outcomes:
        print(f"{o.spec:32} {'pass' if o.ok else 'FAIL':6} {o.generate_s:8.2f}s {o.lines:8d}  {o.note}")
    failed = [o for o in outcomes if not o.ok]
    print(f"mypy --strict: {sum(len(g) for g in groups)} packages in {len(groups)} run(s), {sum(mypy_s):.1f} s")
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
