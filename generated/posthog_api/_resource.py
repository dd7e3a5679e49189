"""The bases of the generated resource classes, and the wrappers behind
`with_raw_response` and `with_streaming_response`."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._base_client import RAW_RESPONSE_HEADER, STREAM_RESPONSE, APIResponse
from ._exceptions import SDKError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncAPIResource",
    "AsyncStreamedAPIResponse",
    "AsyncStreamedResponseContext",
    "StreamedAPIResponse",
    "StreamedResponseContext",
    "SyncAPIResource",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class SyncAPIResource:
    """A group of operations (one tag of the API document), reached as `client.<name>`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """A group of operations (one tag of the API document), reached as `client.<name>`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def _raw_headers(kwargs: Mapping[str, object], mode: str = "true") -> dict[str, str]:
    headers = dict(cast("Mapping[str, str]", kwargs.get("extra_headers") or {}))
    headers[RAW_RESPONSE_HEADER] = mode
    return headers


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """Wrap a resource method so that it returns the `APIResponse` rather than the parsed value."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        kwargs["extra_headers"] = _raw_headers(kwargs)
        return cast("APIResponse[_R]", func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[APIResponse[_R]]]:
    """The async twin of `to_raw_response_wrapper`."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        kwargs["extra_headers"] = _raw_headers(kwargs)
        return cast("APIResponse[_R]", await func(*args, **kwargs))

    return wrapped


# -- streaming responses ------------------------------------------------------------------
#
# `with client.x.with_streaming_response.y(...) as response:` sends the request when the
# block is entered and gives the response before its body is read: the caller streams it
# (iter_bytes, iter_lines) or parses it; the connection is released when the block ends.
# Long-running operations (`run`) read the bodies of their polls to do their work, so
# theirs is already there; the same methods work on it.


def _consumed() -> SDKError:
    return SDKError(
        "the body was already streamed (iter_bytes, iter_text or iter_lines) and not kept: "
        "call read() or parse() before iterating to have it whole"
    )


class StreamedAPIResponse(Generic[_R]):
    """A response whose body is read only when asked for."""

    def __init__(self, raw: APIResponse[_R]) -> None:
        self._raw = raw
        self.http_response: httpx.Response = raw.http_response
        self.retries_taken = raw.retries_taken

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def read(self) -> bytes:
        """The whole body (read now if it was not yet)."""
        try:
            return self.http_response.read()
        except httpx.StreamConsumed:
            raise _consumed() from None

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def parse(self) -> _R:
        """The value the plain method would have returned (the body is read first)."""
        self.read()
        return self._raw.parse()

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedAPIResponse(Generic[_R]):
    """The async twin of `StreamedAPIResponse`."""

    def __init__(self, raw: APIResponse[_R]) -> None:
        self._raw = raw
        self.http_response: httpx.Response = raw.http_response
        self.retries_taken = raw.retries_taken

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    async def read(self) -> bytes:
        """The whole body (read now if it was not yet)."""
        try:
            return await self.http_response.aread()
        except httpx.StreamConsumed:
            raise _consumed() from None

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def parse(self) -> _R:
        """The value the plain method would have returned (the body is read first)."""
        await self.read()
        return self._raw.parse()

    async def close(self) -> None:
        await self.http_response.aclose()


class StreamedResponseContext(Generic[_R]):
    """`with ... as response:` sends the request on entry and closes the response on exit."""

    def __init__(self, send: Callable[[], Any]) -> None:
        self._send = send
        self._response: StreamedAPIResponse[_R] | None = None

    def __enter__(self) -> StreamedAPIResponse[_R]:
        self._response = StreamedAPIResponse(self._send())
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncStreamedResponseContext(Generic[_R]):
    """`async with ... as response:` sends the request on entry and closes it on exit."""

    def __init__(self, send: Callable[[], Awaitable[Any]]) -> None:
        self._send = send
        self._response: AsyncStreamedAPIResponse[_R] | None = None

    async def __aenter__(self) -> AsyncStreamedAPIResponse[_R]:
        self._response = AsyncStreamedAPIResponse(await self._send())
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def to_streamed_response_wrapper(
    func: Callable[_P, _R],
) -> Callable[_P, StreamedResponseContext[_R]]:
    """Wrap a resource method so that it gives a context manager over the unread response."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> StreamedResponseContext[_R]:
        kwargs["extra_headers"] = _raw_headers(kwargs, STREAM_RESPONSE)
        return StreamedResponseContext(functools.partial(func, *args, **kwargs))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncStreamedResponseContext[_R]]:
    """The async twin of `to_streamed_response_wrapper`."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncStreamedResponseContext[_R]:
        kwargs["extra_headers"] = _raw_headers(kwargs, STREAM_RESPONSE)
        return AsyncStreamedResponseContext(functools.partial(func, *args, **kwargs))

    return wrapped
