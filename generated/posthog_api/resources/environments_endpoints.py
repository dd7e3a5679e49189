"""The `endpoints` operations in the `environments` namespace.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

import builtins
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
    DashboardFilter,
    EndpointDataFreshnessSeconds,
    EndpointQuery,
    EndpointRefreshMode,
    EndpointResponse,
    EndpointRunResponse,
    EndpointVersionResponse,
    PaginatedEndpointResponseList,
    PaginatedEndpointVersionResponseList,
    QueryStatusResponse,
)

__all__ = [
    "EnvironmentsEndpointsResource",
    "AsyncEnvironmentsEndpointsResource",
]

_LIST = Operation(
    "environments_endpoints_retrieve",
    "get",
    "/api/environments/{project_id}/endpoints/",
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
    "environments_endpoints_create",
    "post",
    "/api/environments/{project_id}/endpoints/",
    responses={
        "201": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:write",),
)

_LAST_EXECUTION_TIMES = Operation(
    "environments_endpoints_last_execution_times_create",
    "post",
    "/api/environments/{project_id}/endpoints/last_execution_times/",
    responses={
        "200": (ResponseSpec("json", QueryStatusResponse),),
    },
    scopes=("endpoint:read",),
)

_RETRIEVE = Operation(
    "environments_endpoints_retrieve_2",
    "get",
    "/api/environments/{project_id}/endpoints/{name}/",
    responses={
        "200": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:read",),
)

_PARTIAL_UPDATE = Operation(
    "environments_endpoints_partial_update",
    "patch",
    "/api/environments/{project_id}/endpoints/{name}/",
    responses={
        "200": (ResponseSpec("json", EndpointResponse),),
    },
    scopes=("endpoint:write",),
)

_DESTROY = Operation(
    "environments_endpoints_destroy",
    "delete",
    "/api/environments/{project_id}/endpoints/{name}/",
    responses={
        "204": (ResponseSpec("none"),),
    },
    scopes=("endpoint:write",),
)

_RUN_GET = Operation(
    "environments_endpoints_run_retrieve",
    "get",
    "/api/environments/{project_id}/endpoints/{name}/run/",
    responses={
        "200": (ResponseSpec("json", EndpointRunResponse),),
    },
    scopes=("endpoint:read",),
    idempotent=True,
)

_RUN = Operation(
    "environments_endpoints_run_create",
    "post",
    "/api/environments/{project_id}/endpoints/{name}/run/",
    responses={
        "200": (ResponseSpec("json", EndpointRunResponse),),
    },
    scopes=("endpoint:read",),
    idempotent=True,
)

_LIST_VERSIONS = Operation(
    "environments_endpoints_versions_retrieve",
    "get",
    "/api/environments/{project_id}/endpoints/{name}/versions/",
    responses={
        "200": (ResponseSpec("json", PaginatedEndpointVersionResponseList),),
    },
    scopes=("endpoint:read",),
)
_LIST_VERSIONS_PAGES = PageStyle(
    "offset",
    items="results",
    count="count",
    next="next",
    has_more=None,
    limit="limit",
    offset="offset",
)

_RETRIEVE_VERSION = Operation(
    "environments_endpoints_versions_retrieve_2",
    "get",
    "/api/environments/{project_id}/endpoints/{name}/versions/{version_number}/",
    responses={
        "200": (ResponseSpec("json", EndpointVersionResponse),),
    },
    scopes=("endpoint:read",),
)


class EnvironmentsEndpointsResource:
    """Saved queries exposed as named, versioned API endpoints that can be run.

    Reached as `client.environments.endpoints`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EnvironmentsEndpointsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return EnvironmentsEndpointsResourceWithRawResponse(self)

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

    def last_execution_times(
        self,
        *,
        names: builtins.list[str],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryStatusResponse:
        """Get endpoints' last execution times

        Look up when each of the named endpoints was last run with an API key in
        the past 6 months. The answer is a query status object (PostHog declares
        `QueryStatusResponse`): `query_status.complete` is true and
        `query_status.results` holds one `[name, last_executed_at]` pair per
        endpoint that was run, with the time as an ISO 8601 string; endpoints never
        run are left out, and an empty `names` list gives `results: null`.

        The docs page lists no API key scope. Current servers require
        `endpoint:read`; older servers refused personal API keys on this action.

        Required API key scopes: endpoint:read.

        Args:
            names: Endpoint names. Each must be a valid endpoint name; an empty list returns no results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryStatusResponse",
            self._client.request(
                _LAST_EXECUTION_TIMES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "names": names,
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
        parameter (use the versions/{version_number}/ operation there).

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
        `{"success": true}`; use the delete operation for that instead.

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

    def destroy(
        self,
        name: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an endpoint

        Delete an endpoint and clean up materialized query. Materialization is
        turned off on every version (the backing warehouse saved queries are
        removed) and the endpoint is deleted; its name can then be reused. Answers
        204 with no body.

        Required API key scopes: endpoint:write.

        Args:
            name: URL-safe name for the endpoint.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            self._client.request(
                _DESTROY,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def run_get(
        self,
        name: str,
        *,
        version: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointRunResponse:
        """Run an endpoint with query parameters

        Execute endpoint with optional materialization. Supports version parameter,
        runs latest version if not set. The GET form takes `version`, `limit` and
        `offset` as query parameters; variables and the refresh mode need the POST
        form. Results come from the materialized table when it is fresh, otherwise
        from running the query (cached results allowed). The run is synchronous.

        Only active endpoints can be run: an inactive or unknown endpoint, or an
        unknown version, answers 404 (the latter with a body
        `{"error": ..., "current_version": N}`). Invalid parameters answer 400;
        some of these use the body `{"error": "..."}` instead of PostHog's usual
        error format. Current servers also accept project secret API keys here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version: The version to run. Defaults to the current version.
            limit: Maximum number of rows to return. Without it all rows are returned.
            offset: Number of rows to skip. Requires `limit`; only HogQL endpoints support it.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointRunResponse",
            self._client.request(
                _RUN_GET,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "version": version,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def run(
        self,
        name: str,
        *,
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        debug: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        limit: int | None | NotGiven = NOT_GIVEN,
        offset: int | None | NotGiven = NOT_GIVEN,
        refresh: (
            EndpointRefreshMode | Literal["cache", "force", "direct"] | None | NotGiven
        ) = NOT_GIVEN,
        variables: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: int | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointRunResponse:
        """Run an endpoint

        Execute endpoint with optional materialization. Supports version parameter,
        runs latest version if not set. Pass variable values, a row window
        (`limit`/`offset`) and the refresh mode in the body. Results come from the
        materialized table when it is fresh and the variables allow it, otherwise
        from running the query. The run is synchronous.

        The docs page describes an older body (`refresh` with
        `blocking`/`async`/... values, `query_override`, `variables_override`,
        `variables_values`); the server takes the body described here, rejects
        unknown fields, and refuses `query_override`. A materialized endpoint
        whose query has variables requires them. Only active endpoints can be run:
        an inactive or unknown endpoint, or an unknown version, answers 404.
        Some 400 and 404 answers use the body `{"error": "..."}` instead of
        PostHog's usual error format. Current servers also accept project secret
        API keys here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            client_query_id: Client-provided query ID, to find the query in logs or cancel it through the query API.
            debug: Include debug information (such as the executed HogQL and timings) in the answer.
            filters_override: Deprecated: a dashboard filter (`date_from`, `date_to`, `properties`, `breakdown_filter`) applied to an insight endpoint. Rejected for HogQL endpoints; use `variables` instead.
            limit: Maximum number of rows to return. Without it all rows are returned.
            offset: Number of rows to skip. Requires `limit`; only HogQL endpoints support it.
            refresh: How to use cached and materialized results. Defaults to `cache`.
            variables: Values for the endpoint's variables. For HogQL endpoints the keys are the variable `code_name`s used in the query (`{variables.code_name}`), e.g. `{"event_name": "$pageview"}`. For insight endpoints that are not materialized, `date_from` and `date_to` filter the date range; for materialized insight endpoints the breakdown property name filters by breakdown value, e.g. `{"$browser": "Chrome"}`. Unknown names are rejected with a 400.
            version: The version to run. Defaults to the current version.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointRunResponse",
            self._client.request(
                _RUN,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                body={
                    "client_query_id": client_query_id,
                    "debug": debug,
                    "filters_override": filters_override,
                    "limit": limit,
                    "offset": offset,
                    "refresh": refresh,
                    "variables": variables,
                    "version": version,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def list_versions(
        self,
        name: str,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[EndpointVersionResponse]:
        """List an endpoint's versions

        List all versions for an endpoint, latest first. The answer is limit/offset
        paginated. Each item is the endpoint as of that version (see
        `EndpointVersionResponse`). The docs page shows no response body; older
        servers answered with an unpaginated array of slimmer version objects
        (`id`, `version`, `query`, `is_active`, `created_at`, `created_by`).

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SyncPage[EndpointVersionResponse]",
            self._client.request_page(
                _LIST_VERSIONS,
                _LIST_VERSIONS_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def retrieve_version(
        self,
        name: str,
        version_number: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointVersionResponse:
        """Retrieve an endpoint version

        Get details of a specific endpoint version. An unknown version answers 404
        with the body `{"error": "Version N not found"}`. The docs page shows no
        response body. This route is served by the PostHog versions the docs page
        describes, which answer with the slimmer version object (`id` being the
        version's own ID, `version`, `query`, `is_active`, `created_at`,
        `created_by`); newer servers dropped it in favour of
        `GET endpoints/{name}/?version=N`, which answers with the full
        `EndpointVersionResponse` modelled here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version_number: The version number.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointVersionResponse",
            self._client.request(
                _RETRIEVE_VERSION,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                    "version_number": version_number,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class EnvironmentsEndpointsResourceWithRawResponse:
    """`endpoints` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: EnvironmentsEndpointsResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.last_execution_times = to_raw_response_wrapper(resource.last_execution_times)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.partial_update = to_raw_response_wrapper(resource.partial_update)
        self.destroy = to_raw_response_wrapper(resource.destroy)
        self.run_get = to_raw_response_wrapper(resource.run_get)
        self.run = to_raw_response_wrapper(resource.run)
        self.retrieve_version = to_raw_response_wrapper(resource.retrieve_version)


class AsyncEnvironmentsEndpointsResource:
    """Saved queries exposed as named, versioned API endpoints that can be run.

    Reached as `client.environments.endpoints`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEnvironmentsEndpointsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncEnvironmentsEndpointsResourceWithRawResponse(self)

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

    async def last_execution_times(
        self,
        *,
        names: builtins.list[str],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryStatusResponse:
        """Get endpoints' last execution times

        Look up when each of the named endpoints was last run with an API key in
        the past 6 months. The answer is a query status object (PostHog declares
        `QueryStatusResponse`): `query_status.complete` is true and
        `query_status.results` holds one `[name, last_executed_at]` pair per
        endpoint that was run, with the time as an ISO 8601 string; endpoints never
        run are left out, and an empty `names` list gives `results: null`.

        The docs page lists no API key scope. Current servers require
        `endpoint:read`; older servers refused personal API keys on this action.

        Required API key scopes: endpoint:read.

        Args:
            names: Endpoint names. Each must be a valid endpoint name; an empty list returns no results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryStatusResponse",
            await self._client.request(
                _LAST_EXECUTION_TIMES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "names": names,
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
        parameter (use the versions/{version_number}/ operation there).

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
        `{"success": true}`; use the delete operation for that instead.

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

    async def destroy(
        self,
        name: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an endpoint

        Delete an endpoint and clean up materialized query. Materialization is
        turned off on every version (the backing warehouse saved queries are
        removed) and the endpoint is deleted; its name can then be reused. Answers
        204 with no body.

        Required API key scopes: endpoint:write.

        Args:
            name: URL-safe name for the endpoint.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            await self._client.request(
                _DESTROY,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def run_get(
        self,
        name: str,
        *,
        version: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointRunResponse:
        """Run an endpoint with query parameters

        Execute endpoint with optional materialization. Supports version parameter,
        runs latest version if not set. The GET form takes `version`, `limit` and
        `offset` as query parameters; variables and the refresh mode need the POST
        form. Results come from the materialized table when it is fresh, otherwise
        from running the query (cached results allowed). The run is synchronous.

        Only active endpoints can be run: an inactive or unknown endpoint, or an
        unknown version, answers 404 (the latter with a body
        `{"error": ..., "current_version": N}`). Invalid parameters answer 400;
        some of these use the body `{"error": "..."}` instead of PostHog's usual
        error format. Current servers also accept project secret API keys here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version: The version to run. Defaults to the current version.
            limit: Maximum number of rows to return. Without it all rows are returned.
            offset: Number of rows to skip. Requires `limit`; only HogQL endpoints support it.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointRunResponse",
            await self._client.request(
                _RUN_GET,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "version": version,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def run(
        self,
        name: str,
        *,
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        debug: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        limit: int | None | NotGiven = NOT_GIVEN,
        offset: int | None | NotGiven = NOT_GIVEN,
        refresh: (
            EndpointRefreshMode | Literal["cache", "force", "direct"] | None | NotGiven
        ) = NOT_GIVEN,
        variables: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: int | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointRunResponse:
        """Run an endpoint

        Execute endpoint with optional materialization. Supports version parameter,
        runs latest version if not set. Pass variable values, a row window
        (`limit`/`offset`) and the refresh mode in the body. Results come from the
        materialized table when it is fresh and the variables allow it, otherwise
        from running the query. The run is synchronous.

        The docs page describes an older body (`refresh` with
        `blocking`/`async`/... values, `query_override`, `variables_override`,
        `variables_values`); the server takes the body described here, rejects
        unknown fields, and refuses `query_override`. A materialized endpoint
        whose query has variables requires them. Only active endpoints can be run:
        an inactive or unknown endpoint, or an unknown version, answers 404.
        Some 400 and 404 answers use the body `{"error": "..."}` instead of
        PostHog's usual error format. Current servers also accept project secret
        API keys here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            client_query_id: Client-provided query ID, to find the query in logs or cancel it through the query API.
            debug: Include debug information (such as the executed HogQL and timings) in the answer.
            filters_override: Deprecated: a dashboard filter (`date_from`, `date_to`, `properties`, `breakdown_filter`) applied to an insight endpoint. Rejected for HogQL endpoints; use `variables` instead.
            limit: Maximum number of rows to return. Without it all rows are returned.
            offset: Number of rows to skip. Requires `limit`; only HogQL endpoints support it.
            refresh: How to use cached and materialized results. Defaults to `cache`.
            variables: Values for the endpoint's variables. For HogQL endpoints the keys are the variable `code_name`s used in the query (`{variables.code_name}`), e.g. `{"event_name": "$pageview"}`. For insight endpoints that are not materialized, `date_from` and `date_to` filter the date range; for materialized insight endpoints the breakdown property name filters by breakdown value, e.g. `{"$browser": "Chrome"}`. Unknown names are rejected with a 400.
            version: The version to run. Defaults to the current version.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointRunResponse",
            await self._client.request(
                _RUN,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                body={
                    "client_query_id": client_query_id,
                    "debug": debug,
                    "filters_override": filters_override,
                    "limit": limit,
                    "offset": offset,
                    "refresh": refresh,
                    "variables": variables,
                    "version": version,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def list_versions(
        self,
        name: str,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[EndpointVersionResponse]:
        """List an endpoint's versions

        List all versions for an endpoint, latest first. The answer is limit/offset
        paginated. Each item is the endpoint as of that version (see
        `EndpointVersionResponse`). The docs page shows no response body; older
        servers answered with an unpaginated array of slimmer version objects
        (`id`, `version`, `query`, `is_active`, `created_at`, `created_by`).

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "AsyncPage[EndpointVersionResponse]",
            await self._client.request_page(
                _LIST_VERSIONS,
                _LIST_VERSIONS_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                },
                query={
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def retrieve_version(
        self,
        name: str,
        version_number: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> EndpointVersionResponse:
        """Retrieve an endpoint version

        Get details of a specific endpoint version. An unknown version answers 404
        with the body `{"error": "Version N not found"}`. The docs page shows no
        response body. This route is served by the PostHog versions the docs page
        describes, which answer with the slimmer version object (`id` being the
        version's own ID, `version`, `query`, `is_active`, `created_at`,
        `created_by`); newer servers dropped it in favour of
        `GET endpoints/{name}/?version=N`, which answers with the full
        `EndpointVersionResponse` modelled here.

        Required API key scopes: endpoint:read.

        Args:
            name: URL-safe name for the endpoint.
            version_number: The version number.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "EndpointVersionResponse",
            await self._client.request(
                _RETRIEVE_VERSION,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "name": name,
                    "version_number": version_number,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncEnvironmentsEndpointsResourceWithRawResponse:
    """`endpoints` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncEnvironmentsEndpointsResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.last_execution_times = async_to_raw_response_wrapper(resource.last_execution_times)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.partial_update = async_to_raw_response_wrapper(resource.partial_update)
        self.destroy = async_to_raw_response_wrapper(resource.destroy)
        self.run_get = async_to_raw_response_wrapper(resource.run_get)
        self.run = async_to_raw_response_wrapper(resource.run)
        self.retrieve_version = async_to_raw_response_wrapper(resource.retrieve_version)
