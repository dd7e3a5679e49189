"""The `endpoints` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal, cast

import httpx

from .._base_client import (
    AsyncAPIClient,
    Operation,
    ResponseSpec,
    SyncAPIClient,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._pagination import AsyncPage, PageStyle, SyncPage
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..models import (
    EndpointDataFreshnessSeconds,
    EndpointQuery,
    EndpointResponse,
    PaginatedEndpointResponseList,
)

__all__ = [
    "EndpointsResource",
    "AsyncEndpointsResource",
]

_LIST = Operation(
    "endpoints_retrieve",
    "get",
    "/api/projects/{project_id}/endpoints/",
    responses={
        "200": (ResponseSpec("json", PaginatedEndpointResponseList),),
    },
    scopes=("endpoint:read",),
)
_LIST_PAGES = PageStyle(
    "offset",
    items="results",
    count="count",
    next="next",
    has_more=None,
    limit="limit",
    offset="offset",
)

_CREATE = Operation(
    "endpoints_create",
    "post",
    "/api/projects/{project_id}/endpoints/",
    responses={
        "201": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:write",),
)

_RETRIEVE = Operation(
    "endpoints_retrieve_2",
    "get",
    "/api/projects/{project_id}/endpoints/{name}/",
    responses={
        "200": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:read",),
)

_PARTIAL_UPDATE = Operation(
    "endpoints_partial_update",
    "patch",
    "/api/projects/{project_id}/endpoints/{name}/",
    responses={
        "200": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:write",),
)


class EndpointsResource:
    """Saved queries exposed as named, versioned API endpoints that can be run.

    Reached as `client.endpoints`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EndpointsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return EndpointsResourceWithRawResponse(self)

    def list(
        self,
        *,
        created_by: int | NotGiven = NOT_GIVEN,
        is_active: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[EndpointResponse]:
        """List endpoints

        List the project's endpoints, optionally filtered by `is_active` and
        `created_by`. The answer is limit/offset paginated (100 per
        page by default). The docs page shows no response body and no query
        parameters; the server returns the page described here.

        Required API key scopes: endpoint:read.

        Args:
            created_by: Only endpoints created by the user with this ID.
            is_active: Only active (`true`) or inactive (`false`) endpoints.
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SyncPage[EndpointResponse]",
            self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "created_by": created_by,
                    "is_active": is_active,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def create(
        self,
        *,
        name: str,
        query: EndpointQuery | dict[str, Any],
        description: str | None | NotGiven = NOT_GIVEN,
        data_freshness_seconds: (
            EndpointDataFreshnessSeconds
            | Literal[900, 1800, 3600, 21600, 43200, 86400, 604800]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        is_active: bool | None | NotGiven = NOT_GIVEN,
        is_materialized: bool | None | NotGiven = NOT_GIVEN,
        derived_from_insight: str | None | NotGiven = NOT_GIVEN,
        bucket_overrides: dict[str, str] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Create an endpoint

        Create an endpoint from a HogQL or insight query. The endpoint starts at
        version 1 and is active unless `is_active` is false. The server requires
        `name` and `query`. The docs page lists `cache_age_seconds` and
        `sync_frequency` (older servers); current servers take
        `data_freshness_seconds` instead and reject unknown fields.

        Required API key scopes: endpoint:write.

        Args:
            name: Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters.
            query: The query an endpoint runs: a `HogQLQuery` node or an insight query node (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`, `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node schemas themselves are described with the query tag.
            description: Human-readable description of what this endpoint returns.
            data_freshness_seconds: How fresh the data must be. Defaults to 86400 (24 hours).
            is_active: Whether the endpoint can be run through the API. Defaults to true.
            is_materialized: Whether to materialize the query's results to S3 so runs read a pre-computed table.
            derived_from_insight: Short ID of the insight this endpoint was created from.
            bucket_overrides: Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "name": name,
                    "query": query,
                    "description": description,
                    "data_freshness_seconds": data_freshness_seconds,
                    "is_active": is_active,
                    "is_materialized": is_materialized,
                    "derived_from_insight": derived_from_insight,
                    "bucket_overrides": bucket_overrides,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        name: str,
        *,
        version: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Retrieve an endpoint

        Get one endpoint by name, as of its current version. Current servers also
        accept `?version=N` and then answer with that version's fields plus the
        version fields of `EndpointVersionResponse`; older servers ignore the
        parameter.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version: Return this version of the endpoint instead of the current one.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "version": version,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def partial_update(
        self,
        name: str,
        *,
        name2: str | None | NotGiven = NOT_GIVEN,
        query: EndpointQuery | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        data_freshness_seconds: (
            EndpointDataFreshnessSeconds
            | Literal[900, 1800, 3600, 21600, 43200, 86400, 604800]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        is_active: bool | None | NotGiven = NOT_GIVEN,
        is_materialized: bool | None | NotGiven = NOT_GIVEN,
        derived_from_insight: str | None | NotGiven = NOT_GIVEN,
        version: int | None | NotGiven = NOT_GIVEN,
        bucket_overrides: dict[str, str] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Update an endpoint

        Change some of an endpoint's settings. A changed `query` creates a new
        version; `description` and `data_freshness_seconds` apply to the current
        version; `is_materialized` turns materialization on or off. With `version`
        (in the body or as `?version=N`) the update targets that version, e.g. to
        deactivate it, and the answer describes that version.

        The docs page shows no request body and no API key scope. The server
        requires `endpoint:write` (older servers refused personal API keys on
        PATCH). It also accepts `{"deleted": true}` as a soft delete answering
        `{"success": true}`; use the environment delete operation for that instead.

        Required API key scopes: endpoint:write.

        Args:
            name: URL-safe name for the endpoint.
            name2: Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters.
            query: The new query. A changed query creates a new version of the endpoint.
            description: Human-readable description of what this endpoint returns.
            data_freshness_seconds: How fresh the data must be.
            is_active: Whether the endpoint (or, with `version`, that version) can be run through the API.
            is_materialized: Turn materialization of the query's results on or off. Cannot be enabled on an inactive endpoint.
            derived_from_insight: Short ID of the insight this endpoint was created from.
            version: Apply the update to this version instead of the current one. The answer then describes that version.
            bucket_overrides: Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                body={
                    "name": name2,
                    "query": query,
                    "description": description,
                    "data_freshness_seconds": data_freshness_seconds,
                    "is_active": is_active,
                    "is_materialized": is_materialized,
                    "derived_from_insight": derived_from_insight,
                    "version": version,
                    "bucket_overrides": bucket_overrides,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class EndpointsResourceWithRawResponse:
    """`endpoints` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: EndpointsResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.partial_update = to_raw_response_wrapper(resource.partial_update)


class AsyncEndpointsResource:
    """Saved queries exposed as named, versioned API endpoints that can be run.

    Reached as `client.endpoints`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEndpointsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncEndpointsResourceWithRawResponse(self)

    async def list(
        self,
        *,
        created_by: int | NotGiven = NOT_GIVEN,
        is_active: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[EndpointResponse]:
        """List endpoints

        List the project's endpoints, optionally filtered by `is_active` and
        `created_by`. The answer is limit/offset paginated (100 per
        page by default). The docs page shows no response body and no query
        parameters; the server returns the page described here.

        Required API key scopes: endpoint:read.

        Args:
            created_by: Only endpoints created by the user with this ID.
            is_active: Only active (`true`) or inactive (`false`) endpoints.
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "AsyncPage[EndpointResponse]",
            await self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "created_by": created_by,
                    "is_active": is_active,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def create(
        self,
        *,
        name: str,
        query: EndpointQuery | dict[str, Any],
        description: str | None | NotGiven = NOT_GIVEN,
        data_freshness_seconds: (
            EndpointDataFreshnessSeconds
            | Literal[900, 1800, 3600, 21600, 43200, 86400, 604800]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        is_active: bool | None | NotGiven = NOT_GIVEN,
        is_materialized: bool | None | NotGiven = NOT_GIVEN,
        derived_from_insight: str | None | NotGiven = NOT_GIVEN,
        bucket_overrides: dict[str, str] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Create an endpoint

        Create an endpoint from a HogQL or insight query. The endpoint starts at
        version 1 and is active unless `is_active` is false. The server requires
        `name` and `query`. The docs page lists `cache_age_seconds` and
        `sync_frequency` (older servers); current servers take
        `data_freshness_seconds` instead and reject unknown fields.

        Required API key scopes: endpoint:write.

        Args:
            name: Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters.
            query: The query an endpoint runs: a `HogQLQuery` node or an insight query node (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`, `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node schemas themselves are described with the query tag.
            description: Human-readable description of what this endpoint returns.
            data_freshness_seconds: How fresh the data must be. Defaults to 86400 (24 hours).
            is_active: Whether the endpoint can be run through the API. Defaults to true.
            is_materialized: Whether to materialize the query's results to S3 so runs read a pre-computed table.
            derived_from_insight: Short ID of the insight this endpoint was created from.
            bucket_overrides: Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            await self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "name": name,
                    "query": query,
                    "description": description,
                    "data_freshness_seconds": data_freshness_seconds,
                    "is_active": is_active,
                    "is_materialized": is_materialized,
                    "derived_from_insight": derived_from_insight,
                    "bucket_overrides": bucket_overrides,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        name: str,
        *,
        version: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Retrieve an endpoint

        Get one endpoint by name, as of its current version. Current servers also
        accept `?version=N` and then answer with that version's fields plus the
        version fields of `EndpointVersionResponse`; older servers ignore the
        parameter.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version: Return this version of the endpoint instead of the current one.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            await self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "version": version,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def partial_update(
        self,
        name: str,
        *,
        name2: str | None | NotGiven = NOT_GIVEN,
        query: EndpointQuery | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        description: str | None | NotGiven = NOT_GIVEN,
        data_freshness_seconds: (
            EndpointDataFreshnessSeconds
            | Literal[900, 1800, 3600, 21600, 43200, 86400, 604800]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        is_active: bool | None | NotGiven = NOT_GIVEN,
        is_materialized: bool | None | NotGiven = NOT_GIVEN,
        derived_from_insight: str | None | NotGiven = NOT_GIVEN,
        version: int | None | NotGiven = NOT_GIVEN,
        bucket_overrides: dict[str, str] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointResponse:
        """Update an endpoint

        Change some of an endpoint's settings. A changed `query` creates a new
        version; `description` and `data_freshness_seconds` apply to the current
        version; `is_materialized` turns materialization on or off. With `version`
        (in the body or as `?version=N`) the update targets that version, e.g. to
        deactivate it, and the answer describes that version.

        The docs page shows no request body and no API key scope. The server
        requires `endpoint:write` (older servers refused personal API keys on
        PATCH). It also accepts `{"deleted": true}` as a soft delete answering
        `{"success": true}`; use the environment delete operation for that instead.

        Required API key scopes: endpoint:write.

        Args:
            name: URL-safe name for the endpoint.
            name2: Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters.
            query: The new query. A changed query creates a new version of the endpoint.
            description: Human-readable description of what this endpoint returns.
            data_freshness_seconds: How fresh the data must be.
            is_active: Whether the endpoint (or, with `version`, that version) can be run through the API.
            is_materialized: Turn materialization of the query's results on or off. Cannot be enabled on an inactive endpoint.
            derived_from_insight: Short ID of the insight this endpoint was created from.
            version: Apply the update to this version instead of the current one. The answer then describes that version.
            bucket_overrides: Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointResponse",
            await self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                body={
                    "name": name2,
                    "query": query,
                    "description": description,
                    "data_freshness_seconds": data_freshness_seconds,
                    "is_active": is_active,
                    "is_materialized": is_materialized,
                    "derived_from_insight": derived_from_insight,
                    "version": version,
                    "bucket_overrides": bucket_overrides,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncEndpointsResourceWithRawResponse:
    """`endpoints` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncEndpointsResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.partial_update = async_to_raw_response_wrapper(resource.partial_update)
