"""The MCP server: the API's operations as tools, over stdio or streamable HTTP.

Two modes. `tools` (the default) lists one tool per operation. `search` lists three
tools whatever the size of the API (search the operations, describe one, call one),
so that the listing stays small.

Every call goes through the package's async client, configured like the command line
(the API key, the host and the path defaults from the same environment variables).
Long-running operations run to completion inside the call, with progress
notifications; a cancelled call cancels the job on the server. Destructive (DELETE)
tools run in two steps unless --allow-destructive: the first call says what would
happen and returns a confirmation token, the second (with the token) does it. Errors
are tool errors (`isError`) of one line. The API key never appears in a result, an
error or a log line.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import itertools
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp_types as types
from mcp.server import Server, ServerRequestContext

from .. import _settings as settings
from . import _confirm, _results, _tools
from ._tools import ArgumentError, Tool

__all__ = ["Options", "McpApp", "main"]

log = logging.getLogger(f"{settings.PACKAGE}.mcp")

#: seconds a cancelled long-running call waits for the job's cancellation to reach the server
CANCEL_GRACE = 12.0
#: past this many tools, clients that take a server's list whole refuse it or cut it
#: (GitHub Copilot takes 128; Cursor and others fewer)
MANY_TOOLS = 128
_REDACTED = "[redacted]"

SEARCH_TOOL = "search_operations"
DESCRIBE_TOOL = "describe_operation"
CALL_TOOL = "call_operation"


@dataclass
class Options:
    mode: str = "tools"  # tools or search
    read_only: bool = False
    tags: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    allow_destructive: bool = False
    max_result_chars: int = 20_000
    table_format: str = "toon"
    query_timeout: float | None = 300.0
    #: the server address (None: the environment's, else the API's default)
    host: str | None = None
    #: the API key given with --api-key (None: the environment's)
    api_key: str | None = field(default=None, repr=False)
    #: path parameters the client fills in (project_id, ...), None: the environment's
    path_defaults: dict[str, str | None] = field(default_factory=dict)


class ToolError(Exception):
    """A call that failed in a way the agent should read: one line, returned with isError."""


def _one_line(text: str, limit: int = 500) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit] + "…"


class McpApp:
    """The tools, and what calling one does; `server()` wraps it in an MCP server."""

    def __init__(self, options: Options, *, client: Any = None) -> None:
        self.options = options
        self.tools = _tools.select(
            _tools.load(), read_only=options.read_only, tags=options.tags, names=options.tools
        )
        self.by_name = {tool.name: tool for tool in self.tools}
        self.confirmations = _confirm.Confirmations()
        self._client = client
        self._validators: dict[str, Any] = {}
        envs = (settings.API_KEY_ENV, *(env for env, _, _ in settings.CREDENTIALS.values()))
        self._secrets = [s for s in map(os.environ.get, envs) if s]

    # -- safety ------------------------------------------------------------------

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, _REDACTED)
        return text

    def confirm_key(self, tool: Tool) -> str:
        """The argument that carries a confirmation token (a name the tool does not use)."""
        taken = set((tool.input_schema.get("properties") or {}).keys())
        return next(
            k for k in ("confirm", "confirm_token", "_confirm", "__confirm") if k not in taken
        )

    def needs_confirmation(self, tool: Tool) -> bool:
        return tool.destructive and not self.options.allow_destructive

    # -- listing -------------------------------------------------------------------

    def listed(self) -> list[types.Tool]:
        if self.options.mode == "search":
            return self._search_tools()
        return [self._listed(tool) for tool in self.tools]

    def _listed(self, tool: Tool) -> types.Tool:
        schema = dict(tool.input_schema)
        description = tool.description
        if self.needs_confirmation(tool):
            key = self.confirm_key(tool)
            schema["properties"] = {
                **(schema.get("properties") or {}),
                key: {"type": "string", "description": "The token a first call returned."},
            }
            description += (
                f"\n\nTwo steps: called without `{key}` it changes nothing and says what it would "
                f"do, with a token; call again with the same arguments and `{key}` to do it."
            )
        return types.Tool(
            name=tool.name,
            title=tool.title,
            description=description,
            input_schema=schema,
            annotations=types.ToolAnnotations(
                title=tool.title,
                read_only_hint=tool.read_only,
                destructive_hint=tool.annotations.get("destructiveHint"),
                idempotent_hint=tool.annotations.get("idempotentHint"),
            ),
        )

    def _search_tools(self) -> list[types.Tool]:
        title = settings.API_TITLE or "API"
        groups = sorted({t.group for t in self.tools})
        shown = ", ".join(groups[:40]) + (
            f" and {len(groups) - 40} more" if len(groups) > 40 else ""
        )
        read_only = all(t.read_only for t in self.tools)
        confirm = (
            ""
            if self.options.allow_destructive or not any(t.destructive for t in self.tools)
            else " Destructive operations take two calls: the first returns what would happen "
            "and a token; repeat the call with `confirm` set to it."
        )
        return [
            types.Tool(
                name=SEARCH_TOOL,
                title=f"Search the {title} operations",
                description=(
                    f"Find operations of the {title} ({len(self.tools)} in all) by words: "
                    "what they do, their resource, their path. Returns their names with a line "
                    f"each; {DESCRIBE_TOOL} gives one's arguments, {CALL_TOOL} runs it. "
                    f"Resources: {shown}."
                ),
                input_schema={
                    "type": "object",
                    "properties": {
                        "query": {"type": "string", "description": "Words to look for."},
                        "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                    },
                    "required": ["query"],
                },
                annotations=types.ToolAnnotations(read_only_hint=True, open_world_hint=False),
            ),
            types.Tool(
                name=DESCRIBE_TOOL,
                title="Describe an operation",
                description=(
                    "What an operation does, its required scopes, whether it changes anything, "
                    "and the JSON schema of its arguments."
                ),
                input_schema={
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "description": "The operation's name."}
                    },
                    "required": ["name"],
                },
                annotations=types.ToolAnnotations(read_only_hint=True, open_world_hint=False),
            ),
            types.Tool(
                name=CALL_TOOL,
                title="Call an operation",
                description=(
                    f"Call an operation of the {title} with its arguments (as {DESCRIBE_TOOL} "
                    f"gives them). Long-running operations run to completion with progress "
                    f"updates.{confirm}"
                ),
                input_schema={
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "description": "The operation's name."},
                        "arguments": {"type": "object", "description": "Its arguments."},
                        "confirm": {"type": "string", "description": "A confirmation token."},
                    },
                    "required": ["name"],
                },
                annotations=types.ToolAnnotations(
                    read_only_hint=read_only,
                    destructive_hint=None if read_only else any(t.destructive for t in self.tools),
                ),
            ),
        ]

    # -- calling -----------------------------------------------------------------------

    async def call(
        self, name: str, arguments: Mapping[str, Any] | None, report: ProgressReporter
    ) -> types.CallToolResult:
        """A tool call's result; never raises for what goes wrong in the call itself."""
        try:
            text = await self._dispatch(name, dict(arguments or {}), report)
        except ToolError as exc:
            return _error(self.redact(str(exc)))
        except Exception as exc:  # a tool call must never take the server down
            log.warning(self.redact(f"{name} failed: {type(exc).__name__}: {exc}"))
            return _error(self.redact(f"{type(exc).__name__}: {_one_line(str(exc))}"))
        return types.CallToolResult(content=[types.TextContent(text=self.redact(text))])

    async def _dispatch(
        self, name: str, arguments: dict[str, Any], report: ProgressReporter
    ) -> str:
        if self.options.mode == "search":
            if name == SEARCH_TOOL:
                return self.search_text(str(arguments.get("query") or ""), arguments.get("limit"))
            if name == DESCRIBE_TOOL:
                return self.describe_text(self._tool(arguments.get("name")))
            if name == CALL_TOOL:
                inner = arguments.get("arguments") or {}
                if not isinstance(inner, dict):
                    raise ToolError("`arguments` must be an object")
                return await self.run(
                    self._tool(arguments.get("name")), inner, arguments.get("confirm"), report
                )
            raise ToolError(
                f"unknown tool {name!r}: use {SEARCH_TOOL}, {DESCRIBE_TOOL} or {CALL_TOOL}"
            )
        found = self.by_name.get(name)
        if found is None:
            raise ToolError(f"unknown tool {name!r}")
        token = (
            arguments.pop(self.confirm_key(found), None) if self.needs_confirmation(found) else None
        )
        return await self.run(found, arguments, token, report)

    def _tool(self, name: Any) -> Tool:
        tool = self.by_name.get(str(name or ""))
        if tool is None:
            raise ToolError(f"no operation named {name!r}; find one with {SEARCH_TOOL}")
        return tool

    def search_text(self, query: str, limit: Any) -> str:
        count = limit if isinstance(limit, int) and not isinstance(limit, bool) else 10
        found = _tools.search(self.tools, query, max(1, min(count, 50)))
        if not found:
            return f"Nothing matches {query!r}; try other words (a resource, a verb, a field)."
        lines = []
        for tool in found:
            flags = (
                " (read-only)" if tool.read_only else " (destructive)" if tool.destructive else ""
            )
            lines.append(f"{tool.name}: {tool.title} [{tool.method} {tool.path}]{flags}")
        return "\n".join(lines)

    def describe_text(self, tool: Tool) -> str:
        lines = [f"{tool.name} ({tool.method} {tool.path})", "", tool.description, ""]
        hints = {k: v for k, v in tool.annotations.items() if k != "title"}
        lines.append("Annotations: " + json.dumps(hints))
        if self.needs_confirmation(tool):
            lines.append(
                f"Destructive: the first {CALL_TOOL} returns a token; repeat it with `confirm`."
            )
        lines.append(
            "Arguments (JSON schema): " + json.dumps(tool.input_schema, ensure_ascii=False)
        )
        return "\n".join(lines)

    async def run(
        self, tool: Tool, arguments: dict[str, Any], token: Any, report: ProgressReporter
    ) -> str:
        self.validate(tool, arguments)
        kwargs = _split(tool, arguments)
        if self.needs_confirmation(tool):
            if not token:
                return self.preview(tool, arguments)
            problem = self.confirmations.redeem(tool.name, arguments, str(token))
            if problem is not None:
                raise ToolError(f"Not done: {problem}. Call again without the token for a new one.")
        method = self._method(tool)
        api_errors = self._api_errors()
        try:
            if tool.kind == "wait":
                result = await self._wait(method, kwargs, report)
                return self.shape(
                    result, "narrow the query (LIMIT and OFFSET, fewer columns) for the rest"
                )
            result = await method(**kwargs)
            if tool.kind == "page":
                return self.page_text(tool, arguments, result)
            if tool.kind == "stream" or inspect.isasyncgen(
                result
            ):  # (or a call that asked for one)
                return await self.stream_text(result)
            return self.shape(result)
        except api_errors as exc:
            raise ToolError(_error_line(exc)) from None

    def preview(self, tool: Tool, arguments: dict[str, Any]) -> str:
        token = self.confirmations.issue(tool.name, arguments)
        where = _tools.path_preview(tool, arguments, self._path_defaults())
        key = CALL_TOOL if self.options.mode == "search" else tool.name
        confirm = "confirm" if self.options.mode == "search" else self.confirm_key(tool)
        return (
            f"Not done yet: this would send {where} ({tool.title}).\n"
            f"To do it, call {key} again with the same arguments and "
            f'"{confirm}": "{token}" (valid {self.confirmations.ttl:g}s, once).'
        )

    def validate(self, tool: Tool, arguments: Mapping[str, Any]) -> None:
        if tool.name not in self._validators:
            jsonschema = importlib.import_module("jsonschema")  # the MCP SDK's dependency
            try:
                self._validators[tool.name] = jsonschema.Draft202012Validator(
                    dict(tool.input_schema)
                )
            except Exception:  # a schema the validator cannot use: let the API judge
                self._validators[tool.name] = None
        validator = self._validators[tool.name]
        if validator is None:
            return
        try:
            errors = sorted(validator.iter_errors(dict(arguments)), key=lambda e: list(e.path))
        except Exception:  # e.g. a pattern the regex engine rejects
            return
        if errors:
            error = errors[0]
            where = ".".join(str(p) for p in error.absolute_path) or "arguments"
            more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
            raise ToolError(f"Invalid arguments: {where}: {_one_line(error.message, 300)}{more}")

    # -- the client ---------------------------------------------------------------

    def _path_defaults(self) -> dict[str, str | None]:
        values: dict[str, str | None] = {}
        for name, (env, _description, _argument) in settings.PATH_DEFAULTS.items():
            values[name] = self.options.path_defaults.get(name) or os.environ.get(env) or None
        return values

    def client(self) -> Any:
        if self._client is None:
            module = importlib.import_module(f"{settings.PACKAGE}._client")
            client_class = getattr(module, "Async" + settings.CLIENT_NAME)
            exceptions = importlib.import_module(f"{settings.PACKAGE}._exceptions")
            kwargs: dict[str, Any] = {settings.BASE_URL_ARGUMENT: self.options.host}
            kwargs.update(
                {settings.PATH_DEFAULTS[k][2]: v for k, v in self._path_defaults().items() if v}
            )
            if self.options.api_key:
                kwargs["api_key"] = self.options.api_key
            try:
                self._client = client_class(**kwargs)
            except exceptions.ConfigurationError as exc:
                raise ToolError(f"The server is not configured: {exc}") from None
            key = getattr(self._client, "api_key", None)
            if isinstance(key, str) and key and key not in self._secrets:
                self._secrets.append(key)
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()

    def _method(self, tool: Tool) -> Callable[..., Any]:
        target = self.client()
        for attr in tool.call["attrs"]:
            target = getattr(target, attr)
        method: Callable[..., Any] = getattr(target, tool.call["method"])
        return method

    def _api_errors(self) -> tuple[type[Exception], ...]:
        exceptions = importlib.import_module(f"{settings.PACKAGE}._exceptions")
        return (exceptions.SDKError,)

    async def _wait(
        self, method: Callable[..., Any], kwargs: dict[str, Any], report: ProgressReporter
    ) -> Any:
        """Run a job to completion, reporting progress; a cancelled call cancels the job.

        The job runs in a task of its own, so that when the call is cancelled it gets one
        cancellation (which makes it cancel the job on the server) rather than the call's
        cancel scope, which would cancel that request as well."""
        loop = asyncio.get_running_loop()
        reports: list[asyncio.Task[None]] = []
        steps = itertools.count(1)

        def on_progress(progress: Any) -> None:
            reports.append(loop.create_task(report(float(next(steps)), _progress_text(progress))))

        job = loop.create_task(
            method(**kwargs, on_progress=on_progress, wait_timeout=self.options.query_timeout)
        )
        cancelled = False
        try:
            return await asyncio.shield(job)
        except asyncio.CancelledError:
            cancelled = True
            job.cancel()
            for task in reports:
                task.cancel()
            with anyio.CancelScope(shield=True), anyio.move_on_after(CANCEL_GRACE):
                await asyncio.wait({job})
            raise
        finally:
            if not cancelled:  # the last progress notifications go out before the result
                await asyncio.gather(*reports, return_exceptions=True)

    # -- results ----------------------------------------------------------------------

    def shape(self, value: Any, more: str = "", *, always: bool = False) -> str:
        return _results.shape(
            value,
            max_chars=self.options.max_result_chars,
            table_format=self.options.table_format,
            more=more,
            always=always,
        )

    def page_text(self, tool: Tool, arguments: Mapping[str, Any], page: Any) -> str:
        envelope = getattr(page, "envelope", page)
        more = ""
        next_query = page.next_page_query() if hasattr(page, "next_page_query") else None
        if next_query:
            by_wire = {a["wire"]: a["input"] for a in tool.call["args"] if a["in"] == "query"}
            properties = tool.input_schema.get("properties") or {}
            changed = {
                by_wire.get(k, k): _typed(v, properties.get(by_wire.get(k, k)))
                for k, v in next_query.items()
                if str(arguments.get(by_wire.get(k, k))) != str(v)
            }
            more = f"more: call {tool.name} with {json.dumps(changed)} for the next page"
        return self.shape(envelope, more, always=True)

    async def stream_text(self, events: Any) -> str:
        parts: list[str] = []
        size = 0
        cut = False
        try:
            async for event in events:
                # an event's data as sent; a streamed value as the JSON it came as
                data = (
                    event.data
                    if hasattr(event, "data") and not hasattr(event, "model_dump")
                    else json.dumps(_results.plain(event), ensure_ascii=False, default=str)
                )
                parts.append(data)
                size += len(parts[-1]) + 1
                if size > self.options.max_result_chars:
                    cut = True
                    break
        finally:
            close = getattr(events, "aclose", None) or getattr(events, "close", None)
            if close is not None:
                outcome = close()
                if asyncio.iscoroutine(outcome):
                    await outcome
        text = "\n".join(parts)[: self.options.max_result_chars]
        return text + ("\n[cut: the stream went on; stopped reading it]" if cut else "")

    # -- the MCP server -----------------------------------------------------------------

    def server(self) -> Server[Any]:
        async def list_tools(
            ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
        ) -> types.ListToolsResult:
            return types.ListToolsResult(tools=listing)

        async def call_tool(
            ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
        ) -> types.CallToolResult:
            async def report(progress: float, message: str) -> None:
                await ctx.session.report_progress(progress, None, message)

            return await self.call(params.name, params.arguments, report)

        listing = self.listed()
        return Server(
            settings.CLI_NAME,
            version=settings.VERSION,
            title=settings.API_TITLE or None,
            instructions=self.instructions(),
            on_list_tools=list_tools,
            on_call_tool=call_tool,
        )

    def instructions(self) -> str:
        parts = [f"Tools for the {settings.API_TITLE or 'API'}."]
        if self.options.mode == "search":
            parts.append(
                f"Find operations with {SEARCH_TOOL}, then {DESCRIBE_TOOL} and {CALL_TOOL}."
            )
        parts.append(
            f"Results are cut to {self.options.max_result_chars:,} characters; a note says what "
            "was cut and how to get the rest."
        )
        return " ".join(parts)


