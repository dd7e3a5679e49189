"""Prism (Stoplight's OpenAPI mock server, from npm) serving PostHog's published schema.

The version is pinned in tests/contract/package.json and, with every dependency and its
integrity hash, in package-lock.json beside it: `npm ci` installs exactly that tree into
a cache folder outside the repo, ~/.cache/sdkgen-prism/prism-<version>-<lock hash>/
(SDKGEN_PRISM_HOME moves the cache). That install is the only network use; without
npm, node or the registry the contract test is skipped with one line (PrismUnavailable).

Prism turns an OpenAPI document into its own operation model at start-up, inlining every
`$ref`, and compiles a validator per operation on its first request. PostHog's query node
kinds reference each other so much that the inlined tree of POST query/ alone has about
200,000 schema nodes: given ../shared/posthog-reference/subset.json with only steps 1 and
4 below, Prism had not started after four minutes. `slim()` makes the document Prism
serves; each step keeps what the contract test exercises exactly, and says why:

1. Only the seed operations (../shared/seeds/OPERATIONS.tsv) and the components they
   reach.
2. In each union whose every branch fixes `kind` to an enum (the query node unions
   Query_1, Query_2, Sourcequery ...), only the branches for the kinds the requests send,
   plus the first branch. No verdict changes: every object the requests put in such a
   union carries `kind` (`check_union_premise` checks this for each request body), and a
   branch that fixes `kind` to other values cannot match it, so the anyOf/oneOf matches
   the same branches as before. Prism's static response for a union is its first branch,
   which is kept.
3. An anyOf whose first branch is a bare `{"type": "object"}` while every branch is an
   object becomes that one branch: the other branches admit nothing more, and the first
   branch is the one Prism's static response is built from (QueryResponseAlternative,
   the 70 response bodies of POST query/).
4. `nullable: true` is dropped where a schema has no `type`. Prism validates with ajv,
   whose `nullable` keyword refuses to compile without `type`; Prism swallows the compile
   error and then validates nothing for that body (every request passes). OpenAPI 3.0.3
   gives `nullable` meaning only next to `type` (without `type`, null is admitted
   already), so the document means the same. The contract test sends a body of the wrong
   JSON type to every operation that takes one, to prove the validator is live.
5. `example` values are dropped, so that Prism builds its static responses from the
   schemas alone. subset.json was re-serialised by openapi-generator, which adds an
   example to schemas (FACTS.md, source TF) that often breaks its own schema
   (DataWarehouseSavedQuery's `created_by: ""` where UserBasic is an object). A response
   built from such an example would be judged against a schema it does not follow; the
   test checks that Prism finds no violation in the responses it sends.

With all five steps Prism starts in 4-6 s of CPU and uses about 15 s of CPU for the whole
run, most of it compiling the validators of the query and endpoint operations on their
first request (about 1 s each); with step 2 but not 3, the first POST query/ alone took
12-16 s (on a busy two-core machine).
"""

from __future__ import annotations

import contextlib
import copy
import ctypes
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PACKAGE_JSON = HERE / "package.json"
LOCKFILE = HERE / "package-lock.json"
HOME = Path(os.environ.get("SDKGEN_PRISM_HOME", "~/.cache/sdkgen-prism")).expanduser()
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class PrismUnavailable(Exception):
    """npm, node, the registry or Prism itself cannot be had: the contract test is skipped."""


def prism_version() -> str:
    return str(json.loads(PACKAGE_JSON.read_text())["dependencies"]["@stoplight/prism-cli"])


def install_dir(home: Path = HOME) -> Path:
    digest = hashlib.sha256(PACKAGE_JSON.read_bytes() + LOCKFILE.read_bytes()).hexdigest()[:16]
    return home / f"prism-{prism_version()}-{digest}"


