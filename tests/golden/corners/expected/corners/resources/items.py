"""The `items` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

import datetime
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
    GetItemFilter,
    Item,
    ItemClosed,
    ItemConst,
    ItemLevel,
    ItemMode,
    Node,
    Pet,
)

__all__ = [
    "ItemsResource",
    "AsyncItemsResource",
]

_GET_ITEM = Operation(
    "getItem",
    "get",
    "/items/{item-id}",
    responses={
        "2XX": (ResponseSpec("json", Item),),
    },
    query_styles={
        "ids": ("form", False),
        "filter": ("deepObject", False),
    },
)

_PUT_ITEM = Operation(
    "putItem",
    "put",
    "/items/{item-id}",
    responses={
        "204": (ResponseSpec("none"),),
    },
    body_encoding="form",
)


class ItemsResource:
    """Operations tagged items.

    Reached as `client.items`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ItemsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return ItemsResourceWithRawResponse(self)

    def get_item(
        self,
        item_id: str,
        *,
        ids: list[int] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        filter: GetItemFilter | dict[str, Any] | NotGiven = NOT_GIVEN,
        x_trace: str | NotGiven = NOT_GIVEN,
        from_: datetime.date | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Get item"""
        return cast(
            "Item",
            self._client.request(
                _GET_ITEM,
                path={
                    "item-id": item_id,
                },
                query={
                    "ids": ids,
                    "tags": tags,
                    "filter": filter,
                    "from": from_,
                },
                headers={
                    "X-Trace": x_trace,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def put_item(
        self,
        item_id: str,
        *,
        name: str,
        secret: str | NotGiven = NOT_GIVEN,
        class_: str | NotGiven = NOT_GIVEN,
        self_: int | NotGiven = NOT_GIVEN,
        model_config: bool | NotGiven = NOT_GIVEN,
        n_2fa: bool | NotGiven = NOT_GIVEN,
        name2: str | NotGiven = NOT_GIVEN,
        data: str | NotGiven = NOT_GIVEN,
        created: datetime.datetime | NotGiven = NOT_GIVEN,
        extra: dict[str, Any] | NotGiven = NOT_GIVEN,
        counts: dict[str, int] | NotGiven = NOT_GIVEN,
        closed: ItemClosed | dict[str, Any] | NotGiven = NOT_GIVEN,
        mixed: list[str | int | Pet] | NotGiven = NOT_GIVEN,
        maybe: str | None | NotGiven = NOT_GIVEN,
        level: ItemLevel | Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        mode: ItemMode | Literal["a", "A", "", "x-y", "class", "1st"] | NotGiven = NOT_GIVEN,
        const: ItemConst | Literal["fixed"] | NotGiven = NOT_GIVEN,
        tree: Node | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Put item"""
        return cast(
            "None",
            self._client.request(
                _PUT_ITEM,
                path={
                    "item-id": item_id,
                },
                body={
                    "name": name,
                    "secret": secret,
                    "class": class_,
                    "self": self_,
                    "model_config": model_config,
                    "2fa": n_2fa,
                    "Name": name2,
                    "data": data,
                    "created": created,
                    "extra": extra,
                    "counts": counts,
                    "closed": closed,
                    "mixed": mixed,
                    "maybe": maybe,
                    "level": level,
                    "mode": mode,
                    "const": const,
                    "tree": tree,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class ItemsResourceWithRawResponse:
    """`items` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: ItemsResource) -> None:
        self.get_item = to_raw_response_wrapper(resource.get_item)
        self.put_item = to_raw_response_wrapper(resource.put_item)


class AsyncItemsResource:
    """Operations tagged items.

    Reached as `client.items`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncItemsResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncItemsResourceWithRawResponse(self)

    async def get_item(
        self,
        item_id: str,
        *,
        ids: list[int] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        filter: GetItemFilter | dict[str, Any] | NotGiven = NOT_GIVEN,
        x_trace: str | NotGiven = NOT_GIVEN,
        from_: datetime.date | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Get item"""
        return cast(
            "Item",
            await self._client.request(
                _GET_ITEM,
                path={
                    "item-id": item_id,
                },
                query={
                    "ids": ids,
                    "tags": tags,
                    "filter": filter,
                    "from": from_,
                },
                headers={
                    "X-Trace": x_trace,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def put_item(
        self,
        item_id: str,
        *,
        name: str,
        secret: str | NotGiven = NOT_GIVEN,
        class_: str | NotGiven = NOT_GIVEN,
        self_: int | NotGiven = NOT_GIVEN,
        model_config: bool | NotGiven = NOT_GIVEN,
        n_2fa: bool | NotGiven = NOT_GIVEN,
        name2: str | NotGiven = NOT_GIVEN,
        data: str | NotGiven = NOT_GIVEN,
        created: datetime.datetime | NotGiven = NOT_GIVEN,
        extra: dict[str, Any] | NotGiven = NOT_GIVEN,
        counts: dict[str, int] | NotGiven = NOT_GIVEN,
        closed: ItemClosed | dict[str, Any] | NotGiven = NOT_GIVEN,
        mixed: list[str | int | Pet] | NotGiven = NOT_GIVEN,
        maybe: str | None | NotGiven = NOT_GIVEN,
        level: ItemLevel | Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        mode: ItemMode | Literal["a", "A", "", "x-y", "class", "1st"] | NotGiven = NOT_GIVEN,
        const: ItemConst | Literal["fixed"] | NotGiven = NOT_GIVEN,
        tree: Node | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Put item"""
        return cast(
            "None",
            await self._client.request(
                _PUT_ITEM,
                path={
                    "item-id": item_id,
                },
                body={
                    "name": name,
                    "secret": secret,
                    "class": class_,
                    "self": self_,
                    "model_config": model_config,
                    "2fa": n_2fa,
                    "Name": name2,
                    "data": data,
                    "created": created,
                    "extra": extra,
                    "counts": counts,
                    "closed": closed,
                    "mixed": mixed,
                    "maybe": maybe,
                    "level": level,
                    "mode": mode,
                    "const": const,
                    "tree": tree,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncItemsResourceWithRawResponse:
    """`items` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self.get_item = async_to_raw_response_wrapper(resource.get_item)
        self.put_item = async_to_raw_response_wrapper(resource.put_item)
