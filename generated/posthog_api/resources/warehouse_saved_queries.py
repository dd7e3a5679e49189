"""The `warehouse_saved_queries` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, cast

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
    DataWarehouseSavedQuery,
    DataWarehouseSavedQueryDefinition,
    DataWarehouseSavedQueryMinimal,
    PaginatedDataWarehouseSavedQueryMinimalList,
)

__all__ = [
    "WarehouseSavedQueriesResource",
    "AsyncWarehouseSavedQueriesResource",
]

_LIST = Operation(
    "warehouse_saved_queries_list",
    "get",
    "/api/projects/{project_id}/warehouse_saved_queries/",
    responses={
        "200": (ResponseSpec("json", PaginatedDataWarehouseSavedQueryMinimalList),),
    },
    scopes=("warehouse_view:read",),
)
_LIST_PAGES = PageStyle(
    "page",
    items="results",
    count="count",
    next="next",
    has_more=None,
    page="page",
)

_CREATE = Operation(
    "warehouse_saved_queries_create",
    "post",
    "/api/projects/{project_id}/warehouse_saved_queries/",
    responses={
        "201": (ResponseSpec("json", DataWarehouseSavedQuery),),
    },
    scopes=("warehouse_view:write",),
)

_RETRIEVE = Operation(
    "warehouse_saved_queries_retrieve",
    "get",
    "/api/projects/{project_id}/warehouse_saved_queries/{id}/",
    responses={
        "200": (ResponseSpec("json", DataWarehouseSavedQuery),),
    },
    scopes=("warehouse_view:read",),
)

_PARTIAL_UPDATE = Operation(
    "warehouse_saved_queries_partial_update",
    "patch",
    "/api/projects/{project_id}/warehouse_saved_queries/{id}/",
    responses={
        "200": (ResponseSpec("json", DataWarehouseSavedQuery),),
    },
    scopes=("warehouse_view:write",),
)


class WarehouseSavedQueriesResource:
    """Data warehouse views defined by a saved HogQL query.

    Reached as `client.warehouse_saved_queries`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WarehouseSavedQueriesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return WarehouseSavedQueriesResourceWithRawResponse(self)

    def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        search: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[DataWarehouseSavedQueryMinimal]:
        """List warehouse views

        List the project's data warehouse views (saved queries), a page at a
        time, optionally filtered by a search term.

        List items leave out the query definition to keep pages small; retrieve
        a view by id to read its `query`. (PostHog's docs page shows full views
        in the example, but the server uses a lighter serializer for lists.)

        Required API key scopes: warehouse_view:read.

        Args:
            page: A page number within the paginated result set.
            search: A search term.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SyncPage[DataWarehouseSavedQueryMinimal]",
            self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "page": page,
                    "search": search,
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
        deleted: bool | None | NotGiven = NOT_GIVEN,
        query: DataWarehouseSavedQueryDefinition | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        folder_id: str | None | NotGiven = NOT_GIVEN,
        edited_history_id: str | None | NotGiven = NOT_GIVEN,
        soft_update: bool | None | NotGiven = NOT_GIVEN,
        dag_id: str | None | NotGiven = NOT_GIVEN,
        is_test: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DataWarehouseSavedQuery:
        """Create a warehouse view

        Create a data warehouse view from a HogQL query, e.g.
        `{"name": "daily_signups", "query": {"kind": "HogQLQuery", "query": "SELECT ..."}}`.
        The view can then be queried as a table by its `name`. Columns are inferred from the query;
        a query that cannot be typed is rejected with 400 unless `soft_update`
        is true (for saving drafts).

        Required API key scopes: warehouse_view:write.

        Args:
            name: Unique name of the view. It is the table name in HogQL queries and the node name in the data modeling DAG.
            deleted: Whether the view is deleted. Set it to true to soft-delete the view.
            query: The HogQL query that defines the view, as `{"kind": "HogQLQuery", "query": "<SQL>"}`. Columns are inferred from it on save unless `soft_update` is true.
            folder_id: Optional folder used to organize the view in the SQL editor sidebar.
            edited_history_id: Activity log id of the last edit the client has seen (the `latest_history_id` it read), used for conflict detection. An update that changes `query` without `soft_update` fails with 400 ("The query was modified by someone else.") unless it matches the latest edit.
            soft_update: If true, skip column inference and validation (for saving drafts).
            dag_id: Optional data modeling DAG to place the view into.
            is_test: Whether the view is for testing only and will expire automatically.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
            self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "deleted": deleted,
                    "name": name,
                    "query": query,
                    "folder_id": folder_id,
                    "edited_history_id": edited_history_id,
                    "soft_update": soft_update,
                    "dag_id": dag_id,
                    "is_test": is_test,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
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
    ) -> DataWarehouseSavedQuery:
        """Get a warehouse view

        Retrieve a data warehouse view by id, including its query definition and the `latest_history_id` to send back when updating the query.

        Required API key scopes: warehouse_view:read.

        Args:
            id: A UUID string identifying this data warehouse saved query.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
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
        deleted: bool | None | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        query: DataWarehouseSavedQueryDefinition | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        folder_id: str | None | NotGiven = NOT_GIVEN,
        edited_history_id: str | None | NotGiven = NOT_GIVEN,
        soft_update: bool | None | NotGiven = NOT_GIVEN,
        dag_id: str | None | NotGiven = NOT_GIVEN,
        is_test: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DataWarehouseSavedQuery:
        """Update a warehouse view

        Change some fields of a data warehouse view. Changing `query` re-infers
        the columns and marks a materialized view `Modified`; it also needs
        `edited_history_id` set to the `latest_history_id` last read (unless
        `soft_update` is true), otherwise the server answers 400 "The query was
        modified by someone else." Views of a managed viewset cannot be updated.

        Required API key scopes: warehouse_view:write.

        Args:
            id: A UUID string identifying this data warehouse saved query.
            deleted: Set to true to soft-delete the view.
            name: Unique name of the view. It is the table name in HogQL queries.
            query: The HogQL query that defines the view, as `{"kind": "HogQLQuery", "query": "<SQL>"}`.
            folder_id: Folder used to organize the view in the SQL editor sidebar.
            edited_history_id: Activity log id of the last edit the client has seen, for conflict detection.
            soft_update: If true, skip column inference and validation (for saving drafts).
            dag_id: Data modeling DAG to place the view into.
            is_test: Whether the view is for testing only and will expire automatically.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
            self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "deleted": deleted,
                    "name": name,
                    "query": query,
                    "folder_id": folder_id,
                    "edited_history_id": edited_history_id,
                    "soft_update": soft_update,
                    "dag_id": dag_id,
                    "is_test": is_test,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class WarehouseSavedQueriesResourceWithRawResponse:
    """`warehouse_saved_queries` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: WarehouseSavedQueriesResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.partial_update = to_raw_response_wrapper(resource.partial_update)


class AsyncWarehouseSavedQueriesResource:
    """Data warehouse views defined by a saved HogQL query.

    Reached as `client.warehouse_saved_queries`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncWarehouseSavedQueriesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncWarehouseSavedQueriesResourceWithRawResponse(self)

    async def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        search: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[DataWarehouseSavedQueryMinimal]:
        """List warehouse views

        List the project's data warehouse views (saved queries), a page at a
        time, optionally filtered by a search term.

        List items leave out the query definition to keep pages small; retrieve
        a view by id to read its `query`. (PostHog's docs page shows full views
        in the example, but the server uses a lighter serializer for lists.)

        Required API key scopes: warehouse_view:read.

        Args:
            page: A page number within the paginated result set.
            search: A search term.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "AsyncPage[DataWarehouseSavedQueryMinimal]",
            await self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "page": page,
                    "search": search,
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
        deleted: bool | None | NotGiven = NOT_GIVEN,
        query: DataWarehouseSavedQueryDefinition | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        folder_id: str | None | NotGiven = NOT_GIVEN,
        edited_history_id: str | None | NotGiven = NOT_GIVEN,
        soft_update: bool | None | NotGiven = NOT_GIVEN,
        dag_id: str | None | NotGiven = NOT_GIVEN,
        is_test: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DataWarehouseSavedQuery:
        """Create a warehouse view

        Create a data warehouse view from a HogQL query, e.g.
        `{"name": "daily_signups", "query": {"kind": "HogQLQuery", "query": "SELECT ..."}}`.
        The view can then be queried as a table by its `name`. Columns are inferred from the query;
        a query that cannot be typed is rejected with 400 unless `soft_update`
        is true (for saving drafts).

        Required API key scopes: warehouse_view:write.

        Args:
            name: Unique name of the view. It is the table name in HogQL queries and the node name in the data modeling DAG.
            deleted: Whether the view is deleted. Set it to true to soft-delete the view.
            query: The HogQL query that defines the view, as `{"kind": "HogQLQuery", "query": "<SQL>"}`. Columns are inferred from it on save unless `soft_update` is true.
            folder_id: Optional folder used to organize the view in the SQL editor sidebar.
            edited_history_id: Activity log id of the last edit the client has seen (the `latest_history_id` it read), used for conflict detection. An update that changes `query` without `soft_update` fails with 400 ("The query was modified by someone else.") unless it matches the latest edit.
            soft_update: If true, skip column inference and validation (for saving drafts).
            dag_id: Optional data modeling DAG to place the view into.
            is_test: Whether the view is for testing only and will expire automatically.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
            await self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "deleted": deleted,
                    "name": name,
                    "query": query,
                    "folder_id": folder_id,
                    "edited_history_id": edited_history_id,
                    "soft_update": soft_update,
                    "dag_id": dag_id,
                    "is_test": is_test,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
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
    ) -> DataWarehouseSavedQuery:
        """Get a warehouse view

        Retrieve a data warehouse view by id, including its query definition and the `latest_history_id` to send back when updating the query.

        Required API key scopes: warehouse_view:read.

        Args:
            id: A UUID string identifying this data warehouse saved query.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
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
        deleted: bool | None | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        query: DataWarehouseSavedQueryDefinition | dict[str, Any] | None | NotGiven = NOT_GIVEN,
        folder_id: str | None | NotGiven = NOT_GIVEN,
        edited_history_id: str | None | NotGiven = NOT_GIVEN,
        soft_update: bool | None | NotGiven = NOT_GIVEN,
        dag_id: str | None | NotGiven = NOT_GIVEN,
        is_test: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DataWarehouseSavedQuery:
        """Update a warehouse view

        Change some fields of a data warehouse view. Changing `query` re-infers
        the columns and marks a materialized view `Modified`; it also needs
        `edited_history_id` set to the `latest_history_id` last read (unless
        `soft_update` is true), otherwise the server answers 400 "The query was
        modified by someone else." Views of a managed viewset cannot be updated.

        Required API key scopes: warehouse_view:write.

        Args:
            id: A UUID string identifying this data warehouse saved query.
            deleted: Set to true to soft-delete the view.
            name: Unique name of the view. It is the table name in HogQL queries.
            query: The HogQL query that defines the view, as `{"kind": "HogQLQuery", "query": "<SQL>"}`.
            folder_id: Folder used to organize the view in the SQL editor sidebar.
            edited_history_id: Activity log id of the last edit the client has seen, for conflict detection.
            soft_update: If true, skip column inference and validation (for saving drafts).
            dag_id: Data modeling DAG to place the view into.
            is_test: Whether the view is for testing only and will expire automatically.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "DataWarehouseSavedQuery",
            await self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "deleted": deleted,
                    "name": name,
                    "query": query,
                    "folder_id": folder_id,
                    "edited_history_id": edited_history_id,
                    "soft_update": soft_update,
                    "dag_id": dag_id,
                    "is_test": is_test,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncWarehouseSavedQueriesResourceWithRawResponse:
    """`warehouse_saved_queries` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncWarehouseSavedQueriesResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.partial_update = async_to_raw_response_wrapper(resource.partial_update)
