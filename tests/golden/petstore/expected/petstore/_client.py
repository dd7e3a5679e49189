"""`Petstore` and `AsyncPetstore`: the entry points of the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven
from .errors import ConfigurationError
from .resources.pets import AsyncPetsResource, PetsResource

__all__ = ["Petstore", "AsyncPetstore", "DEFAULT_BASE_URL"]

#: where requests go when neither the argument nor PETSTORE_BASE_URL says otherwise
DEFAULT_BASE_URL = "https://petstore.example.com/v1"


class Petstore(SyncAPIClient):
    """Client for the Petstore.

    Operations are grouped by resource: `pets`.

    Settings default to the environment: PETSTORE_API_KEY, PETSTORE_BASE_URL.
    """

    pets: PetsResource

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the PETSTORE_API_KEY environment variable.
            base_url: the server's base URL; defaults to PETSTORE_BASE_URL, else https://petstore.example.com/v1.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off).
            default_headers: headers sent with every request.
            http_client: an `httpx.Client` to send requests with (proxies, custom transports).
        """
        if api_key is None:
            api_key = os.environ.get("PETSTORE_API_KEY") or None
        if api_key is None:
            raise ConfigurationError(
                "No API key: pass api_key=... or set the PETSTORE_API_KEY environment variable"
            )
        if base_url is None:
            base_url = os.environ.get("PETSTORE_BASE_URL") or DEFAULT_BASE_URL
        self._setup(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)
        self.pets = PetsResource(self)

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Petstore:
        """A copy of this client with some settings changed; it shares the connection pool.

        ```py
        client.with_options(max_retries=5).query.create(...)
        ```
        """
        options: dict[str, Any] = {
            "api_key": self.api_key if isinstance(api_key, NotGiven) else api_key,
            "base_url": str(self.base_url) if isinstance(base_url, NotGiven) else base_url,
            "timeout": self.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            "default_headers": (
                self._default_headers if isinstance(default_headers, NotGiven) else default_headers
            ),
            "http_client": self._http,
        }
        copy = type(self)(**options)
        copy._owns_http = False
        return copy

    def __enter__(self) -> Petstore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncPetstore(AsyncAPIClient):
    """Client for the Petstore.

    Operations are grouped by resource: `pets`.

    Settings default to the environment: PETSTORE_API_KEY, PETSTORE_BASE_URL.
    """

    pets: AsyncPetsResource

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the PETSTORE_API_KEY environment variable.
            base_url: the server's base URL; defaults to PETSTORE_BASE_URL, else https://petstore.example.com/v1.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off).
            default_headers: headers sent with every request.
            http_client: an `httpx.AsyncClient` to send requests with (proxies, custom transports).
        """
        if api_key is None:
            api_key = os.environ.get("PETSTORE_API_KEY") or None
        if api_key is None:
            raise ConfigurationError(
                "No API key: pass api_key=... or set the PETSTORE_API_KEY environment variable"
            )
        if base_url is None:
            base_url = os.environ.get("PETSTORE_BASE_URL") or DEFAULT_BASE_URL
        self._setup(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient(timeout=timeout)
        self.pets = AsyncPetsResource(self)

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncPetstore:
        """A copy of this client with some settings changed; it shares the connection pool.

        ```py
        client.with_options(max_retries=5).query.create(...)
        ```
        """
        options: dict[str, Any] = {
            "api_key": self.api_key if isinstance(api_key, NotGiven) else api_key,
            "base_url": str(self.base_url) if isinstance(base_url, NotGiven) else base_url,
            "timeout": self.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            "default_headers": (
                self._default_headers if isinstance(default_headers, NotGiven) else default_headers
            ),
            "http_client": self._http,
        }
        copy = type(self)(**options)
        copy._owns_http = False
        return copy

    async def __aenter__(self) -> AsyncPetstore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
