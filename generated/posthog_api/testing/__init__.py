"""Test helpers for code that uses `posthog_api`, with no network.

```py
from posthog_api.testing import MockAPI, mock_client

api = MockAPI()
client = mock_client(api)
api.respond("environments_query_create", 200, {...})  # optional: otherwise the spec's fixture answers
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

__all__ = [
    "INVALID_KEY",
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

MOCK_BASE_URL = "http://mock.invalid"
MOCK_API_KEY = "phx_mock_key"


def mock_transport(api: MockAPI) -> httpx.MockTransport:
    """An httpx transport that sends every request to `api`."""

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers, content = api.handle(
            request.method,
            request.url.path,
            list(request.url.params.multi_items()),
            dict(request.headers),
            request.read(),
        )
        return httpx.Response(status, headers=headers, content=content)

    return httpx.MockTransport(handler)


def _async_transport(api: MockAPI) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        status, headers, content = api.handle(
            request.method,
            request.url.path,
            list(request.url.params.multi_items()),
            dict(request.headers),
            await request.aread(),
        )
        return httpx.Response(status, headers=headers, content=content)

    return httpx.MockTransport(handler)


def mock_client(api: MockAPI, **options: Any) -> PostHog:
    """A `PostHog` whose requests go to `api` (no retries unless asked)."""
    settings: dict[str, Any] = {
        "api_key": MOCK_API_KEY,
        "host": MOCK_BASE_URL,
        "max_retries": 0,
    }
    settings["project_id"] = "1"
    settings.update(options)
    return PostHog(http_client=httpx.Client(transport=mock_transport(api)), **settings)


def mock_async_client(api: MockAPI, **options: Any) -> AsyncPostHog:
    settings: dict[str, Any] = {
        "api_key": MOCK_API_KEY,
        "host": MOCK_BASE_URL,
        "max_retries": 0,
    }
    settings["project_id"] = "1"
    settings.update(options)
    return AsyncPostHog(http_client=httpx.AsyncClient(transport=_async_transport(api)), **settings)


@dataclass
class MockSession:
    """What the pytest fixture hands a test."""

    api: MockAPI
    client: PostHog
    async_client: AsyncPostHog

    @property
    def calls(self) -> list[Call]:
        return self.api.calls
