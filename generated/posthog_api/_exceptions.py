"""Every error the client raises, one class per kind of failure.

All of them derive from `SDKError` (which the package's `errors` module also offers
under the API's name, e.g. `PostHogError`). Errors that come from an HTTP
response carry the API's error body (`type`, `code`, `detail`, `attr`), the
status, the request id and the response itself. Their message is one line
meant for a person to read. None of them ever contains the API key.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

__all__ = [
    "SDKError",
    "InvalidArgumentError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "RedirectError",
    "NotModifiedError",
    "ResponseTooLargeError",
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
    "APIStreamError",
    "ConfigurationError",
    "LongRunningError",
    "LongRunningTimeoutError",
]

#: headers that carry the id of a request, as proxies and servers name it
_REQUEST_ID_HEADERS = ("x-request-id", "x-amzn-requestid", "cf-ray")
#: how much of a non-JSON error body goes into a message
_EXCERPT_LENGTH = 200


class SDKError(Exception):
    """The base of every error raised by this package."""


class InvalidArgumentError(SDKError, ValueError):
    """An argument cannot be sent as given (an empty id, or `..` as an id); nothing was sent."""


class ConfigurationError(SDKError):
    """The client is missing a setting it needs (an API key, a project id, ...)."""


class APIError(SDKError):
    """A request failed: at the network level, or with an error response."""

    message: str
    request: httpx.Request | None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request

    def remove_secret(self, secret: str, replacement: str) -> None:
        """Remove `secret` from the message (the server may echo what it was sent)."""
        if secret and secret in self.message:
            self.message = self.message.replace(secret, replacement)
            self.args = (self.message,)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle without the request and response: their headers carry the API key."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("request", "response")}
        return (_rebuild, (type(self), self.args, state))


def _rebuild(cls: type[APIError], args: tuple[Any, ...], state: dict[str, Any]) -> APIError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    error.request = None
    if isinstance(error, (APIStatusError, ResponseValidationError, APIStreamError)):
        error.__dict__["response"] = None
    return error


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before a response came."""

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, *, request: httpx.Request | None = None) -> None:
        where = (
            f" ({request.method} {request.url.copy_with(query=None)})"
            if request is not None
            else ""
        )
        super().__init__(f"Request timed out{where}.", request=request)


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status.

    `detail` is the server's explanation, `code` its machine-readable reason,
    `attr` the request field at fault (if any) and `body` the decoded body
    (None when it was not JSON; `response.text` has it then).
    """

    status_code: int
    response: httpx.Response
    body: Any
    type: str | None
    code: str | None
    detail: str | None
    attr: str | None
    request_id: str | None
    operation_id: str | None
    required_scopes: tuple[str, ...]

    def __init__(
        self,
        response: httpx.Response,
        body: Any,
        *,
        required_scopes: Sequence[str] = (),
        operation_id: str | None = None,
        client_hint: str | None = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        fields, others = _error_fields(body)
        self.type = _one_line(fields.get("type"))
        self.code = _code_of(fields)
        self.detail = _detail_of(fields)
        if self.detail and others:
            self.detail += f" (and {others} more error{'s' if others > 1 else ''})"
        self.attr = _attr_of(fields)
        self.request_id = next(
            (response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers), None
        )
        self.operation_id = operation_id
        self.required_scopes = tuple(required_scopes)
        #: what the client knows of the failure that the server cannot say (an operation
        #: that takes credentials the client was not given)
        self.client_hint = client_hint
        super().__init__(self._describe(), request=response.request)

    def _describe(self) -> str:
        """`403 permission_denied: <detail> (field: x) [request id y]`, plus what a subclass
        adds."""
        text = f"{self.status_code} {self.code}" if self.code else str(self.status_code)
        text += (
            f": {self.detail or _excerpt(self.response) or self.response.reason_phrase or 'error'}"
        )
        if self.attr:
            text += f" (field: {self.attr})"
        for hint in [*self._hints(), *([self.client_hint] if self.client_hint else [])]:
            text += f" ({hint})"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text

    def _hints(self) -> list[str]:
        """Extra advice a subclass appends to the message."""
        return []


class RedirectError(APIStatusError):
    """3xx: the server sent the request elsewhere (`location`). The client does not follow
    redirects, so that the key never goes where it was not sent: point the client at the
    address the redirect names (often https:// instead of http://, or another host)."""

    @property
    def location(self) -> str | None:
        if self.response is None:
            return None
        location: str | None = self.response.headers.get("location")
        return location

    def _hints(self) -> list[str]:
        target = self.location
        if target:
            return [f"redirected to {target}; use that address as the host"]
        return ["a redirect; check the host"]


class NotModifiedError(APIStatusError):
    """304: the resource is as the copy the request named (its If-None-Match or
    If-Modified-Since, sent in `extra_headers`): keep that copy. GitHub's conditional
    requests do not count against the rate limit."""

    def _hints(self) -> list[str]:
        return [
            "not modified since the copy the request's If-None-Match or If-Modified-Since names"
        ]


class APIFailureError(APIStatusError):
    """The server answered a success status with a body the API document describes as a
    failure: Slack's `{"ok": false, "error": "channel_not_found"}` with 200, which its
    document gives as the `default` answer. `code` and `detail` are read from it as from
    an error status's body."""


class ResponseTooLargeError(APIError):
    """The response body passed the client's `max_response_bytes` (decompressed); it was
    not kept."""

    def __init__(self, request: httpx.Request, limit: int) -> None:
        where = f"{request.method} {request.url.copy_with(query=None)}"
        super().__init__(
            f"The response to {where} is larger than {limit:,} bytes; raise max_response_bytes "
            "to accept it",
            request=request,
        )
        self.limit = limit


class BadRequestError(APIStatusError):
    """400: the request was invalid; `attr` names the field when there is one."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, invalid or expired."""


class QuotaExceededError(APIStatusError):
    """402: the organization's quota or billing limit was reached."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a scope, or may not access this project.

    `required_scopes` lists the scopes the operation declares; `missing_scope`
    is the one the server said was missing, when it said.
    """

    missing_scope: str | None

    def __init__(
        self,
        response: httpx.Response,
        body: Any,
        *,
        required_scopes: Sequence[str] = (),
        operation_id: str | None = None,
        client_hint: str | None = None,
    ) -> None:
        detail = _detail_of(_error_fields(body)[0])
        # PostHog says "API key missing required scope 'insight:write'".
        found = re.search(r"scope '([^']+)'", detail or "")
        self.missing_scope = found.group(1) if found else None
        super().__init__(
            response,
            body,
            required_scopes=required_scopes,
            operation_id=operation_id,
            client_hint=client_hint,
        )

    def _hints(self) -> list[str]:
        if not self.required_scopes:
            return []
        scopes = ", ".join(self.required_scopes)
        plural = "s" if len(self.required_scopes) > 1 else ""
        return [f"this operation needs an API key with the scope{plural} {scopes}"]


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
        operation_id: str | None = None,
        retry_after: float | None = None,
        client_hint: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(
            response,
            body,
            required_scopes=required_scopes,
            operation_id=operation_id,
            client_hint=client_hint,
        )

    def _hints(self) -> list[str]:
        return [] if self.retry_after is None else [f"retry after {self.retry_after:g}s"]


class InternalServerError(APIStatusError):
    """5xx: the server (or a proxy in front of it) failed."""


class ResponseValidationError(APIError):
    """The server's response does not match the API contract this client was built from.

    `body` holds the raw response text, `response` the response itself and
    `problem` what did not match.
    """

    def __init__(self, response: httpx.Response, problem: str, body: str | None = None) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = response.text if body is None else body  # (a stream's: the value's text)
        self.problem = problem
        super().__init__(
            f"{response.status_code} response does not match the API schema: {problem}",
            request=response.request,
        )


class APIStreamError(APIError):
    """The server reported an error in the middle of a stream it began as a success: a
    line of `{"error": {...}}` in place of the next value (grpc-gateway's server streams,
    which end there). `body` is the error as sent, `code` and `detail` its code and
    message, `response` the stream's response.
    """

    def __init__(self, response: httpx.Response, body: Any) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        fields = body if isinstance(body, Mapping) else {}
        code = fields.get("code", fields.get("grpc_code"))
        self.code = None if code is None else str(code)
        message = fields.get("message")
        self.detail = str(message) if message is not None else None
        said = self.detail or (str(body)[:_EXCERPT_LENGTH] if body is not None else "no details")
        super().__init__(
            "The stream ended with an error"
            + (f" (code {self.code})" if self.code else "")
            + f": {said}",
            request=response.request,
        )


class LongRunningError(APIError):
    """A long-running job (such as an asynchronous query) finished with an error.

    `error_message` is the server's explanation, `job_id` the job's id and
    `status` the last status object the server sent.
    """

    def __init__(
        self,
        message: str,
        *,
        job_id: str | None = None,
        status: Any = None,
        error_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.status = status
        self.error_message = error_message


class LongRunningTimeoutError(LongRunningError):
    """A long-running job did not finish within `wait_timeout` (or was interrupted); it was
    cancelled on the server. (`job_id` is None when it did not even start in time.)"""


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


def _one_line(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "; ".join(" ".join(str(v).split()) for v in value)
    return " ".join(str(value).split()) or None


#: where an error body's explanation is, the first found: PostHog's and RFC 9457's
#: `detail`, most APIs' `message`, OAuth's `error_description`, then a bare `error`, and
#: a problem's `title` (its summary, where it has no detail)
_DETAIL_KEYS = ("detail", "message", "error_description", "error", "title")


def _error_fields(body: Any) -> tuple[Mapping[str, Any], int]:
    """The object of an error body that explains it, and how many other errors it lists:
    the body, or the object it wraps that in: `{"error": {...}}` (Stripe, Google, Microsoft
    Graph, Azure) or, where the body has no explanation of its own, the first of
    `{"errors": [{...}, ...]}` (JSON:API and others)."""
    if not isinstance(body, Mapping):
        return {}, 0
    found = _validation_errors(body.get("detail"))
    if found is not None:
        return found
    inner = body.get("error")
    if isinstance(inner, Mapping):
        return inner, 0
    listed = body.get("errors")
    if (
        isinstance(listed, list)
        and listed
        and isinstance(listed[0], Mapping)
        and not any(isinstance(body.get(key), str) for key in _DETAIL_KEYS)
    ):
        return listed[0], len(listed) - 1
    return body, 0


#: where a validation error's `loc` begins by saying which part of the request it is in
_REQUEST_PARTS = frozenset({"body", "query", "path", "header", "cookie"})


def _validation_errors(detail: Any) -> tuple[Mapping[str, Any], int] | None:
    """FastAPI's (pydantic's) 422 body, `{"detail": [{"loc": ["body", "name"], "msg":
    "Field required", "type": "missing"}, ...]}`, as the fields of its first error: its
    message, its type as the code, the field it names (less the part of the request),
    and how many more it lists. None for any other `detail`."""
    if not isinstance(detail, list) or not detail:
        return None
    if not all(isinstance(item, Mapping) and isinstance(item.get("msg"), str) for item in detail):
        return None
    first = detail[0]
    loc = (
        [str(part) for part in first.get("loc") or ()] if isinstance(first.get("loc"), list) else []
    )
    if len(loc) > 1 and loc[0] in _REQUEST_PARTS:
        loc = loc[1:]
    fields = {"detail": first["msg"], "code": first.get("type"), "attr": ".".join(loc) or None}
    return fields, len(detail) - 1


def _code_of(fields: Mapping[str, Any]) -> str | None:
    """The machine-readable reason: `code` where it is a word (Google's is the status
    number, its `status` the word: INVALID_ARGUMENT), else `status`, else OAuth's `error`
    beside its `error_description`."""
    for key in ("code", "status"):
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return _one_line(value)
    error = fields.get("error")
    if isinstance(error, str) and isinstance(fields.get("error_description"), str):
        return _one_line(error)
    return _one_line(fields.get("code"))


def _attr_of(fields: Mapping[str, Any]) -> str | None:
    """The request field at fault: PostHog's `attr`, Stripe's `param`, or JSON:API's
    `source` (its `pointer` or `parameter`)."""
    source = fields.get("source")
    if isinstance(source, Mapping):
        source = source.get("pointer") or source.get("parameter")
    for value in (fields.get("attr"), fields.get("param"), source):
        if isinstance(value, str) and value.strip():
            return _one_line(value)
    return None


def _detail_of(fields: Mapping[str, Any]) -> str | None:
    """The server's explanation (_DETAIL_KEYS), else field errors.

    A plain DRF validation error has no `detail`: `{"prompt": ["This field is required."]}`
    becomes `prompt: This field is required.`.
    """
    for key in _DETAIL_KEYS:
        text = _one_line(fields.get(key)) if not isinstance(fields.get(key), Mapping) else None
        if text:
            return text
    field_errors = [
        f"{name}: {_one_line(value)}"
        for name, value in fields.items()
        if name not in ("type", "code", "attr", "status") and isinstance(value, (str, list))
    ]
    return "; ".join(field_errors) or None


def _excerpt(response: httpx.Response) -> str | None:
    """One line for a body that is not the API's JSON error: an HTML page's title, or the text."""
    try:
        text = response.text
    except httpx.ResponseNotRead:
        return None
    content_type = response.headers.get("content-type", "")
    if "html" in content_type or text.lstrip().startswith("<"):
        # A proxy or load balancer answered: its page title is the useful part.
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        name = _one_line(html.unescape(title.group(1))) if title else None
        return f"{name or response.reason_phrase or 'error'} (an HTML page, not an API response)"
    text = " ".join(text.split())
    if len(text) > _EXCERPT_LENGTH:
        text = text[:_EXCERPT_LENGTH] + "..."
    return text or None
