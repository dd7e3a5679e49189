"""`posthog-api mcp --http PORT`: the same tools over streamable HTTP on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import anyio

from tests.mcp._mcp_support import server_env, text_of  # skips the module without mcp


def test_streamable_http_on_localhost(mock: Any) -> None:
    from mcp import Client

    process = subprocess.Popen(
        [sys.executable, "-m", "posthog_api.cli", "mcp", "--http", "0", "--read-only"],
        env=server_env(mock),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("MCP server on http://127.0.0.1:"), line
        url = line.split(" on ", 1)[1].strip()

        async def session() -> tuple[list[str], Any]:
            async with Client(url) as client:
                tools = await client.list_tools()
                result = await client.call_tool("insight_variables_list", {})
                return [t.name for t in tools.tools], result

        names, result = anyio.run(session)
        assert "insight_variables_list" in names and "insight_variables_destroy" not in names
        assert not result.is_error and "results[2]{" in text_of(result)
    finally:
        process.terminate()
        process.wait(timeout=15)
