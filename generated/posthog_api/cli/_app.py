"""Builds the click application from the command table and runs commands.

Exit codes: 0 success, 1 an API or network error (or a declined confirmation), 2 a
usage error (bad arguments, missing settings), 130 interrupted.

The global options (--host, --api-key, -o, -q, ...) are accepted before the command
name and after it alike. Commands are built only when they are looked up, so that
`--help` stays quick.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .. import _settings as settings
from ._commands import (
    API_KEY_ENV,
    BASE_URL_ARGUMENT,
    BASE_URL_ENV,
    CLI_NAME,
    GROUPS,
    PATH_DEFAULTS,
    ROOT_HELP,
    commands,
)

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

__all__ = ["build", "main"]

FORMATS = ("json", "yaml", "table", "csv", "jsonl")


def _json_value(text: Any) -> Any:
    """An option whose value is JSON text, or a plain word taken as a string (`--value
    enterprise`); click reports the ValueError as a usage error."""
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if text.strip()[:1] not in ("{", "[", '"', "") and not text.strip()[:1].isdigit():
            return text
        raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None


_KINDS: dict[str, Any] = {
    "str": click.STRING,
    "int": click.INT,
    "float": click.FLOAT,
    "json": _json_value,
}


def _read_data(text: str, flag: str) -> Any:
    """The body's option (`flag`): JSON text, `@file.json`, or `-` for standard input."""
    if text == "-" or text.startswith("@"):
        source = "standard input" if text == "-" else text[1:]
        try:
            raw = _read_bytes(text, flag).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise click.BadParameter(
                f"{source} is not UTF-8 text (byte {exc.start}), so not JSON", param_hint=flag
            ) from None
    else:
        raw, source = text, flag
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(
            f"{source} is not valid JSON ({exc.msg}, line {exc.lineno})", param_hint=flag
        ) from None


def _read_raw(text: str, flag: str) -> str | bytes:
    """The body's option (`flag`) for a body sent as it is (text or raw content): the text
    itself, `@file` for the file's bytes, or `-` for standard input's."""
    return _read_bytes(text, flag) if text == "-" or text.startswith("@") else text


def _read_bytes(text: str, flag: str) -> bytes:
    """The bytes of standard input (`-`) or of a file (`@file`)."""
    if text == "-":
        return sys.stdin.buffer.read()
    try:
        with open(text[1:], "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise click.BadParameter(
            f"cannot read {text[1:]}: {exc.strerror}", param_hint=flag
        ) from None


def _body_flag(entry: dict[str, Any]) -> str:
    """The body's option: --data, or --body where the API has a --data of its own (a body
    field or a parameter named data), since nothing else could stand for the whole body."""
    return "--body" if any(o["flag"] == "data" for o in entry["options"]) else "--data"


# -- settings --------------------------------------------------------------------


def _global_options() -> list[click.Option]:
    """The options every command takes, before its name or after it.

    Their parameter names (g__host; x__data for the other options of the command line)
    hold a double underscore, which the names of an API's own options never do."""
    hosts = f" or a short name ({', '.join(settings.HOSTS)})" if settings.HOSTS else ""
    options = [
        click.Option(
            ["--host", "g__host"],
            metavar="URL",
            help=f"The API's address{hosts} [env: {BASE_URL_ENV}]"
            + (
                f"; required: the API document {settings.NO_SERVER.rstrip(',')}."
                if not settings.DEFAULT_BASE_URL
                else "."
            ),
        )
    ]
    if settings.AUTH_SCHEME != "none":
        options.append(
            click.Option(
                ["--api-key", "g__api_key"],
                metavar="KEY",
                help=(
                    "Your AWS access key ID, which signs each request with the secret access key"
                    if settings.AUTH_SCHEME == "aws-sigv4"
                    else "The API key"
                )
                + f" [env: {API_KEY_ENV}, which keeps it out of your shell history].",
            )
        )
    for option, name, env in PATH_DEFAULTS:
        options.append(
            click.Option([f"--{option}", f"g__{name}"], help=f"The {name} to act on [env: {env}].")
        )
    options += [
        click.Option(
            ["--output", "-o", "g__output"],
            type=click.Choice(FORMATS),
            help="Output format: json (the default; indented on a terminal), yaml, table, csv, "
            "or jsonl (one JSON value a line). A command that waits for a job prints a table on "
            "a terminal.",
        ),
        click.Option(
            ["--columns", "g__columns"],
            metavar="A,B,C|all",
            help="The columns of a table or CSV, in this order (a.b reaches into objects); all: "
            "every column. Default: those that fit the terminal.",
        ),
        click.Option(
            ["--fields", "g__fields"],
            metavar="JMESPATH",
            help="Print only this part of the response, picked with a JMESPath expression "
            "(as in the AWS CLI's --query): 'results[].name'.",
        ),
        click.Option(
            ["--color/--no-color", "g__color"],
            default=None,
            help="Colour (default: on a terminal, unless NO_COLOR is set).",
        ),
        click.Option(
            ["--quiet", "-q", "g__quiet"],
            is_flag=True,
            default=None,
            help="No progress line and no notes on stderr.",
        ),
        click.Option(
            ["--debug", "g__debug"],
            is_flag=True,
            default=None,
            help="Log requests and responses to stderr (the API key is redacted).",
        ),
    ]
    return options


