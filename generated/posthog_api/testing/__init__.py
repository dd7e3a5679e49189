"""Test helpers for code that uses `posthog_api`, with no network.

```py
from posthog_api.testing import MockAPI, mock_client

api = MockAPI()
client = mock_client(api)
# optional: otherwise the spec's fixture answers
api.respond("environments_query_create", 200, {...})
...
assert api.calls[-1].path == ...
```

With pytest, the `posthog_api_mock` fixture (registered by this package's pytest
plugin) gives a `MockSession` with `.api`, `.client` and `.async_client`.
The same behaviour over real HTTP: `python -m posthog_api.testing.server --port 0`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from .._client import AsyncPostHog, PostHog
from ._mock import (
    INVALID_KEY,
    READ_ONLY_KEY,
    Call,
    MockAPI,
    MockResponse,
    load_fixture,
    operation_spec,
)
from ._transport import (
    MOCK_API_KEY,
    MOCK_BASE_URL,
    async_mock_transport,
    client_options,
    mock_transport,
)

__all__ = [
    "INVALID_KEY",
    "MOCK_API_KEY",
    "MOCK_BASE_URL",
    "READ_ONLY_KEY",
    "Call",
    "MockAPI",
    "MockResponse",
    "MockSession",
    "load_fixture",
    "mock_async_client",
    "mock_client",
    "mock_transport",
    "operation_spec",
]


def mock_client(api: MockAPI, **options: Any) -> PostHog:
    """A `PostHog` whose requests go to `api` (no retries unless asked)."""
    return PostHog(
        http_client=httpx.Client(transport=mock_transport(api)), **client_options(options)
    )


def mock_async_client(api: MockAPI, **options: Any) -> AsyncPostHog:
    """An `AsyncPostHog` whose requests go to `api` (no retries unless asked)."""
    return AsyncPostHog(
        http_client=httpx.AsyncClient(transport=async_mock_transport(api)),
        **client_options(options),
    )


@dataclass
class MockSession:
    """What the pytest fixture hands a test."""

    api: MockAPI
    client: PostHog
    async_client: AsyncPostHog

    @property
    def calls(self) -> list[Call]:
        return self.api.calls
