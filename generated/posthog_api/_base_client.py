"""Request building, the retry loop, error mapping and response parsing.

The generated resources describe each operation as data (method, path,
parameters, how to parse each status) and hand it to `SyncAPIClient.request`
or `AsyncAPIClient.request`; everything that is the same for every operation
lives here.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import json
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, ParamSpec, TypeVar, cast
from urllib.parse import quote

import httpx
import pydantic

from . import errors
from ._models import to_json_data, validate_json
from ._pagination import AsyncPage, PageStyle, SyncPage
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = ["Operation", "SyncAPIClient", "AsyncAPIClient", "APIResponse", "RAW_RESPONSE_HEADER"]

log = logging.getLogger("posthog_api")

_T = TypeVar("_T")

#: set by `with_raw_response` wrappers: return the APIResponse instead of the parsed value
RAW_RESPONSE_HEADER = "X-SDK-Raw-Response"

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: a Retry-After longer than this is not waited for: the error is raised instead
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
_SAFE_METHODS = frozenset({"get", "head", "options", "delete", "put"})
_REDACTED = "<redacted>"


@dataclass(frozen=True)
class ResponseSpec:
    """How to read one success status: `json` into `type`, `text`, `binary`, `sse` or `none`."""

    decoding: str
    type: Any = None


@dataclass(frozen=True)
class Operation:
    """What the generated code knows about one API operation."""

    operation_id: str
    method: str
    path: str
    responses: Mapping[str, Sequence[ResponseSpec]]
    scopes: Sequence[str] = ()
    idempotent: bool = False
    body_encoding: str = "json"
    query_styles: Mapping[str, tuple[str, bool]] = field(default_factory=dict)

    @property
    def retry_safe(self) -> bool:
        return self.idempotent or self.method in _SAFE_METHODS


@dataclass
class APIResponse(Generic[_T]):
    """A response together with its parsed value: `client.x.with_raw_response.y(...)`."""

    http_response: httpx.Response
    _parse: Any
    retries_taken: int = 0

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def parse(self) -> _T:
        """The value the plain method would have returned."""
        result: _T = self._parse()
        return result


def path_with_params(template: str, values: Mapping[str, object]) -> str:
    """Fill `{name}` placeholders; values are percent-encoded, so `/` can't escape the path."""
    path = template
    for name, value in values.items():
        if value is None or isinstance(value, NotGiven) or value == "":
            raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
        text = (
            str(to_json_data(value)).lower()
            if isinstance(value, bool)
            else str(to_json_data(value))
        )
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def _query_value(value: object) -> str:
    value = to_json_data(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


_QueryPairs = list[tuple[str, str | int | float | bool | None]]


def build_query(
    values: Mapping[str, object], styles: Mapping[str, tuple[str, bool]]
) -> _QueryPairs:
    """Query parameters in OpenAPI's styles: form (exploded or comma), pipe, space and deepObject."""
    pairs: _QueryPairs = []
    for name, value in values.items():
        if value is None or isinstance(value, NotGiven):
            continue
        style, explode = styles.get(name, ("form", True))
        if isinstance(value, (list, tuple)):
            items = [_query_value(v) for v in value]
            if explode and style == "form":
                pairs.extend((name, item) for item in items)
            else:
                separator = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
                pairs.append((name, separator.join(items)))
        elif isinstance(value, Mapping) and style == "deepObject":
            pairs.extend(
                (f"{name}[{key}]", _query_value(v))
                for key, v in value.items()
                if not isinstance(v, NotGiven)
            )
        elif isinstance(value, Mapping) and explode:
            pairs.extend(
                (str(key), _query_value(v))
                for key, v in value.items()
                if not isinstance(v, NotGiven)
            )
        else:
            pairs.append((name, _query_value(value)))
    return pairs


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The server's requested wait, from `Retry-After` (seconds or HTTP date) or `retry-after-ms`."""
    millis = response.headers.get("retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if not header:
        return None
    try:
        return max(float(header), 0.0)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(header) if header else None
        if parsed is None:
            return None
        return max(parsed.timestamp() - time.time(), 0.0)


def retry_delay(attempt: int, response: httpx.Response | None) -> float | None:
    """Seconds to wait before retry number `attempt` (0-based); None when the server asks for too long."""
    if response is not None:
        wanted = retry_after_seconds(response)
        if wanted is not None:
            return wanted if wanted <= MAX_RETRY_AFTER else None
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def _error_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def make_status_error(response: httpx.Response, operation: Operation) -> errors.APIStatusError:
    body = _error_body(response)
    cls = errors.error_class(response.status_code)
    if cls is errors.RateLimitError:
        return errors.RateLimitError(
            response,
            body,
            required_scopes=operation.scopes,
            retry_after=retry_after_seconds(response),
        )
    return cls(response, body, required_scopes=operation.scopes)


def parse_response(response: httpx.Response, operation: Operation) -> Any:
    """Decode a success response according to the operation's response specs."""
    status = str(response.status_code)
    specs = (
        operation.responses.get(status)
        or operation.responses.get(status[0] + "XX")
        or operation.responses.get("default")
        or ()
    )
    if not specs:
        if not response.content:
            return None
        specs = (ResponseSpec("json"),)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    spec = specs[0]
    for candidate in specs:
        wanted = (
            {"json": "json", "text": "text/", "sse": "event-stream", "binary": ""}[
                candidate.decoding
            ]
            if candidate.decoding in ("json", "text", "sse", "binary")
            else ""
        )
        if wanted and wanted in content_type:
            spec = candidate
            break
    if spec.decoding == "none" or (not response.content and spec.decoding != "text"):
        return None
    if spec.decoding == "text":
        return response.text
    if spec.decoding == "binary":
        return response.content
    if spec.decoding == "sse":
        return response.text
    if spec.type is None:
        try:
            return response.json()
        except ValueError as exc:
            raise errors.ResponseValidationError(response, f"invalid JSON ({exc})") from None
    try:
        return validate_json(spec.type, response.content)
    except pydantic.ValidationError as exc:
        problem = _describe_validation(exc)
        raise errors.ResponseValidationError(response, problem) from None


def _describe_validation(exc: pydantic.ValidationError) -> str:
    first = exc.errors()[0]
    if first.get("type") == "json_invalid":
        return "invalid JSON"
    where = ".".join(str(part) for part in first.get("loc", ()))
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where or 'body'}: {first.get('msg')}{more}"


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    secret = {"authorization", "cookie", "x-api-key"}
    return {k: (_REDACTED if k.lower() in secret else v) for k, v in headers.items()}


def _log_enabled() -> bool:
    return os.environ.get("POSTHOG_LOG", "").lower() in ("debug", "info") or log.isEnabledFor(
        logging.DEBUG
    )


class _BaseClient:
    """Settings shared by the sync and async clients."""

    api_key: str | None
    base_url: httpx.URL
    timeout: float | httpx.Timeout | None
    max_retries: int

    def _setup(
        self,
        *,
        api_key: str | None,
        base_url: str,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        self.api_key = api_key
        self.base_url = httpx.URL(base_url.rstrip("/") + "/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._path_defaults: dict[str, object] = {}
        if os.environ.get("POSTHOG_LOG", "").lower() == "debug" and not log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("[%(name)s] %(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.DEBUG)

    def _path_default(self, name: str, value: object) -> object:
        """A path parameter's value: the argument when given, else the client's configured default."""
        if not isinstance(value, NotGiven):
            return value
        configured = self._path_defaults.get(name)
        if configured is None:
            raise errors.ConfigurationError(
                f"No {name} given: pass {name}=... to the call or to the client"
            )
        return configured

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        operation: Operation,
        *,
        path: Mapping[str, object],
        query: Mapping[str, object],
        headers: Mapping[str, object],
        body: Any,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, object] | None,
        extra_body: Mapping[str, object] | None,
        timeout: float | httpx.Timeout | None | NotGiven,
    ) -> httpx.Request:
        url = self.base_url.join(path_with_params(operation.path, path).lstrip("/"))
        params = build_query({**query, **(extra_query or {})}, operation.query_styles)
        all_headers: dict[str, str] = {
            "Accept": "application/json",
            "User-Agent": f"posthog-api-python/{__version__}",
            **self._auth_headers(),
            **self._default_headers,
        }
        for name, value in headers.items():
            if value is not None and not isinstance(value, NotGiven):
                all_headers[name] = _query_value(value)
        all_headers.update(extra_headers or {})
        all_headers.pop(RAW_RESPONSE_HEADER, None)
        content: bytes | None = None
        data: dict[str, Any] | None = None
        files: dict[str, Any] | None = None
        if extra_body:
            body = {**(body if isinstance(body, Mapping) else {}), **extra_body}
        if body is not None and not isinstance(body, NotGiven):
            encoding = operation.body_encoding
            if encoding == "json":
                content = json.dumps(
                    to_json_data(body), separators=(",", ":"), ensure_ascii=False
                ).encode()
                all_headers.setdefault("Content-Type", "application/json")
            elif encoding == "form":
                data = {k: _query_value(v) for k, v in to_json_data(body).items()}
            elif encoding == "multipart":
                files, data = {}, {}
                for key, value in dict(body).items():
                    if isinstance(value, (bytes, tuple)) or hasattr(value, "read"):
                        files[key] = value
                    elif not isinstance(value, NotGiven):
                        data[key] = _query_value(value)
            elif encoding == "text":
                content = str(body).encode()
                all_headers.setdefault("Content-Type", "text/plain")
            else:
                content = body if isinstance(body, bytes) else bytes(body)
                all_headers.setdefault("Content-Type", "application/octet-stream")
        request_timeout = self.timeout if isinstance(timeout, NotGiven) else timeout
        return http.build_request(
            operation.method.upper(),
            url,
            params=httpx.QueryParams(params),
            headers=all_headers,
            content=content,
            data=data,
            files=files,
            timeout=request_timeout if request_timeout is not None else httpx.Timeout(None),
        )

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if _log_enabled():
            log.debug(
                "request %s %s (attempt %d) headers=%s",
                request.method,
                request.url,
                attempt + 1,
                redact_headers(dict(request.headers)),
            )

    def _log_response(self, response: httpx.Response) -> None:
        if _log_enabled():
            body = (
                response.text[:2000]
                if not response.is_stream_consumed or response.is_closed
                else "<stream>"
            )
            log.debug(
                "response %s %s -> %d headers=%s body=%s",
                response.request.method,
                response.request.url,
                response.status_code,
                redact_headers(dict(response.headers)),
                body,
            )

    def __repr__(self) -> str:
        key = _REDACTED if self.api_key else None
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}, api_key={key!r})"