def _given(ctx: click.Context, params: dict[str, Any]) -> dict[str, Any]:
    """The settings of this run: the command's own global options over the root's."""
    given: dict[str, Any] = dict(ctx.find_root().obj or {})
    for key in [k for k in params if k.startswith("g__")]:
        value = params.pop(key)
        if value is not None:
            given[key[3:]] = value
    return given


def _env(name: str) -> str | None:
    return os.environ.get(name, "").strip() or None


def _check_settings(given: dict[str, Any], public: bool = False) -> None:
    """What the client would refuse for want of a setting, said in the command line's words
    (credentials: unless the command's operation needs none)."""
    from .._config import missing_credential, no_address_message, other_ways

    if not settings.DEFAULT_BASE_URL and not (given.get("host") or _env(BASE_URL_ENV)):
        raise click.UsageError(no_address_message("pass --host URL") + ".")

    # (credentials other than the key come from the environment only)
    credentials = {
        name: v for name, (env, _, _) in settings.CREDENTIALS.items() if (v := _env(env))
    }
    has_key = bool(given.get("api_key") or _env(API_KEY_ENV))
    missing = None if public else missing_credential(has_key, credentials)
    if missing is not None:
        others = " or ".join(
            " and ".join(settings.CREDENTIALS[name][0] for name in way) for way in other_ways()
        )
        instead = f" (or set {others}: another way the API takes)" if others else ""
        if missing == "api_key":
            raise click.UsageError(f"No API key: pass --api-key KEY or set {API_KEY_ENV}{instead}.")
        raise click.UsageError(
            f"No {missing}: set {settings.CREDENTIALS[missing][0]} (the API wants it beside the "
            f"API key){instead}."
        )
    for option, name, env in PATH_DEFAULTS:
        if not (given.get(name) or _env(env)):
            raise click.UsageError(f"No {name}: pass --{option} or set {env}.")


