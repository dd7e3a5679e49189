"""Format generated Python, never twice for the same text, in pieces black can do independently.

Black is by far the slowest stage, and on big files it is worse than linear, so:

* each file's formatted text is cached by the hash of its unformatted text and the
  formatter's identity (the "render hash"). The manifest in the output records it, so
  a fresh clone's `check` reuses the committed output; a local cache folder keeps the
  files that changed since;
* a big file is cut, by lines, into pieces whose black output does not depend on their
  neighbours: top-level definitions, the members of a big class, and groups of the
  elements of a big list literal. Each piece is formatted (and cached, under the hash of
  its text) on its own, so changing one operation reformats a few pieces, not a
  20,000-line module, and the pieces of a cold run spread over all cores. Every piece
  must parse on its own (black checks it), which proves the cuts fall between
  statements; if one does not, the whole file goes through black as before. The output
  is byte-identical to black on the whole file (tests/generator/test_performance.py
  checks it on real outputs);
* `ruff format` is an optional, much faster formatter (`--formatter ruff`); its output is
  close to black's but not identical, so the manifest records which one was used.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import touch
from .errors import SpecError

try:  # black's version without importing black (0.1 s): only needed when something is formatted
    from importlib.metadata import version as _dist_version

    _BLACK_VERSION = _dist_version("black")
except Exception:  # pragma: no cover - black installed without metadata
    import black as _black_module

    _BLACK_VERSION = _black_module.__version__

FORMATTER_ID = f"black-{_BLACK_VERSION}-py310-100"
FORMATTERS = ("black", "ruff")
DEFAULT_FORMATTER = "black"
LINE_LENGTH = 100

#: below this many characters of Python to format, a process pool costs more than it saves
_PARALLEL_MIN_CHARS = 150_000
#: files shorter than this go through black whole
_SPLIT_MIN_CHARS = 12_000
#: pieces are grown to about this size: big enough that black's per-call cost is small,
#: small enough that a change reformats little
_PIECE_CHARS = 4_000
#: a list literal is cut into element groups only when it is at least this long
_LITERAL_MIN_CHARS = 8_000

_BLACK_MODE: Any = None


def _black_mode() -> Any:
    global _BLACK_MODE
    if _BLACK_MODE is None:
        import black

        _BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=LINE_LENGTH)
    return _BLACK_MODE


def __getattr__(name: str) -> Any:  # BLACK_MODE stays importable, built on first use
    if name == "BLACK_MODE":
        return _black_mode()
    raise AttributeError(name)


def _ruff_binary() -> str:
    here = Path(sys.executable).parent / "ruff"
    if here.exists():
        return str(here)
    found = shutil.which("ruff")
    if found:
        return found
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-not-found]

        return str(find_ruff_bin())
    except Exception:
        raise SpecError("--formatter ruff needs ruff (pip install ruff)") from None


_RUFF_VERSION: str | None = None


def _ruff_version() -> str:
    global _RUFF_VERSION
    if _RUFF_VERSION is None:
        try:
            _RUFF_VERSION = _dist_version("ruff")
        except Exception:
            out = subprocess.run([_ruff_binary(), "--version"], capture_output=True, text=True, check=False).stdout
            _RUFF_VERSION = out.split()[-1] if out.split() else "unknown"
    return _RUFF_VERSION


def formatter_id(formatter: str = DEFAULT_FORMATTER) -> str:
    if formatter == "black":
        return FORMATTER_ID
    if formatter == "ruff":
        return f"ruff-{_ruff_version()}-py310-{LINE_LENGTH}"
    raise SpecError(f"unknown formatter {formatter!r}; use one of: {', '.join(FORMATTERS)}")


def formatter_of(formatter_id_text: str | None) -> str | None:
    """The formatter name of a manifest's formatter id (None when unknown)."""
    if not formatter_id_text:
        return None
    name = formatter_id_text.split("-", 1)[0]
    return name if name in FORMATTERS else None


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def render_hash(text: str, fmt_id: str = FORMATTER_ID) -> str:
    return _hash(fmt_id, text)


# -- black, in pieces ---------------------------------------------------------


def _black(text: str) -> str:
    import black

    return black.format_str(text, mode=_black_mode())


