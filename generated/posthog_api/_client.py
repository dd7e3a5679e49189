"""`PostHog` and `AsyncPostHog`: the entry points of the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven
from .errors import ConfigurationError
from .resources.endpoints import AsyncEndpointsResource, EndpointsResource
from .resources.environments_endpoints import (
    AsyncEnvironmentsEndpointsResource,
    EnvironmentsEndpointsResource,
)
from .resources.environments_persons import (
    AsyncEnvironmentsPersonsResource,
    EnvironmentsPersonsResource,
)
from .resources.environments_query import AsyncEnvironmentsQueryResource, EnvironmentsQueryResource
from .resources.environments_session_recordings import (
    AsyncEnvironmentsSessionRecordingsResource,
    EnvironmentsSessionRecordingsResource,
)
from .resources.external_data_sources import (
    AsyncExternalDataSourcesResource,
    ExternalDataSourcesResource,
)
from .resources.insight_variables import AsyncInsightVariablesResource, InsightVariablesResource
from .resources.query import AsyncQueryResource, QueryResource
from .resources.warehouse_saved_queries import (
    AsyncWarehouseSavedQueriesResource,
    WarehouseSavedQueriesResource,
)

__all__ = ["PostHog", "AsyncPostHog", "DEFAULT_BASE_URL"]

#: where requests go when neither the argument nor POSTHOG_HOST says otherwise
DEFAULT_BASE_URL = "https://us.posthog.com"
#: other servers the API document lists
SERVERS = {
    "https://us.posthog.com": "US Cloud",
    "https://eu.posthog.com": "EU Cloud",
    "{host}": "Self-hosted PostHog",
}


class EnvironmentsNamespace:
    """The same operations addressed through /api/environments/{project_id}/
    (PostHog's newer name for a project).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self.query = EnvironmentsQueryResource(client)
        self.persons = EnvironmentsPersonsResource(client)
        self.session_recordings = EnvironmentsSessionRecordingsResource(client)
        self.endpoints = EnvironmentsEndpointsResource(client)


class PostHog(SyncAPIClient):
    """Client for the PostHog API.

    Operations are grouped by resource: `query`, `endpoints`, `external_data_sources`, `insight_variables`, `warehouse_saved_queries`, `environments`.

    Settings default to the environment: POSTHOG_PERSONAL_API_KEY, POSTHOG_HOST, POSTHOG_PROJECT_ID.
    """

    query: QueryResource
    endpoints: EndpointsResource
    external_data_sources: ExternalDataSourcesResource
    insight_variables: InsightVariablesResource
    warehouse_saved_queries: WarehouseSavedQueriesResource
    environments: EnvironmentsNamespace

    def __init__(
        self,
        *,
        api_key: str | None = None,
        host: str | None = None,
        project_id: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the POSTHOG_PERSONAL_API_KEY environment variable.
            host: the server's base URL; defaults to POSTHOG_HOST, else https://us.posthog.com.
            project_id: The project that operations act on when no project_id is passed.; defaults to POSTHOG_PROJECT_ID.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off).
            default_headers: headers sent with every request.
            http_client: an `httpx.Client` to send requests with (proxies, custom transports).
        """
        if api_key is None:
            api_key = os.environ.get("POSTHOG_PERSONAL_API_KEY") or None
        if api_key is None:
            raise ConfigurationError(
                "No API key: pass api_key=... or set the POSTHOG_PERSONAL_API_KEY environment variable"
            )
        if host is None:
            host = os.environ.get("POSTHOG_HOST") or DEFAULT_BASE_URL
        self._setup(
            api_key=api_key,
            base_url=host,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if project_id is None:
            project_id = os.environ.get("POSTHOG_PROJECT_ID") or None
        if project_id is None:
            raise ConfigurationError(
                "No project_id: pass project_id=... or set the POSTHOG_PROJECT_ID environment variable"
            )
        self._path_defaults["project_id"] = project_id
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)
        self.query = QueryResource(self)
        self.endpoints = EndpointsResource(self)
        self.external_data_sources = ExternalDataSourcesResource(self)
        self.insight_variables = InsightVariablesResource(self)
        self.warehouse_saved_queries = WarehouseSavedQueriesResource(self)
        self.environments = EnvironmentsNamespace(self)

    @property
    def project_id(self) -> str:
        return str(self._path_defaults["project_id"])

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        host: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> PostHog:
        """A copy of this client with some settings changed; it shares the connection pool.

        ```py
        client.with_options(max_retries=5).query.create(...)
        ```
        """
        options: dict[str, Any] = {
            "api_key": self.api_key if isinstance(api_key, NotGiven) else api_key,
            "host": str(self.base_url) if isinstance(host, NotGiven) else host,
            "project_id": (
                self._path_defaults.get("project_id")
                if isinstance(project_id, NotGiven)
                else project_id
            ),
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

    def __enter__(self) -> PostHog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncEnvironmentsNamespace:
    """The same operations addressed through /api/environments/{project_id}/
    (PostHog's newer name for a project).
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self.query = AsyncEnvironmentsQueryResource(client)
        self.persons = AsyncEnvironmentsPersonsResource(client)
        self.session_recordings = AsyncEnvironmentsSessionRecordingsResource(client)
        self.endpoints = AsyncEnvironmentsEndpointsResource(client)


class AsyncPostHog(AsyncAPIClient):
    """Client for the PostHog API.

    Operations are grouped by resource: `query`, `endpoints`, `external_data_sources`, `insight_variables`, `warehouse_saved_queries`, `environments`.

    Settings default to the environment: POSTHOG_PERSONAL_API_KEY, POSTHOG_HOST, POSTHOG_PROJECT_ID.
    """

    query: AsyncQueryResource
    endpoints: AsyncEndpointsResource
    external_data_sources: AsyncExternalDataSourcesResource
    insight_variables: AsyncInsightVariablesResource
    warehouse_saved_queries: AsyncWarehouseSavedQueriesResource
    environments: AsyncEnvironmentsNamespace

    def __init__(
        self,
        *,
        api_key: str | None = None,
        host: str | None = None,
        project_id: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: the API key; defaults to the POSTHOG_PERSONAL_API_KEY environment variable.
            host: the server's base URL; defaults to POSTHOG_HOST, else https://us.posthog.com.
            project_id: The project that operations act on when no project_id is passed.; defaults to POSTHOG_PROJECT_ID.
            timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.
            max_retries: how often a failed request that is safe to repeat is retried (0 turns retries off).
            default_headers: headers sent with every request.
            http_client: an `httpx.AsyncClient` to send requests with (proxies, custom transports).
        """
        if api_key is None:
            api_key = os.environ.get("POSTHOG_PERSONAL_API_KEY") or None
        if api_key is None:
            raise ConfigurationError(
                "No API key: pass api_key=... or set the POSTHOG_PERSONAL_API_KEY environment variable"
            )
        if host is None:
            host = os.environ.get("POSTHOG_HOST") or DEFAULT_BASE_URL
        self._setup(
            api_key=api_key,
            base_url=host,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if project_id is None:
            project_id = os.environ.get("POSTHOG_PROJECT_ID") or None
        if project_id is None:
            raise ConfigurationError(
                "No project_id: pass project_id=... or set the POSTHOG_PROJECT_ID environment variable"
            )
        self._path_defaults["project_id"] = project_id
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient(timeout=timeout)
        self.query = AsyncQueryResource(self)
        self.endpoints = AsyncEndpointsResource(self)
        self.external_data_sources = AsyncExternalDataSourcesResource(self)
        self.insight_variables = AsyncInsightVariablesResource(self)
        self.warehouse_saved_queries = AsyncWarehouseSavedQueriesResource(self)
        self.environments = AsyncEnvironmentsNamespace(self)

    @property
    def project_id(self) -> str:
        return str(self._path_defaults["project_id"])

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        host: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncPostHog:
        """A copy of this client with some settings changed; it shares the connection pool.

        ```py
        client.with_options(max_retries=5).query.create(...)
        ```
        """
        options: dict[str, Any] = {
            "api_key": self.api_key if isinstance(api_key, NotGiven) else api_key,
            "host": str(self.base_url) if isinstance(host, NotGiven) else host,
            "project_id": (
                self._path_defaults.get("project_id")
                if isinstance(project_id, NotGiven)
                else project_id
            ),
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

    async def __aenter__(self) -> AsyncPostHog:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