def _color(stream: Any, given: dict[str, Any]) -> bool:
    if given.get("color") is not None:
        return bool(given["color"])
    if _env("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(stream.isatty())


def _style(entry: dict[str, Any], given: dict[str, Any]) -> Any:
    from ._output import Style

    tty = sys.stdout.isatty()
    columns = given.get("columns")
    width = shutil.get_terminal_size().columns if tty or _env("COLUMNS") else None
    fmt = given.get("output")
    if fmt is None:
        # A query run to completion prints its rows on a terminal; a pipe gets JSON.
        waits = entry["shortcut"] is not None and entry["shortcut"]["wait"]
        fmt = "table" if waits and tty else "json"
    return Style(
        fmt=fmt,
        columns=[c.strip() for c in columns.split(",") if c.strip()] if columns else None,
        fields=given.get("fields"),
        color=_color(sys.stdout, given),
        notes=not given.get("quiet"),
        note_color=_color(sys.stderr, given),
        width=width,
        pretty=tty,
        page=entry.get("page"),
    )


def _error(message: str, given: dict[str, Any]) -> None:
    label = "Error:"
    if _color(sys.stderr, given):
        label = f"\033[1;31m{label}\033[0m"
    click.echo(f"{label} {message}", err=True)


# -- running a command ---------------------------------------------------------


def _refuse(message: str) -> NoReturn:
    """A usage problem found before anything was sent: one line, exit 2."""
    click.echo(f"Error: {message}", err=True)
    click.get_current_context().exit(2)
    raise AssertionError("unreachable")  # ctx.exit raises


def _check_text(values: Mapping[str, Any], arguments: Iterable[str] = ()) -> None:
    """Refuse a value that is not text: bytes that are not UTF-8 reach Python as lone
    surrogates (PEP 383), which no request can carry. `arguments` are the positional ones."""
    positional = set(arguments)
    for name, value in values.items():
        if isinstance(value, str) and any("\ud800" <= char <= "\udfff" for char in value):
            try:  # the bytes as they were given: b'\xff'
                shown = repr(value.encode("utf-8", "surrogateescape"))
            except UnicodeEncodeError:
                shown = ascii(value)
            kebab = name.removeprefix("x__").replace("_", "-")
            _refuse(
                f"{kebab.upper() if name in positional else '--' + kebab} is not UTF-8 text: "
                f"{shown}"
            )


def _client(given: dict[str, Any]) -> Any:
    """The API client (imported only now: `--help` does not pay for it)."""
    import importlib

    from .._exceptions import ConfigurationError

    client_class = getattr(
        importlib.import_module(f"{settings.PACKAGE}._client"), settings.CLIENT_NAME
    )
    options: dict[str, Any] = {BASE_URL_ARGUMENT: given.get("host")}
    if given.get("api_key"):
        options["api_key"] = given["api_key"]
    for _, name, _ in PATH_DEFAULTS:
        options[name] = given.get(name)
    try:
        return client_class(**options)
    except ConfigurationError as exc:
        _refuse(str(exc))


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


class _PollLine:
    """One line of a terminal that shows what an operation the command waits for is at
    (an Azure long-running operation: _arm_polling.py), and for how long."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, state: str) -> None:
        self.shown = True
        elapsed = time.monotonic() - self.started
        click.echo(f"\r\033[Kwaiting: {state} ({elapsed:.0f}s)", nl=False, err=True)


def _request(
    entry: dict[str, Any], params: dict[str, Any], start: dict[str, Any] | None
) -> tuple[list[Any], dict[str, Any]]:
    """The call's positional and keyword arguments, from the options and --data."""
    flag = _body_flag(entry)
    args = [params.pop(a["name"]) for a in entry["arguments"]]
    kwargs: dict[str, Any] = {}
    body: dict[str, Any] = {}
    shortcut = entry["shortcut"]
    data = params.pop("x__data", None)
    if data is not None and entry["body"] == "raw":
        kwargs["body"] = _read_raw(data, flag)
    elif data is not None:
        body_data = _read_data(data, flag)
        if entry["body"] == "fields" and not isinstance(body_data, dict):
            raise click.BadParameter("the request body must be a JSON object", param_hint=flag)
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
    for key, value in (start or {}).items():  # --no-wait: start the job in the background
        body.setdefault(key, value)
    if entry["body"] == "fields":
        by_wire = {o["wire"]: o["name"] for o in entry["options"] if o["target"] == "body"}
        missing = [
            o["flag"]
            for o in entry["options"]
            if o["target"] == "body" and o["required"] and o["wire"] not in body
        ]
        if missing:
            raise click.UsageError(f"Missing option '--{missing[0]}' (or give it in {flag}).")
        extra = {k: v for k, v in body.items() if k not in by_wire}
        kwargs.update({by_wire[k]: v for k, v in body.items() if k in by_wire})
        if extra:
            kwargs["extra_body"] = extra
    elif entry["body"] in ("whole", "raw") and entry["body_required"] and "body" not in kwargs:
        raise click.UsageError(f"This command needs a request body: give it with {flag}.")
    return args, kwargs


def _confirm(entry: dict[str, Any], args: list[Any]) -> bool:
    """Asks before a destructive call, on a terminal only: a script is never kept waiting."""
    if not sys.stdin.isatty():
        return True
    what = " ".join(str(a) for a in args)
    question = entry["short_help"].rstrip(".") + (f" {what}" if what else "") + "?"
    return click.confirm(question, default=False, err=True)


def _run(entry: dict[str, Any], params: dict[str, Any]) -> None:
    ctx = click.get_current_context()
    given = _given(ctx, params)
    _check_text(given)
    shortcut = entry["shortcut"]
    _check_text(
        params,
        [a["name"] for a in entry["arguments"]] + ([shortcut["argument"]] if shortcut else []),
    )
    waits = shortcut is not None and shortcut["wait"]
    no_wait = waits and bool(params.pop("x__no_wait", False))
    first_answer = bool(entry.get("arm_wait")) and bool(params.pop("x__no_wait", False))
    wait_timeout = params.pop("x__timeout", None)
    yes = bool(params.pop("x__yes", False))
    args, kwargs = _request(entry, params, shortcut["start"] if no_wait and shortcut else None)
    style = _style(entry, given)
    if style.fields:
        from ._output import compiled

        compiled(style.fields)
    _check_settings(given, public=bool(entry.get("public")))
    if entry["destructive"] and not yes and not _confirm(entry, args):
        click.echo("Nothing was changed.", err=True)
        ctx.exit(1)

    if given.get("debug"):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[debug] %(message)s"))
        logger = logging.getLogger(settings.PACKAGE)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)

    from .. import _arm_polling
    from .._exceptions import APIError, InvalidArgumentError
    from ._output import emit, emit_items, emit_stream

    client = _client(given)
    target = client
    for attr in entry["attrs"]:
        target = getattr(target, attr)
    try:
        if waits and not no_wait:
            assert shortcut is not None
            method = getattr(target, shortcut["wait_method"])
            show = _progress_printer() if sys.stderr.isatty() and not given.get("quiet") else None
            try:
                result = method(*args, on_progress=show, wait_timeout=wait_timeout, **kwargs)
            finally:
                if show is not None:
                    click.echo("\r\033[K", nl=False, err=True)
            emit(result, style)
            return
        line = _PollLine() if sys.stderr.isatty() and not given.get("quiet") else None
        token = _arm_polling.on_poll.set(line) if line is not None else None
        try:
            if first_answer:  # --no-wait: the operation's first answer, parsed
                result = getattr(target.with_raw_response, entry["method"])(*args, **kwargs).parse()
            else:
                result = getattr(target, entry["method"])(*args, **kwargs)
        finally:
            if token is not None:
                _arm_polling.on_poll.reset(token)
            if line is not None and line.shown:
                click.echo("\r\033[K", nl=False, err=True)
        if no_wait and shortcut is not None:
            _print_job(result, shortcut, style, given)
        elif entry["stream"] or isinstance(result, Iterator):  # (or a call that asked for one)
            emit_stream(iter(result), style)
        elif (
            entry["paginated"]
            and params.pop("x__all", False)
            and not isinstance(result, (str, bytes))
        ):
            emit_items(iter(result), style)  # (a list asked for as a CSV or a file comes whole)
        else:
            emit(result, style)
    except APIError as exc:
        _error(str(exc), given)
        ctx.exit(1)
    except InvalidArgumentError as exc:  # refused before anything was sent ('..' as an id, ...)
        _refuse(str(exc))
    except KeyboardInterrupt:
        # a job this command ran to completion is cancelled on the server (_polling.py);
        # any other request, an Azure operation waited for among them, goes on there
        cancelled = "; the query was cancelled on the server" if waits and not no_wait else ""
        click.echo(f"\nInterrupted{cancelled}.", err=True)
        ctx.exit(130)
    finally:
        client.close()


