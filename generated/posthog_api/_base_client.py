"""Request building, the retry loop, error mapping and response parsing.

The generated resources describe each operation as data (method, path,
parameters, how to parse each status) and hand it to `SyncAPIClient.request`
or `AsyncAPIClient.request`; everything that is the same for every operation
lives here.

Retries follow one rule: a request is sent again only when doing so cannot
change the outcome on the server. A request that never left (connection
refused, no free connection) may always be resent; one that may have reached
the server is resent only for operations that are safe to repeat (GET, PUT,
DELETE, and those the API document marks `x-idempotent`).
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
#: a Retry-After longer than this is not waited for: the error is raised at once, with `retry_after` set
MAX_RETRY_AFTER = 60.0
#: statuses worth another try besides 5xx: timeout, conflict (a concurrent edit), rate limit
RETRY_STATUSES = frozenset({408, 409, 429})
_SAFE_METHODS = frozenset({"get", "head", "options", "delete", "put"})
#: transport failures that happen before any byte of the request is sent
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_REDACTED = "<redacted>"
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
#: how much of a response body a debug log line shows
_LOG_BODY_LIMIT = 2000


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
        """Whether sending the request twice has the same effect as sending it once."""
        return self.idempotent or self.method in _SAFE_METHODS


@dataclass
class APIResponse(Generic[_T]):
    """A response together with its parsed value: `client.x.with_raw_response.y(...)`."""

    http_response: httpx.Response
    _parse: Callable[[], Any]
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
        pass
    when = _http_date(header)
    if when is None:
        return None
    # Measured against the response's own Date when it has one, so a skewed local clock doesn't matter.
    now = _http_date(response.headers.get("date", "")) or time.time()
    return max(when - now, 0.0)


def _http_date(text: str) -> float | None:
    """An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) as a timestamp, or None."""
    try:
        return email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def retry_delay(attempt: int, response: httpx.Response | None) -> float | None:
    """Seconds to wait before retry number `attempt` (0-based); None when the server asks for too long."""
    wanted = retry_after_seconds(response) if response is not None else None
    if wanted is not None:
        return wanted if wanted <= MAX_RETRY_AFTER else None
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    # Jitter spreads out the retries of many clients that failed at the same moment.
    return delay * (1 - 0.25 * random.random())


def _retryable_status(response: httpx.Response) -> bool:
    """Whether the status says another try may succeed; the server can override with x-should-retry."""
    override = str(response.headers.get("x-should-retry", "")).lower()
    if override in ("true", "false"):
        return override == "true"
    return response.status_code in RETRY_STATUSES or response.status_code >= 500


def _connection_error(
    exc: httpx.TransportError, request: httpx.Request
) -> errors.APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(request=request)
    reason = str(exc) or type(exc).__name__
    where = request.url.copy_with(query=None)
    return errors.APIConnectionError(
        f"Connection error: {reason} ({request.method} {where})", request=request
    )


def _error_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def make_status_error(response: httpx.Response, operation: Operation) -> errors.APIStatusError:
    """The exception for an error status, with the API's error body decoded when it is JSON."""
    body = _error_body(response)
    cls = errors.error_class(response.status_code)
    common: dict[str, Any] = {
        "required_scopes": operation.scopes,
        "operation_id": operation.operation_id,
    }
    if cls is errors.RateLimitError:
        return errors.RateLimitError(
            response, body, retry_after=retry_after_seconds(response), **common
        )
    return cls(response, body, **common)


#: the content type that tells each decoding apart when a status has several
_CONTENT_TYPE_MARKERS = {"json": "json", "text": "text/", "sse": "event-stream"}


def _response_spec(response: httpx.Response, operation: Operation) -> ResponseSpec | None:
    """The spec of the response's status, chosen by content type when there are several."""
    status = str(response.status_code)
    specs = (
        operation.responses.get(status)
        or operation.responses.get(status[0] + "XX")
        or operation.responses.get("default")
        or ()
    )
    if not specs:
        return None
    content_type = _content_type(response)
    for spec in specs:
        marker = _CONTENT_TYPE_MARKERS.get(spec.decoding)
        if marker and marker in content_type:
            return spec
    return specs[0]


def _content_type(response: httpx.Response) -> str:
    content_type = str(response.headers.get("content-type", ""))
    return content_type.split(";")[0].strip().lower()


def parse_response(response: httpx.Response, operation: Operation) -> Any:
    """Decode a success response according to the operation's response specs."""
    spec = _response_spec(response, operation)
    if spec is None:
        # A status the document does not list: return its JSON, if it has any.
        spec = ResponseSpec("json") if response.content else ResponseSpec("none")
    if spec.decoding == "none" or (not response.content and spec.decoding != "text"):
        return None
    if spec.decoding in ("text", "sse"):
        return response.text
    if spec.decoding == "binary":
        return response.content
    if spec.type is None:
        try:
            return response.json()
        except ValueError:
            raise errors.ResponseValidationError(response, _not_json(response)) from None
    try:
        return validate_json(spec.type, response.content)
    except pydantic.ValidationError as exc:
        raise errors.ResponseValidationError(
            response, describe_validation_error(exc, response)
        ) from None


