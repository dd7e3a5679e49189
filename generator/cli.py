"""The generator's command line: `sdkgen generate|check|lint|bundle|diff|release|upstream` (or `python -m generator`)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import click

from . import __version__, display
from .diagnostics import (
    EXIT_BUG,
    EXIT_FOUND,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    FORMATS,
    Diagnostic,
    GeneratorBug,
    SpecError,
    render,
)

F = TypeVar("F", bound=Callable[..., Any])

SPEC = click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
def _output_folder(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    if not value.strip():
        raise click.BadParameter("must name a folder (use . for the current one)")
    return Path(value)


OUTPUT = click.option(
    "--output", "-o", type=click.Path(file_okay=False), default="generated", callback=_output_folder,
    show_default=True, help="Folder of the generated package project.",
)
def _package_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (value.isidentifier() and value.isascii()):
        raise click.BadParameter(f"{value!r} is not a Python package name (letters, digits and _)")
    return value


PACKAGE = click.option(
    "--package-name", callback=_package_name,
    help="Python package name (default: from x-sdk, else the spec's title).",
)
STRICT = click.option("--strict", is_flag=True, help="Treat every warning (validation, unsupported constructs) as an error.")
DIAGNOSTICS_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="How problems are printed: text for people; json, github (annotations) or sarif for CI.",
)
QUIET = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
REF_ROOTS = click.option(
    "--allow-ref-root", "ref_roots", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder outside SPEC's own whose files $refs may read (repeatable); by default they may read "
    "only files in SPEC's folder and below.",
)
DEBUG = click.option("--debug", is_flag=True, help="On an internal error, print the Python traceback.")

#: warnings printed in text form before "... and N more" (all of them in the CI formats)
MAX_WARNINGS = 20


def _formatter_option(default: str | None, help_text: str) -> Callable[[F], F]:
    return click.option("--formatter", type=click.Choice(["ruff", "black"]), default=default, help=help_text)


class _Progress:
    """What a long run is at, on one line of the terminal: the stage, its counts, the time
    so far (kept ticking by a thread while a stage works). Nothing on a pipe or with -q."""

    TICK = 0.5  # seconds between redraws of the time when nothing else changes

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.perf_counter()
        self.text = ""
        self.shown = False
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        if self.enabled:
            threading.Thread(target=self._tick, name="sdkgen-progress", daemon=True).start()

    def __call__(self, stage: str, detail: str = "") -> None:
        if self.enabled:
            with self.lock:
                self.text = f"{stage}: {detail}" if detail else stage
                self._draw()

    def _tick(self) -> None:
        while not self.stopped.wait(self.TICK):
            with self.lock:
                if self.text and self.enabled:
                    self._draw()

    def _draw(self) -> None:
        line = f"{display.one_line(self.text)} ({time.perf_counter() - self.started:.1f}s)"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        sys.stderr.write("\r\x1b[K" + (line if len(line) <= width else line[: max(width - 3, 0)] + "..."))
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        self.stopped.set()
        with self.lock:
            self.enabled = False
            if self.shown:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
                self.shown = False


def _keep_the_collector_off() -> None:
    """The pipeline runs with Python's cycle collector off (pipeline.generate); turned on
    again when it returns, its first pass walks every object the run made (90 ms on
    GitHub's document) to free memory that the process's exit, which comes next (run()),
    frees anyway."""
    gc.disable()


def _print_diagnostics(diagnostics: list[Diagnostic], fmt: str, quiet: bool) -> None:
    shown = [d for d in diagnostics if d.severity == "error"] if quiet else diagnostics
    if not shown:
        return
    if fmt != "text":
        click.echo(render(shown, fmt), nl=False)
        return
    for d in sorted(shown)[:MAX_WARNINGS]:
        click.echo(str(d), err=True)
    if len(shown) > MAX_WARNINGS:
        click.echo(f"... and {len(shown) - MAX_WARNINGS} more (--format json lists them all)", err=True)


def _fail(exc: SpecError, fmt: str = "text") -> None:
    if fmt == "text":
        for d in exc.diagnostics:
            click.echo(str(d), err=True)
    else:
        click.echo(render(exc.diagnostics, fmt), nl=False)
    sys.exit(EXIT_INPUT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a typed Python client (and its CLI, fixtures and mock server) from an OpenAPI document.

    \b
    SPEC is an OpenAPI 3.0, 3.1 or 3.2 document, or a Swagger 2.0 one (read as its 3.0
    form), YAML or JSON, in one file or several.

    \b
    Exit codes: 0 ok, 1 check or lint found problems, 2 the input could not be used,
    3 internal error (a bug in the generator), 130 interrupted.
    """


@main.command()
@SPEC
@OUTPUT
@PACKAGE
@STRICT
@_formatter_option("ruff", "Code formatter: ruff (the default; black's style) or black itself.")
@click.option("--force", is_flag=True, help="Write into a folder that holds files the generator did not create, replacing those with generated names.")
@click.option("--no-cache", is_flag=True,
              help="Make and format every file, taking nothing from the last run (what is made is still kept for "
                   "the next). By default what is made from the same inputs as in the last run into --output is not "
                   "made again: its files, and the entries of the whole-API files, are read back from there, found "
                   "by keys kept in $XDG_CACHE_HOME/sdkgen.")
@REF_ROOTS
@DIAGNOSTICS_FORMAT
@QUIET
@DEBUG
def generate(spec: Path, output: Path, package_name: str | None, strict: bool, formatter: str, force: bool,
             no_cache: bool, ref_roots: tuple[Path, ...], fmt: str, quiet: bool, debug: bool) -> None:
    """Generate the client package from SPEC into --output.

    Only files whose content changed are rewritten; files generated before and no
    longer produced are removed; files the generator did not create are never
    replaced (without --force) and never removed.

    \b
    Example:
      sdkgen generate openapi.yaml --output out/petstore --package-name petstore
    """
    from .pipeline import generate as run
    from .write import write_files

    _keep_the_collector_off()
    started = time.perf_counter()
    progress = _Progress(not quiet)
    try:
        result = run(spec, package_name=package_name, strict=strict, formatter=formatter, progress=progress,
                     allow_ref_roots=ref_roots, locate_warnings=not quiet,  # -q shows errors only
                     reuse_formatted=output, use_last_run=not no_cache)
        progress("write", f"{len(result.files):,} files")
        written = write_files(output, result.files, result.manifest, force=force, on_disk=result.on_disk)
    except SpecError as exc:
        progress.done()
        _fail(exc, fmt)
        return
    finally:  # an internal error or Ctrl-C: the line goes before the message does
        progress.done()
    _print_diagnostics(result.diagnostics, fmt, quiet)
    if not quiet:
        elapsed = time.perf_counter() - started
        click.echo(
            f"{output}: {len(written.written)} written, {len(written.removed)} removed, "
            f"{written.unchanged} unchanged ({elapsed:.2f}s)",
            err=True,
        )


@main.command()
@SPEC
@OUTPUT
@PACKAGE
@STRICT
@_formatter_option(None, "Code formatter to compare with (default: the one that generated --output, from its manifest).")
@REF_ROOTS
@DIAGNOSTICS_FORMAT
@DEBUG
def check(spec: Path, output: Path, package_name: str | None, strict: bool, formatter: str | None,
          ref_roots: tuple[Path, ...], fmt: str, debug: bool) -> None:
    """Fail (exit 1) when --output is not exactly what SPEC and the templates generate.

    Prints a unified diff of every difference and the command that fixes it.
    """
    from .check import compare, report
    from .format import DEFAULT_FORMATTER, FORMATTERS
    from .manifest import Manifest
    from .pipeline import generate as run

    _keep_the_collector_off()
    progress = _Progress(True)
    try:
        on_disk = Manifest.read(output)
        recorded = on_disk.formatter.split("-", 1)[0]
        chosen = formatter or (recorded if recorded in FORMATTERS else DEFAULT_FORMATTER)
        result = run(spec, package_name=package_name, strict=strict, formatter=chosen, allow_ref_roots=ref_roots,
                     progress=progress)
    except SpecError as exc:
        progress.done()
        _fail(exc, fmt)
        return
    finally:
        progress.done()
    differences = compare(result, output, on_disk)
    if differences:
        click.echo(report(differences, output), nl=False)
        click.echo(
            f"{output}: {len(differences)} file(s) differ from what {spec} generates; "
            "run `make generate` (or `sdkgen generate`) and commit the result",
            err=True,
        )
        sys.exit(EXIT_FOUND)
    click.echo(f"{output}: up to date with {spec}", err=True)


@main.command()
@SPEC
@DIAGNOSTICS_FORMAT
@click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file with a [tool.sdkgen.lint] table (default: the pyproject.toml nearest SPEC).",
)
@REF_ROOTS
@DEBUG
def lint(spec: Path, fmt: str, config_file: Path | None, ref_roots: tuple[Path, ...], debug: bool) -> None:
    """Check SPEC against the OpenAPI schema and the project's rules.

    One finding per line as `file:line:col: severity [rule] message`; exit 1 when
    there is an error, 2 when the spec or the configuration cannot be read.

    \b
    Configure in pyproject.toml:
      [tool.sdkgen.lint]
      rules = { "unused-component" = "off", "path-trailing-slash" = "error" }
    Waive one finding in the spec with `x-lint-waive: {rule-id: reason}` on the
    object it points at (or an ancestor).
    """
    from .lint import lint as run_lint
    from .lint_config import load_config

    try:
        findings = run_lint(spec, load_config(config_file) if config_file else None, allow_ref_roots=ref_roots)
    except SpecError as exc:
        _fail(exc, fmt)
        return
    click.echo(render(findings, fmt), nl=False)
    if any(f.severity == "error" for f in findings):
        sys.exit(EXIT_FOUND)