def _print_job(result: Any, shortcut: dict[str, Any], style: Any, given: dict[str, Any]) -> None:
    """--no-wait: the started job's id (or the result, when the server had it at once)."""
    from ._output import emit, plain

    data: Any = plain(result)
    for key in shortcut["job_id"] or []:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, str):
        emit(result, style)
        return
    click.echo(data)
    if shortcut["status_command"] and sys.stderr.isatty() and not given.get("quiet"):
        follow = " ".join([CLI_NAME, *shortcut["status_command"], data])
        click.echo(f"Started; follow it with: {follow}", err=True)


# -- building the application ----------------------------------------------------


def _option(spec: dict[str, Any]) -> click.Option:
    flag = "--" + spec["flag"]
    help_text = spec["help"] or None
    if spec["kind"] == "bool":
        return click.Option(
            [f"{flag}/--no-{spec['flag']}", spec["name"]], default=None, help=help_text
        )
    callback = None
    if spec["kind"] == "choice":
        by_text = {str(c): c for c in spec["choices"]}
        kind: Any = click.Choice(list(by_text))
        if any(not isinstance(c, str) for c in spec["choices"]):
            # An integer enum is sent as the number it is: --data-freshness-seconds 3600.
            def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
                return by_text.get(value, value)

    else:
        kind = _KINDS[spec["kind"]]
    # Required body fields may come from --data instead; they are checked after merging.
    required = spec["required"] and spec["target"] != "body"
    return click.Option(
        [flag, spec["name"]],
        type=kind,
        required=required,
        help=help_text,
        callback=callback,
        metavar="JSON" if spec["kind"] == "json" else None,
        hidden=bool(spec.get("hidden")),
    )


