"""The `files` operations.

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
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query

__all__ = [
    "FilesResource",
    "AsyncFilesResource",
]

_UPLOAD = Operation(
    "upload",
    "post",
    "/upload",
    responses={
        "200": (ResponseSpec("text"),),
    },
    body_encoding="multipart",
)

_RAW = Operation(
    "raw",
    "post",
    "/raw",
    responses={
        "200": (ResponseSpec("binary"),),
    },
    body_encoding="binary",
)


class FilesResource:
    """Operations tagged files.

    Reached as `client.files`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> FilesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return FilesResourceWithRawResponse(self)

    def upload(
        self,
        *,
        file: bytes | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """Upload"""
        return cast(
            "str",
            self._client.request(
                _UPLOAD,
                body={
                    "file": file,
                    "note": note,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def raw(
        self,
        *,
        body: bytes | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Raw"""
        return cast(
            "bytes",
            self._client.request(
                _RAW,
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class FilesResourceWithRawResponse:
    """`files` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: FilesResource) -> None:
        self.upload = to_raw_response_wrapper(resource.upload)
        self.raw = to_raw_response_wrapper(resource.raw)


class AsyncFilesResource:
    """Operations tagged files.

    Reached as `client.files`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncFilesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncFilesResourceWithRawResponse(self)

    async def upload(
        self,
        *,
        file: bytes | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """Upload"""
        return cast(
            "str",
            await self._client.request(
                _UPLOAD,
                body={
                    "file": file,
                    "note": note,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def raw(
        self,
        *,
        body: bytes | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Raw"""
        return cast(
            "bytes",
            await self._client.request(
                _RAW,
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncFilesResourceWithRawResponse:
    """`files` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncFilesResource) -> None:
        self.upload = async_to_raw_response_wrapper(resource.upload)
        self.raw = async_to_raw_response_wrapper(resource.raw)
