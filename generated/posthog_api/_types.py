"""Small types shared by the whole client."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any, Literal, TypeVar

import httpx

__all__ = [
    "NOT_GIVEN",
    "NotGiven",
    "Headers",
    "Query",
    "Body",
    "Timeout",
    "FileContent",
    "FileField",
    "not_given",
]

_T = TypeVar("_T")


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out, as opposed to `None`.

    ```py
    client.query.create(query=..., refresh=NOT_GIVEN)  # the server's default
    client.query.create(query=..., refresh=None)  # sends "refresh": null
    ```
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: Any) -> NotGiven:
        return self


NOT_GIVEN = NotGiven()


def not_given(value: object) -> bool:
    return isinstance(value, NotGiven)


def given_or(value: _T | NotGiven, default: _T) -> _T:
    return default if isinstance(value, NotGiven) else value


Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
Timeout = float | httpx.Timeout | None

#: an upload's content: bytes, or a file opened in binary mode (read when the request is
#: made, so that a retry sends it all again)
FileContent = bytes | IO[bytes]
#: a multipart part's file: its content, or (file name, content) or (file name, content,
#: content type) where the server wants a name or a type of its own
FileField = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