def _extra_options(entry: dict[str, Any]) -> list[click.Option]:
    """Options of the command line rather than of the API: body, pages, waiting, confirming."""
    extra: list[click.Option] = []
    data = _body_flag(entry)
    if entry["body"] == "raw":
        extra.append(
            click.Option(
                [data, "x__data"],
                metavar="TEXT|@FILE|-",
                help="The request body as it is sent: the text itself, @file for a file's "
                "content, or - for standard input.",
            )
        )
    elif entry["body"] is not None:
        extra.append(
            click.Option(
                [data, "x__data"],
                metavar="JSON|@FILE|-",
                help="The request body as JSON, @file.json, or - for standard input; "
                "options override its fields.",
            )
        )
    if entry["paginated"]:
        extra.append(
            click.Option(
                ["--all", "x__all"], is_flag=True, help="Walk every page and print all items."
            )
        )
    shortcut = entry["shortcut"]
    if shortcut is not None and shortcut["wait"]:
        extra.append(
            click.Option(
                ["--timeout", "x__timeout"],
                type=click.FloatRange(min=0, min_open=True),
                metavar="SECONDS",
                help="Give up after this long; the query is then cancelled on the server.",
            )
        )
        if shortcut["start"] is not None:
            extra.append(
                click.Option(
                    ["--no-wait", "x__no_wait"],
                    is_flag=True,
                    help="Start the query in the background and print its id.",
                )
            )
    if entry.get("arm_wait"):
        extra.append(
            click.Option(
                ["--no-wait", "x__no_wait"],
                is_flag=True,
                help="Print the first answer and return; the operation goes on on the server.",
            )
        )
    if entry["destructive"]:
        extra.append(
            click.Option(
                ["--yes", "-y", "x__yes"],
                is_flag=True,
                help="Do not ask for confirmation (it is only asked on a terminal).",
            )
        )
    return extra