@dataclass(frozen=True)
class Piece:
    """Source text black formats on its own. kind: module (a run of top-level statements),
    member (statements of a class body, at depth 1) or elements (list elements, depth 1)."""

    kind: str
    text: str

    @property
    def key(self) -> str:
        return _hash(FORMATTER_ID, self.kind, self.text)


_MEMBER_WRAP = "class _:\n"
_ELEMENTS_WRAP = "_ = [\n"


def format_piece(piece: Piece) -> str:
    """Black's output for a piece, as it reads inside the whole file. Raises when the piece
    does not parse on its own (the caller then formats the whole file)."""
    if piece.kind == "module":
        return _black(piece.text)
    if piece.kind == "member":
        out = _black(_MEMBER_WRAP + piece.text)
        if not out.startswith(_MEMBER_WRAP):
            raise ValueError("member piece changed its wrapper")
        return out[len(_MEMBER_WRAP):]
    if piece.kind == "elements":
        out = _black(_ELEMENTS_WRAP + piece.text + "]\n")
        if not (out.startswith(_ELEMENTS_WRAP) and out.endswith("\n]\n")):
            raise ValueError("elements piece changed its wrapper")
        return out[len(_ELEMENTS_WRAP):-2]
    raise ValueError(piece.kind)


_TOP_DEF = re.compile(r"(?:class |def |async def |@)")
_MEMBER_DEF = re.compile(r"    (?:class |def |async def |@)")
_LITERAL_HEAD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:: [^=\n]+)? = \[\n")
_PLACEHOLDER = "    __sdkgen_elements_{}__,\n"


def _blank(line: str) -> bool:
    return not line.strip()


def _cut_points(lines: list[str], start: int, pattern: re.Pattern[str], indent: str) -> list[int]:
    """Indices of lines at which a definition starts that black separates from what comes
    before by a fixed number of blank lines: preceded by a blank line, and the last
    non-blank line before it is neither a comment nor a decorator."""
    cuts: list[int] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if not pattern.match(line) or not _blank(lines[i - 1]):
            continue
        j = i - 1
        while j >= 0 and _blank(lines[j]):
            j -= 1
        if j < 0:
            continue
        previous = lines[j].lstrip()
        if previous.startswith("#") or previous.startswith("@"):
            continue
        if lines[i].startswith(indent + "@"):
            # a decorator run must lead to its definition, with no blank line or comment between
            k = i
            while k < len(lines) and lines[k].startswith(indent + "@"):
                k += 1
            if k >= len(lines) or not pattern.match(lines[k]) or lines[k].startswith(indent + "@"):
                continue
        cuts.append(i)
    return cuts


def _grow(spans: list[tuple[int, int]], lines: list[str]) -> list[tuple[int, int]]:
    """Merge consecutive spans until each holds about _PIECE_CHARS characters."""
    merged: list[tuple[int, int]] = []
    size = 0
    for a, b in spans:
        chars = sum(len(lines[k]) for k in range(a, b))
        if merged and size < _PIECE_CHARS:
            merged[-1] = (merged[-1][0], b)
            size += chars
        else:
            merged.append((a, b))
            size = chars
    return merged


def _spans(cuts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start, *cuts, end]
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k] < bounds[k + 1]]


def _strip_trailing_blanks(lines: list[str], a: int, b: int) -> int:
    while b > a and _blank(lines[b - 1]):
        b -= 1
    return b


def plan(text: str) -> list[Any] | None:
    """How to format `text` in pieces: a list of separators (str, already formatted),
    pieces (Piece) and spliced pieces ((Piece with placeholders, [(placeholder line,
    element pieces)])); None when the file is better formatted whole."""
    if len(text) < _SPLIT_MIN_CHARS or "fmt:" in text or "\r" in text or "\t" in text or "\f" in text:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or not lines[-1].endswith("\n"):
        return None
    # never cut right after a module docstring: black treats the line after it specially
    first = 0
    while first < len(lines) and _blank(lines[first]):
        first += 1
    after_first = _docstring_end(lines, first)
    while after_first < len(lines) and _blank(lines[after_first]):
        after_first += 1
    cuts = [c for c in _cut_points(lines, 1, _TOP_DEF, "") if c > after_first]
    out: list[Any] = []
    for n, (a, b) in enumerate(_grow(_spans(cuts, 0, len(lines)), lines)):
        b = _strip_trailing_blanks(lines, a, b)
        if n:
            out.append("\n\n")
        out.extend(_plan_module_span(lines, a, b))
    return out


