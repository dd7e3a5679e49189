"""Generate a client for every spec in ../shared/corpus/, then import and type-check it.

    make corpus          # all specs
    python bench/corpus.py --jobs 2 spotify notion

Prints one line per spec (generate time, lines, import, mypy) and exits 1 when
any spec that should work does not. Swagger 2.0 documents must be refused with
one clear line (exit 2), and that counts as a pass.
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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PY = sys.executable


@dataclass
class Outcome:
    spec: str
    ok: bool
    generate_s: float = 0.0
    lines: int = 0
    mypy_s: float = 0.0
    note: str = ""


def _package(folder: Path) -> str:
    return next(p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists())


#: The MCP runtime is the same in every package; `make typecheck` checks it against the MCP
#: SDK (--strict, on generated/). Following the SDK again for each spec costs ~3.5 s of CPU
#: a spec, so here its modules are not followed (their names type as Any).
MYPY_CONFIG = """[mypy]
[mypy-mcp.*,mcp_types.*,anyio.*,uvicorn.*,toon_format.*]
follow_imports = skip
follow_imports_for_stubs = True
"""


def _mypy_config(work: Path) -> Path:
    path = work / "mypy-corpus.ini"
    if not path.exists():
        path.write_text(MYPY_CONFIG, encoding="utf-8")
    return path


def check_spec(spec: Path, work: Path) -> Outcome:
    out = work / spec.stem
    started = time.perf_counter()
    gen = subprocess.run([PY, "-m", "generator", "generate", str(spec), "--output", str(out), "--quiet"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - started
    head = spec.read_text(encoding="utf-8", errors="replace")[:400]
    if '"swagger"' in head or "swagger:" in head:
        refused = gen.returncode == 2 and "Swagger 2.0" in gen.stderr and len(gen.stderr.strip().splitlines()) == 1
        return Outcome(spec.name, refused, elapsed, note="refused: Swagger 2.0" if refused else f"not refused cleanly: {gen.stderr.strip()[:200]}")
    if gen.returncode != 0:
        return Outcome(spec.name, False, elapsed, note=f"generate failed: {gen.stderr.strip().splitlines()[-1][:200]}")
    package = _package(out)
    lines = sum(p.read_text(encoding="utf-8").count("\n") for p in (out / package).rglob("*.py"))
    env = {**os.environ, "PYTHONPATH": str(out)}
    every_module = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, {package!r} + '.'):\n"
        "    if not info.name.endswith('.__main__'):\n"
        "        importlib.import_module(info.name)\n"
    )
    imp = subprocess.run([PY, "-c", every_module],
                         capture_output=True, text=True, env=env)
    if imp.returncode != 0:
        return Outcome(spec.name, False, elapsed, lines, note=f"import failed: {imp.stderr.strip().splitlines()[-1][:200]}")
    started = time.perf_counter()
    mypy = subprocess.run([PY, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null",
                           "--config-file", str(_mypy_config(work)), "-p", package],
                          capture_output=True, text=True, cwd=out, env=env)
    mypy_s = time.perf_counter() - started
    if mypy.returncode != 0:
        errors = [line for line in mypy.stdout.splitlines() if ": error:" in line]
        return Outcome(spec.name, False, elapsed, lines, mypy_s, f"mypy: {len(errors)} errors, first: {errors[0][:200] if errors else mypy.stdout[-200:]}")
    return Outcome(spec.name, True, elapsed, lines, mypy_s)


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
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp, ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(lambda s: check_spec(s, Path(tmp)), specs))
    print(f"{'spec':32} {'result':6} {'generate':>9} {'lines':>8} {'mypy':>7}  note")
    for o in outcomes:
        print(f"{o.spec:32} {'pass' if o.ok else 'FAIL':6} {o.generate_s:8.2f}s {o.lines:8d} {o.mypy_s:6.1f}s  {o.note}")
    failed = [o for o in outcomes if not o.ok]
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