ProgressReporter = Callable[[float, str], Any]


def _split(tool: Tool, arguments: Mapping[str, Any]) -> dict[str, Any]:
    try:
        return _tools.split_arguments(tool, arguments)
    except ArgumentError as exc:
        raise ToolError(f"Invalid arguments: {exc}") from None


def _typed(value: Any, schema: Any) -> Any:
    """A query value from a next-page link as the type the argument's schema wants."""
    kinds = schema.get("type") if isinstance(schema, dict) else None
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if isinstance(value, str):
        try:
            if "integer" in kinds:
                return int(value)
            if "number" in kinds:
                return float(value)
        except ValueError:
            return value
        if "boolean" in kinds and value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


def _error(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=text)], is_error=True)


def _error_line(exc: Exception) -> str:
    """One line: the API's own explanation (`detail`) with the status, or the error's message."""
    status = getattr(exc, "status_code", None)
    detail = getattr(exc, "detail", None)
    if status is not None:
        text = str(exc) if not detail else f"{status}: {detail}"
        scopes = getattr(exc, "required_scopes", ())
        if status == 403 and scopes:
            text += f" (this operation needs the scopes {', '.join(scopes)})"
        if status == 401:
            text += f" (check {settings.API_KEY_ENV})"
        return "Error " + _one_line(text)
    return "Error: " + _one_line(str(exc))