def _docstring_end(lines: list[str], first: int) -> int:
    """The line after the first statement when it is a string (a module docstring; a safe
    over-estimate), else `first`: cuts must come after the statement that follows it."""
    head = lines[first].lstrip("rRbBuU") if first < len(lines) else ""
    if not head.startswith(('"', "'")):
        return first
    quote = head[:3] if head[:3] in ('"""', "'''") else head[:1]
    if quote in head[len(quote):]:
        return first + 1
    for k in range(first + 1, len(lines)):
        if quote in lines[k]:
            return k + 1
    return len(lines)


def _plan_module_span(lines: list[str], a: int, b: int) -> list[Any]:
    chunk = "".join(lines[a:b])
    if lines[a].startswith("class ") and len(chunk) >= 2 * _PIECE_CHARS:
        members = _plan_class(lines, a, b)
        if members is not None:
            return members
    if len(chunk) >= _LITERAL_MIN_CHARS and "= [\n" in chunk:
        spliced = _plan_literals(lines, a, b)
        if spliced is not None:
            return [spliced]
    return [Piece("module", chunk)]


def _plan_class(lines: list[str], a: int, b: int) -> list[Any] | None:
    # a class whose header is one line and whose body is indented by four spaces (what
    # follows it at the top level, if anything, goes with its last member: black puts the
    # same blank lines after a class whatever its name)
    if not lines[a].endswith(":\n"):
        return None
    k = a + 1
    while k < b and _blank(lines[k]):
        k += 1
    if k >= b or not lines[k].startswith("    ") or lines[k].startswith("     "):
        return None
    cuts = [c for c in _cut_points(lines, k + 1, _MEMBER_DEF, "    ") if a < c < b]
    if not cuts:
        return None
    spans = _spans(cuts, a, b)
    head, members = spans[0], _grow(spans[1:], lines)
    out: list[Any] = [Piece("module", "".join(lines[head[0]:_strip_trailing_blanks(lines, *head)]))]
    for x, y in members:
        out.append("\n")
        out.append(Piece("member", "".join(lines[x:_strip_trailing_blanks(lines, x, y)])))
    return out


def _plan_literals(lines: list[str], a: int, b: int) -> tuple[Piece, list[tuple[str, list[Piece]]]] | None:
    """Cut the elements of big top-level `NAME[: T] = [ ... ]` literals into groups; the
    statement itself is formatted with one placeholder element in their place."""
    head_parts: list[str] = []
    splices: list[tuple[str, list[Piece]]] = []
    i = a
    while i < b:
        line = lines[i]
        if _LITERAL_HEAD.fullmatch(line):
            close = i + 1
            while close < b and lines[close] != "]\n":
                close += 1
            body = lines[i + 1:close]
            if close < b and sum(map(len, body)) >= _LITERAL_MIN_CHARS:
                groups = _element_groups(body)
                if groups is not None:
                    placeholder = _PLACEHOLDER.format(len(splices))
                    head_parts += [line, placeholder, lines[close]]
                    splices.append((placeholder, [Piece("elements", g) for g in groups]))
                    i = close + 1
                    continue
        head_parts.append(line)
        i += 1
    if not splices:
        return None
    return Piece("module", "".join(head_parts)), splices


def _element_groups(body: list[str]) -> list[str] | None:
    """Element lines in groups that each end with a comma at the end of a line; each group
    must parse as the elements of a list (checked when formatted)."""
    if not body or not body[-1].rstrip().endswith(","):
        return None
    groups: list[str] = []
    current: list[str] = []
    size = 0
    for line in body:
        if _blank(line) or line.lstrip().startswith("#"):
            return None
        current.append(line)
        size += len(line)
        if size >= _PIECE_CHARS and line.rstrip().endswith(",") and line.startswith("    ") and not line.startswith("     "):
            groups.append("".join(current))
            current, size = [], 0
    if current:
        groups.append("".join(current))
    # a group must start at an element (four spaces, then the element)
    if any(not g.startswith("    ") or g.startswith("     ") for g in groups):
        return None
    return groups


