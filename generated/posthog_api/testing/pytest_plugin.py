"""pytest plugin (registered through the `pytest11` entry point): the `posthog_api_mock` fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from . import MockAPI, MockSession, mock_async_client, mock_client


@pytest.fixture
def posthog_api_mock() -> Iterator[MockSession]:
    """A mock of the API and clients wired to it:
    `posthog_api_mock.client.<resource>.<method>(...)`.
    """
    api = MockAPI()
    session = MockSession(api=api, client=mock_client(api), async_client=mock_async_client(api))
    yield session
    session.client.close()
