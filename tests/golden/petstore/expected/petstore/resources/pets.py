"""The `pets` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Literal, cast

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
    Pet,
    Pets,
    Status,
)

__all__ = [
    "PetsResource",
    "AsyncPetsResource",
]

_LIST = Operation(
    "pets_list",
    "get",
    "/pets/",
    responses={
        "200": (ResponseSpec("json", Pets),),
    },
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
    "pets_create",
    "post",
    "/pets/",
    responses={
        "201": (ResponseSpec("json", Pet),),
    },
)

_RETRIEVE = Operation(
    "pets_retrieve",
    "get",
    "/pets/{petId}/",
    responses={
        "200": (ResponseSpec("json", Pet),),
    },
)

_DESTROY = Operation(
    "pets_destroy",
    "delete",
    "/pets/{petId}/",
    responses={
        "204": (ResponseSpec("none"),),
    },
)


class PetsResource:
    """Everything about pets.

    Reached as `client.pets`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> PetsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return PetsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Status | Literal["available", "pending", "sold"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Pet]:
        """List pets"""
        return cast(
            "SyncPage[Pet]",
            self._client.request_page(
                _LIST,
                _LIST_PAGES,
                query={
                    "limit": limit,
                    "offset": offset,
                    "status": status,
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
        tag: str | None | NotGiven = NOT_GIVEN,
        status: Status | Literal["available", "pending", "sold"] | NotGiven = NOT_GIVEN,
        born: datetime.datetime | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Create a pet

        Args:
            name: The pet's "name" \\ with quotes
        """
        return cast(
            "Pet",
            self._client.request(
                _CREATE,
                body={
                    "name": name,
                    "tag": tag,
                    "status": status,
                    "born": born,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Get a pet"""
        return cast(
            "Pet",
            self._client.request(
                _RETRIEVE,
                path={
                    "petId": pet_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def destroy(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a pet"""
        return cast(
            "None",
            self._client.request(
                _DESTROY,
                path={
                    "petId": pet_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class PetsResourceWithRawResponse:
    """`pets` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: PetsResource) -> None:
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.destroy = to_raw_response_wrapper(resource.destroy)


class AsyncPetsResource:
    """Everything about pets.

    Reached as `client.pets`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncPetsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncPetsResourceWithRawResponse(self)

    async def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Status | Literal["available", "pending", "sold"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[Pet]:
        """List pets"""
        return cast(
            "AsyncPage[Pet]",
            await self._client.request_page(
                _LIST,
                _LIST_PAGES,
                query={
                    "limit": limit,
                    "offset": offset,
                    "status": status,
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
        tag: str | None | NotGiven = NOT_GIVEN,
        status: Status | Literal["available", "pending", "sold"] | NotGiven = NOT_GIVEN,
        born: datetime.datetime | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Create a pet

        Args:
            name: The pet's "name" \\ with quotes
        """
        return cast(
            "Pet",
            await self._client.request(
                _CREATE,
                body={
                    "name": name,
                    "tag": tag,
                    "status": status,
                    "born": born,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Get a pet"""
        return cast(
            "Pet",
            await self._client.request(
                _RETRIEVE,
                path={
                    "petId": pet_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def destroy(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a pet"""
        return cast(
            "None",
            await self._client.request(
                _DESTROY,
                path={
                    "petId": pet_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncPetsResourceWithRawResponse:
    """`pets` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.destroy = async_to_raw_response_wrapper(resource.destroy)