def _progress_text(progress: Any) -> str:
    parts = [f"{getattr(progress, 'elapsed', 0.0):.1f}s"]
    rows = getattr(progress, "rows_read", None)
    total = getattr(progress, "estimated_rows_total", None)
    if isinstance(rows, int):
        parts.append(
            f"{rows:,} rows read"
            + (f" of about {total:,}" if isinstance(total, int) and total else "")
        )
    data = getattr(progress, "bytes_read", None)
    if isinstance(data, int):
        parts.append(f"{data / 1e6:,.1f} MB")
    return ", ".join(parts)


# -- running -------------------------------------------------------------------------


class _Redacting(logging.Filter):
    def __init__(self, app: McpApp) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.app.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self.app.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def _logging(app: McpApp, debug: bool) -> None:
    """Log lines go to stderr (stdout is the protocol's on stdio), the API key redacted."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_Redacting(app))
    handler.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.WARNING)


async def serve_stdio(app: McpApp) -> None:
    from mcp.server.stdio import stdio_server

    server = app.server()
    try:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())
    finally:
        await app.aclose()


async def serve_http(app: McpApp, port: int) -> None:
    import uvicorn

    server = app.server()
    asgi = server.streamable_http_app(host="127.0.0.1")
    config = uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    http = uvicorn.Server(config)
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(http.serve)
            while not http.started and not http.should_exit:
                await anyio.sleep(0.02)
            if http.started:  # the port it listens on (PORT 0: one the system chose)
                bound = http.servers[0].sockets[0].getsockname()[1] if http.servers else port
                sys.stderr.write(f"MCP server on http://127.0.0.1:{bound}/mcp\n")
                sys.stderr.flush()
    finally:
        await app.aclose()


def warn_about_the_tools(app: McpApp) -> None:
    """Say, at start, when the tools chosen are none, or more than a client may take."""
    if not app.tools:
        log.warning("no operation matches --read-only, --tags and --tools: there are no tools")
    elif app.options.mode == "tools" and len(app.tools) > MANY_TOOLS:
        log.warning(
            f"{len(app.tools)} tools: many clients take at most {MANY_TOOLS} (some fewer) and "
            "refuse or cut a longer list; --mode search offers three tools whatever the size "
            "of the API, and --tags, --tools or --read-only choose some"
        )


def main(options: Options, *, http_port: int | None = None, debug: bool = False) -> None:
    app = McpApp(options)
    _logging(app, debug)
    warn_about_the_tools(app)
    if http_port is not None:
        anyio.run(serve_http, app, http_port)
    else:
        anyio.run(serve_stdio, app)