class _Command(click.Command):
    """Help lists the command's own options in full and the global ones in one line."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        own: list[tuple[str, str]] = []
        shared: list[str] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            if (param.name or "").startswith("g__"):
                names = sorted(param.opts, key=len) + list(param.secondary_opts)
                shared.append("/".join(names))
            else:
                own.append(record)
        if own:
            with formatter.section("Options"):
                formatter.write_dl(own)
        if shared:
            with formatter.section("Global options"):
                formatter.write_text(
                    f"{', '.join(shared)}: as before the command name (see {CLI_NAME} --help)."
                )


def _command(entry: dict[str, Any], name: str, hidden: bool = False) -> click.Command:
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
    taken = {opt for p in params for opt in [*p.opts, *p.secondary_opts]}
    # Options of the command line itself give way to an API option of the same name.
    for option in [*_extra_options(entry), *_global_options()]:
        own = {*option.opts, *option.secondary_opts}
        if not own & taken:
            params.append(option)
            taken |= own

    def callback(**values: Any) -> None:
        _run(entry, values)

    return _Command(
        name,
        params=params,
        callback=callback,
        help=entry["help"],
        short_help=entry["short_help"] or None,
        no_args_is_help=bool(entry["arguments"] or entry["shortcut"]),
        hidden=hidden,
    )


class _Group(click.Group):
    """Lists the usual verbs first (list, retrieve, create, update, delete), then the
    rest in the order of the API document; builds a command when it is looked up. Its
    entries are read with those of its top-level group, when one of them is first used
    (`load`)."""

    def __init__(self, *args: Any, load: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.entries: dict[str, tuple[dict[str, Any], bool]] = {}
        self.order: dict[str, tuple[int, int]] = {}
        self.load = load

    def add_entry(self, name: str, entry: dict[str, Any], hidden: bool = False) -> None:
        if name in self.entries or name in self.commands:
            return
        self.entries[name] = (entry, hidden)
        self.order[name] = (entry["rank"], len(self.order))

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cmd, name)
        self.order.setdefault(name or cmd.name or "", (0, len(self.order)))

    def _loaded(self) -> None:
        if self.load is not None:
            self.load()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._loaded()
        if cmd_name not in self.commands and cmd_name in self.entries:
            entry, hidden = self.entries[cmd_name]
            self.commands[cmd_name] = _command(entry, cmd_name, hidden)
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._loaded()
        return sorted(self.order, key=self.order.__getitem__)

    def _visible(
        self, ctx: click.Context, prefix: str = ""
    ) -> list[tuple[str, click.Command | str]]:
        """The commands click would list (those not hidden, whose name starts with
        `prefix`), each built or, where it is not built yet, its short help from its
        entry: building each command of a big group (Microsoft Graph's biggest has 1,483)
        costs several times what listing them does."""
        found: list[tuple[str, click.Command | str]] = []
        for name in self.list_commands(ctx):
            if not name.startswith(prefix):
                continue
            if name not in self.commands and name in self.entries:
                entry, hidden = self.entries[name]
                if entry["short_help"]:
                    if not hidden:
                        found.append((name, inspect.cleandoc(entry["short_help"]).strip()))
                    continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                found.append((name, command))
        return found

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        listed = self._visible(ctx)
        if listed:
            limit = formatter.width - 6 - max(len(name) for name, _ in listed)
            rows = [
                (name, shown if isinstance(shown, str) else shown.get_short_help_str(limit))
                for name, shown in listed
            ]
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        results = [
            CompletionItem(
                name, help=shown if isinstance(shown, str) else shown.get_short_help_str()
            )
            for name, shown in self._visible(ctx, incomplete)
        ]
        results.extend(click.Command.shell_complete(self, ctx, incomplete))
        return results


def _loader(spec: dict[str, Any], groups: dict[tuple[str, ...], _Group]) -> Callable[[], None]:
    """What puts the commands of a top-level group (`spec`) into its groups, once."""
    top = spec["path"][0]
    done = False

    def load() -> None:
        nonlocal done
        if done:
            return
        done = True
        entries = commands(spec)
        # A command's own group first: where a name is taken twice, the first one stays.
        # An alias group `[]` is the root (the client's own methods: `x get-status`).
        for key in ("groups", "alias_groups"):
            for entry in entries:
                if entry[key] == [] or (entry[key] and entry[key][0] == top):
                    group = groups[tuple(entry[key])]
                    group.add_entry(entry["name"], entry)
                    for alias in entry.get("aliases") or []:
                        group.add_entry(alias, entry, hidden=True)

    return load


def _credentials_help() -> str:
    """Where the credentials come from, for the root command's help."""
    if settings.AUTH_SCHEME == "none":
        return ""
    text = f"The API key comes from --api-key or the {API_KEY_ENV} environment variable"
    others = [env for env, _, _ in settings.CREDENTIALS.values()]
    return text + (f"; other credentials from theirs: {', '.join(others)}." if others else ".")


def build() -> click.Group:
    """The whole command tree (its commands are built when first looked up)."""

    @click.group(
        CLI_NAME,
        cls=_Group,
        help=ROOT_HELP,
        epilog="Every option above is also accepted after the command name: "
        f"{CLI_NAME} <group> <command> -o table. " + _credentials_help(),
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )
    @click.version_option(
        settings.VERSION, "--version", prog_name=CLI_NAME, message="%(prog)s %(version)s"
    )
    @click.pass_context
    def root(ctx: click.Context, /, **values: Any) -> None:
        ctx.obj = {key[3:]: value for key, value in values.items() if value is not None}

    root.params[:0] = _global_options()

    groups: dict[tuple[str, ...], _Group] = {(): root}
    loaders: dict[str, Callable[[], None]] = {}
    for spec in GROUPS:
        path = tuple(spec["path"])
        if len(path) == 1:
            loaders[path[0]] = _loader(spec, groups)
        group = _Group(
            path[-1],
            help=spec["help"],
            short_help=spec.get("short_help"),
            hidden=spec.get("hidden", False),
            deprecated=bool(spec.get("deprecated")),
            load=loaders[path[0]],
        )
        groups[path[:-1]].add_command(group)
        groups[path] = group
        if spec.get("root_commands"):
            root.load = loaders[path[0]]  # (the root lists and runs that group's commands too)
    from ..mcp._command import register as register_mcp

    register_mcp(root)
    return root


def main(argv: list[str] | None = None) -> None:
    build()(args=argv, prog_name=CLI_NAME, auto_envvar_prefix=None)
