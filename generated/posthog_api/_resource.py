"""The bases of the generated resource classes, and the raw-response wrappers."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from ._base_client import RAW_RESPONSE_HEADER, APIResponse

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncAPIResource",
    "SyncAPIResource",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
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


def _raw_headers(kwargs: Mapping[str, object]) -> dict[str, str]:
    headers = dict(cast("Mapping[str, str]", kwargs.get("extra_headers") or {}))
    headers[RAW_RESPONSE_HEADER] = "true"
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