@main.command()
@SPEC
@REF_ROOTS
@DEBUG
def bundle(spec: Path, ref_roots: tuple[Path, ...], debug: bool) -> None:
    """Print SPEC as one JSON document, its $refs into other files turned into components."""
    from .load import load

    try:
        doc = load(spec, ref_roots)
    except SpecError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(doc.data, indent=2, ensure_ascii=False))


DIFF_FORMATS = ("text", "markdown", "json", "github", "sarif")
DIFF_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True,
    help="text for people; markdown for a pull-request comment; json, github (annotations) or sarif for CI.",
)
FAIL_ON = click.option(
    "--fail-on", type=click.Choice(["breaking", "warning", "info", "none"]), default="none", show_default=True,
    help="Exit 1 when a change of this level or above is found (an SDK-level major change counts as breaking).",
)


@main.command()
@click.argument("base")
@click.argument("head", default="spec/openapi.yaml")
@DIFF_FORMAT
@FAIL_ON
@click.option("--no-sdk", is_flag=True, help="Compare the documents only, not the generated package's interface.")
@DEBUG
def diff(base: str, head: str, fmt: str, fail_on: str, no_sdk: bool, debug: bool) -> None:
    """Classify every change from BASE to HEAD (default: spec/openapi.yaml).

    Each side is a spec file, a split spec's root (or its folder), or a git revision
    with a path, read through git without a checkout: HEAD~1:spec/openapi.yaml,
    origin/main:spec/openapi.yaml (a bare revision means its spec/openapi.yaml).

    Spec-level changes carry an oasdiff-style rule id, a level (breaking, warning,
    info) and the location on both sides; SDK-level changes say what happens to the
    generated package and which version bump that calls for. docs/diff-rules.md lists
    every rule.

    \b
    Examples:
      sdkgen diff origin/main spec/openapi.yaml --format markdown > comment.md
      sdkgen diff HEAD~1:spec/openapi.yaml spec/openapi.yaml --fail-on breaking
    """
    from .diff.engine import compare
    from .diff.report import render_result
    from .diff.source import open_side

    try:
        before = open_side(base)
        after = open_side(head)
        result = compare(before, after, sdk=not no_sdk)
    except SpecError as exc:
        _fail(exc, fmt if fmt in FORMATS else "text")
        return
    for warning in sorted(result.warnings)[:MAX_WARNINGS]:  # (stderr: the report stays its format)
        click.echo(str(warning), err=True)
    click.echo(render_result(result, fmt), nl=False)
    if result.fails(fail_on):
        sys.exit(EXIT_FOUND)


