"""Support for the MCP tests: an MCP client (the mcp package's) driving `python -m posthog_api.cli mcp` over stdio,
against the generated mock server running in this process (so tests can see and steer
what the API receives: `mock.api.calls`, `mock.api.respond(...)`).

Each server process is started once per package (conftest.py) and shared: the MCP SDK takes a second
or two of CPU to import. The client lives in an event loop of its own (an anyio blocking
portal), so the tests themselves are plain functions.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp")

import anyio.from_thread  # noqa: E402
from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters, stdio_client  # noqa: E402

from posthog_api.testing.server import MockServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
#: a key that must never come back in a result, an error or a log line
API_KEY = "phx_mcp_test_key_5f1d9c2b7a"


class Session:
    """A connected MCP client and the server's stderr, used from synchronous tests."""

    def __init__(self, portal: Any, client: Client, errlog: Any) -> None:
        self.portal = portal
        self.client = client
        self.errlog = errlog

    def call(self, name: str, arguments: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.portal.call(lambda: self.client.call_tool(name, arguments, **kwargs))

    def list_tools(self) -> Any:
        return self.portal.call(self.client.list_tools)

    def run(self, fn: Any, *args: Any) -> Any:
        return self.portal.call(fn, *args)

    def stderr(self) -> str:
        self.errlog.flush()
        return Path(self.errlog.name).read_text(encoding="utf-8", errors="replace")


def server_env(mock: MockServer) -> dict[str, str]:
    return {
        "PYTHONPATH": str(GENERATED),
        "POSTHOG_PERSONAL_API_KEY": API_KEY,
        "POSTHOG_HOST": mock.url,
        "POSTHOG_PROJECT_ID": "1",
        "POSTHOG_MAX_RETRIES": "0",
    }


def open_session(mock: MockServer, args: list[str]) -> Iterator[Session]:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "posthog_api.cli", *args],
        env=server_env(mock),
        cwd=os.getcwd(),
    )
    with tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False) as errlog:
        try:
            with anyio.from_thread.start_blocking_portal() as portal:
                client = portal.wrap_async_context_manager(Client(stdio_client(params, errlog=errlog)))
                with client as connected:
                    yield Session(portal, connected, errlog)
        finally:
            os.unlink(errlog.name)


def text_of(result: Any) -> str:
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")
