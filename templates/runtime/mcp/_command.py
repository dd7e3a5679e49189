"""The `mcp` command of the CLI. Imports click only: the MCP SDK is imported when it runs."""

from __future__ import annotations

from typing import Any

import click

from .. import _settings as settings

__all__ = ["command", "register"]


def command() -> click.Command:
    @click.command(
        "mcp",
        help=(
            f"Serve the {settings.API_TITLE or 'API'} to AI agents over MCP (stdio by default)."
            "\n\nEvery operation is a tool (or, with --mode search, three tools find, describe "
            "and call them). The API key comes from the environment, as for every command. "
            f"Needs the mcp extra: pip install '{settings.DISTRIBUTION}[mcp]'."
        ),
        short_help="Serve the API to AI agents over MCP.",
    )
    @click.option(
        "--http",
        "http_port",
        type=click.IntRange(0, 65535),
        metavar="PORT",
        help="Serve over streamable HTTP on 127.0.0.1:PORT instead of stdio.",
    )
    @click.option(
        "--mode",
        type=click.Choice(["tools", "search"]),
        default="tools",
        show_default=True,
        help="tools: one tool per operation; search: three tools, a small listing.",
    )
    @click.option(
        "--read-only",
        is_flag=True,
        help="Only operations that change nothing (GET, or needing only read scopes).",
    )
    @click.option(
        "--tags",
        multiple=True,
        metavar="TAGS",
        help="Only the operations of these tags or resources (comma-separated).",
    )
    @click.option(
        "--tools",
        "tool_names",
        multiple=True,
        metavar="NAMES",
        help="Only these tools (comma-separated names; * and ? match any characters).",
    )
    @click.option(
        "--allow-destructive",
        is_flag=True,
        help="Run DELETE operations at once, without the confirmation step.",
    )
    @click.option(
        "--max-result-chars",
        type=click.IntRange(min=500),
        default=20_000,
        show_default=True,
        help="Results are cut to this size, with a note on how to get the rest.",
    )
    @click.option(
        "--table-format",
        type=click.Choice(["toon", "csv", "json"]),
        default="toon",
        show_default=True,
        help="How tabular results are written.",
    )
    @click.option(
        "--query-timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=300.0,
        show_default=True,
        help="Seconds a long-running operation may take; it is cancelled after that.",
    )
    @click.pass_context
    def mcp(ctx: click.Context, /, **values: Any) -> None:
        given: dict[str, Any] = dict(ctx.find_root().obj or {})
        try:
            from . import server
        except ImportError as exc:
            raise click.UsageError(
                f"The MCP server needs the mcp extra: pip install '{settings.DISTRIBUTION}[mcp]' "
                f"({exc.name or exc} is missing)."
            ) from None
        options = server.Options(
            mode=values["mode"],
            read_only=values["read_only"],
            tags=list(values["tags"]),
            tools=list(values["tool_names"]),
            allow_destructive=values["allow_destructive"],
            max_result_chars=values["max_result_chars"],
            table_format=values["table_format"],
            query_timeout=values["query_timeout"],
            host=given.get("host"),
            api_key=given.get("api_key"),
            path_defaults={
                name: given.get(argument)
                for name, (_, _, argument) in settings.PATH_DEFAULTS.items()
            },
        )
        server.main(options, http_port=values["http_port"], debug=bool(given.get("debug")))

    return mcp


def register(root: click.Group) -> None:
    """Add the command to the CLI (as `mcp-server` when the API has a group named `mcp`)."""
    taken = set(root.commands) | set(getattr(root, "entries", ()))  # groups, lazy commands
    root.add_command(command(), "mcp" if "mcp" not in taken else "mcp-server")