@main.command()
@click.argument("spec", default="spec/openapi.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--changelog", type=click.Path(dir_okay=False, path_type=Path), default="generated/CHANGELOG.md",
              show_default=True, help="The changelog a section is added to (at the top).")
@click.option("--since", help="The revision (or REV:path) of the last release, instead of finding it.")
@click.option("--tag-prefix", default="v", show_default=True, help="Release tags are <prefix><version>.")
@click.option("--date", help="A date for the section's heading. None by default: same inputs, same bytes.")
@click.option("--dry-run", is_flag=True, help="Print the section and the new version; write nothing.")
@DEBUG
def release(spec: Path, changelog: Path, since: str | None, tag_prefix: str, date: str | None, dry_run: bool,
            debug: bool) -> None:
    """Bump the generated package's version by what changed since the last release.

    Compares the last released spec with SPEC (spec and SDK level, as `diff` does),
    raises the version in sdk-release.json beside SPEC by the verdict (major, minor or
    patch; while 0.x a breaking change raises the minor) and writes a section for it at
    the top of --changelog. Run `sdkgen generate` (or `make release`, which does both)
    so that the new version reaches the generated package.

    The last release is found at --since, else at the tag <prefix><version>, else at
    the commit that last changed sdk-release.json. Nothing to release: exit 0, nothing
    written.
    """
    from .release import release as run_release

    try:
        planned = run_release(spec, changelog, since=since, tag_prefix=tag_prefix, date=date, dry_run=dry_run)
    except SpecError as exc:
        _fail(exc)
        return
    for note in planned.notes:
        click.echo(f"note: {note}", err=True)
    if not planned.changed:
        click.echo(f"nothing to release: the package stays at {planned.version}", err=True)
        return
    if dry_run:
        click.echo(planned.section, nl=False)
    since_text = f" since {planned.base_label}" if planned.base_label else ""
    bump = planned.result.bump if planned.result is not None else None
    what = "would be" if dry_run else "is now"
    click.echo(f"{spec}: version {planned.version} -> {planned.next_version} ({bump or 'first release'}{since_text}); "
               f"the package {what} {planned.next_version}", err=True)
    if not dry_run:
        click.echo(f"wrote {changelog} and {spec.parent / 'sdk-release.json'}; run `make generate` to bring the "
                   "version into the package", err=True)


