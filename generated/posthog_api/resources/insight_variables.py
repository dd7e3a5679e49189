"""The `insight_variables` operations.

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
    InsightVariable,
    InsightVariableTypeEnum,
    PaginatedInsightVariableList,
)

__all__ = [
    "InsightVariablesResource",
    "AsyncInsightVariablesResource",
]

_LIST = Operation(
    "insight_variables_list",
    "get",
    "/api/projects/{project_id}/insight_variables/",
    responses={
        "200": (ResponseSpec("json", PaginatedInsightVariableList),),
    },
    scopes=("insight_variable:read",),
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
    "insight_variables_create",
    "post",
    "/api/projects/{project_id}/insight_variables/",
    responses={
        "201": (ResponseSpec("json", InsightVariable),),
    },
    scopes=("insight_variable:write",),
)

_RETRIEVE = Operation(
    "insight_variables_retrieve",
    "get",
    "/api/projects/{project_id}/insight_variables/{id}/",
    responses={
        "200": (ResponseSpec("json", InsightVariable),),
    },
    scopes=("insight_variable:read",),
)

_PARTIAL_UPDATE = Operation(
    "insight_variables_partial_update",
    "patch",
    "/api/projects/{project_id}/insight_variables/{id}/",
    responses={
        "200": (ResponseSpec("json", InsightVariable),),
    },
    scopes=("insight_variable:write",),
    idempotent=True,
)

_DESTROY = Operation(
    "insight_variables_destroy",
    "delete",
    "/api/projects/{project_id}/insight_variables/{id}/",
    responses={
        "204": (ResponseSpec("none"),),
    },
    scopes=("insight_variable:write",),
)


class InsightVariablesResource:
    """Variables that HogQL queries and insights reference as {variables.code_name}.

    Reached as `client.insight_variables`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> InsightVariablesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return InsightVariablesResourceWithRawResponse(self)

    def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[InsightVariable]:
        """List insight variables

        Lists the project's insight variables, up to 500 per page (page-number
        pagination; follow `next`). A page number past the last page answers
        404.

        Required API key scopes: insight_variable:read.

        Args:
            page: A page number within the paginated result set.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "SyncPage[InsightVariable]",
            self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "page": page,
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
        type: InsightVariableTypeEnum | Literal["String", "Number", "Boolean", "List", "Date"],
        default_value: Any | NotGiven = NOT_GIVEN,
        values: Any | NotGiven = NOT_GIVEN,
        is_multi: bool | NotGiven = NOT_GIVEN,
        values_query: str | None | NotGiven = NOT_GIVEN,
        values_query_connection_id: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> InsightVariable:
        """Create an insight variable

        Creates an insight variable. The server derives its `code_name` from
        `name` and answers 400 when another variable of the project already has
        that code name.

        Required API key scopes: insight_variable:write.

        Args:
            name: Human-readable name of the variable. Its `code_name` is derived from it and must be unique in the project.
            type: The type of an insight variable, which controls how its value is rendered and substituted in HogQL.
            default_value: The value used when a query references the variable without overriding it. Any JSON value, or null.
            values: The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types.
            is_multi: Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions.
            values_query: A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions.
            values_query_connection_id: ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
            self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "name": name,
                    "type": type,
                    "default_value": default_value,
                    "values": values,
                    "is_multi": is_multi,
                    "values_query": values_query,
                    "values_query_connection_id": values_query_connection_id,
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
    ) -> InsightVariable:
        """Retrieve an insight variable

        Returns one insight variable of the project.

        Required API key scopes: insight_variable:read.

        Args:
            id: A UUID string identifying this insight variable.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
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
        name: str | NotGiven = NOT_GIVEN,
        type: (
            InsightVariableTypeEnum
            | Literal["String", "Number", "Boolean", "List", "Date"]
            | NotGiven
        ) = NOT_GIVEN,
        default_value: Any | NotGiven = NOT_GIVEN,
        values: Any | NotGiven = NOT_GIVEN,
        is_multi: bool | NotGiven = NOT_GIVEN,
        values_query: str | None | NotGiven = NOT_GIVEN,
        values_query_connection_id: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> InsightVariable:
        """Update an insight variable

        Changes some fields of an insight variable; fields not sent keep their
        values. The `code_name` is not regenerated when `name` changes, so
        queries that reference the variable keep working.

        Required API key scopes: insight_variable:write.

        Args:
            id: A UUID string identifying this insight variable.
            name: Human-readable name of the variable.
            type: The type of an insight variable, which controls how its value is rendered and substituted in HogQL.
            default_value: The value used when a query references the variable without overriding it. Any JSON value, or null.
            values: The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types.
            is_multi: Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions.
            values_query: A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions.
            values_query_connection_id: ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
            self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "name": name,
                    "type": type,
                    "default_value": default_value,
                    "values": values,
                    "is_multi": is_multi,
                    "values_query": values_query,
                    "values_query_connection_id": values_query_connection_id,
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
        """Delete an insight variable

        Deletes an insight variable. Queries that still reference it as
        `{variables.code_name}` fail until the reference is removed.

        Required API key scopes: insight_variable:write.

        Args:
            id: A UUID string identifying this insight variable.
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


class InsightVariablesResourceWithRawResponse:
    """`insight_variables` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: InsightVariablesResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.partial_update = to_raw_response_wrapper(resource.partial_update)
        self.destroy = to_raw_response_wrapper(resource.destroy)


