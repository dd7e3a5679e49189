"""The `persons` operations in the `environments` namespace.

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
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..models import (
    EnvironmentsPersonsPathRetrieveFormat,
    PersonPropertyValues,
    PersonsPathResponse,
    PersonsRetentionResponse,
    PersonsStickinessResponse,
)

__all__ = [
    "EnvironmentsPersonsResource",
    "AsyncEnvironmentsPersonsResource",
]

_PATH = Operation(
    "environments_persons_path_retrieve",
    "get",
    "/api/environments/{project_id}/persons/path/",
    responses={
        "200": (ResponseSpec("json", PersonsPathResponse), ResponseSpec("text")),
    },
)

_CREATE_PATH = Operation(
    "environments_persons_path_create",
    "post",
    "/api/environments/{project_id}/persons/path/",
    responses={
        "200": (ResponseSpec("json", PersonsPathResponse), ResponseSpec("text")),
    },
    idempotent=True,
)

_RETENTION = Operation(
    "environments_persons_retention_retrieve",
    "get",
    "/api/environments/{project_id}/persons/retention/",
    responses={
        "200": (ResponseSpec("json", PersonsRetentionResponse), ResponseSpec("text")),
    },
)

_STICKINESS = Operation(
    "environments_persons_stickiness_retrieve",
    "get",
    "/api/environments/{project_id}/persons/stickiness/",
    responses={
        "200": (ResponseSpec("json", PersonsStickinessResponse), ResponseSpec("text")),
    },
)

_VALUES = Operation(
    "environments_persons_values_retrieve",
    "get",
    "/api/environments/{project_id}/persons/values/",
    responses={
        "200": (ResponseSpec("json", PersonPropertyValues), ResponseSpec("text")),
    },
    scopes=("person:read",),
)


class EnvironmentsPersonsResource:
    """Actor lists behind persons insights (paths, retention, stickiness) and property values.

    Reached as `client.environments.persons`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EnvironmentsPersonsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return EnvironmentsPersonsResourceWithRawResponse(self)

    def path(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsPathResponse | str:
        """List the people of a paths insight step

        Lists the people behind a step of a paths insight (PostHog's legacy
        insight API). The paths filter is read from the query string (the fields
        of `PersonsPathFilter`, JSON-encoded where they are objects); use
        `POST persons/path/` to send it as a JSON body instead. Results are paged
        100 people at a time by `limit`/`offset`; follow `next`.

        PostHog's docs page documents no response body; the server answers with
        the `PersonsPathResponse` shape below, or CSV text with `format=csv`.
        The docs list no API key scope for this action, and PostHog's scope check
        rejects personal API keys for actions without one (403 "This action does
        not support Personal API Key access"), so expect it to work only for
        session-authenticated callers. This endpoint is absent from PostHog's
        2025 schema: newer PostHog versions may not serve it at all. The query API
        (`ActorsQuery` over a `PathsQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsPathResponse | str",
            self._client.request(
                _PATH,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def create_path(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        date_from: str | NotGiven = NOT_GIVEN,
        date_to: str | None | NotGiven = NOT_GIVEN,
        path_type: str | NotGiven = NOT_GIVEN,
        start_point: str | None | NotGiven = NOT_GIVEN,
        end_point: str | None | NotGiven = NOT_GIVEN,
        path_start_key: str | None | NotGiven = NOT_GIVEN,
        path_end_key: str | None | NotGiven = NOT_GIVEN,
        path_dropoff_key: str | None | NotGiven = NOT_GIVEN,
        properties: list[dict[str, Any]] | dict[str, Any] | NotGiven = NOT_GIVEN,
        funnel_filter: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsPathResponse | str:
        """List the people of a paths insight step from a JSON filter

        Same as `GET persons/path/`, with the paths filter sent as a JSON body
        (`PersonsPathFilter`), which suits large filters such as a
        `funnel_filter`. Nothing is created: the call only reads, so it is safe
        to retry. The body is optional; fields in the query string also apply.

        PostHog's docs page documents a body of person fields and no response
        body; the server reads the body as a paths filter and answers with
        `PersonsPathResponse`, or CSV text with `format=csv`. The docs list no API
        key scope for this action, and PostHog's scope check rejects personal API
        keys for actions without one (403), so expect it to work only for
        session-authenticated callers. This endpoint is absent from PostHog's 2025
        schema: newer PostHog versions may not serve it at all.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            date_from: Start of the date range, absolute (`2025-11-01`) or relative (`-7d`).
            date_to: End of the date range; null means now.
            path_type: Which events make up the paths, e.g. `$pageview`, `$screen` or `custom_event`.
            start_point: Only paths starting at this URL, screen or event.
            end_point: Only paths ending at this URL, screen or event.
            path_start_key: List people who started at this step (a key like `1_/pricing`).
            path_end_key: List people who reached this step (a key like `2_/signup`).
            path_dropoff_key: List people who dropped off after this step.
            properties: Property filters applied to the events, as a list or a property group.
            funnel_filter: The filter of a funnel, to list people of paths before or after a funnel step.
            limit: Number of people per page (default 100).
            offset: Index of the first person to return.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsPathResponse | str",
            self._client.request(
                _CREATE_PATH,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                body={
                    "date_from": date_from,
                    "date_to": date_to,
                    "path_type": path_type,
                    "start_point": start_point,
                    "end_point": end_point,
                    "path_start_key": path_start_key,
                    "path_end_key": path_end_key,
                    "path_dropoff_key": path_dropoff_key,
                    "properties": properties,
                    "funnel_filter": funnel_filter,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retention(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsRetentionResponse | str:
        """List the people of a retention cohort

        Lists the people of one cohort of a retention insight (PostHog's legacy
        insight API), each with the intervals in which they came back. The
        retention filter (`target_entity`, `returning_entity`, `period`,
        `date_from`, `selected_interval`, ...) is read from the query string.
        Results are paged by `limit`/`offset`; follow `next`.

        PostHog's docs page documents no response body; the server answers with
        `PersonsRetentionResponse` (note `result`, not `results`), or CSV text
        with `format=csv`. The docs list no API key scope for this action, and
        PostHog's scope check rejects personal API keys for actions without one
        (403), so expect it to work only for session-authenticated callers. This
        endpoint is absent from PostHog's 2025 schema: newer PostHog versions may
        not serve it at all. The query API (`ActorsQuery` over a
        `RetentionQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsRetentionResponse | str",
            self._client.request(
                _RETENTION,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def stickiness(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsStickinessResponse | str:
        """List the people of a stickiness insight data point

        Lists the people who performed an event on exactly `stickiness_days`
        intervals of a stickiness insight (PostHog's legacy insight API). The
        stickiness filter (`entity_id`, `entity_type`, `stickiness_days`,
        `interval`, `date_from`, `date_to`, `properties`, ...) is read from the
        query string. Results are paged 100 people at a time by `limit`/`offset`;
        follow `next`.

        PostHog's docs page documents no response body; the server answers with
        `PersonsStickinessResponse`, or CSV text with `format=csv`. The docs list
        no API key scope for this action, and PostHog's scope check rejects
        personal API keys for actions without one (403 "This action does not
        support Personal API Key access"), so expect it to work only for
        session-authenticated callers. The query API (`ActorsQuery` over a
        `StickinessQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsStickinessResponse | str",
            self._client.request(
                _STICKINESS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def values(
        self,
        *,
        key: str,
        value: str | NotGiven = NOT_GIVEN,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonPropertyValues | str:
        """List the values of a person property

        Lists the most common values of the person property `key`, with how many
        persons have each, most frequent first. `value` narrows the list to
        values containing that text.

        PostHog's docs page documents only `format` and no response body; the
        server reads `key` and `value` from the query string and answers with a
        JSON array of `{name, count}`. Without `key` (or for a `$virt...` virtual
        property) the server answers 200 with an empty array rather than an
        error; `key` is marked required here because the call is useless without
        it.

        Required API key scopes: person:read.

        Args:
            key: The person property whose values to list, e.g. `email` or `plan`.
            value: Only return values containing this text (case-insensitive).
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonPropertyValues | str",
            self._client.request(
                _VALUES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "key": key,
                    "value": value,
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class EnvironmentsPersonsResourceWithRawResponse:
    """`persons` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: EnvironmentsPersonsResource) -> None:
        self.path = to_raw_response_wrapper(resource.path)
        self.create_path = to_raw_response_wrapper(resource.create_path)
        self.retention = to_raw_response_wrapper(resource.retention)
        self.stickiness = to_raw_response_wrapper(resource.stickiness)
        self.values = to_raw_response_wrapper(resource.values)


class AsyncEnvironmentsPersonsResource:
    """Actor lists behind persons insights (paths, retention, stickiness) and property values.

    Reached as `client.environments.persons`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEnvironmentsPersonsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncEnvironmentsPersonsResourceWithRawResponse(self)

    async def path(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsPathResponse | str:
        """List the people of a paths insight step

        Lists the people behind a step of a paths insight (PostHog's legacy
        insight API). The paths filter is read from the query string (the fields
        of `PersonsPathFilter`, JSON-encoded where they are objects); use
        `POST persons/path/` to send it as a JSON body instead. Results are paged
        100 people at a time by `limit`/`offset`; follow `next`.

        PostHog's docs page documents no response body; the server answers with
        the `PersonsPathResponse` shape below, or CSV text with `format=csv`.
        The docs list no API key scope for this action, and PostHog's scope check
        rejects personal API keys for actions without one (403 "This action does
        not support Personal API Key access"), so expect it to work only for
        session-authenticated callers. This endpoint is absent from PostHog's
        2025 schema: newer PostHog versions may not serve it at all. The query API
        (`ActorsQuery` over a `PathsQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsPathResponse | str",
            await self._client.request(
                _PATH,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def create_path(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        date_from: str | NotGiven = NOT_GIVEN,
        date_to: str | None | NotGiven = NOT_GIVEN,
        path_type: str | NotGiven = NOT_GIVEN,
        start_point: str | None | NotGiven = NOT_GIVEN,
        end_point: str | None | NotGiven = NOT_GIVEN,
        path_start_key: str | None | NotGiven = NOT_GIVEN,
        path_end_key: str | None | NotGiven = NOT_GIVEN,
        path_dropoff_key: str | None | NotGiven = NOT_GIVEN,
        properties: list[dict[str, Any]] | dict[str, Any] | NotGiven = NOT_GIVEN,
        funnel_filter: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsPathResponse | str:
        """List the people of a paths insight step from a JSON filter

        Same as `GET persons/path/`, with the paths filter sent as a JSON body
        (`PersonsPathFilter`), which suits large filters such as a
        `funnel_filter`. Nothing is created: the call only reads, so it is safe
        to retry. The body is optional; fields in the query string also apply.

        PostHog's docs page documents a body of person fields and no response
        body; the server reads the body as a paths filter and answers with
        `PersonsPathResponse`, or CSV text with `format=csv`. The docs list no API
        key scope for this action, and PostHog's scope check rejects personal API
        keys for actions without one (403), so expect it to work only for
        session-authenticated callers. This endpoint is absent from PostHog's 2025
        schema: newer PostHog versions may not serve it at all.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            date_from: Start of the date range, absolute (`2025-11-01`) or relative (`-7d`).
            date_to: End of the date range; null means now.
            path_type: Which events make up the paths, e.g. `$pageview`, `$screen` or `custom_event`.
            start_point: Only paths starting at this URL, screen or event.
            end_point: Only paths ending at this URL, screen or event.
            path_start_key: List people who started at this step (a key like `1_/pricing`).
            path_end_key: List people who reached this step (a key like `2_/signup`).
            path_dropoff_key: List people who dropped off after this step.
            properties: Property filters applied to the events, as a list or a property group.
            funnel_filter: The filter of a funnel, to list people of paths before or after a funnel step.
            limit: Number of people per page (default 100).
            offset: Index of the first person to return.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsPathResponse | str",
            await self._client.request(
                _CREATE_PATH,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                body={
                    "date_from": date_from,
                    "date_to": date_to,
                    "path_type": path_type,
                    "start_point": start_point,
                    "end_point": end_point,
                    "path_start_key": path_start_key,
                    "path_end_key": path_end_key,
                    "path_dropoff_key": path_dropoff_key,
                    "properties": properties,
                    "funnel_filter": funnel_filter,
                    "limit": limit,
                    "offset": offset,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retention(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsRetentionResponse | str:
        """List the people of a retention cohort

        Lists the people of one cohort of a retention insight (PostHog's legacy
        insight API), each with the intervals in which they came back. The
        retention filter (`target_entity`, `returning_entity`, `period`,
        `date_from`, `selected_interval`, ...) is read from the query string.
        Results are paged by `limit`/`offset`; follow `next`.

        PostHog's docs page documents no response body; the server answers with
        `PersonsRetentionResponse` (note `result`, not `results`), or CSV text
        with `format=csv`. The docs list no API key scope for this action, and
        PostHog's scope check rejects personal API keys for actions without one
        (403), so expect it to work only for session-authenticated callers. This
        endpoint is absent from PostHog's 2025 schema: newer PostHog versions may
        not serve it at all. The query API (`ActorsQuery` over a
        `RetentionQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsRetentionResponse | str",
            await self._client.request(
                _RETENTION,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def stickiness(
        self,
        *,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonsStickinessResponse | str:
        """List the people of a stickiness insight data point

        Lists the people who performed an event on exactly `stickiness_days`
        intervals of a stickiness insight (PostHog's legacy insight API). The
        stickiness filter (`entity_id`, `entity_type`, `stickiness_days`,
        `interval`, `date_from`, `date_to`, `properties`, ...) is read from the
        query string. Results are paged 100 people at a time by `limit`/`offset`;
        follow `next`.

        PostHog's docs page documents no response body; the server answers with
        `PersonsStickinessResponse`, or CSV text with `format=csv`. The docs list
        no API key scope for this action, and PostHog's scope check rejects
        personal API keys for actions without one (403 "This action does not
        support Personal API Key access"), so expect it to work only for
        session-authenticated callers. The query API (`ActorsQuery` over a
        `StickinessQuery`) is its replacement.

        Args:
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonsStickinessResponse | str",
            await self._client.request(
                _STICKINESS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def values(
        self,
        *,
        key: str,
        value: str | NotGiven = NOT_GIVEN,
        format: (
            EnvironmentsPersonsPathRetrieveFormat | Literal["csv", "json"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PersonPropertyValues | str:
        """List the values of a person property

        Lists the most common values of the person property `key`, with how many
        persons have each, most frequent first. `value` narrows the list to
        values containing that text.

        PostHog's docs page documents only `format` and no response body; the
        server reads `key` and `value` from the query string and answers with a
        JSON array of `{name, count}`. Without `key` (or for a `$virt...` virtual
        property) the server answers 200 with an empty array rather than an
        error; `key` is marked required here because the call is useless without
        it.

        Required API key scopes: person:read.

        Args:
            key: The person property whose values to list, e.g. `email` or `plan`.
            value: Only return values containing this text (case-insensitive).
            format: Response format. `csv` returns the rows as CSV text instead of JSON.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "PersonPropertyValues | str",
            await self._client.request(
                _VALUES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "key": key,
                    "value": value,
                    "format": format,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncEnvironmentsPersonsResourceWithRawResponse:
    """`persons` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncEnvironmentsPersonsResource) -> None:
        self.path = async_to_raw_response_wrapper(resource.path)
        self.create_path = async_to_raw_response_wrapper(resource.create_path)
        self.retention = async_to_raw_response_wrapper(resource.retention)
        self.stickiness = async_to_raw_response_wrapper(resource.stickiness)
        self.values = async_to_raw_response_wrapper(resource.values)
