"""httpx transports that answer from a `MockAPI`, and the settings of a mock client."""

from __future__ import annotations

from typing import Any

import httpx

from .. import _settings as settings
from ._mock import MockAPI

__all__ = [
    "MOCK_API_KEY",
    "MOCK_BASE_URL",
    "async_mock_transport",
    "client_options",
    "mock_transport",
]

#: `.invalid` never resolves: a request that escaped the transport could not reach anyone
MOCK_BASE_URL = "http://mock.invalid"
MOCK_API_KEY = "phx_mock_key"


def mock_transport(api: MockAPI) -> httpx.MockTransport:
    """An httpx transport that sends every request to `api`."""

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers, content = api.handle(
            request.method,
            _raw_path(request),
            list(request.url.params.multi_items()),
            dict(request.headers),
            request.read(),
        )
        return httpx.Response(status, headers=headers, content=content)

    return httpx.MockTransport(handler)


def async_mock_transport(api: MockAPI) -> httpx.MockTransport:
    """The async twin of `mock_transport`."""

    async def handler(request: httpx.Request) -> httpx.Response:
        status, headers, content = api.handle(
            request.method,
            _raw_path(request),
            list(request.url.params.multi_items()),
            dict(request.headers),
            await request.aread(),
        )
        return httpx.Response(status, headers=headers, content=content)

    return httpx.MockTransport(handler)


def _raw_path(request: httpx.Request) -> str:
    """The path as sent, still percent-encoded (as a server receives it)."""
    return request.url.raw_path.split(b"?", 1)[0].decode("ascii")


def client_options(options: dict[str, Any]) -> dict[str, Any]:
    """A mock client's settings (no retries unless asked), with the caller's `options` on top."""
    chosen: dict[str, Any] = {
        "api_key": MOCK_API_KEY,
        settings.BASE_URL_ARGUMENT: MOCK_BASE_URL,
        "max_retries": 0,
    }
    chosen.update({argument: "1" for _, _, argument in settings.PATH_DEFAULTS.values()})
    chosen.update({name: f"mock-{name}" for name in settings.CREDENTIALS})
    chosen.update(options)
    return chosen
