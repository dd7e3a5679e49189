"""Builds the click application from the command table and runs commands.

Exit codes: 0 success, 1 an API or network error, 2 a usage error (bad
arguments, missing settings), 130 interrupted.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
import time
from collections.abc import Iterable, Mapping
from typing import Any

import click

from .. import _settings as settings
from ._commands import (
    API_KEY_ENV,
    BASE_URL_ARGUMENT,
    BASE_URL_ENV,
    CLI_NAME,
    COMMANDS,
    GROUPS,
    PATH_DEFAULTS,
    ROOT_HELP,
)

__all__ = ["build", "main"]


def _json_value(text: Any) -> Any:
    """An option whose value is JSON text (click reports the ValueError as a usage error)."""
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None


_KINDS: dict[str, Any] = {
    "str": click.STRING,
    "int": click.INT,
    "float": click.FLOAT,
    "json": _json_value,
}


def _read_data(text: str) -> Any:
    """`--data`: JSON text, `@file.json`, or `-` for standard input."""
    if text == "-":
        raw = sys.stdin.read()
        source = "standard input"
    elif text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as handle:
                raw = handle.read()
        except OSError as exc:
            raise click.BadParameter(
                f"cannot read {text[1:]}: {exc.strerror}", param_hint="--data"
            ) from None
        source = text[1:]
    else:
        raw, source = text, "--data"
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(
            f"{source} is not valid JSON ({exc.msg}, line {exc.lineno})", param_hint="--data"
        ) from None


# -- output --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Models and pages as JSON-compatible data."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_none=False)
    if hasattr(value, "items") and hasattr(value, "envelope"):  # a page
        return _plain(value.envelope)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _rows(data: Any) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for table and CSV output."""
    if (
        isinstance(data, Mapping)
        and isinstance(data.get("results"), list)
        and isinstance(data.get("columns"), list)
    ):
        return [str(c) for c in data["columns"]], [
            r if isinstance(r, list) else [r] for r in data["results"]
        ]
    if isinstance(data, Mapping) and isinstance(data.get("results"), list):
        return _rows(data["results"])
    if isinstance(data, list):
        if data and all(isinstance(item, Mapping) for item in data):
            columns: list[str] = []
            for item in data:
                columns += [k for k in item if k not in columns]
            return columns, [[item.get(c) for c in columns] for item in data]
        return ["value"], [[item] for item in data]
    if isinstance(data, Mapping):
        return ["field", "value"], [[k, v] for k, v in data.items()]
    return ["value"], [[data]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _table(columns: list[str], rows: list[list[Any]], max_width: int = 60) -> str:
    cells = [[_cell(v)[:max_width] for v in row] for row in rows]
    widths = [
        max([len(c)] + [len(row[i]) for row in cells if i < len(row)])
        for i, c in enumerate(columns)
    ]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def _emit(result: Any, fmt: str) -> None:
    if result is None:
        return
    if isinstance(result, str):
        click.echo(result, nl=not result.endswith("\n"))
        return
    data = _plain(result)
    if fmt == "json":
        pretty = sys.stdout.isatty()
        click.echo(json.dumps(data, indent=2 if pretty else None, ensure_ascii=False))
        return
    columns, rows = _rows(data)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(_table(columns, rows))


def _emit_all(items: Iterable[Any], fmt: str) -> None:
    """--all: stream every item of every page (JSON lines or CSV rows as they arrive)."""
    if fmt == "json":
        for item in items:
            click.echo(json.dumps(_plain(item), ensure_ascii=False, separators=(",", ":")))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        columns: list[str] | None = None
        for item in items:
            data = _plain(item)
            if columns is None:
                columns = list(data) if isinstance(data, Mapping) else ["value"]
                writer.writerow(columns)
            writer.writerow(
                [_cell(data.get(c)) for c in columns]
                if isinstance(data, Mapping)
                else [_cell(data)]
            )
        return
    _emit([_plain(item) for item in items], "table")


# -- running a command ---------------------------------------------------------


def _client(given: dict[str, Any]) -> Any:
    """The API client (imported only now: `--help` does not pay for it)."""
    import importlib

    from .._exceptions import ConfigurationError

    client_class = getattr(
        importlib.import_module(f"{settings.PACKAGE}._client"), settings.CLIENT_NAME
    )
    options: dict[str, Any] = {BASE_URL_ARGUMENT: given.get("host")}
    for _, name, _ in PATH_DEFAULTS:
        options[name] = given.get(name)
    try:
        return client_class(**options)
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from None


def _set_path(body: dict[str, Any], path: list[str], value: Any) -> None:
    target = body
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def _progress_printer() -> Any:
    started = time.monotonic()

    def show(progress: Any) -> None:
        parts = [f"{time.monotonic() - started:5.1f}s"]
        if progress.rows_read is not None:
            parts.append(f"{progress.rows_read:,} rows")
        if progress.bytes_read is not None:
            parts.append(f"{progress.bytes_read / 1e6:,.1f} MB read")
        click.echo("\r" + "  ".join(parts) + " ", nl=False, err=True)

    return show


def _run(entry: dict[str, Any], params: dict[str, Any]) -> None:
    ctx = click.get_current_context()
    given: dict[str, Any] = dict(ctx.find_root().obj)
    given["output"] = params.pop("output", None) or given["output"]
    for _, name, _ in PATH_DEFAULTS:
        given[name] = params.pop(name, None) or given.get(name)
    from .._exceptions import APIError

    args = [params.pop(a["name"]) for a in entry["arguments"]]
    kwargs: dict[str, Any] = {}
    body: dict[str, Any] = {}
    shortcut = entry["shortcut"]
    data = params.pop("data", None)
    if data is not None:
        body_data = _read_data(data)
        if entry["body"] == "fields" and not isinstance(body_data, dict):
            raise click.BadParameter("the request body must be a JSON object", param_hint="--data")
        if entry["body"] == "whole":
            kwargs["body"] = body_data
        else:
            body.update(body_data)
    if shortcut is not None:
        body = {**shortcut["body"], **body}
        _set_path(body, shortcut["field"], params.pop(shortcut["argument"]))
    for option in entry["options"]:
        value = params.get(option["name"])
        if value is None:
            continue
        if option["target"] == "body":
            body[option["wire"]] = value
        else:
            kwargs[option["name"]] = value
    if entry["body"] == "fields":
        by_wire = {o["wire"]: o["name"] for o in entry["options"] if o["target"] == "body"}
        missing = [
            o["flag"]
            for o in entry["options"]
            if o["target"] == "body" and o["required"] and o["wire"] not in body
        ]
        if missing:
            raise click.UsageError(f"Missing option '--{missing[0]}' (or give it in --data).")
        extra = {k: v for k, v in body.items() if k not in by_wire}
        kwargs.update({by_wire[k]: v for k, v in body.items() if k in by_wire})
        if extra:
            kwargs["extra_body"] = extra
    elif entry["body"] == "whole" and entry["body_required"] and "body" not in kwargs:
        raise click.UsageError("This command needs a request body: give it with --data.")

    if given["debug"]:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[debug] %(message)s"))
        logger = logging.getLogger(settings.PACKAGE)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)

    client = _client(given)
    target = client
    for attr in entry["attrs"]:
        target = getattr(target, attr)
    fmt = given["output"]
    try:
        if shortcut is not None and shortcut["wait"]:
            method = getattr(target, shortcut["wait_method"])
            show = _progress_printer() if sys.stderr.isatty() and not given["quiet"] else None
            try:
                result = method(*args, on_progress=show, **kwargs)
            finally:
                if show is not None:
                    click.echo("\r\033[K", nl=False, err=True)
            _emit(result, fmt)
            return
        result = getattr(target, entry["method"])(*args, **kwargs)
        if entry["stream"]:
            for event in result:
                click.echo(event.data)
        elif entry["paginated"] and params.get("all_pages"):
            _emit_all(result, fmt)
        else:
            _emit(result, fmt)
    except APIError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(1)
    except KeyboardInterrupt:
        click.echo("\nInterrupted; the query was cancelled on the server.", err=True)
        ctx.exit(130)
    finally:
        client.close()