def assemble(steps: list[Any], formatted: Mapping[str, str]) -> str:
    parts: list[str] = []
    for step in steps:
        if isinstance(step, str):
            parts.append(step)
        elif isinstance(step, Piece):
            parts.append(formatted[step.key])
        else:
            piece, splices = step
            text = formatted[piece.key]
            for placeholder, pieces in splices:
                if text.count(placeholder) != 1:
                    raise ValueError("placeholder not kept")
                text = text.replace(placeholder, "".join(formatted[p.key] for p in pieces))
            parts.append(text)
    return "".join(parts)


def pieces_of(steps: list[Any]) -> Iterable[Piece]:
    for step in steps:
        if isinstance(step, Piece):
            yield step
        elif isinstance(step, tuple):
            yield step[0]
            for _, pieces in step[1]:
                yield from pieces


def black_changes(files: Mapping[str, str]) -> dict[str, tuple[int, list[tuple[str, str]]]]:
    """For each `.py` file: (its number of pieces, [(piece, black's output)] for each piece
    black changes). Pieces black leaves as they are cost one pass instead of two, so the
    templates aim for none (bench/black_stability.py reports this for any spec)."""
    out: dict[str, tuple[int, list[tuple[str, str]]]] = {}
    for path, text in sorted(files.items()):
        if not path.endswith(".py"):
            continue
        steps = plan(text)
        pieces = list(pieces_of(steps)) if steps else [Piece("module", text)]
        changed = [(p.text, formatted) for p in pieces if (formatted := format_piece(p)) != p.text]
        out[path] = (len(pieces), changed)
    return out


def format_text(text: str) -> str:
    """Black's output for a whole file, computed in pieces when that is possible."""
    steps = plan(text)
    if steps is None:
        return _black(text)
    try:
        done = {p.key: format_piece(p) for p in pieces_of(steps)}
        return assemble(steps, done)
    except Exception:
        return _black(text)


def _format_jobs(jobs: list[tuple[str, Any]]) -> list[tuple[str, str, Any, str | None]]:
    """Format ("whole", (path, text)) and ("piece", Piece) jobs: (kind, path or piece key,
    formatted text or None, problem).

    The cyclic garbage collector is paused while black runs and swept once after each
    job: black builds and drops a syntax tree full of parent links per statement, and
    letting the collector fire on its own thresholds costs about 10% of the time."""
    out: list[tuple[str, str, Any, str | None]] = []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for kind, job in jobs:
            if kind == "whole":
                path, text, problem = _format_whole_job(job)
                out.append((kind, path, text, problem))
            else:
                key, text = _format_piece_job(job)
                out.append((kind, key, text, None))
            gc.collect(0)
    finally:
        if was_enabled:
            gc.enable()
    return out


