"""The generator's command line: `python -m generator generate|check|lint|bundle`."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import SpecError

SPEC = click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
OUTPUT = click.option(
    "--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("generated"),
    show_default=True, help="Folder of the generated package project.",
)
PACKAGE = click.option("--package-name", help="Python package name (default: from x-sdk, else the spec's title).")
STRICT = click.option("--strict", is_flag=True, help="Treat spec validation warnings as errors.")
NO_CACHE = click.option("--no-cache", is_flag=True, help="Do not use the local formatting cache.")


def _formatter_option(default: str | None, help_text: str):  # type: ignore[no-untyped-def]
    return click.option("--formatter", type=click.Choice(["black", "ruff"]), default=default, help=help_text)


def _fail(exc: SpecError) -> None:
    click.echo(str(exc), err=True)
    sys.exit(2)


def _warn(lines: list[str], quiet: bool) -> None:
    if quiet:
        return
    for line in lines[:20]:
        click.echo(line, err=True)
    if len(lines) > 20:
        click.echo(f"... and {len(lines) - 20} more warnings", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a typed Python client (and its CLI, fixtures and mock server) from an OpenAPI document.

    \b
    Exit codes: 0 ok, 1 check or lint found problems, 2 the input could not be used.
    """


@main.command()
@SPEC
@OUTPUT
@PACKAGE
@STRICT
@NO_CACHE
@_formatter_option("black", "Code formatter: black (the default) or ruff (much faster; output close to black's, not identical).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def generate(spec: Path, output: Path, package_name: str | None, strict: bool, no_cache: bool, formatter: str, quiet: bool) -> None:
    """Generate the client package from SPEC into --output.

    Only files whose content changed are rewritten; files generated before and no
    longer produced are removed; files the generator did not create are left alone.

    \b
    Example:
      python -m generator generate spec/openapi.yaml --output out/petstore --package-name petstore
    """
    from .cache import cache_root, prune
    from .pipeline import default_cache_dir, write_stamp
    from .pipeline import generate as run
    from .write import write_files

    started = time.perf_counter()
    try:
        result = run(
            spec, output, package_name=package_name, strict=strict,
            cache_dir=None if no_cache else default_cache_dir(), formatter=formatter,
        )
        written = write_files(output, result.files, result.manifest)
        write_stamp(output, result)
        if not no_cache:
            prune(cache_root())  # at most once a day: keeps ~/.cache/sdkgen under 256 MB
    except SpecError as exc:
        _fail(exc)
        return
    _warn(result.warnings, quiet)
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
@NO_CACHE
@_formatter_option(None, "Code formatter to compare with (default: the one that generated --output, from its manifest).")
def check(spec: Path, output: Path, package_name: str | None, strict: bool, no_cache: bool, formatter: str | None) -> None:
    """Fail (exit 1) when --output is not exactly what SPEC and the templates generate.

    Prints a unified diff of every difference and the command that fixes it.
    """
    from .check import compare, report
    from .pipeline import default_cache_dir
    from .pipeline import generate as run

    try:
        result = run(
            spec, output, package_name=package_name, strict=strict,
            cache_dir=None if no_cache else default_cache_dir(), formatter=formatter,
        )
    except SpecError as exc:
        _fail(exc)
        return
    differences = compare(result, output)
    if differences:
        click.echo(report(differences, output), nl=False)
        click.echo(
            f"{output}: {len(differences)} file(s) differ from what {spec} generates; "
            "run `make generate` and commit the result",
            err=True,
        )
        sys.exit(1)
    click.echo(f"{output}: up to date with {spec}", err=True)


@main.command()
@SPEC
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text", show_default=True, help="Output format.")
@click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file with a [tool.sdkgen.lint] table (default: the pyproject.toml nearest SPEC).",
)
def lint(spec: Path, fmt: str, config_file: Path | None) -> None:
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
    from .lint import render_findings
    from .lint_config import load_config

    try:
        findings = run_lint(spec, load_config(config_file) if config_file else None)
    except SpecError as exc:
        _fail(exc)
        return
    click.echo(render_findings(findings, fmt), nl=False)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)


@main.command()
@SPEC
def bundle(spec: Path) -> None:
    """Print SPEC as one JSON document, its $refs into other files turned into components."""
    from .load import load

    try:
        doc = load(spec)
    except SpecError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(doc.data, indent=2, ensure_ascii=False))


def run(prog_name: str = "sdkgen") -> None:
    """The command-line entry point: `main`, then a hard exit once output is flushed.

    Tearing down the interpreter frees the whole spec, model and rendered output object
    by object (about 0.05 s on a big spec), work nobody waits for: the files are written
    and closed, the helper processes stopped, so the process ends at once (mypy does the
    same)."""
    code: int = 0
    try:
        main(prog_name=prog_name)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            code = 1
        else:
            code = exc.code or 0
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)
