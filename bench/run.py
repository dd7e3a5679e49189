"""The benchmark suite of issue 9: prints a table (median and min-max over several runs)
and writes it as Markdown to bench/results/latest.md.

    make bench                          # everything, 5 runs each (peers: --peer-runs, default 3)
    python bench/run.py --quick         # one run of everything: a smoke test (minutes, not seconds)
    python bench/run.py --only curated,client,parse
    python bench/run.py --no-peers      # skip openapi-python-client and openapi-generator

Sections (--only): curated (1, 2), corpus (3, with ruff, lint and linearity), peers (4),
startup (5), client (6), parse (7), memory (8), diff (9).

Peers are installed on first use, each in its own virtualenv outside the project, under
~/.cache/sdkgen-bench/ (SDKGEN_BENCH_HOME): openapi-python-client and
openapi-generator-cli (a PyPI wrapper of openapi-generator's jar; needs Java).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
BIG = ["box.json", "twilio-api-v2010.yaml", "asana.yaml", "kubernetes-core-v1.json"]
PEER_HOME = Path(os.environ.get("SDKGEN_BENCH_HOME", Path.home() / ".cache" / "sdkgen-bench"))
PEERS = {
    "openapi-python-client": ("opc", "openapi-python-client==0.29.1", "openapi-python-client"),
    "openapi-generator": ("ogen", "openapi-generator-cli==7.26.0", "openapi-generator-cli"),
}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


# -- measuring ----------------------------------------------------------------


@dataclass
class Row:
    section: str
    name: str
    times: list[float]
    note: str = ""
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    def cells(self) -> list[str]:
        if not self.times:
            return [self.section, self.name, "failed", "", "0", self.note]
        lo, hi = min(self.times), max(self.times)
        return [self.section, self.name, _fmt(self.median, self.unit), f"{_fmt(lo, self.unit)} - {_fmt(hi, self.unit)}", str(len(self.times)), self.note]


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g} {unit}"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        global _LAST_ERROR
        if not row.times and not row.note:
            row.note = f"failed: {_LAST_ERROR}"
        _LAST_ERROR = ""
        self.rows.append(row)
        lo = f" ({_fmt(min(row.times), row.unit)} - {_fmt(max(row.times), row.unit)})" if row.times else ""
        print(f"  {row.section:10} {row.name:58} {_fmt(row.median, row.unit) if row.times else 'failed':>10}{lo}  {row.note}", flush=True)
        return row

    def markdown(self, args: argparse.Namespace) -> str:
        head = ["section", "benchmark", "median", "min - max", "runs", "notes"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row.cells()) + " |" for row in self.rows]
        machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f} at the end"
        when = time.strftime("%Y-%m-%d %H:%M")
        out = [f"Benchmarks ({when}; {machine}; `python bench/run.py {' '.join(args.argv)}`)", "", *lines]
        if self.extra:
            out += ["", *self.extra]
        return "\n".join(out) + "\n"


def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, check: bool = True,
        timeout: float = 1800) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    elapsed = time.perf_counter() - started
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-600:]}")
    return elapsed, proc


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDKGEN_")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def gen_cmd(spec: Path, out: Path, *more: str) -> list[str]:
    return [PY, "-m", "generator", "generate", str(spec), "-o", str(out), "-q", *more]


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


def py_lines(folder: Path) -> int:
    return sum(p.read_text(encoding="utf-8", errors="replace").count("\n") for p in folder.rglob("*.py"))


@functools.cache
def operation_count(spec: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from generator.load import load  # noqa: PLC0415

    doc = load(spec)
    return sum(1 for item in (doc.data.get("paths") or {}).values() if isinstance(item, dict) for m in item if m in METHODS)


# -- one operation's description, changed in place -----------------------------


def change_description(spec: Path, serial: str) -> Path:
    """Rewrite (in place) the description of the first operation that has one; return the
    file changed. JSON is rewritten whole; YAML is edited as text, so nothing else moves."""
    if spec.suffix == ".json":
        data = json.loads(spec.read_text(encoding="utf-8"))
        for item in data.get("paths", {}).values():
            for method, op in item.items():
                if method in METHODS and isinstance(op, dict):
                    op["description"] = f"Changed {serial}. " + str(op.get("description") or "")
                    spec.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
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


# -- the sections ---------------------------------------------------------------


def curated(report: Report, runs: int, tmp: Path) -> None:
    spec = ROOT / "spec" / "openapi.yaml"

    def cold(i: int) -> float:
        cache, out = tmp / f"cc{i}", tmp / f"co{i}"
        return run(gen_cmd(spec, out), env=base_env(XDG_CACHE_HOME=str(cache)))[0]

    report.add(Row("curated", "generate, cold (empty cache, empty output)", repeat(runs, cold)))
    warm_out, warm_cache = tmp / "warm", tmp / "warm-cache"
    run(gen_cmd(spec, warm_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))
    report.add(Row("curated", "generate, warm (nothing changed)",
                   repeat(runs, lambda i: run(gen_cmd(spec, warm_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))[0])))
    copy = tmp / "spec-copy"
    shutil.copytree(ROOT / "spec", copy)
    inc_out = tmp / "inc"
    run(gen_cmd(copy / "openapi.yaml", inc_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))

    def incremental(i: int) -> float:
        change_description(copy / "openapi.yaml", f"{i}-{time.time_ns()}")
        return run(gen_cmd(copy / "openapi.yaml", inc_out), env=base_env(XDG_CACHE_HOME=str(warm_cache)))[0]

    report.add(Row("curated", "generate, incremental (one operation's description)", repeat(runs, incremental)))
    report.add(Row("curated", "check, nothing changed, fresh clone, no cache", repeat(runs, lambda i: fresh_clone_check(tmp, i)),
                   note=_clone_note()))


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


def corpus(report: Report, runs: int, tmp: Path, names: list[str]) -> dict[str, float]:
    """Cold and incremental generation of the big corpus specs; returns the cold medians."""
    colds: dict[str, float] = {}
    for name in names:
        spec = CORPUS / name
        if not spec.exists():
            report.extra.append(f"- {name}: not in {CORPUS}")
            continue
        ops = operation_count(spec)
        outs: list[Path] = []

        def cold(i: int, spec: Path = spec, outs: list[Path] = outs) -> float:
            out = tmp / f"{spec.stem}-cold{i}"
            outs.append(out)
            return run(gen_cmd(spec, out), env=base_env(XDG_CACHE_HOME=str(tmp / f"{spec.stem}-cache{i}")))[0]

        times = repeat(runs, cold)
        lines = py_lines(outs[-1])
        row = report.add(Row("corpus", f"{name} ({ops} ops): generate, cold", times,
                             note=f"{lines:,} lines, {lines / statistics.median(times):,.0f} lines/s"))
        colds[name] = row.median
        work = tmp / f"{spec.stem}-inc-spec"
        work.mkdir()
        copy = work / name
        shutil.copy(spec, copy)
        out = tmp / f"{spec.stem}-inc"
        cache = tmp / f"{spec.stem}-inc-cache"
        run(gen_cmd(copy, out), env=base_env(XDG_CACHE_HOME=str(cache)))

        def incremental(i: int, copy: Path = copy, out: Path = out, cache: Path = cache) -> float:
            change_description(copy, f"{i}-{time.time_ns()}")
            return run(gen_cmd(copy, out), env=base_env(XDG_CACHE_HOME=str(cache)))[0]

        report.add(Row("corpus", f"{name}: generate, incremental (one description)", repeat(runs, incremental)))
    return colds


def linearity(report: Report, colds: dict[str, float], extra_specs: dict[str, float]) -> None:
    points = []
    for name, seconds in {**colds, **extra_specs}.items():
        spec = CORPUS / name if (CORPUS / name).exists() else ROOT / name
        points.append((operation_count(spec), seconds, name))
    points.sort()
    report.extra += ["Cold generate time against operation count (linearity):", "",
                     "| spec | operations | cold generate | ms per operation |", "|---|---|---|---|"]
    report.extra += [f"| {name} | {ops} | {s:.2f} s | {1000 * s / ops:.1f} |" for ops, s, name in points if ops]
    report.extra.append("")


def lint_time(report: Report, runs: int, name: str) -> None:
    spec = CORPUS / name
    if spec.exists():
        times = repeat(runs, lambda i: run([PY, "-m", "generator", "lint", str(spec)], env=base_env(), check=False)[0])
        report.add(Row("corpus", f"lint {name}", times))


def ensure_peer(label: str) -> Path | None:
    folder, requirement, exe = PEERS[label]
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


def peers(report: Report, runs: int, tmp: Path, ours: dict[str, float]) -> None:
    table = ["Peers, same run (cold generate; ratio = ours / theirs, below 1 means we are faster):", "",
             "| spec | ours | peer | peer time | ours / peer | note |", "|---|---|---|---|---|---|"]
    jobs = [(name, "openapi-python-client") for name in [*BIG, "spotify.yaml"]] + [(name, "openapi-generator") for name in BIG]
    for name, label in jobs:
        spec = CORPUS / name
        binary = ensure_peer(label)
        if binary is None or not spec.exists():
            table.append(f"| {name} | | {label} | not run | | not installed or no spec |")
            continue
        note = ""
        skip = False
        times: list[float] = []
        for i in range(runs):
            out = tmp / f"peer-{label}-{spec.stem}-{i}"
            elapsed, proc = run(peer_cmd(label, binary, spec, out, skip), env={**os.environ}, check=False)
            if proc.returncode != 0 and label == "openapi-generator" and not skip:
                skip, note = True, "fails spec validation; timed with --skip-validate-spec"
                elapsed, proc = run(peer_cmd(label, binary, spec, out, skip), env={**os.environ}, check=False)
            if proc.returncode != 0:
                tail = (proc.stderr or proc.stdout).strip().splitlines()
                note = f"fails (exit {proc.returncode}): {tail[-1][:120] if tail else ''}"
                times = []
                break
            times.append(elapsed)
            if label == "openapi-python-client" and not note:
                output = proc.stdout + proc.stderr
                parts = output.count("WARNING parsing") + output.count("Unable to parse")
                if "Warning(s) encountered" in output or parts:
                    note = f"generated with warnings: {parts} operations or schemas left incomplete or out"
        row = report.add(Row("peers", f"{label}: {name}", times, note=note))
        mine = ours.get(name)
        ratio = f"{mine / row.median:.2f}" if times and mine else ""
        table.append(f"| {name} | {mine:.2f} s |" if mine else f"| {name} | |")
        table[-1] += f" {label} | {_fmt(row.median, 's') if times else 'failed'} | {ratio} | {note} |"
    report.extra += [*table, ""]


def spotify(report: Report, runs: int, tmp: Path) -> dict[str, float]:
    spec = CORPUS / "spotify.yaml"
    if not spec.exists():
        return {}
    out: dict[str, float] = {}
    for formatter in ("black", "ruff"):
        def cold(i: int, formatter: str = formatter) -> float:
            return run(gen_cmd(spec, tmp / f"spotify-{formatter}-{i}", "--formatter", formatter),
                       env=base_env(XDG_CACHE_HOME=str(tmp / f"spotify-cache-{formatter}-{i}")))[0]

        row = report.add(Row("corpus", f"spotify.yaml ({operation_count(spec)} ops): generate, cold, --formatter {formatter}", repeat(runs, cold)))
        out[f"spotify.yaml/{formatter}"] = row.median
    return out


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


def memory(report: Report, tmp: Path, name: str) -> None:
    spec = CORPUS / name
    if not spec.exists():
        return
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = tmp / "memory-out"
    _, proc = run([PY, "-c", probe, *gen_cmd(spec, out)], env=base_env(XDG_CACHE_HOME=str(tmp / "memory-cache")))
    kib = int(proc.stdout.strip().splitlines()[-1])
    report.add(Row("memory", f"peak RSS, cold generate of {name}", [kib / 1024], unit="MB",
                   note="largest single process (the formatting workers are separate processes)"))


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


SECTIONS = ("curated", "corpus", "peers", "startup", "client", "parse", "memory", "diff")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per benchmark (default 5)")
    parser.add_argument("--peer-runs", type=int, default=3, help="runs per peer generation (default 3; they are slow)")
    parser.add_argument("--quick", action="store_true", help="one run of everything (a smoke test)")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer generators")
    parser.add_argument("--specs", default=",".join(BIG), help="corpus specs for sections corpus and peers")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.md",
                        help="where to write the table (default bench/results/latest.md)")
    args = parser.parse_args()
    args.argv = sys.argv[1:]
    runs = 1 if args.quick else args.runs
    peer_runs = 1 if args.quick else args.peer_runs
    chosen = [s for s in args.only.split(",") if s] or list(SECTIONS)
    if args.no_peers and "peers" in chosen:
        chosen.remove("peers")
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    names = [n for n in args.specs.split(",") if n]
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkgen-bench-") as name:
        tmp = Path(name)
        colds: dict[str, float] = {}
        if "curated" in chosen:
            print("1, 2: the curated spec", flush=True)
            curated(report, runs, tmp)
        if "corpus" in chosen or "peers" in chosen:
            print("3: the big corpus specs", flush=True)
            (tmp / "corpus").mkdir()
            colds = corpus(report, runs, tmp / "corpus", names)
            spot = spotify(report, runs, tmp)
            if spot:
                colds["spotify.yaml"] = spot["spotify.yaml/black"]
            if "corpus" in chosen:
                lint_time(report, runs, max((n for n in names if (CORPUS / n).exists()), key=lambda n: (CORPUS / n).stat().st_size, default="asana.yaml"))
                curated_cold = [r.median for r in report.rows if r.section == "curated" and r.name.startswith("generate, cold")]
                linearity(report, colds, {"spec/openapi.yaml": curated_cold[0]} if curated_cold else {})
            if "peers" in chosen:
                print("4: peers", flush=True)
                if spot:
                    report.extra.append(f"Spotify: ours with --formatter ruff {spot['spotify.yaml/ruff']:.2f} s, with black {spot['spotify.yaml/black']:.2f} s.")
                    report.extra.append("")
                peers(report, peer_runs, tmp / "corpus", colds)
        if "startup" in chosen:
            print("5: start-up", flush=True)
            startup(report, runs, tmp)
        if "client" in chosen:
            print("6: client overhead", flush=True)
            client(report, runs)
        if "parse" in chosen:
            print("7: typed parse", flush=True)
            parse(report, runs)
        if "diff" in chosen:
            print("9: diff", flush=True)
            diff_section(report, runs, tmp, names)
        if "memory" in chosen:
            print("8: peak memory", flush=True)
            biggest = max((n for n in names if (CORPUS / n).exists()), key=lambda n: (CORPUS / n).stat().st_size, default=None)
            if biggest:
                memory(report, tmp, biggest)
    text = report.markdown(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
