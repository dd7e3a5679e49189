"""The `pets` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from functools import cached_property
from typing import cast

import httpx

from .._base_client import (
    AsyncAPIClient,
    Operation,
    ResponseSpec,
    SyncAPIClient,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query
from ..models import (
    Pet,
)

__all__ = [
    "PetsResource",
    "AsyncPetsResource",
]

_LIST_PETS = Operation(
    "listPets",
    "get",
    "/pets",
    responses={
        "200": (ResponseSpec("json", list[Pet]),),
    },
)


class PetsResource:
    """Operations tagged pets.

    Reached as `client.pets`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> PetsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return PetsResourceWithRawResponse(self)

    def list_pets(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """List pets"""
        return cast(
            "list[Pet]",
            self._client.request(
                _LIST_PETS,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class PetsResourceWithRawResponse:
    """`pets` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: PetsResource) -> None:
        self.list_pets = to_raw_response_wrapper(resource.list_pets)


class AsyncPetsResource:
    """Operations tagged pets.

    Reached as `client.pets`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncPetsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncPetsResourceWithRawResponse(self)

    async def list_pets(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """List pets"""
        return cast(
            "list[Pet]",
            await self._client.request(
                _LIST_PETS,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncPetsResourceWithRawResponse:
    """`pets` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.list_pets = async_to_raw_response_wrapper(resource.list_pets)