def _chunks(work: list[tuple[str, Any]], count: int) -> list[list[tuple[str, Any]]]:
    size = max(1, len(work) // count)
    return [work[i:i + size] for i in range(0, len(work), size)]


def _in_pool(work: list[tuple[str, Any]], workers: int) -> list[tuple[str, str, Any, str | None]]:
    """A lot of work: one process per core. The objects this process holds (the spec, the
    model, the rendered text) are frozen first, so that the workers, which inherit them,
    never scan them when they collect garbage. On Ctrl-C (or any error) the workers are
    stopped at once rather than left to finish the queue."""
    results: list[tuple[str, str, Any, str | None]] = []
    gc.freeze()
    pool = _fork_context().Pool(workers, initializer=ignore_interrupt)
    try:
        for part in pool.imap(_format_jobs, _chunks(work, workers * 8)):
            results += part
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()
    return results


def _fork_context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _format_piece_job(piece: Piece) -> tuple[str, str | None]:
    try:
        return piece.key, format_piece(piece)
    except Exception:
        return piece.key, None


def _format_whole_job(item: tuple[str, str]) -> tuple[str, str, str | None]:
    path, text = item
    try:
        return path, _black(text), None
    except Exception as exc:  # black.InvalidInput and friends: a generator bug, reported with the file
        return path, text, f"{type(exc).__name__}: {exc}"


# -- caches -------------------------------------------------------------------


class FormatCache:
    """render hash -> formatted text, kept in a folder of small files; and, per output
    path, the formatted pieces of its last version (one JSON file per path)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, key: str) -> str | None:
        if self.folder is None:
            return None
        path = self.folder / key[:2] / key
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return None
        touch(path)
        return text

    def _write(self, target: Path, text: str) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def put(self, key: str, text: str) -> None:
        if self.folder is not None:
            self._write(self.folder / key[:2] / key, text)

    def _pack_path(self, path: str) -> Path | None:
        if self.folder is None:
            return None
        name = _hash(FORMATTER_ID, "pieces", path)
        return self.folder / "pieces" / name[:2] / f"{name}.json"

    def get_pieces(self, path: str) -> dict[str, str]:
        target = self._pack_path(path)
        if target is None:
            return {}
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        touch(target)
        return data if isinstance(data, dict) else {}

    def put_pieces(self, path: str, pieces: Mapping[str, str]) -> None:
        target = self._pack_path(path)
        if target is not None:
            self._write(target, json.dumps(pieces, ensure_ascii=False, separators=(",", ":")))


# -- formatting a set of files ------------------------------------------------


def ignore_interrupt() -> None:
    """For a helper process: Ctrl-C reaches every process of the terminal's group; the
    parent reports it ("Aborted!") and stops its helpers, which must not print a
    traceback of their own nor break the pool under it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _import_black() -> None:
    import black  # noqa: F401


class WarmPool:
    """A worker process that imports black while this process is still parsing and
    rendering: started before the work is known, so a few changed pieces are formatted
    by a process that has black ready (the import costs about 0.1 s)."""

    def __init__(self) -> None:
        # one worker: a second importing process would slow the parsing it is meant to
        # overlap, and a lot of work goes to a pool of its own anyway (see _in_pool)
        self.pool = _fork_context().Pool(1, initializer=ignore_interrupt)
        self.pool.apply_async(_import_black)

    @classmethod
    @contextlib.contextmanager
    def start(cls, wanted: bool = True) -> Iterator[WarmPool | None]:
        """A pool while the block runs, when `wanted` and this machine has more than one
        core and can fork (else None); the worker is stopped when the block ends."""
        import multiprocessing

        pool = None
        if wanted and _workers(None) > 1 and not os.environ.get("SDKGEN_NO_FORK") and "fork" in multiprocessing.get_all_start_methods():
            try:
                pool = cls()
            except (OSError, ValueError):
                pool = None
        try:
            yield pool
        finally:
            if pool is not None:
                pool.pool.terminate()  # its results, if any, have been received
                pool.pool.join()

    def format(self, work: list[tuple[str, Any]]) -> list[tuple[str, str, Any, str | None]]:
        """A little work, done by the worker (black is already imported there)."""
        return self.pool.apply(_format_jobs, (work,))  # type: ignore[no-any-return]


def format_files(
    files: Mapping[str, str],
    *,
    known: Mapping[str, tuple[str, str]] | None = None,
    cache: FormatCache | None = None,
    jobs: int | None = None,
    formatter: str = DEFAULT_FORMATTER,
    pool: WarmPool | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Format the `.py` files; return (formatted files, render hash per formatted path).

    `known` maps a path to (render hash, formatted text) from the last run, typically
    the files on disk described by the manifest: a file whose render hash is unchanged
    is taken from there without running the formatter.
    """
    fmt_id = formatter_id(formatter)
    known = known or {}
    out: dict[str, str] = {}
    hashes: dict[str, str] = {}
    todo: dict[str, str] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            out[path] = text
            continue
        key = render_hash(text, fmt_id)
        hashes[path] = key
        previous = known.get(path)
        if previous is not None and previous[0] == key:
            out[path] = previous[1]
            continue
        cached = cache.get(key) if cache else None
        if cached is not None:
            out[path] = cached
            continue
        todo[path] = text
    if todo:
        done = _ruff_files(todo) if formatter == "ruff" else _black_files(todo, cache, jobs, pool)
        for path, formatted in done.items():
            out[path] = formatted
            if cache:
                cache.put(hashes[path], formatted)
    return {path: out[path] for path in files}, hashes


def _workers(jobs: int | None) -> int:
    if jobs is not None:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _black_files(
    todo: Mapping[str, str], cache: FormatCache | None, jobs: int | None, pool: WarmPool | None = None
) -> dict[str, str]:
    plans: dict[str, list[Any]] = {}
    whole: dict[str, str] = {}
    for path, text in todo.items():
        steps = plan(text)
        if steps is None:
            whole[path] = text
        else:
            plans[path] = steps
    # pieces: from the last version of the same file, else formatted now (once each)
    formatted: dict[str, str] = {}
    previous: dict[str, dict[str, str]] = {}
    pending: dict[str, Piece] = {}
    for path, steps in plans.items():
        previous[path] = cache.get_pieces(path) if cache else {}
        for piece in pieces_of(steps):
            key = piece.key
            if key in formatted or key in pending:
                continue
            hit = previous[path].get(key)
            if hit is not None:
                formatted[key] = hit
            else:
                pending[key] = piece
    work_chars = sum(len(p.text) for p in pending.values()) + sum(map(len, whole.values()))
    # whole files first (they cannot be cut), then pieces biggest first: no long job last
    work: list[tuple[str, Any]] = [("whole", item) for item in whole.items()]
    work += [("piece", piece) for piece in sorted(pending.values(), key=lambda p: -len(p.text))]
    big = work_chars >= _PARALLEL_MIN_CHARS
    if work and big and _workers(jobs) > 1:
        results = _in_pool(work, _workers(jobs))
    elif work and pool is not None and jobs is None:
        results = pool.format(work)
    else:
        results = _format_jobs(work)
    failed: set[str] = set()
    results_whole: list[tuple[str, str, str | None]] = []
    for kind, key, text, problem in results:
        if kind == "whole":
            results_whole.append((key, text, problem))
        elif text is None:
            failed.add(key)
        else:
            formatted[key] = text

    done: dict[str, str] = {}
    for path, text, problem in results_whole:
        if problem is not None:
            raise SpecError(f"generated code does not parse ({problem}); this is a generator bug, please report it", None, path)
        done[path] = text
    for path, steps in plans.items():
        keys = [p.key for p in pieces_of(steps)]
        result: str | None = None
        if not failed.intersection(keys):
            try:
                result = assemble(steps, formatted)
            except Exception:
                result = None
        if result is None:  # a cut that black does not accept: format the file whole
            _, whole_text, problem = _format_whole_job((path, todo[path]))
            if problem is not None:
                raise SpecError(f"generated code does not parse ({problem}); this is a generator bug, please report it", None, path)
            result = whole_text
        elif cache and set(keys) != set(previous.get(path, {})):
            cache.put_pieces(path, {k: formatted[k] for k in keys})
        done[path] = result
    return done


def _ruff_files(todo: Mapping[str, str]) -> dict[str, str]:
    """`ruff format` over all files at once, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="sdkgen-ruff-") as tmp:
        root = Path(tmp)
        (root / "ruff.toml").write_text(f'line-length = {LINE_LENGTH}\ntarget-version = "py310"\n', encoding="utf-8")
        names: dict[str, Path] = {}
        for n, (path, text) in enumerate(todo.items()):
            target = root / "src" / f"f{n}.py"
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            names[path] = target
        proc = subprocess.run(
            [_ruff_binary(), "format", "--no-cache", "--config", str(root / "ruff.toml"), str(root / "src")],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise SpecError(
                f"generated code does not format with ruff ({detail[0] if detail else proc.returncode}); "
                "this is a generator bug, please report it"
            )
        return {path: target.read_text(encoding="utf-8") for path, target in names.items()}


# -- the manifest -------------------------------------------------------------


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def manifest_text(
    files: Mapping[str, str],
    hashes: Mapping[str, str],
    generator_id: str,
    *,
    formatter: str = FORMATTER_ID,
    validated: str | None = None,
) -> str:
    """The manifest: the files the generator owns, with the render hash (input to the
    formatter) and the content hash (what was written) of each, so an unchanged file
    skips the formatter; and the hash of the bundled spec when it validated cleanly, so
    an unchanged spec skips validation."""
    data: dict[str, Any] = {
        "generator": generator_id,
        "formatter": formatter,
        "files": {
            path: {"render": hashes[path], "content": content_hash(text)} if path in hashes else {"content": content_hash(text)}
            for path, text in sorted(files.items())
        },
    }
    if validated:
        data["validated"] = validated
    return json.dumps(data, indent=1, sort_keys=True) + "\n"