class SyncAPIClient(_BaseClient):
    _http: httpx.Client
    _sleep = staticmethod(time.sleep)

    def request(
        self,
        operation: Operation,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        stream: bool = False,
    ) -> Any:
        """Send one operation with retries; return its parsed value (or APIResponse when raw)."""
        raw = bool(extra_headers and extra_headers.get(RAW_RESPONSE_HEADER))
        request = self._build_request(
            self._http,
            operation,
            path=path or {},
            query=query or {},
            headers=headers or {},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response, retries = self._send(request, operation, stream=stream)
        if stream:
            return response
        if raw:
            return APIResponse(response, lambda: parse_response(response, operation), retries)
        return parse_response(response, operation)

    def request_page(
        self,
        operation: Operation,
        style: PageStyle,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Any]:
        """The first page of a list operation; the page fetches the following ones itself."""

        def fetch(page_query: Mapping[str, object]) -> SyncPage[Any]:
            envelope = self.request(
                operation,
                path=path,
                query=page_query,
                headers=headers,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return SyncPage(envelope=envelope, style=style, query=page_query, fetch=fetch)

        return fetch(
            {
                k: v
                for k, v in (query or {}).items()
                if v is not None and not isinstance(v, NotGiven)
            }
        )

    def _send(
        self, request: httpx.Request, operation: Operation, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        attempt = 0
        while True:
            self._log_request(request, attempt)
            can_retry = attempt < self.max_retries
            try:
                response = self._http.send(request, stream=stream)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                # Nothing reached the server: safe to retry whatever the method.
                delay = retry_delay(attempt, None)
                if can_retry and delay is not None:
                    log.info(
                        "retrying %s %s after %s in %.2fs",
                        request.method,
                        request.url.path,
                        type(exc).__name__,
                        delay,
                    )
                    self._sleep(delay)
                    attempt += 1
                    continue
                if isinstance(exc, httpx.ConnectTimeout):
                    raise errors.APITimeoutError(request=request) from None
                raise errors.APIConnectionError(
                    f"Connection error: {_exc_text(exc)}", request=request
                ) from None
            except httpx.TimeoutException:
                delay = retry_delay(attempt, None)
                if can_retry and operation.retry_safe and delay is not None:
                    log.info(
                        "retrying %s %s after a timeout in %.2fs",
                        request.method,
                        request.url.path,
                        delay,
                    )
                    self._sleep(delay)
                    attempt += 1
                    continue
                raise errors.APITimeoutError(request=request) from None
            except httpx.TransportError as exc:
                delay = retry_delay(attempt, None)
                if can_retry and operation.retry_safe and delay is not None:
                    log.info(
                        "retrying %s %s after %s in %.2fs",
                        request.method,
                        request.url.path,
                        type(exc).__name__,
                        delay,
                    )
                    self._sleep(delay)
                    attempt += 1
                    continue
                raise errors.APIConnectionError(
                    f"Connection error: {_exc_text(exc)}", request=request
                ) from None
            if response.status_code >= 400:
                if stream:
                    response.read()
                self._log_response(response)
                delay = (
                    retry_delay(attempt, response)
                    if response.status_code in RETRY_STATUSES
                    else None
                )
                if (
                    can_retry
                    and operation.retry_safe
                    and delay is not None
                    and response.headers.get("x-should-retry") != "false"
                ):
                    log.info(
                        "retrying %s %s after status %d in %.2fs",
                        request.method,
                        request.url.path,
                        response.status_code,
                        delay,
                    )
                    response.close()
                    self._sleep(delay)
                    attempt += 1
                    continue
                raise make_status_error(response, operation)
            if not stream:
                self._log_response(response)
            return response, attempt

    def close(self) -> None:
        """Close the underlying connections (only when the client created them)."""
        if getattr(self, "_owns_http", False):
            self._http.close()


class AsyncAPIClient(_BaseClient):
    _http: httpx.AsyncClient
    _sleep = staticmethod(asyncio.sleep)

    async def request(
        self,
        operation: Operation,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        stream: bool = False,
    ) -> Any:
        raw = bool(extra_headers and extra_headers.get(RAW_RESPONSE_HEADER))
        request = self._build_request(
            self._http,
            operation,
            path=path or {},
            query=query or {},
            headers=headers or {},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        response, retries = await self._send(request, operation, stream=stream)
        if stream:
            return response
        if raw:
            return APIResponse(response, lambda: parse_response(response, operation), retries)
        return parse_response(response, operation)

    async def request_page(
        self,
        operation: Operation,
        style: PageStyle,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[Any]:
        async def fetch(page_query: Mapping[str, object]) -> AsyncPage[Any]:
            envelope = await self.request(
                operation,
                path=path,
                query=page_query,
                headers=headers,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return AsyncPage(envelope=envelope, style=style, query=page_query, fetch=fetch)

        return await fetch(
            {
                k: v
                for k, v in (query or {}).items()
                if v is not None and not isinstance(v, NotGiven)
            }
        )

    async def _send(
        self, request: httpx.Request, operation: Operation, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        attempt = 0
        while True:
            self._log_request(request, attempt)
            can_retry = attempt < self.max_retries
            try:
                response = await self._http.send(request, stream=stream)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                delay = retry_delay(attempt, None)
                if can_retry and delay is not None:
                    await self._sleep(delay)
                    attempt += 1
                    continue
                if isinstance(exc, httpx.ConnectTimeout):
                    raise errors.APITimeoutError(request=request) from None
                raise errors.APIConnectionError(
                    f"Connection error: {_exc_text(exc)}", request=request
                ) from None
            except httpx.TimeoutException:
                delay = retry_delay(attempt, None)
                if can_retry and operation.retry_safe and delay is not None:
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise errors.APITimeoutError(request=request) from None
            except httpx.TransportError as exc:
                delay = retry_delay(attempt, None)
                if can_retry and operation.retry_safe and delay is not None:
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise errors.APIConnectionError(
                    f"Connection error: {_exc_text(exc)}", request=request
                ) from None
            if response.status_code >= 400:
                if stream:
                    await response.aread()
                self._log_response(response)
                delay = (
                    retry_delay(attempt, response)
                    if response.status_code in RETRY_STATUSES
                    else None
                )
                if (
                    can_retry
                    and operation.retry_safe
                    and delay is not None
                    and response.headers.get("x-should-retry") != "false"
                ):
                    await response.aclose()
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise make_status_error(response, operation)
            if not stream:
                self._log_response(response)
            return response, attempt

    async def close(self) -> None:
        if getattr(self, "_owns_http", False):
            await self._http.aclose()


def _exc_text(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


_P = ParamSpec("_P")
_R = TypeVar("_R")


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """Wrap a resource method so that it returns the `APIResponse` rather than the parsed value."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        headers = dict(cast("Mapping[str, str]", kwargs.get("extra_headers") or {}))
        headers[RAW_RESPONSE_HEADER] = "true"
        kwargs["extra_headers"] = headers
        return cast("APIResponse[_R]", func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[APIResponse[_R]]]:
    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        headers = dict(cast("Mapping[str, str]", kwargs.get("extra_headers") or {}))
        headers[RAW_RESPONSE_HEADER] = "true"
        kwargs["extra_headers"] = headers
        return cast("APIResponse[_R]", await func(*args, **kwargs))

    return wrapped
