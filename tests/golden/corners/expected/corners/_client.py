"""`Corners` and `AsyncCorners`: the entry points of the SDK."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven
from .errors import ConfigurationError
from .resources.files import AsyncFilesResource, FilesResource
from .resources.items import AsyncItemsResource, ItemsResource
from .resources.pets import AsyncPetsResource, PetsResource

__all__ = ["Corners", "AsyncCorners", "DEFAULT_BASE_URL", "HOSTS", "HOST_ALIASES"]

#: where requests go when neither the argument nor CORNERS_BASE_URL says otherwise
DEFAULT_BASE_URL = "https://api.example.com"
#: short names accepted for the base_url: `base_url="api"`; anything else is a URL (self-hosted)
HOSTS: dict[str, str] = {
    "api": "https://api.example.com",
}
#: other addresses of the same servers (the spec's x-aliases), sent to the server they name
HOST_ALIASES: dict[str, str] = {}
TIMEOUT_ENV = "CORNERS_TIMEOUT"
MAX_RETRIES_ENV = "CORNERS_MAX_RETRIES"
DEFAULT_HEADERS_ENV = "CORNERS_DEFAULT_HEADERS"


def _env(name: str) -> str | None:
    """An environment variable, with an empty value treated as unset."""
    value = os.environ.get(name, "").strip()
    return value or None


def _resolve_api_key(api_key: str | None) -> str | None:
    api_key = api_key or _env("CORNERS_API_KEY")
    return api_key


def _resolve_base_url(url: str | None) -> str:
    """The argument, else CORNERS_BASE_URL, else the default; a short name from HOSTS
    or an alias from HOST_ALIASES becomes its URL."""
    url = url or _env("CORNERS_BASE_URL") or DEFAULT_BASE_URL
    key = url.strip().lower()
    return HOSTS.get(key) or HOST_ALIASES.get(key.rstrip("/")) or url


def _resolve_timeout(
    timeout: float | httpx.Timeout | None | NotGiven,
) -> float | httpx.Timeout | None:
    if not isinstance(timeout, NotGiven):
        return timeout
    text = _env(TIMEOUT_ENV)
    if text is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        raise ConfigurationError(
            f"{TIMEOUT_ENV} must be a number of seconds, not {text!r}"
        ) from None
    if seconds <= 0:
        raise ConfigurationError(f"{TIMEOUT_ENV} must be more than 0 seconds, not {text!r}")
    return seconds


def _resolve_max_retries(max_retries: int | None) -> int:
    if max_retries is not None:
        return max_retries
    text = _env(MAX_RETRIES_ENV)
    if text is None:
        return DEFAULT_MAX_RETRIES
    try:
        return int(text)
    except ValueError:
        raise ConfigurationError(
            f"{MAX_RETRIES_ENV} must be a whole number, not {text!r}"
        ) from None


def _resolve_default_headers(headers: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """The argument, else CORNERS_DEFAULT_HEADERS as a JSON object: `{"X-Team": "data"}`."""
    if headers is not None:
        return headers
    text = _env(DEFAULT_HEADERS_ENV)
    if text is None:
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
        # The value is not echoed: a header may hold a credential.
        raise ConfigurationError(
            f'{DEFAULT_HEADERS_ENV} must be a JSON object of strings, like {{"X-Name": "value"}}'
        )
    return {str(k): v for k, v in parsed.items()}


def _resolve_path_default(name: str, value: str | None, env: str) -> str:
    value = value or _env(env)
    if not value:
        raise ConfigurationError(
            f"No {name}: pass {name}=... or set the {env} environment variable"
        )
    return value


class Corners(SyncAPIClient):
    """Client for the Corners.

    Operations are grouped by resource: `items`, `files`, `pets`.

    Settings default to the environment: CORNERS_API_KEY, CORNERS_BASE_URL.
    """

    items: ItemsResource
    files: FilesResource
    pets: PetsResource

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the CORNERS_API_KEY environment variable.
            base_url: the server's base URL; defaults to CORNERS_BASE_URL, else https://api.example.com.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever; defaults to CORNERS_TIMEOUT, else 60.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off); defaults to CORNERS_MAX_RETRIES, else 2.
            default_headers: headers sent with every request; defaults to CORNERS_DEFAULT_HEADERS (a JSON object).
            http_client: an `httpx.Client` to send requests with (proxies, custom transports).
        """
        timeout = _resolve_timeout(timeout)
        self._setup(
            api_key=_resolve_api_key(api_key),
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            max_retries=_resolve_max_retries(max_retries),
            default_headers=_resolve_default_headers(default_headers),
        )
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)
        self.items = ItemsResource(self)
        self.files = FilesResource(self)
        self.pets = PetsResource(self)

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | NotGiven = NOT_GIVEN,
    ) -> Corners:
        """A copy of this client with some settings changed; it shares the connection pool unless given another.

        ```py
        impatient = client.with_options(max_retries=0, timeout=5)
        ```
        """
        copy = type(self)(
            api_key=self.api_key if isinstance(api_key, NotGiven) else api_key,
            base_url=str(self.base_url) if isinstance(base_url, NotGiven) else base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=(
                self._default_headers if isinstance(default_headers, NotGiven) else default_headers
            ),
            http_client=self._http if isinstance(http_client, NotGiven) else http_client,
        )
        copy._owns_http = False  # the pool belongs to this client (or to the caller)
        # Carry over hooks a test may have replaced on this instance (`client._sleep = ...`).
        copy._sleep, copy._clock = self._sleep, self._clock
        return copy

    def __enter__(self) -> Corners:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncCorners(AsyncAPIClient):
    """Client for the Corners.

    Operations are grouped by resource: `items`, `files`, `pets`.

    Settings default to the environment: CORNERS_API_KEY, CORNERS_BASE_URL.
    """

    items: AsyncItemsResource
    files: AsyncFilesResource
    pets: AsyncPetsResource

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the CORNERS_API_KEY environment variable.
            base_url: the server's base URL; defaults to CORNERS_BASE_URL, else https://api.example.com.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever; defaults to CORNERS_TIMEOUT, else 60.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off); defaults to CORNERS_MAX_RETRIES, else 2.
            default_headers: headers sent with every request; defaults to CORNERS_DEFAULT_HEADERS (a JSON object).
            http_client: an `httpx.AsyncClient` to send requests with (proxies, custom transports).
        """
        timeout = _resolve_timeout(timeout)
        self._setup(
            api_key=_resolve_api_key(api_key),
            base_url=_resolve_base_url(base_url),
            timeout=timeout,
            max_retries=_resolve_max_retries(max_retries),
            default_headers=_resolve_default_headers(default_headers),
        )
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient(timeout=timeout)
        self.items = AsyncItemsResource(self)
        self.files = AsyncFilesResource(self)
        self.pets = AsyncPetsResource(self)

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | NotGiven = NOT_GIVEN,
    ) -> AsyncCorners:
        """A copy of this client with some settings changed; it shares the connection pool unless given another.

        ```py
        impatient = client.with_options(max_retries=0, timeout=5)
        ```
        """
        copy = type(self)(
            api_key=self.api_key if isinstance(api_key, NotGiven) else api_key,
            base_url=str(self.base_url) if isinstance(base_url, NotGiven) else base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=(
                self._default_headers if isinstance(default_headers, NotGiven) else default_headers
            ),
            http_client=self._http if isinstance(http_client, NotGiven) else http_client,
        )
        copy._owns_http = False  # the pool belongs to this client (or to the caller)
        # Carry over hooks a test may have replaced on this instance (`client._sleep = ...`).
        copy._sleep, copy._clock = self._sleep, self._clock
        return copy

    async def __aenter__(self) -> AsyncCorners:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
