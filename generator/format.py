"""Format the generated Python files in one pass of a pinned formatter.

Black's style is the authority and `ruff format` the engine: ruff writes black's style
(with the settings below) about a hundred times faster. `make test` runs `black --check`
over generated/ and the golden packages, so where the two ever disagree on what the
templates emit, the template changes. `--formatter black` formats with black itself.

Before formatting, ruff sorts the imports and drops the unused ones (its isort and F401
fixes): templates import what a module may need and the generator does not have to
compute import lists.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .diagnostics import GeneratorBug, SpecError

FORMATTERS = ("ruff", "black")
DEFAULT_FORMATTER = "ruff"
#: the style of the output, also written into the generated project's pyproject.toml
LINE_LENGTH = 100
TARGET_VERSION = "py310"
#: below this much code ruff runs on one thread: its thread pool costs more CPU than it
#: saves time (the curated spec's 0.9 MB: 0.11 s of CPU on one thread, 0.14 s on two,
#: the same wall time); above it, it may use every core
RUFF_THREADS_FROM_CHARS = 2_000_000
#: where ruff's scratch copy goes when there is room: a folder in memory. On a disk,
#: creating, rewriting and removing the files costs more than formatting them (the
#: curated spec's 53 files: 40-50 ms in /tmp here, 2-10 ms in /dev/shm).
MEMORY_FOLDER = "/dev/shm"


def formatter_version(formatter: str) -> str:
    """The installed version of `formatter` (it goes into the manifest: an upgrade that
    changes the output is visible there)."""
    if formatter not in FORMATTERS:
        raise SpecError(f"unknown formatter {formatter!r}; use one of: {', '.join(FORMATTERS)}")
    found = _installed_version(formatter)
    if found is None:
        raise SpecError(f"--formatter {formatter} needs {formatter} installed (pip install {formatter})")
    return found


def _installed_version(name: str) -> str | None:
    """The version of the distribution `name` on sys.path, read from its `.dist-info`
    metadata. importlib.metadata gives the same answer but reads every distribution on the
    path first (40 ms at every start); it stays the answer where there is no such folder."""
    for folder in sys.path:
        for info in Path(folder or ".").glob(f"{name}-*.dist-info"):
            try:
                with open(info / "METADATA", encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():
                            break
            except OSError:
                continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def formatter_id(formatter: str) -> str:
    return f"{formatter}-{formatter_version(formatter)}"


def format_files(files: Mapping[str, str], formatter: str = DEFAULT_FORMATTER, *, package: str = "") -> dict[str, str]:
    """`files` with every `.py` file's imports sorted and pruned and its code formatted;
    other files as they are. `package` is the generated package's name (first-party for
    import sorting)."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    if not python:
        return dict(files)
    done = _ruff(python, package, format_code=formatter == "ruff")
    if formatter == "black":
        done = _black(done)
    return {path: done.get(path, text) for path, text in files.items()}


def _ruff_binary() -> str:
    beside = Path(sys.executable).parent / "ruff"
    if beside.exists():
        return str(beside)
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-not-found, import-untyped, unused-ignore]

        return str(find_ruff_bin())
    except Exception:
        raise SpecError("--formatter ruff needs ruff installed (pip install ruff)") from None


def _ruff(files: Mapping[str, str], package: str, *, format_code: bool, fix_imports: bool = True) -> dict[str, str]:
    """ruff's import fixes (and `ruff format`) over all files at once, in a temporary
    folder, ignoring any configuration file around it."""
    steps = ([_import_fixes(package)] if fix_imports else []) + ([["format", *_COMMON, "."]] if format_code else [])
    with _scratch(files) as root:
        for command in steps:
            _run(command, root, files)
        return {path: root.joinpath(*PurePosixPath(path).parts).read_text(encoding="utf-8") for path in files}


#: the settings every ruff run is given
_COMMON = ["--isolated", "--no-cache", "--quiet", "--line-length", str(LINE_LENGTH), "--target-version", TARGET_VERSION]


def _import_fixes(package: str, *, fix: bool = True) -> list[str]:
    """ruff's import sorting and unused-import removal (`package` is first-party)."""
    return ["check", *_COMMON, *(["--fix", "--exit-zero"] if fix else ["--output-format", "json", "--exit-zero"]),
            "--select", "I001,F401",
            "--config", f"lint.isort.known-first-party = [{package!r}]" if package else "lint.isort.known-first-party = []",
            "."]


@contextmanager
def _scratch(files: Mapping[str, str]) -> Iterator[Path]:
    """A temporary folder holding `files`."""
    size = sum(map(len, files.values()))
    with tempfile.TemporaryDirectory(prefix="sdkgen-format-", dir=_scratch_parent(size)) as tmp:
        root = Path(tmp)
        for path, text in files.items():
            target = root.joinpath(*PurePosixPath(path).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        yield root


def _run(command: list[str], root: Path, files: Mapping[str, str]) -> str:
    """ruff's output for `command` run in `root` (which holds `files`); GeneratorBug when it fails."""
    env = {**os.environ, "NO_COLOR": "1"}
    if sum(map(len, files.values())) < RUFF_THREADS_FROM_CHARS:
        env.setdefault("RAYON_NUM_THREADS", "1")
    proc = subprocess.run([_ruff_binary(), *command], cwd=root, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise GeneratorBug(f"ruff cannot process the generated code: {detail[0] if detail else proc.returncode}")
    return proc.stdout


def format_snippets(snippets: Mapping[str, str]) -> dict[str, str]:
    """Each snippet (a Python file by name) formatted by `ruff format` alone, with no
    import fixes: pieces of a module, each after a stub (resource_pieces.py)."""
    return _ruff(snippets, "", format_code=True, fix_imports=False) if snippets else {}


def import_fixes_wanted(files: Mapping[str, str], package: str) -> set[str]:
    """The files (formatted already) that ruff's import fixes would change."""
    if not files:
        return set()
    with _scratch(files) as root:
        found = json.loads(_run(_import_fixes(package, fix=False), root, files) or "[]")
        where = {str(folder.joinpath(*PurePosixPath(path).parts)): path
                 for folder in (root, root.resolve()) for path in files}
        named = {where.get(str(item.get("filename", ""))) for item in found if isinstance(item, dict)}
        return set(files) if None in named else {path for path in named if path is not None}


def _scratch_parent(size: int) -> str | None:
    """MEMORY_FOLDER when it is there, writable and has room for four times `size`
    characters (a container's /dev/shm may be 64 MB), else None: the system's temp folder."""
    try:
        free = os.statvfs(MEMORY_FOLDER)
    except (OSError, AttributeError):  # no such folder; Windows has no statvfs
        return None
    if free.f_bavail * free.f_frsize < 4 * size or not os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
        return None
    return MEMORY_FOLDER


def _black(files: Mapping[str, str]) -> dict[str, str]:
    import black
    from black.mode import TargetVersion

    mode = black.Mode(target_versions={TargetVersion[TARGET_VERSION.upper()]}, line_length=LINE_LENGTH)
    done: dict[str, str] = {}
    for path, text in files.items():
        try:
            done[path] = black.format_str(text, mode=mode)
        except Exception as exc:  # black.InvalidInput and friends: the template emitted bad code
            raise GeneratorBug(f"black cannot format the generated {path}: {str(exc).splitlines()[0]}") from None
    return done
