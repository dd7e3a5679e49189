"""The `query` operations in the `environments` namespace.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
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
from .._polling import LongRunningSpec, Progress, async_run_to_completion, run_to_completion
from .._streaming import ServerSentEvent, aiter_events, iter_events
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..models import (
    DashboardFilter,
    QueryCancelResponse,
    QueryChatMessage,
    QueryDraftSqlResponse,
    QueryLimitContext,
    QueryNode,
    QueryResponse,
    QueryStatusResponse,
    RefreshType,
)

__all__ = [
    "EnvironmentsQueryResource",
    "AsyncEnvironmentsQueryResource",
]

_CREATE = Operation(
    "environments_query_create",
    "post",
    "/api/environments/{project_id}/query/",
    responses={
        "200": (ResponseSpec("json", QueryResponse),),
        "202": (ResponseSpec("json", QueryStatusResponse),),
    },
    scopes=("query:read",),
    idempotent=True,
)

_CHAT = Operation(
    "environments_query_chat_create",
    "post",
    "/api/environments/{project_id}/query/chat/",
    responses={
        "200": (ResponseSpec("sse"),),
    },
)

_DRAFT_SQL = Operation(
    "environments_query_draft_sql_retrieve",
    "get",
    "/api/environments/{project_id}/query/draft_sql/",
    responses={
        "200": (ResponseSpec("json", QueryDraftSqlResponse),),
    },
)

_RETRIEVE = Operation(
    "environments_query_retrieve",
    "get",
    "/api/environments/{project_id}/query/{id}/",
    responses={
        "200": (ResponseSpec("json", QueryStatusResponse),),
        "202": (ResponseSpec("json", QueryStatusResponse),),
    },
    scopes=("query:read",),
)

_CANCEL = Operation(
    "environments_query_destroy",
    "delete",
    "/api/environments/{project_id}/query/{id}/",
    responses={
        "200": (ResponseSpec("json", QueryCancelResponse),),
    },
    scopes=("query:read",),
)

_CREATE_WAIT = LongRunningSpec(
    start=_CREATE,
    poll=_RETRIEVE,
    cancel=_CANCEL,
    id_param="id",
    start_fields={"refresh": "async"},
    poll_query={"show_progress": True},
    status="query_status",
    id="id",
    complete="complete",
    error="error",
    error_message="error_message",
    results="results",
    progress="query_progress",
    result_type=QueryResponse,
)


class EnvironmentsQueryResource:
    """Run HogQL and insight queries, poll and cancel asynchronous queries.

    Reached as `client.environments.query`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EnvironmentsQueryResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return EnvironmentsQueryResourceWithRawResponse(self)

    def create(
        self,
        *,
        query: QueryNode | dict[str, Any],
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        refresh: (
            RefreshType
            | Literal[
                "async",
                "async_except_on_cache_miss",
                "blocking",
                "force_async",
                "force_blocking",
                "force_cache",
                "lazy_async",
            ]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        async_: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        variables_override: dict[str, dict[str, Any]] | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        limit_context: QueryLimitContext | Literal["posthog_ai"] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryResponse | QueryStatusResponse:
        """Run a query

        Runs a query in an environment; the same operation as `query_create`
        under PostHog's newer /api/environments/ prefix. A HogQL query
        (`{"kind": "HogQLQuery", "query": "select ..."}`) or any other query node
        PostHog supports.

        With `refresh: blocking` (the default) the call returns the results with
        200. With `refresh: async` (or another async mode) and no fresh cached
        result, the server starts a background run and returns 202 with a
        `query_status`; poll it with `environments_query_retrieve` and cancel it
        with `environments_query_destroy`. The docs page lists only a 200
        response; the server also answers 202 as described.

        HogQL and ClickHouse errors come back as 400. A 429 means the project's
        rate limit for queries (2400 per hour, 240 per minute) was reached, or
        its concurrent query limit (3 queries at once; a query first waits up to
        30 s in a queue) was exhausted. Running a query does not change data, so
        the call is safe to retry.

        Required API key scopes: query:read.

        Args:
            query: A query node, told apart by its `kind`. The kinds modelled here are the ones documented for API use (`HogQLQuery` first of all) plus the insight and series nodes. PostHog supports many more kinds (web analytics, error tracking, revenue analytics, experiments, taxonomy queries and others); those pass through unchanged as an `OtherQueryNode`: send them as an object with their `kind` and fields, and their responses come back as a `GenericQueryResponse`.
            client_query_id: Client provided query ID. Can be used to retrieve the status or cancel the query. When absent the server generates one (a UUIDv7 in hex).
            refresh: Whether results should be calculated sync or async, and how much to rely on the cache. Defaults to `blocking`.
            async_: Legacy switch, kept for old clients: `true` behaves like `refresh: async` and overrides `refresh`. Use `refresh` instead.
            filters_override: Dashboard filters (date range, property filters, breakdown) applied on top of the query before it runs.
            variables_override: Values for the query's insight variables, keyed by variable id. Each value is an object such as `{"code_name": "country", "variableId": "...", "value": "DE"}`.
            name: Name given to a query. It is used to identify the query in the UI and is recorded in the `query_log` table. Up to 128 characters.
            limit_context: The execution limits to apply. Only `posthog_ai` may be set by a client; leave it out otherwise.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryResponse | QueryStatusResponse",
            self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "query": query,
                    "client_query_id": client_query_id,
                    "refresh": refresh,
                    "async": async_,
                    "filters_override": filters_override,
                    "variables_override": variables_override,
                    "name": name,
                    "limit_context": limit_context,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def run(
        self,
        *,
        query: QueryNode | dict[str, Any],
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        refresh: (
            RefreshType
            | Literal[
                "async",
                "async_except_on_cache_miss",
                "blocking",
                "force_async",
                "force_blocking",
                "force_cache",
                "lazy_async",
            ]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        async_: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        variables_override: dict[str, dict[str, Any]] | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        limit_context: QueryLimitContext | Literal["posthog_ai"] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        wait_timeout: float | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        extra_headers: Headers | None = None,
    ) -> QueryResponse:
        """Run a query, and wait until it completes.

        Starts the job with refresh='async' unless told otherwise, polls `environments_query_retrieve` with backoff while it runs, and returns the result. Ctrl-C or `wait_timeout` cancels it on the server.

        Runs a query in an environment; the same operation as `query_create`
        under PostHog's newer /api/environments/ prefix. A HogQL query
        (`{"kind": "HogQLQuery", "query": "select ..."}`) or any other query node
        PostHog supports.

        With `refresh: blocking` (the default) the call returns the results with
        200. With `refresh: async` (or another async mode) and no fresh cached
        result, the server starts a background run and returns 202 with a
        `query_status`; poll it with `environments_query_retrieve` and cancel it
        with `environments_query_destroy`. The docs page lists only a 200
        response; the server also answers 202 as described.

        HogQL and ClickHouse errors come back as 400. A 429 means the project's
        rate limit for queries (2400 per hour, 240 per minute) was reached, or
        its concurrent query limit (3 queries at once; a query first waits up to
        30 s in a queue) was exhausted. Running a query does not change data, so
        the call is safe to retry.

        Required API key scopes: query:read.

        Args:
            query: A query node, told apart by its `kind`. The kinds modelled here are the ones documented for API use (`HogQLQuery` first of all) plus the insight and series nodes. PostHog supports many more kinds (web analytics, error tracking, revenue analytics, experiments, taxonomy queries and others); those pass through unchanged as an `OtherQueryNode`: send them as an object with their `kind` and fields, and their responses come back as a `GenericQueryResponse`.
            client_query_id: Client provided query ID. Can be used to retrieve the status or cancel the query. When absent the server generates one (a UUIDv7 in hex).
            refresh: Whether results should be calculated sync or async, and how much to rely on the cache. Defaults to `blocking`.
            async_: Legacy switch, kept for old clients: `true` behaves like `refresh: async` and overrides `refresh`. Use `refresh` instead.
            filters_override: Dashboard filters (date range, property filters, breakdown) applied on top of the query before it runs.
            variables_override: Values for the query's insight variables, keyed by variable id. Each value is an object such as `{"code_name": "country", "variableId": "...", "value": "DE"}`.
            name: Name given to a query. It is used to identify the query in the UI and is recorded in the `query_log` table. Up to 128 characters.
            limit_context: The execution limits to apply. Only `posthog_ai` may be set by a client; leave it out otherwise.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
            wait_timeout: seconds to wait for the result; the job is cancelled on the server when it passes (None waits forever).
            on_progress: called with a `Progress` (rows read, bytes read, elapsed) after each poll.
        """
        return cast(
            "QueryResponse",
            run_to_completion(
                self._client,
                _CREATE_WAIT,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "query": query,
                    "client_query_id": client_query_id,
                    "refresh": refresh,
                    "async": async_,
                    "filters_override": filters_override,
                    "variables_override": variables_override,
                    "name": name,
                    "limit_context": limit_context,
                },
                wait_timeout=wait_timeout,
                on_progress=on_progress,
                extra_headers=extra_headers,
            ),
        )

    def chat(
        self,
        *,
        messages: list[QueryChatMessage] | list[dict[str, Any]],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[ServerSentEvent]:
        """Chat with the trends assistant

        Sends a conversation to PostHog's AI trends assistant, which streams
        back, as server-sent events, its reasoning and the trends query it
        builds. Each `data:` line of the `text/event-stream` body carries one
        JSON chunk (`QueryChatEvent`); the last chunk holds the final answer.

        This endpoint is listed on PostHog's docs page but was removed from
        PostHog: it is in none of the current published API schemas, and
        current servers no longer serve it (the path now only matches the query
        status route, which has no POST). It is kept here only because the docs
        page lists it. The docs page lists no request body and "No
        response body"; the body and stream modelled here are those of the
        2024 implementation. The action had no API key scope, so a personal API
        key with scopes gets 403.

        Args:
            messages: The conversation so far, oldest first; the first message is the question.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        response = self._client.request(
            _CHAT,
            path={
                "project_id": self._client._path_default("project_id", project_id),
            },
            body={
                "messages": messages,
            },
            extra_headers={**(extra_headers or {}), "Accept": "text/event-stream"},
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            stream=True,
        )
        return iter_events(response)

    def draft_sql(
        self,
        *,
        prompt: str,
        current_query: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryDraftSqlResponse:
        """Draft a HogQL query from a prompt

        Asks PostHog AI to write a HogQL query from a plain-language `prompt`,
        optionally building on `current_query`. The docs page lists no
        parameters and "No response body"; the server requires `prompt` and
        returns `{"sql": "..."}`. It answers 400 with the reason under `prompt`
        when the prompt is missing, longer than 400 characters or too unclear.
        It uses PostHog's AI rate limits and needs a user: project secret keys
        are refused, and a personal API key with scopes gets 403 "This action
        does not support Personal API Key access" since the action has no scope.

        Args:
            prompt: What the query should do, in plain language.
            current_query: The HogQL query to start from, if any.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryDraftSqlResponse",
            self._client.request(
                _DRAFT_SQL,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "prompt": prompt,
                    "current_query": current_query,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        id: str,
        *,
        show_progress: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryStatusResponse:
        """Get the status of an asynchronous query

        (Experimental) Reads the status of a query started asynchronously in an
        environment. The server answers 202 while the query runs and 200 once it
        is complete, with the query's response in `query_status.results`. When
        the query failed with an error that can be shown, it answers 400 with the
        same status body (`error: true` and `error_message`); a failure without a
        message is a 500. The docs page lists only the 200 response. An unknown
        or expired id gives 404.

        Required API key scopes: query:read.

        Args:
            id: The query's id, i.e. `query_status.id` of the 202 response, which is the `client_query_id` when one was sent.
            show_progress: Add `query_progress` (rows and bytes read so far) to the status of a running query.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryStatusResponse",
            self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                query={
                    "show_progress": show_progress,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def cancel(
        self,
        id: str,
        *,
        dequeue_only: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryCancelResponse:
        """Cancel an asynchronous query

        (Experimental) Cancels a running query in an environment: revokes its
        queued task and, unless `dequeue_only=true`, kills it on ClickHouse, then
        forgets its status. The docs page says 204 "Query cancelled"; the server
        answers 200 with a `message` saying what it did, for an unknown id too
        (so this operation has no 404). Needs only the `query:read` scope.

        Required API key scopes: query:read.

        Args:
            id: The query's id, i.e. `query_status.id` of the 202 response, which is the `client_query_id` when one was sent.
            dequeue_only: Only revoke the query's queued task; do not send a cancel to ClickHouse.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryCancelResponse",
            self._client.request(
                _CANCEL,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                query={
                    "dequeue_only": dequeue_only,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class EnvironmentsQueryResourceWithRawResponse:
    """`query` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: EnvironmentsQueryResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.draft_sql = to_raw_response_wrapper(resource.draft_sql)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class AsyncEnvironmentsQueryResource:
    """Run HogQL and insight queries, poll and cancel asynchronous queries.

    Reached as `client.environments.query`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEnvironmentsQueryResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncEnvironmentsQueryResourceWithRawResponse(self)

    async def create(
        self,
        *,
        query: QueryNode | dict[str, Any],
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        refresh: (
            RefreshType
            | Literal[
                "async",
                "async_except_on_cache_miss",
                "blocking",
                "force_async",
                "force_blocking",
                "force_cache",
                "lazy_async",
            ]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        async_: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        variables_override: dict[str, dict[str, Any]] | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        limit_context: QueryLimitContext | Literal["posthog_ai"] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryResponse | QueryStatusResponse:
        """Run a query

        Runs a query in an environment; the same operation as `query_create`
        under PostHog's newer /api/environments/ prefix. A HogQL query
        (`{"kind": "HogQLQuery", "query": "select ..."}`) or any other query node
        PostHog supports.

        With `refresh: blocking` (the default) the call returns the results with
        200. With `refresh: async` (or another async mode) and no fresh cached
        result, the server starts a background run and returns 202 with a
        `query_status`; poll it with `environments_query_retrieve` and cancel it
        with `environments_query_destroy`. The docs page lists only a 200
        response; the server also answers 202 as described.

        HogQL and ClickHouse errors come back as 400. A 429 means the project's
        rate limit for queries (2400 per hour, 240 per minute) was reached, or
        its concurrent query limit (3 queries at once; a query first waits up to
        30 s in a queue) was exhausted. Running a query does not change data, so
        the call is safe to retry.

        Required API key scopes: query:read.

        Args:
            query: A query node, told apart by its `kind`. The kinds modelled here are the ones documented for API use (`HogQLQuery` first of all) plus the insight and series nodes. PostHog supports many more kinds (web analytics, error tracking, revenue analytics, experiments, taxonomy queries and others); those pass through unchanged as an `OtherQueryNode`: send them as an object with their `kind` and fields, and their responses come back as a `GenericQueryResponse`.
            client_query_id: Client provided query ID. Can be used to retrieve the status or cancel the query. When absent the server generates one (a UUIDv7 in hex).
            refresh: Whether results should be calculated sync or async, and how much to rely on the cache. Defaults to `blocking`.
            async_: Legacy switch, kept for old clients: `true` behaves like `refresh: async` and overrides `refresh`. Use `refresh` instead.
            filters_override: Dashboard filters (date range, property filters, breakdown) applied on top of the query before it runs.
            variables_override: Values for the query's insight variables, keyed by variable id. Each value is an object such as `{"code_name": "country", "variableId": "...", "value": "DE"}`.
            name: Name given to a query. It is used to identify the query in the UI and is recorded in the `query_log` table. Up to 128 characters.
            limit_context: The execution limits to apply. Only `posthog_ai` may be set by a client; leave it out otherwise.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryResponse | QueryStatusResponse",
            await self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "query": query,
                    "client_query_id": client_query_id,
                    "refresh": refresh,
                    "async": async_,
                    "filters_override": filters_override,
                    "variables_override": variables_override,
                    "name": name,
                    "limit_context": limit_context,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def run(
        self,
        *,
        query: QueryNode | dict[str, Any],
        client_query_id: str | None | NotGiven = NOT_GIVEN,
        refresh: (
            RefreshType
            | Literal[
                "async",
                "async_except_on_cache_miss",
                "blocking",
                "force_async",
                "force_blocking",
                "force_cache",
                "lazy_async",
            ]
            | None
            | NotGiven
        ) = NOT_GIVEN,
        async_: bool | None | NotGiven = NOT_GIVEN,
        filters_override: DashboardFilter | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        variables_override: dict[str, dict[str, Any]] | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        limit_context: QueryLimitContext | Literal["posthog_ai"] | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        wait_timeout: float | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        extra_headers: Headers | None = None,
    ) -> QueryResponse:
        """Run a query, and wait until it completes.

        Starts the job with refresh='async' unless told otherwise, polls `environments_query_retrieve` with backoff while it runs, and returns the result. Ctrl-C or `wait_timeout` cancels it on the server.

        Runs a query in an environment; the same operation as `query_create`
        under PostHog's newer /api/environments/ prefix. A HogQL query
        (`{"kind": "HogQLQuery", "query": "select ..."}`) or any other query node
        PostHog supports.

        With `refresh: blocking` (the default) the call returns the results with
        200. With `refresh: async` (or another async mode) and no fresh cached
        result, the server starts a background run and returns 202 with a
        `query_status`; poll it with `environments_query_retrieve` and cancel it
        with `environments_query_destroy`. The docs page lists only a 200
        response; the server also answers 202 as described.

        HogQL and ClickHouse errors come back as 400. A 429 means the project's
        rate limit for queries (2400 per hour, 240 per minute) was reached, or
        its concurrent query limit (3 queries at once; a query first waits up to
        30 s in a queue) was exhausted. Running a query does not change data, so
        the call is safe to retry.

        Required API key scopes: query:read.

        Args:
            query: A query node, told apart by its `kind`. The kinds modelled here are the ones documented for API use (`HogQLQuery` first of all) plus the insight and series nodes. PostHog supports many more kinds (web analytics, error tracking, revenue analytics, experiments, taxonomy queries and others); those pass through unchanged as an `OtherQueryNode`: send them as an object with their `kind` and fields, and their responses come back as a `GenericQueryResponse`.
            client_query_id: Client provided query ID. Can be used to retrieve the status or cancel the query. When absent the server generates one (a UUIDv7 in hex).
            refresh: Whether results should be calculated sync or async, and how much to rely on the cache. Defaults to `blocking`.
            async_: Legacy switch, kept for old clients: `true` behaves like `refresh: async` and overrides `refresh`. Use `refresh` instead.
            filters_override: Dashboard filters (date range, property filters, breakdown) applied on top of the query before it runs.
            variables_override: Values for the query's insight variables, keyed by variable id. Each value is an object such as `{"code_name": "country", "variableId": "...", "value": "DE"}`.
            name: Name given to a query. It is used to identify the query in the UI and is recorded in the `query_log` table. Up to 128 characters.
            limit_context: The execution limits to apply. Only `posthog_ai` may be set by a client; leave it out otherwise.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
            wait_timeout: seconds to wait for the result; the job is cancelled on the server when it passes (None waits forever).
            on_progress: called with a `Progress` (rows read, bytes read, elapsed) after each poll.
        """
        return cast(
            "QueryResponse",
            await async_run_to_completion(
                self._client,
                _CREATE_WAIT,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "query": query,
                    "client_query_id": client_query_id,
                    "refresh": refresh,
                    "async": async_,
                    "filters_override": filters_override,
                    "variables_override": variables_override,
                    "name": name,
                    "limit_context": limit_context,
                },
                wait_timeout=wait_timeout,
                on_progress=on_progress,
                extra_headers=extra_headers,
            ),
        )

    async def chat(
        self,
        *,
        messages: list[QueryChatMessage] | list[dict[str, Any]],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[ServerSentEvent]:
        """Chat with the trends assistant

        Sends a conversation to PostHog's AI trends assistant, which streams
        back, as server-sent events, its reasoning and the trends query it
        builds. Each `data:` line of the `text/event-stream` body carries one
        JSON chunk (`QueryChatEvent`); the last chunk holds the final answer.

        This endpoint is listed on PostHog's docs page but was removed from
        PostHog: it is in none of the current published API schemas, and
        current servers no longer serve it (the path now only matches the query
        status route, which has no POST). It is kept here only because the docs
        page lists it. The docs page lists no request body and "No
        response body"; the body and stream modelled here are those of the
        2024 implementation. The action had no API key scope, so a personal API
        key with scopes gets 403.

        Args:
            messages: The conversation so far, oldest first; the first message is the question.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        response = await self._client.request(
            _CHAT,
            path={
                "project_id": self._client._path_default("project_id", project_id),
            },
            body={
                "messages": messages,
            },
            extra_headers={**(extra_headers or {}), "Accept": "text/event-stream"},
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            stream=True,
        )
        return aiter_events(response)

    async def draft_sql(
        self,
        *,
        prompt: str,
        current_query: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryDraftSqlResponse:
        """Draft a HogQL query from a prompt

        Asks PostHog AI to write a HogQL query from a plain-language `prompt`,
        optionally building on `current_query`. The docs page lists no
        parameters and "No response body"; the server requires `prompt` and
        returns `{"sql": "..."}`. It answers 400 with the reason under `prompt`
        when the prompt is missing, longer than 400 characters or too unclear.
        It uses PostHog's AI rate limits and needs a user: project secret keys
        are refused, and a personal API key with scopes gets 403 "This action
        does not support Personal API Key access" since the action has no scope.

        Args:
            prompt: What the query should do, in plain language.
            current_query: The HogQL query to start from, if any.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryDraftSqlResponse",
            await self._client.request(
                _DRAFT_SQL,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "prompt": prompt,
                    "current_query": current_query,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        id: str,
        *,
        show_progress: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryStatusResponse:
        """Get the status of an asynchronous query

        (Experimental) Reads the status of a query started asynchronously in an
        environment. The server answers 202 while the query runs and 200 once it
        is complete, with the query's response in `query_status.results`. When
        the query failed with an error that can be shown, it answers 400 with the
        same status body (`error: true` and `error_message`); a failure without a
        message is a 500. The docs page lists only the 200 response. An unknown
        or expired id gives 404.

        Required API key scopes: query:read.

        Args:
            id: The query's id, i.e. `query_status.id` of the 202 response, which is the `client_query_id` when one was sent.
            show_progress: Add `query_progress` (rows and bytes read so far) to the status of a running query.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryStatusResponse",
            await self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                query={
                    "show_progress": show_progress,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def cancel(
        self,
        id: str,
        *,
        dequeue_only: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> QueryCancelResponse:
        """Cancel an asynchronous query

        (Experimental) Cancels a running query in an environment: revokes its
        queued task and, unless `dequeue_only=true`, kills it on ClickHouse, then
        forgets its status. The docs page says 204 "Query cancelled"; the server
        answers 200 with a `message` saying what it did, for an unknown id too
        (so this operation has no 404). Needs only the `query:read` scope.

        Required API key scopes: query:read.

        Args:
            id: The query's id, i.e. `query_status.id` of the 202 response, which is the `client_query_id` when one was sent.
            dequeue_only: Only revoke the query's queued task; do not send a cancel to ClickHouse.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "QueryCancelResponse",
            await self._client.request(
                _CANCEL,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                query={
                    "dequeue_only": dequeue_only,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncEnvironmentsQueryResourceWithRawResponse:
    """`query` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncEnvironmentsQueryResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.draft_sql = async_to_raw_response_wrapper(resource.draft_sql)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)