class AsyncInsightVariablesResource:
    """Variables that HogQL queries and insights reference as {variables.code_name}.

    Reached as `client.insight_variables`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncInsightVariablesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncInsightVariablesResourceWithRawResponse(self)

    async def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[InsightVariable]:
        """List insight variables

        Lists the project's insight variables, up to 500 per page (page-number
        pagination; follow `next`). A page number past the last page answers
        404.

        Required API key scopes: insight_variable:read.

        Args:
            page: A page number within the paginated result set.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "AsyncPage[InsightVariable]",
            await self._client.request_page(
                _LIST,
                _LIST_PAGES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                query={
                    "page": page,
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
        type: InsightVariableTypeEnum | Literal["String", "Number", "Boolean", "List", "Date"],
        default_value: Any | NotGiven = NOT_GIVEN,
        values: Any | NotGiven = NOT_GIVEN,
        is_multi: bool | NotGiven = NOT_GIVEN,
        values_query: str | None | NotGiven = NOT_GIVEN,
        values_query_connection_id: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> InsightVariable:
        """Create an insight variable

        Creates an insight variable. The server derives its `code_name` from
        `name` and answers 400 when another variable of the project already has
        that code name.

        Required API key scopes: insight_variable:write.

        Args:
            name: Human-readable name of the variable. Its `code_name` is derived from it and must be unique in the project.
            type: The type of an insight variable, which controls how its value is rendered and substituted in HogQL.
            default_value: The value used when a query references the variable without overriding it. Any JSON value, or null.
            values: The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types.
            is_multi: Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions.
            values_query: A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions.
            values_query_connection_id: ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
            await self._client.request(
                _CREATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "name": name,
                    "type": type,
                    "default_value": default_value,
                    "values": values,
                    "is_multi": is_multi,
                    "values_query": values_query,
                    "values_query_connection_id": values_query_connection_id,
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
    ) -> InsightVariable:
        """Retrieve an insight variable

        Returns one insight variable of the project.

        Required API key scopes: insight_variable:read.

        Args:
            id: A UUID string identifying this insight variable.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
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
        name: str | NotGiven = NOT_GIVEN,
        type: (
            InsightVariableTypeEnum
            | Literal["String", "Number", "Boolean", "List", "Date"]
            | NotGiven
        ) = NOT_GIVEN,
        default_value: Any | NotGiven = NOT_GIVEN,
        values: Any | NotGiven = NOT_GIVEN,
        is_multi: bool | NotGiven = NOT_GIVEN,
        values_query: str | None | NotGiven = NOT_GIVEN,
        values_query_connection_id: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> InsightVariable:
        """Update an insight variable

        Changes some fields of an insight variable; fields not sent keep their
        values. The `code_name` is not regenerated when `name` changes, so
        queries that reference the variable keep working.

        Required API key scopes: insight_variable:write.

        Args:
            id: A UUID string identifying this insight variable.
            name: Human-readable name of the variable.
            type: The type of an insight variable, which controls how its value is rendered and substituted in HogQL.
            default_value: The value used when a query references the variable without overriding it. Any JSON value, or null.
            values: The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types.
            is_multi: Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions.
            values_query: A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions.
            values_query_connection_id: ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "InsightVariable",
            await self._client.request(
                _PARTIAL_UPDATE,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "name": name,
                    "type": type,
                    "default_value": default_value,
                    "values": values,
                    "is_multi": is_multi,
                    "values_query": values_query,
                    "values_query_connection_id": values_query_connection_id,
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
        """Delete an insight variable

        Deletes an insight variable. Queries that still reference it as
        `{variables.code_name}` fail until the reference is removed.

        Required API key scopes: insight_variable:write.

        Args:
            id: A UUID string identifying this insight variable.
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


class AsyncInsightVariablesResourceWithRawResponse:
    """`insight_variables` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncInsightVariablesResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.partial_update = async_to_raw_response_wrapper(resource.partial_update)
        self.destroy = async_to_raw_response_wrapper(resource.destroy)