def _not_json(response: httpx.Response) -> str:
    content_type = _content_type(response)
    if content_type and "json" not in content_type:
        return f"expected JSON, got {content_type}"
    return "the body is not valid JSON"


def describe_validation_error(exc: pydantic.ValidationError, response: httpx.Response) -> str:
    """The first mismatch, as `field.path: message (and N more)`; never the offending value."""
    first = exc.errors()[0]
    if first.get("type") == "json_invalid":
        return _not_json(response)
    where = ".".join(str(part) for part in first.get("loc", ()))
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where or 'body'}: {first.get('msg')}{more}"


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (_REDACTED if k.lower() in _SECRET_HEADERS else v) for k, v in headers.items()}


def configure_logging_from_env() -> None:
    """`POSTHOG_LOG=debug` (or `info`) prints this package's log to stderr, once per process."""
    setting = os.environ.get("POSTHOG_LOG", "")
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(setting.lower())
    if level is None or log.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(level)


def _body_preview(response: httpx.Response) -> str:
    """The start of a body for a debug log, on one line (an HTML page would span dozens)."""
    try:
        text = response.text
    except httpx.ResponseNotRead:
        return "<streamed>"
    if len(text) > _LOG_BODY_LIMIT:
        text = text[:_LOG_BODY_LIMIT] + "..."
    return text.replace("\r", "\\r").replace("\n", "\\n")


def normalize_base_url(url: str) -> httpx.URL:
    """`eu.example.com` and `https://eu.example.com/` both become `https://eu.example.com/`."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    return httpx.URL(url.rstrip("/") + "/")


class _BaseClient:
    """Settings shared by the sync and async clients, and what both do the same way."""

    api_key: str | None
    base_url: httpx.URL
    timeout: float | httpx.Timeout | None
    max_retries: int
    #: the clock polling measures waits with; tests replace it together with `_sleep`
    _clock = staticmethod(time.monotonic)

    def _setup(
        self,
        *,
        api_key: str | None,
        base_url: str,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        if max_retries < 0:
            raise errors.ConfigurationError(f"max_retries must be 0 or more, got {max_retries}")
        self.api_key = api_key
        self.base_url = normalize_base_url(base_url)
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._path_defaults: dict[str, object] = {}
        # Computed once: every request starts from these (the hot path stays a dict copy).
        self._base_url_text = str(self.base_url)
        self._fixed_headers: dict[str, str] = {
            "Accept": "application/json",
            "User-Agent": f"posthog-api-python/{__version__}",
            **self._auth_headers(),
            **self._default_headers,
        }
        configure_logging_from_env()

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
        # The base URL ends with "/", so plain concatenation is the join (and cheaper than URL.join).
        url = self._base_url_text + path_with_params(operation.path, path).lstrip("/")
        params = build_query(
            {**query, **extra_query} if extra_query else query, operation.query_styles
        )
        all_headers = dict(self._fixed_headers)
        for name, value in headers.items():
            if value is not None and not isinstance(value, NotGiven):
                all_headers[name] = _query_value(value)
        all_headers.update(extra_headers or {})
        all_headers.pop(RAW_RESPONSE_HEADER, None)
        if extra_body:
            body = {**(body if isinstance(body, Mapping) else {}), **extra_body}
        content, data, files = _encode_body(body, operation.body_encoding, all_headers)
        request_timeout = self.timeout if isinstance(timeout, NotGiven) else timeout
        return http.build_request(
            operation.method.upper(),
            url,
            params=httpx.QueryParams(params) if params else None,
            headers=all_headers,
            content=content,
            data=data,
            files=files,
            timeout=request_timeout if request_timeout is not None else httpx.Timeout(None),
        )

    # -- retries -------------------------------------------------------------

    def _delay_after_failure(
        self, exc: httpx.TransportError, operation: Operation, attempt: int
    ) -> float | None:
        """Seconds to wait before resending after a transport failure, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if not operation.retry_safe and not isinstance(exc, _NEVER_SENT):
            return None  # the server may have acted on it: a second send could act twice
        return retry_delay(attempt, None)

    def _delay_after_status(
        self, response: httpx.Response, operation: Operation, attempt: int
    ) -> float | None:
        """Seconds to wait before resending after an error status, or None to raise it."""
        if (
            attempt >= self.max_retries
            or not operation.retry_safe
            or not _retryable_status(response)
        ):
            return None
        return retry_delay(attempt, response)

    # -- secrets and logging -------------------------------------------------

    def _redact(self, text: str) -> str:
        """`text` without the API key, in case a server or proxy echoed it back."""
        return text.replace(self.api_key, _REDACTED) if self.api_key else text

    def _redact_error(self, exc: errors.APIError) -> None:
        if self.api_key:
            exc.remove_secret(self.api_key, _REDACTED)

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            headers = redact_headers(dict(request.headers))
            log.debug(
                self._redact(
                    f"request {request.method} {request.url} (attempt {attempt + 1}) headers={headers}"
                )
            )

    def _log_response(self, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.DEBUG):
            request = response.request
            headers = redact_headers(dict(response.headers))
            log.debug(
                self._redact(
                    f"response {request.method} {request.url} -> {response.status_code} "
                    f"headers={headers} body={_body_preview(response)}"
                )
            )

    def _log_retry(self, request: httpx.Request, reason: str, delay: float, attempt: int) -> None:
        log.info(
            self._redact(
                f"retrying {request.method} {request.url.path} in {delay:.2f}s after {reason} "
                f"(retry {attempt + 1} of {self.max_retries})"
            )
        )

    def __repr__(self) -> str:
        key = _REDACTED if self.api_key else None
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}, api_key={key!r})"