# -- building the application ----------------------------------------------------


def _option(spec: dict[str, Any]) -> click.Option:
    flag = "--" + spec["flag"]
    help_text = spec["help"] or None
    if spec["kind"] == "bool":
        return click.Option(
            [f"{flag}/--no-{spec['flag']}", spec["name"]], default=None, help=help_text
        )
    if spec["kind"] == "choice":
        kind: Any = click.Choice([str(c) for c in spec["choices"]])
    else:
        kind = _KINDS[spec["kind"]]
    # Required body fields may come from --data instead; they are checked after merging.
    required = spec["required"] and spec["target"] != "body"
    return click.Option(
        [flag, spec["name"]],
        type=kind,
        required=required,
        help=help_text,
        metavar="JSON" if spec["kind"] == "json" else None,
    )


def _command(entry: dict[str, Any]) -> click.Command:
    params: list[click.Parameter] = [
        click.Argument([a["name"]], metavar=a["metavar"]) for a in entry["arguments"]
    ]
    if entry["shortcut"] is not None:
        params.append(
            click.Argument(
                [entry["shortcut"]["argument"]], metavar=entry["shortcut"]["argument"].upper()
            )
        )
    params += [_option(o) for o in entry["options"]]
    if entry["body"] is not None:
        params.append(
            click.Option(
                ["--data", "data"],
                metavar="JSON|@FILE|-",
                help="The request body as JSON, @file.json, or - for standard input; options override its fields.",
            )
        )
    if entry["paginated"]:
        params.append(
            click.Option(
                ["--all", "all_pages"], is_flag=True, help="Walk every page and stream all items."
            )
        )
    # The global settings are accepted after the command name too: `... list --all -o csv`.
    params.append(
        click.Option(
            ["--output", "-o", "output"],
            type=click.Choice(["json", "table", "csv"]),
            default=None,
            help="Output format (default json: pretty on a terminal, compact when piped).",
        )
    )
    for option, name, env in PATH_DEFAULTS:
        params.append(
            click.Option(
                [f"--{option}", name], default=None, help=f"The {name} to act on [env: {env}]."
            )
        )

    def callback(**values: Any) -> None:
        _run(entry, values)

    return click.Command(
        entry["name"],
        params=params,
        callback=callback,
        help=entry["help"],
        short_help=entry["short_help"] or None,
        no_args_is_help=bool(entry["arguments"] or entry["shortcut"]),
    )


