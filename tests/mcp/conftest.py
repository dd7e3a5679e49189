"""Fixtures of the MCP tests: the mock API in this process, and MCP sessions with servers
started over stdio (see _mcp_support)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("mcp")

from posthog_api.testing.server import MockServer  # noqa: E402
from tests.mcp._mcp_support import Session, open_session  # noqa: E402


@pytest.fixture(scope="package")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture(scope="package")
def tools_session(mock: MockServer) -> Iterator[Session]:
    """Tools mode, with --debug so that every request is logged (the key must not be)."""
    yield from open_session(mock, ["--debug", "mcp"])


@pytest.fixture(scope="package")
def search_session(mock: MockServer) -> Iterator[Session]:
    yield from open_session(mock, ["mcp", "--mode", "search"])