@main.command()
@click.argument("upstream")
@click.option("--spec", "spec", default="spec/openapi.yaml", show_default=True, help="The curated spec.")
@click.option("--differences", type=click.Path(dir_okay=False, path_type=Path),
              help="The recorded deliberate differences (default: upstream-differences.yaml beside --spec).")
@DIFF_FORMAT
@FAIL_ON
@click.option("--all", "show_all", is_flag=True, help="List the differences the file allows too.")
@DEBUG
def upstream(upstream: str, spec: str, differences: Path | None, fmt: str, fail_on: str, show_all: bool,
             debug: bool) -> None:
    """Compare the curated spec with PostHog's published schema UPSTREAM.

    UPSTREAM is the document PostHog serves at /api/schema/ (a file, or REV:path).
    Reported: operations PostHog has in the tags the spec covers and the spec lacks
    (and the reverse), parameters, fields and types added, removed or changed
    upstream, enum values, scopes. "added" means upstream has it, "removed" that only
    the spec has it; locations point into the spec.

    Differences recorded with a reason in upstream-differences.yaml (beside the spec)
    are not reported; entries that no longer match anything are (as warnings).
    """
    from .diff.report import render_result
    from .diff.source import open_side
    from .upstream import compare_upstream, differences_path, load_differences

    try:
        curated = open_side(spec)
        published = open_side(upstream)
        allowances = load_differences(differences or differences_path(curated.path))
        found = compare_upstream(curated, published, allowances)
    except SpecError as exc:
        _fail(exc, fmt if fmt in FORMATS else "text")
        return
    result = found.result
    if show_all:
        result.findings = result.findings + result.allowed
    click.echo(render_result(result, fmt, primary="base", extra=found.stale), nl=False)
    if result.fails(fail_on) or (found.stale and fail_on in ("warning", "info")):
        sys.exit(EXIT_FOUND)