class _Group(click.Group):
    """Lists commands in the order of the API document rather than alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


def build() -> click.Group:
    """The whole command tree."""

    @click.group(
        CLI_NAME,
        cls=_Group,
        help=ROOT_HELP,
        epilog=f"The API key comes from the {API_KEY_ENV} environment variable.",
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )
    @click.option("--host", envvar=BASE_URL_ENV, help=f"The API's base URL [env: {BASE_URL_ENV}].")
    @click.option(
        "--output",
        "-o",
        type=click.Choice(["json", "table", "csv"]),
        default="json",
        show_default=True,
        help="Output format; json is pretty on a terminal and compact when piped.",
    )
    @click.option(
        "--debug",
        is_flag=True,
        help="Log requests and responses to stderr (the API key is redacted).",
    )
    @click.option("--quiet", "-q", is_flag=True, help="No progress output.")
    @click.pass_context
    def root(
        ctx: click.Context,
        /,
        host: str | None,
        output: str,
        debug: bool,
        quiet: bool,
        **defaults: str | None,
    ) -> None:
        ctx.obj = {"host": host, "output": output, "debug": debug, "quiet": quiet, **defaults}

    for option, name, env in PATH_DEFAULTS:
        root.params.append(
            click.Option(
                [f"--{option}", name],
                envvar=env,
                help=f"Default {name} for every command [env: {env}].",
            )
        )

    groups: dict[tuple[str, ...], click.Group] = {(): root}
    for spec in GROUPS:
        path = tuple(spec["path"])
        group = _Group(path[-1], help=spec["help"])
        groups[path[:-1]].add_command(group)
        groups[path] = group
    for entry in COMMANDS:
        command = _command(entry)
        groups[tuple(entry["groups"])].add_command(command)
        if entry["alias_groups"]:
            groups[tuple(entry["alias_groups"])].add_command(command)
    from ..mcp._command import register as register_mcp

    register_mcp(root)
    return root


def main(argv: list[str] | None = None) -> None:
    build()(args=argv, prog_name=CLI_NAME, auto_envvar_prefix=None)