def _first_error(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    coded = [
        line
        for line in lines
        if re.match(r"npm (error|ERR!) (code|errno|network|request|notarget|404)", line)
    ]
    return "; ".join(coded[:2]) or (lines[-1] if lines else "no output")


def ensure_prism(home: Path = HOME, timeout: float = 600.0) -> Path:
    """The prism executable of the pinned lockfile, installed once with `npm ci`."""
    target = install_dir(home)
    binary = target / "node_modules" / ".bin" / "prism"
    stamp = target / ".installed"
    if shutil.which("node") is None:
        raise PrismUnavailable("node is not installed")
    if stamp.is_file() and binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        raise PrismUnavailable("npm is not installed")
    # an unreachable registry fails here in seconds (npm ci would retry for minutes)
    try:
        ping = subprocess.run(
            [npm, "ping", "--fetch-timeout=15000", "--fetch-retries=0"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        raise PrismUnavailable("the npm registry did not answer `npm ping` within 60 s") from None
    if ping.returncode != 0:
        raise PrismUnavailable(
            "the npm registry cannot be reached: " + _first_error(ping.stderr + ping.stdout)
        )
    target.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one install at a time (parallel test runs)
        if stamp.is_file() and binary.exists():
            return binary
        shutil.copy(PACKAGE_JSON, target / "package.json")
        shutil.copy(LOCKFILE, target / "package-lock.json")
        # --ignore-scripts: the tree's only install script is a usage-analytics ping
        cmd = [
            npm,
            "ci",
            "--prefix",
            str(target),
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise PrismUnavailable(f"npm ci did not finish within {timeout:.0f} s") from exc
        if proc.returncode != 0:
            raise PrismUnavailable("npm ci failed: " + _first_error(proc.stderr + proc.stdout))
        if not binary.exists():
            raise PrismUnavailable(f"npm ci installed no {binary}")
        stamp.write_text(prism_version() + "\n")
    return binary


# ---------------------------------------------------------------------------
# The document Prism serves
# ---------------------------------------------------------------------------


@dataclass
class SlimStats:
    operations: int = 0
    components: int = 0
    components_before: int = 0
    unions_pruned: int = 0  # step 2
    branches_removed: int = 0
    open_unions: int = 0  # step 3
    untyped_nullable: int = 0  # step 4
    examples: int = 0  # step 5
    bytes_before: int = 0
    bytes_after: int = 0
    missing: list[tuple[str, str]] = field(
        default_factory=list
    )  # seed operations the document lacks
    #: id() of each union node step 2 narrowed, with the kinds its remaining branches allow
    pruned: dict[int, set[str]] = field(default_factory=dict, repr=False)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def resolve(doc: dict[str, Any], node: Any) -> Any:
    """`node` with `$ref`s followed (local references only)."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
        if seen > 50:
            raise ValueError("a $ref cycle")
    return node


def _fixed_kinds(doc: dict[str, Any], branch: Any) -> list[str] | None:
    """The values a union branch allows for `kind`, or None when it does not fix them."""
    branch = resolve(doc, branch)
    if not isinstance(branch, dict):
        return None
    kind = resolve(doc, (branch.get("properties") or {}).get("kind"))
    if not isinstance(kind, dict):
        return None
    if "const" in kind:
        return [kind["const"]]
    enum = kind.get("enum")
    return [str(v) for v in enum] if isinstance(enum, list) else None


def _walk(node: Any, visit: Any) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _prune_kind_unions(doc: dict[str, Any], kinds: set[str], stats: SlimStats) -> None:
    def visit(node: dict[str, Any]) -> None:
        for key in ("oneOf", "anyOf"):
            branches = node.get(key)
            if not isinstance(branches, list) or len(branches) < 2:
                continue
            fixed = [_fixed_kinds(doc, b) for b in branches]
            if any(f is None for f in fixed):
                continue  # a branch that leaves kind open could match anything
            kept = [
                (b, f or [])
                for i, (b, f) in enumerate(zip(branches, fixed, strict=True))
                if i == 0 or set(f or ()) & kinds
            ]
            if len(kept) < len(branches):
                stats.unions_pruned += 1
                stats.branches_removed += len(branches) - len(kept)
                stats.pruned[id(node)] = {k for _, f in kept for k in f}
                keep = [b for b, _ in kept]
                node[key] = keep
                mapping = (node.get("discriminator") or {}).get("mapping")
                if isinstance(mapping, dict):
                    kept_refs = {b.get("$ref") for b in keep if isinstance(b, dict)}
                    node["discriminator"]["mapping"] = {
                        k: v for k, v in mapping.items() if v in kept_refs
                    }

    _walk(doc.get("components", {}), visit)
    _walk(doc.get("paths", {}), visit)


def _collapse_open_unions(doc: dict[str, Any], stats: SlimStats) -> None:
    bare = {"type": "object"}

    def visit(node: dict[str, Any]) -> None:
        branches = node.get("anyOf")
        if not isinstance(branches, list) or len(branches) < 2 or branches[0] != bare:
            return
        if all(
            isinstance(b := resolve(doc, branch), dict) and b.get("type") == "object"
            for branch in branches
        ):
            node["anyOf"] = [dict(bare)]
            stats.open_unions += 1

    _walk(doc.get("components", {}), visit)
    _walk(doc.get("paths", {}), visit)


#: keys whose value maps names to schemas (or to objects holding them), so none of its keys is a keyword
_NAME_MAPS = {
    "properties",
    "patternProperties",
    "schemas",
    "paths",
    "responses",
    "content",
    "parameters",
    "requestBodies",
    "headers",
    "mapping",
    "definitions",
    "examples",
}
#: keys whose value is data, not schemas
_VALUES = ("default", "enum", "const")


def _clean(node: Any, stats: SlimStats, names: bool = False) -> None:
    """Steps 4 and 5. `names`: node maps names to schemas (`properties`, `schemas` ...),
    so none of its keys is a keyword."""
    if isinstance(node, dict):
        if not names:
            if node.get("nullable") is True and "type" not in node:
                del node["nullable"]  # beside `$ref` too, where OpenAPI 3.0 ignores it anyway
                stats.untyped_nullable += 1
            for key in ("example", "examples"):
                if key in node and (key == "example" or "schema" in node):  # schema or media type
                    del node[key]
                    stats.examples += 1
        for key, value in node.items():
            if not names and key in _VALUES:
                continue
            _clean(value, stats, names=not names and key in _NAME_MAPS)
    elif isinstance(node, list):
        for value in node:
            _clean(value, stats)


def _reachable(doc: dict[str, Any], roots: Any) -> set[str]:
    seen: set[str] = set()
    todo = [r for r in _refs(roots) if r.startswith("#/components/")]
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        todo.extend(
            r
            for r in _refs(resolve(doc, {"$ref": ref}))
            if r.startswith("#/components/") and r not in seen
        )
    return seen


def slim(
    document: dict[str, Any], operations: Iterable[tuple[str, str]], kinds: Iterable[str] | None
) -> tuple[dict[str, Any], SlimStats]:
    """The document Prism serves: `operations` ((METHOD, path) pairs) and the components
    they reach; with `kinds`, kind unions narrowed to them (see the module docstring)."""
    stats = SlimStats(bytes_before=len(json.dumps(document)))
    doc = copy.deepcopy(document)
    paths: dict[str, Any] = {}
    for method, path in operations:
        item = doc["paths"].get(path)
        if item is None or method.lower() not in item:
            stats.missing.append((method.upper(), path))
            continue
        kept = paths.setdefault(path, {k: v for k, v in item.items() if k not in METHODS})
        kept[method.lower()] = item[method.lower()]
        stats.operations += 1
    doc["paths"] = paths
    for key in [k for k in doc if k.startswith("x-")]:
        del doc[key]
    for item in paths.values():
        for key in [k for k in item if k.startswith("x-")]:
            del item[key]
    if kinds is not None:
        _prune_kind_unions(doc, set(kinds), stats)
    _collapse_open_unions(doc, stats)
    _clean(doc, stats)
    components = doc.get("components", {})
    stats.components_before = sum(len(v) for k, v in components.items() if k != "securitySchemes")
    reach = _reachable(doc, paths)
    for section, entries in components.items():
        if section == "securitySchemes":
            continue  # named by `security`, not by $ref
        components[section] = {
            name: value
            for name, value in entries.items()
            if f"#/components/{section}/{name}" in reach
        }
    stats.components = sum(len(v) for k, v in components.items() if k != "securitySchemes")
    stats.bytes_after = len(json.dumps(doc))
    return doc, stats


def kinds_in(value: Any) -> set[str]:
    """Every `kind` a request body carries, at any depth."""
    found: set[str] = set()
    if isinstance(value, dict):
        if isinstance(value.get("kind"), str):
            found.add(value["kind"])
        for item in value.values():
            found |= kinds_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= kinds_in(item)
    return found


def check_union_premise(
    doc: dict[str, Any], schema: Any, value: Any, stats: SlimStats, where: str = "body"
) -> list[str]:
    """Where `value` (a request body) meets a union that step 2 narrowed, the places
    where it is not an object with the kind of a remaining branch (empty: the premise
    holds, and the narrowed union matches what the whole one matched).

    Follows properties, items, additionalProperties and every union and allOf branch
    (a value may be judged by any of them)."""
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(node: Any, item: Any, at: str) -> None:
        node = resolve(doc, node)
        if not isinstance(node, dict) or (id(node), id(item)) in seen:
            return
        seen.add((id(node), id(item)))
        for key in ("oneOf", "anyOf"):
            if key in node and id(node) in stats.pruned:
                kinds = stats.pruned[id(node)]
                if not (isinstance(item, dict) and item.get("kind") in kinds):
                    problems.append(
                        f"{at}: {json.dumps(item)[:60]} has no kind of {sorted(kinds)[:3]}..."
                    )
        for key in ("oneOf", "anyOf", "allOf"):
            for branch in node.get(key) or ():
                visit(branch, item, at)
        if isinstance(item, dict):
            properties = node.get("properties") or {}
            extra = node.get("additionalProperties")
            for name, sub in item.items():
                if name in properties:
                    visit(properties[name], sub, f"{at}.{name}")
                elif isinstance(extra, dict):
                    visit(extra, sub, f"{at}.{name}")
        elif isinstance(item, list) and "items" in node:
            for i, sub in enumerate(item):
                visit(node["items"], sub, f"{at}[{i}]")

    visit(schema, value, where)
    return problems


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    startup_seconds: float  # wall clock, from spawn to "Prism is listening"
    process: subprocess.Popen[bytes]
    log: Path

    def cpu_seconds(self) -> float | None:
        """CPU time Prism has used so far (user + system), where /proc tells."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _die_with_parent() -> None:
    """In the child before exec: a SIGTERM when the test process dies, however it dies."""
    os.setsid()  # its own process group, so that killpg reaches node and nothing else
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def serve(
    binary: Path, document: Path, log: Path, *, timeout: float = 300.0, options: Iterable[str] = ()
) -> Iterator[Server]:
    """`prism mock` on a free loopback port until the block ends: static responses (the
    default) unless `options` say otherwise (bench/sweep.py's --prism: dynamic)."""
    port = free_port()
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                str(binary),
                "mock",
                *options,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                str(document),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
    try:
        deadline = started + timeout
        while b"Prism is listening" not in log.read_bytes():
            if proc.poll() is not None:
                raise RuntimeError(
                    f"prism exited with {proc.returncode} before listening:\n{log.read_text()[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"prism did not listen within {timeout:.0f} s:\n{log.read_text()[-2000:]}"
                )
            time.sleep(0.1)
        yield Server(f"http://127.0.0.1:{port}", time.monotonic() - started, proc, log)
    finally:
        stop(proc)