def _processing_pointer(tb: TracebackType | None) -> str | None:
    """The JSON pointer the innermost frame that names one was working on (the stages
    keep the pointer of the node at hand in a local variable called `pointer`)."""
    found = None
    while tb is not None:
        for name in ("pointer", "op_ptr", "item_ptr"):
            value = tb.tb_frame.f_locals.get(name)
            if isinstance(value, str) and (not value or value.startswith("/")):
                found = value
                break
        tb = tb.tb_next
    return found


def _report_bug(exc: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exception(exc)
    if isinstance(exc, GeneratorBug):
        bug = exc if exc.pointer is not None else GeneratorBug(str(exc.args[0]), _processing_pointer(exc.__traceback__))
    else:
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        bug = GeneratorBug(detail, _processing_pointer(exc.__traceback__))
    hint = "" if debug else " (--debug shows the traceback)"
    print(f"sdkgen: {bug}{hint}", file=sys.stderr)
    return EXIT_BUG


#: glibc's mallopt parameter: how much free memory to keep at the top of the heap
_M_TOP_PAD = -2


def _keep_freed_memory() -> None:
    """glibc gives the free memory at the top of its heap back to the system as soon as
    there is a little of it, and the next allocations fault it in again, page by page; a
    run that makes and drops as many objects as generate does paid 30,000 page faults a
    run for it on googleapis compute (0.05-0.1 s; 120,000 on Graph). Keeping up to 64 MB
    of it stops the churn (M_TOP_PAD); the peak memory stays the same. Only with glibc:
    elsewhere nothing is changed."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(_M_TOP_PAD, 64 << 20)
    except (OSError, AttributeError):  # no mallopt (musl): the allocator keeps its ways
        pass


def _interrupt_again(unraisable: Any) -> None:
    """sys.unraisablehook: a Ctrl-C that lands while a finaliser runs (a temporary
    folder's cleanup, a generator's close) cannot stop the program from there; Python
    would print "Exception ignored in ..." with a traceback and carry on as if it had not
    come. It is sent again, from another thread (from this one it would land in the
    finaliser again), and stops the run as any other Ctrl-C does. Anything else goes to
    Python's own hook."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
        return
    import _thread
    import signal

    main_thread = threading.main_thread().ident
    if hasattr(signal, "pthread_kill") and main_thread is not None:
        # a bare thread, whose start is not waited for (the signal would land in the
        # wait); a signal to the main thread also wakes it from a wait (a child, a sleep)
        _thread.start_new_thread(signal.pthread_kill, (main_thread, signal.SIGINT))
    else:  # Windows
        _thread.start_new_thread(_thread.interrupt_main, ())


def run(prog_name: str = "sdkgen") -> None:
    """The command-line entry point: `main`, with every outcome mapped to an exit code,
    then a hard exit once output is flushed (tearing down a big heap object by object is
    work nobody waits for)."""
    _keep_freed_memory()
    sys.unraisablehook = _interrupt_again
    # a document's `pattern` is compiled where it is judged or sampled; Python warns of
    # sets such as `[[:alpha:]]` it may read as nested one day, which says nothing to a user
    warnings.filterwarnings("ignore", message="Possible (nested set|set )", category=FutureWarning)
    code = 0
    debug = "--debug" in sys.argv[1:]
    try:
        main(prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Abort:
        print("Aborted!", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            code = EXIT_FOUND
        else:
            code = exc.code or 0
    except RecursionError as exc:
        code = _report_bug(exc, debug)
    except Exception as exc:  # noqa: BLE001 - anything else is a bug: one line, exit 3
        code = _report_bug(exc, debug)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            pass
    os._exit(code)
