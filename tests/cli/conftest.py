from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.cli._support import mock_server


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One mock server for the CLI tests that need nothing special of it."""
    with mock_server() as (url, proc):
        yield url
    assert proc.returncode == 0, "the mock server did not stop cleanly on SIGTERM"