def _encode_body(
    body: Any, encoding: str, headers: dict[str, str]
) -> tuple[bytes | None, dict[str, Any] | None, dict[str, Any] | None]:
    """The request body as (content, form data, files) for httpx; sets Content-Type where httpx doesn't."""
    if body is None or isinstance(body, NotGiven):
        return None, None, None
    if encoding == "json":
        headers.setdefault("Content-Type", "application/json")
        return (
            json.dumps(to_json_data(body), separators=(",", ":"), ensure_ascii=False).encode(),
            None,
            None,
        )
    if encoding == "form":
        return None, {k: _query_value(v) for k, v in to_json_data(body).items()}, None
    if encoding == "multipart":
        files: dict[str, Any] = {}
        data: dict[str, Any] = {}
        for key, value in dict(body).items():
            if isinstance(value, (bytes, tuple)) or hasattr(value, "read"):
                files[key] = value
            elif not isinstance(value, NotGiven):
                data[key] = _query_value(value)
        return None, data, files
    if encoding == "text":
        headers.setdefault("Content-Type", "text/plain")
        return str(body).encode(), None, None
    headers.setdefault("Content-Type", "application/octet-stream")
    return (body if isinstance(body, bytes) else bytes(body)), None, None


def _wants_raw(extra_headers: Mapping[str, str] | None) -> bool:
    return bool(extra_headers and extra_headers.get(RAW_RESPONSE_HEADER))


def _non_empty(query: Mapping[str, object] | None) -> dict[str, object]:
    return {k: v for k, v in (query or {}).items() if v is not None and not isinstance(v, NotGiven)}


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
        try:
            response, retries = self._send(request, operation, stream=stream)
            if stream:
                return response
            if _wants_raw(extra_headers):
                return APIResponse(
                    response, functools.partial(parse_response, response, operation), retries
                )
            return parse_response(response, operation)
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

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

        return fetch(_non_empty(query))

    def _send(
        self, request: httpx.Request, operation: Operation, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """Send until a success, an error not worth retrying, or the last retry; return the response and retries taken."""
        attempt = 0
        while True:
            self._log_request(request, attempt)
            try:
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._delay_after_failure(exc, operation, attempt)
                if delay is None:
                    raise _connection_error(exc, request) from exc
                self._log_retry(request, type(exc).__name__, delay, attempt)
            else:
                if response.status_code < 400:
                    self._log_response(response)
                    return response, attempt
                response.read()  # a streamed error still needs its body for the exception
                self._log_response(response)
                delay = self._delay_after_status(response, operation, attempt)
                if delay is None:
                    raise make_status_error(response, operation)
                response.close()
                self._log_retry(request, f"status {response.status_code}", delay, attempt)
            self._sleep(delay)
            attempt += 1

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
        """Send one operation with retries; return its parsed value (or APIResponse when raw)."""
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
        try:
            response, retries = await self._send(request, operation, stream=stream)
            if stream:
                return response
            if _wants_raw(extra_headers):
                return APIResponse(
                    response, functools.partial(parse_response, response, operation), retries
                )
            return parse_response(response, operation)
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

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
        """The first page of a list operation; the page fetches the following ones itself."""

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

        return await fetch(_non_empty(query))

    async def _send(
        self, request: httpx.Request, operation: Operation, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """Send until a success, an error not worth retrying, or the last retry; return the response and retries taken."""
        attempt = 0
        while True:
            self._log_request(request, attempt)
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._delay_after_failure(exc, operation, attempt)
                if delay is None:
                    raise _connection_error(exc, request) from exc
                self._log_retry(request, type(exc).__name__, delay, attempt)
            else:
                if response.status_code < 400:
                    self._log_response(response)
                    return response, attempt
                await response.aread()  # a streamed error still needs its body for the exception
                self._log_response(response)
                delay = self._delay_after_status(response, operation, attempt)
                if delay is None:
                    raise make_status_error(response, operation)
                await response.aclose()
                self._log_retry(request, f"status {response.status_code}", delay, attempt)
            await self._sleep(delay)
            attempt += 1

    async def close(self) -> None:
        """Close the underlying connections (only when the client created them)."""
        if getattr(self, "_owns_http", False):
            await self._http.aclose()


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
    """The async twin of `to_raw_response_wrapper`."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        headers = dict(cast("Mapping[str, str]", kwargs.get("extra_headers") or {}))
        headers[RAW_RESPONSE_HEADER] = "true"
        kwargs["extra_headers"] = headers
        return cast("APIResponse[_R]", await func(*args, **kwargs))

    return wrapped
