"""The `session_recordings` operations in the `environments` namespace.

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
    EnvironmentsSessionRecordingsListOrder,
    EnvironmentsSessionRecordingsListOrderDirection,
    SessionRecording,
    SessionRecordingList,
    SessionRecordingUpdateResult,
    SharingConfiguration,
)

__all__ = [
    "EnvironmentsSessionRecordingsResource",
    "AsyncEnvironmentsSessionRecordingsResource",
]

_LIST = Operation(
    "environments_session_recordings_list",
    "get",
    "/api/environments/{project_id}/session_recordings/",
    responses={
        "200": (ResponseSpec("json", SessionRecordingList),),
    },
    scopes=("session_recording:read",),
)
_LIST_PAGES = PageStyle(
    "offset",
    items="results",
    count=None,
    next=None,
    has_more="has_next",
    limit="limit",
    offset="offset",
)

_RETRIEVE = Operation(
    "environments_session_recordings_retrieve",
    "get",
    "/api/environments/{project_id}/session_recordings/{id}/",
    responses={
        "200": (ResponseSpec("json", SessionRecording),),
    },
    scopes=("session_recording:read",),
)

_PARTIAL_UPDATE = Operation(
    "environments_session_recordings_partial_update",
    "patch",
    "/api/environments/{project_id}/session_recordings/{id}/",
    responses={
        "200": (ResponseSpec("json", SessionRecordingUpdateResult),),
    },
    scopes=("session_recording:write",),
    idempotent=True,
)

_DESTROY = Operation(
    "environments_session_recordings_destroy",
    "delete",
    "/api/environments/{project_id}/session_recordings/{id}/",
    responses={
        "204": (ResponseSpec("none"),),
    },
    scopes=("session_recording:write",),
)

_RETRIEVE_SHARING = Operation(
    "environments_session_recordings_sharing_list",
    "get",
    "/api/environments/{project_id}/session_recordings/{recording_id}/sharing/",
    responses={
        "200": (ResponseSpec("json", SharingConfiguration),),
    },
    scopes=("sharing_configuration:read",),
)


class EnvironmentsSessionRecordingsResource:
    """List, read, update and delete session recordings and their sharing settings.

    Reached as `client.environments.session_recordings`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EnvironmentsSessionRecordingsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return EnvironmentsSessionRecordingsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        date_from: str | NotGiven = NOT_GIVEN,
        date_to: str | NotGiven = NOT_GIVEN,
        person_uuid: str | NotGiven = NOT_GIVEN,
        order: (
            EnvironmentsSessionRecordingsListOrder
            | Literal[
                "start_time",
                "duration",
                "recording_duration",
                "active_seconds",
                "inactive_seconds",
                "console_error_count",
                "click_count",
                "keypress_count",
                "mouse_activity_count",
                "activity_score",
                "recording_ttl",
            ]
            | NotGiven
        ) = NOT_GIVEN,
        order_direction: (
            EnvironmentsSessionRecordingsListOrderDirection | Literal["ASC", "DESC"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[SessionRecording]:
        """List session recordings

        Lists the project's session recordings, newest first by default. Without
        `date_from` the server only looks at the last 3 days.

        PostHog's docs page describes a `{count, next, previous, results}`
        envelope; the server actually returns `{results, has_next, version}`,
        with no total count and no page URLs, so this document models the
        server (`SessionRecordingList`) and pages by increasing `offset` while
        `has_next` is true. Further filters of PostHog's `RecordingsQuery`
        (`session_ids`, `properties`, `events`, ...) are accepted as query
        parameters with JSON-encoded values.

        Required API key scopes: session_recording:read.

        Args:
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            date_from: Only recordings that started after this date, absolute (`2025-11-01`, `2025-11-01T00:00:00Z`) or relative (`-7d`, `-24h`).
            date_to: Only recordings that started before this date, absolute or relative; default now.
            person_uuid: Only recordings of this person.
            order: The field to sort by.
            order_direction: The sort direction.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SyncPage[SessionRecording]",
            self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "limit": limit,
                    "offset": offset,
                    "date_from": date_from,
                    "date_to": date_to,
                    "person_uuid": person_uuid,
                    "order": order,
                    "order_direction": order_direction,
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
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SessionRecording:
        """Retrieve a session recording

        Returns the metadata of one session recording, with the recorded person
        and whether the calling user and others have watched it. The snapshots
        themselves are not part of this API. A recording that does not exist,
        has expired or was deleted answers 404.

        Required API key scopes: session_recording:read.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SessionRecording",
            self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def partial_update(
        self,
        id: str,
        *,
        viewed: bool | NotGiven = NOT_GIVEN,
        analyzed: bool | NotGiven = NOT_GIVEN,
        player_metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SessionRecordingUpdateResult:
        """Mark a session recording as viewed or analyzed

        Records that the calling user viewed (`viewed: true`) or analyzed
        (`analyzed: true`) the recording. Sending neither answers 400.

        PostHog's docs page and schema describe a body of recording fields (all
        read-only) and a `SessionRecording` response; the server instead reads
        only `viewed`, `analyzed` and `player_metadata`, changes no field of the
        recording, and answers `{"success": true}`. This document models the
        server.

        Required API key scopes: session_recording:write.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            viewed: Mark the recording as viewed by the calling user.
            analyzed: Record that the calling user analyzed the recording.
            player_metadata: Details about the player session (e.g. `recording_duration`, `snapshot_source`), used only for PostHog's usage analytics.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SessionRecordingUpdateResult",
            self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "viewed": viewed,
                    "analyzed": analyzed,
                    "player_metadata": player_metadata,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def destroy(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a session recording

        Deletes a session recording. The deletion is soft: the recording is
        marked deleted and no longer listed or served, and a second delete
        answers 404.

        Required API key scopes: session_recording:write.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            self._client.request(
                _DESTROY,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def retrieve_sharing(
        self,
        recording_id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SharingConfiguration:
        """Retrieve the sharing settings of a session recording

        Returns whether the recording can be viewed through a public share link,
        the link's access token and its passwords. A recording that was never
        shared gets a default, not yet stored, configuration (`enabled` false).

        PostHog's schema declares an array of sharing configurations (hence the
        `_list` operationId); the server returns a single object, as the docs
        page's example shows, so this document models a single
        `SharingConfiguration`.

        Required API key scopes: sharing_configuration:read.

        Args:
            recording_id: The session ID of the recording.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SharingConfiguration",
            self._client.request(
                _RETRIEVE_SHARING,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "recording_id": recording_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class EnvironmentsSessionRecordingsResourceWithRawResponse:
    """`session_recordings` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: EnvironmentsSessionRecordingsResource) -> None:
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.partial_update = to_raw_response_wrapper(resource.partial_update)
        self.destroy = to_raw_response_wrapper(resource.destroy)
        self.retrieve_sharing = to_raw_response_wrapper(resource.retrieve_sharing)


class AsyncEnvironmentsSessionRecordingsResource:
    """List, read, update and delete session recordings and their sharing settings.

    Reached as `client.environments.session_recordings`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEnvironmentsSessionRecordingsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncEnvironmentsSessionRecordingsResourceWithRawResponse(self)

    async def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        date_from: str | NotGiven = NOT_GIVEN,
        date_to: str | NotGiven = NOT_GIVEN,
        person_uuid: str | NotGiven = NOT_GIVEN,
        order: (
            EnvironmentsSessionRecordingsListOrder
            | Literal[
                "start_time",
                "duration",
                "recording_duration",
                "active_seconds",
                "inactive_seconds",
                "console_error_count",
                "click_count",
                "keypress_count",
                "mouse_activity_count",
                "activity_score",
                "recording_ttl",
            ]
            | NotGiven
        ) = NOT_GIVEN,
        order_direction: (
            EnvironmentsSessionRecordingsListOrderDirection | Literal["ASC", "DESC"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[SessionRecording]:
        """List session recordings

        Lists the project's session recordings, newest first by default. Without
        `date_from` the server only looks at the last 3 days.

        PostHog's docs page describes a `{count, next, previous, results}`
        envelope; the server actually returns `{results, has_next, version}`,
        with no total count and no page URLs, so this document models the
        server (`SessionRecordingList`) and pages by increasing `offset` while
        `has_next` is true. Further filters of PostHog's `RecordingsQuery`
        (`session_ids`, `properties`, `events`, ...) are accepted as query
        parameters with JSON-encoded values.

        Required API key scopes: session_recording:read.

        Args:
            limit: Number of results to return per page.
            offset: The initial index from which to return the results.
            date_from: Only recordings that started after this date, absolute (`2025-11-01`, `2025-11-01T00:00:00Z`) or relative (`-7d`, `-24h`).
            date_to: Only recordings that started before this date, absolute or relative; default now.
            person_uuid: Only recordings of this person.
            order: The field to sort by.
            order_direction: The sort direction.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "AsyncPage[SessionRecording]",
            await self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "limit": limit,
                    "offset": offset,
                    "date_from": date_from,
                    "date_to": date_to,
                    "person_uuid": person_uuid,
                    "order": order,
                    "order_direction": order_direction,
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
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SessionRecording:
        """Retrieve a session recording

        Returns the metadata of one session recording, with the recorded person
        and whether the calling user and others have watched it. The snapshots
        themselves are not part of this API. A recording that does not exist,
        has expired or was deleted answers 404.

        Required API key scopes: session_recording:read.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SessionRecording",
            await self._client.request(
                _RETRIEVE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def partial_update(
        self,
        id: str,
        *,
        viewed: bool | NotGiven = NOT_GIVEN,
        analyzed: bool | NotGiven = NOT_GIVEN,
        player_metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SessionRecordingUpdateResult:
        """Mark a session recording as viewed or analyzed

        Records that the calling user viewed (`viewed: true`) or analyzed
        (`analyzed: true`) the recording. Sending neither answers 400.

        PostHog's docs page and schema describe a body of recording fields (all
        read-only) and a `SessionRecording` response; the server instead reads
        only `viewed`, `analyzed` and `player_metadata`, changes no field of the
        recording, and answers `{"success": true}`. This document models the
        server.

        Required API key scopes: session_recording:write.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            viewed: Mark the recording as viewed by the calling user.
            analyzed: Record that the calling user analyzed the recording.
            player_metadata: Details about the player session (e.g. `recording_duration`, `snapshot_source`), used only for PostHog's usage analytics.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SessionRecordingUpdateResult",
            await self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "viewed": viewed,
                    "analyzed": analyzed,
                    "player_metadata": player_metadata,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def destroy(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a session recording

        Deletes a session recording. The deletion is soft: the recording is
        marked deleted and no longer listed or served, and a second delete
        answers 404.

        Required API key scopes: session_recording:write.

        Args:
            id: A UUID string identifying this session recording (its session ID).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            await self._client.request(
                _DESTROY,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def retrieve_sharing(
        self,
        recording_id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SharingConfiguration:
        """Retrieve the sharing settings of a session recording

        Returns whether the recording can be viewed through a public share link,
        the link's access token and its passwords. A recording that was never
        shared gets a default, not yet stored, configuration (`enabled` false).

        PostHog's schema declares an array of sharing configurations (hence the
        `_list` operationId); the server returns a single object, as the docs
        page's example shows, so this document models a single
        `SharingConfiguration`.

        Required API key scopes: sharing_configuration:read.

        Args:
            recording_id: The session ID of the recording.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SharingConfiguration",
            await self._client.request(
                _RETRIEVE_SHARING,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "recording_id": recording_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncEnvironmentsSessionRecordingsResourceWithRawResponse:
    """`session_recordings` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncEnvironmentsSessionRecordingsResource) -> None:
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.partial_update = async_to_raw_response_wrapper(resource.partial_update)
        self.destroy = async_to_raw_response_wrapper(resource.destroy)
        self.retrieve_sharing = async_to_raw_response_wrapper(resource.retrieve_sharing)
