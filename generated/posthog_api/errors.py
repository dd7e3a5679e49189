"""Every error the client raises, one class per kind of failure.

All of them derive from `PostHogError`. Errors that come from an HTTP
response carry PostHog's error body: `type`, `code`, `detail` and `attr`, and
the response itself. None of them ever contains the API key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

__all__ = [
    "PostHogError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "QuotaExceededError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ResponseValidationError",
    "ConfigurationError",
    "LongRunningError",
    "LongRunningTimeoutError",
]


class PostHogError(Exception):
    """The base of every error raised by this package."""


class ConfigurationError(PostHogError):
    """The client is missing a setting it needs (an API key, a project id, ...)."""


class APIError(PostHogError):
    """A request failed: at the network level, or with an error response."""

    message: str
    request: httpx.Request | None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke."""

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, *, request: httpx.Request | None = None) -> None:
        super().__init__("Request timed out.", request=request)


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int
    response: httpx.Response
    body: Any
    type: str | None
    code: str | None
    detail: str | None
    attr: str | None
    request_id: str | None

    def __init__(
        self, response: httpx.Response, body: Any, *, required_scopes: Sequence[str] = ()
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        fields = body if isinstance(body, dict) else {}
        self.type = _text(fields.get("type"))
        self.code = _text(fields.get("code"))
        self.detail = (
            _text(fields.get("detail"))
            or _text(fields.get("message"))
            or _text(fields.get("error"))
        )
        self.attr = _text(fields.get("attr"))
        self.request_id = response.headers.get("x-request-id") or response.headers.get(
            "x-amzn-requestid"
        )
        self.required_scopes = tuple(required_scopes)
        super().__init__(self._describe(), request=response.request)

    def _describe(self) -> str:
        reason = self.detail or _short_text(self.response) or self.response.reason_phrase or "error"
        text = f"{self.status_code}"
        if self.code:
            text += f" {self.code}"
        text += f": {reason}"
        if self.attr:
            text += f" (field: {self.attr})"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text


class BadRequestError(APIStatusError):
    """400: the request was invalid; `attr` names the field when there is one."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, invalid or expired."""


class QuotaExceededError(APIStatusError):
    """402: the organization's quota or billing limit was reached."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a scope, or may not access this project."""

    def _describe(self) -> str:
        text = super()._describe()
        if self.required_scopes:
            text += (
                f"; this operation needs the API key scope(s): {', '.join(self.required_scopes)}"
            )
        return text


class NotFoundError(APIStatusError):
    """404: nothing matches the given identifier in this project."""


class ConflictError(APIStatusError):
    """409: the object changed or exists already."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: a rate or concurrency limit was hit; `retry_after` says how long to wait (seconds)."""

    retry_after: float | None

    def __init__(
        self,
        response: httpx.Response,
        body: Any,
        *,
        required_scopes: Sequence[str] = (),
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(response, body, required_scopes=required_scopes)

    def _describe(self) -> str:
        text = super()._describe()
        if self.retry_after is not None:
            text += f"; retry after {self.retry_after:g}s"
        return text


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class ResponseValidationError(APIError):
    """The server's response does not match the API contract this client was built from.

    `body` holds the raw response text and `response` the response itself.
    """

    def __init__(self, response: httpx.Response, problem: str) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = response.text
        super().__init__(
            f"{response.status_code} response does not match the API schema: {problem}",
            request=response.request,
        )


class LongRunningError(APIError):
    """A long-running job (such as an asynchronous query) finished with an error."""

    def __init__(self, message: str, *, job_id: str | None = None, status: Any = None) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.status = status


class LongRunningTimeoutError(LongRunningError):
    """A long-running job did not finish in time; it was cancelled on the server."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: QuotaExceededError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class(status: int) -> type[APIStatusError]:
    if status >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status, APIStatusError)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())


def _short_text(response: httpx.Response) -> str | None:
    """A one-line excerpt of a non-JSON error body (an HTML error page, say)."""
    try:
        text = response.text
    except Exception:  # a streamed body that was not read
        return None
    content_type = response.headers.get("content-type", "")
    if "html" in content_type or text.lstrip().startswith("<"):
        return None
    text = " ".join(text.split())
    return text[:200] or None
