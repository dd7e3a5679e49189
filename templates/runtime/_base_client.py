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
import base64
import contextvars
import email.utils
import functools
import json
import logging
import math
import os
import random
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast
from urllib.parse import parse_qsl, quote, urlencode

import httpcore
import httpx
import pydantic

from . import _arm_polling as arm
from . import _config, _sigv4
from . import _exceptions as errors
from . import _settings as settings
from ._models import construct, to_json_data, validate_json
from ._oauth import TokenSource, is_token_request
from ._pagination import AsyncPage, PageStyle, SyncPage
from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "APIResponse",
    "AsyncAPIClient",
    "Operation",
    "RAW_RESPONSE_HEADER",
    "STREAM_RESPONSE",
    "ResponseSpec",
    "SyncAPIClient",
]

__version__ = settings.VERSION
log = logging.getLogger(settings.PACKAGE)

_T = TypeVar("_T")
_ItemT = TypeVar("_ItemT")
_ClientT = TypeVar("_ClientT", bound="_BaseClient")
_HTTPClientT = TypeVar("_HTTPClientT", httpx.Client, httpx.AsyncClient)

#: set by `with_raw_response` wrappers: return the APIResponse instead of the parsed value
#: ("true"), or with its body left unread for the caller to stream ("stream")
RAW_RESPONSE_HEADER = "X-SDK-Raw-Response"
STREAM_RESPONSE = "stream"

DEFAULT_TIMEOUT = _config.DEFAULT_TIMEOUT
DEFAULT_MAX_RETRIES = _config.DEFAULT_MAX_RETRIES
#: a response body (decompressed) larger than this raises ResponseTooLargeError
DEFAULT_MAX_RESPONSE_BYTES = 200 * 1024 * 1024
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: a Retry-After longer than this is not waited for: the error is raised at once, with
#: `retry_after` set
MAX_RETRY_AFTER = 60.0
#: statuses worth another try besides 5xx: timeout, conflict (a concurrent edit), rate limit
RETRY_STATUSES = frozenset({408, 409, 429})
#: statuses that say the request was not acted on: worth another try whatever the method
_NOT_PROCESSED = frozenset({429})
_SAFE_METHODS = frozenset({"get", "head", "options", "delete", "put", "query"})
#: transport failures that happen before any byte of the request is sent
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_REDACTED = "<redacted>"
_SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        settings.AUTH_NAME.lower(),
        *(
            wire.lower()
            for _, where, wire in settings.CREDENTIALS.values()
            if where in ("header", "aws-token")  # (AWS's session token: X-Amz-Security-Token)
        ),
    }
)
#: how much of a response body a debug log line shows
_LOG_BODY_LIMIT = 2000
#: path parameter values that would change which resource a URL names once dot segments are resolved
_DOT_SEGMENTS = frozenset({".", ".."})


@dataclass(frozen=True)
class ResponseSpec:
    """How to read one success status: `json` into `type`, `text`, `binary`, `sse`,
    `lines` (a stream of JSON values, each a `type`, under the key `member` where one is
    named: _streaming.iter_values), `none`, or `location`: a redirect that is the
    operation's answer (a download's signed address), read as the address it names."""

    decoding: str
    type: Any = None
    member: str = ""


@dataclass(frozen=True)
class Operation(Generic[_T]):
    """What the generated code knows about one API operation; `_T` is what it returns.

    `path_defaults` names the path parameters the client fills in from its settings
    when the caller leaves them out (PostHog's `project_id`).
    """

    operation_id: str
    method: str
    path: str
    responses: Mapping[str, Sequence[ResponseSpec]]
    scopes: Sequence[str] = ()
    idempotent: bool = False
    body_encoding: str = "json"
    #: the Content-Type the document names, where the encoding's usual one would not do
    body_media_type: str = ""
    query_styles: Mapping[str, tuple[str, bool]] = field(default_factory=dict)
    path_defaults: Sequence[str] = ()
    #: the body is required and null is one of its values: None is sent as JSON `null`
    #: (elsewhere None sends no body)
    null_body: bool = False
    #: a form field's style where the document gives one (Stripe's deepObject): wire name
    #: -> (style, explode); the others go as form fields do, a list as repeated fields
    form_styles: Mapping[str, tuple[str, bool]] = field(default_factory=dict)
    #: the address (ending in "/") the API serves this operation from, where it is not
    #: the API's own (GitHub's uploads.github.com): used while the client's is the default
    server: str = ""
    #: path parameters whose value is a path of its own, its `/` kept (Azure's `scope`)
    slashed_path: Sequence[str] = ()
    #: what is sent for a required query or header parameter the caller leaves out (its
    #: default, its one allowed value, Azure's `api-version`), by wire name
    query_defaults: Mapping[str, object] = field(default_factory=dict)
    header_defaults: Mapping[str, object] = field(default_factory=dict)
    #: the Accept header, where the client's usual application/json would not do: what
    #: the operation answers with (a PDF, a CSV, an event stream), as a server that
    #: negotiates wants to be asked
    accept: str = ""
    #: an Azure long-running operation, waited for (_arm_polling.py): its `final-state-via`
    #: ("" where the document gives none); None for any other operation
    arm_polling: str | None = None
    #: the field and the value by which a success status's body says the call failed
    #: (Slack's `("ok", False)`), where the document describes such a body
    failure: tuple[str, object] | None = None
    #: the ways of authenticating its own security requirement offers (settings.WAYS),
    #: where they are not the document's: the first the client has every credential of
    #: is sent; None: the client's usual credentials
    security: tuple[tuple[str, ...], ...] | None = None
    #: a call needs no credentials (its requirement asks for none, or may): a client made
    #: without them calls it; the others it refuses (settings.CREDENTIALS_REQUIRED)
    public: bool = False

    @property
    def retry_safe(self) -> bool:
        """Whether sending the request twice has the same effect as sending it once."""
        return self.idempotent or self.method in _SAFE_METHODS


#: the GET of an Azure long-running operation's status or result (retried as any GET)
_ARM_POLL: Operation[Any] = Operation("arm_poll", "get", "", responses={}, idempotent=True)
#: the request for an OAuth 2 token (client credentials: asking again does no harm)
_TOKEN: Operation[Any] = Operation("oauth_token", "post", "", responses={}, idempotent=True)
#: marks a request that carries the client's fetched OAuth 2 token (set before each attempt)
_BEARER = "sdk_fetched_token"
#: marks a request signed with the client's AWS credentials (signed before each attempt)
_SIGV4 = "sdk_aws_signed"


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


def _path_text(value: object) -> str:
    """One item of a path value: a list or object inside it as JSON, as in a query."""
    return _query_value(value)


def path_with_params(
    template: str, values: Mapping[str, object], slashed: Sequence[str] = ()
) -> str:
    """Fill `{name}` placeholders. Values are percent-encoded, so `/`, `?` and `#` stay
    inside their segment; a list is its items joined by commas (OpenAPI's `simple`
    style, a path parameter's default); `.`, `..` and empty values are refused, because
    URL normalisation would turn them into a request for another resource (the parent).
    A value named in `slashed` is a path of its own (Azure's `scope` and `resourceUri`,
    `x-ms-skip-url-encoding`: `subscriptions/1/resourceGroups/rg`): its `/` separate
    segments, each refused and encoded as above; a `/` at its start or end is dropped
    where the template has one beside it."""
    path = template
    for name, value in values.items():
        if value is None or isinstance(value, NotGiven):
            raise errors.InvalidArgumentError(f"`{name}` is required, but no value was given")
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        text = ",".join(_path_text(item) for item in items)
        placeholder = "{" + name + "}"
        if name in slashed:
            at = path.find(placeholder)
            if at > 0 and path[at - 1] == "/":  # the template's own `/` separates it
                text = text.removeprefix("/")
            if path[at + len(placeholder) : at + len(placeholder) + 1] == "/":
                text = text.removesuffix("/")
            segments = text.split("/")
        else:
            segments = [text]
        for segment in segments:
            if segment.strip() == "" or segment in _DOT_SEGMENTS:
                raise errors.InvalidArgumentError(
                    f"`{name}` cannot be {text!r}: it would address a different resource "
                    "than the one named"
                )
        if name in slashed:
            encoded = "/".join(quote(segment, safe="") for segment in segments)
        else:
            encoded = ",".join(quote(_path_text(item), safe="") for item in items)
        path = path.replace(placeholder, encoded)
    return path


def _is_object_data(value: object) -> bool:
    """Whether a value is an object (a model, a dict) or a list of them, as JSON has it."""
    data = to_json_data(value)
    return isinstance(data, dict) or (
        isinstance(data, list) and bool(data) and all(isinstance(item, dict) for item in data)
    )


def _query_value(value: object) -> str:
    value = to_json_data(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _given(values: Mapping[str, object]) -> dict[str, object]:
    """The values the caller gave (None and NOT_GIVEN left out)."""
    return {
        name: value
        for name, value in values.items()
        if value is not None and not isinstance(value, NotGiven)
    }


def _put_header(headers: dict[str, str], name: str, value: str) -> None:
    """Set a header, replacing one of the same name in another case (`accept` given for
    the client's `Accept`), which would otherwise go as a second header."""
    if name not in headers:
        lowered = name.lower()
        for key in [key for key in headers if key.lower() == lowered]:
            del headers[key]
    headers[name] = value


def _header_value(value: object) -> str:
    """A header parameter's value: a list's items joined by commas (OpenAPI's `simple`,
    the one style of headers), anything else as in a query."""
    if isinstance(value, (list, tuple)):
        return ",".join(_query_value(item) for item in value)
    return _query_value(value)


_QueryPairs = list[tuple[str, str | int | float | bool | None]]


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _template_query(target: str, given: set[str]) -> tuple[str, _QueryPairs]:
    """A path whose template has a query part (`/alerts?lat={lat}&lon={lon}`, its path
    parameters filled): the path, and the pairs to send besides the parameters (httpx
    would replace the URL's query with them). Pairs whose value is still a placeholder,
    or that a parameter sends, are left out. A `#` part (AWS's `/#Action=...`) is left
    out too: it notes parameters that the document declares, sent as such."""
    path, _, query = target.split("#", 1)[0].partition("?")
    pairs: _QueryPairs = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if name not in given and not _PLACEHOLDER.fullmatch(value)
    ]
    return path, pairs


def build_query(
    values: Mapping[str, object], styles: Mapping[str, tuple[str, bool]]
) -> _QueryPairs:
    """Query parameters in OpenAPI's styles: form (exploded or comma), pipe, space and
    deepObject; or, where the document gives a parameter a JSON media type rather than a
    schema ("json"), its whole value as one JSON text."""
    pairs: _QueryPairs = []
    for name, value in values.items():
        if value is None or isinstance(value, NotGiven):
            continue
        style, explode = styles.get(name, ("form", True))
        if style == "json":
            pairs.append((name, _query_value(value)))
        elif style == "deepObject" and isinstance(
            value, (Mapping, list, tuple, pydantic.BaseModel)
        ):
            # nested as a deepObject form field is (`filter[a][b]=x`; a list's items by
            # index, as Stripe reads `expand[0]=...`); an empty one sends nothing
            data = to_json_data(value)
            if data:
                pairs.extend(_deep_pairs(name, data))
        elif isinstance(value, (list, tuple)):
            items = [_query_value(v) for v in value]
            if explode and style == "form":
                pairs.extend((name, item) for item in items)
            else:
                separator = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
                pairs.append((name, separator.join(items)))
        elif isinstance(value, Mapping) and explode:
            pairs.extend(
                (str(key), _query_value(v))
                for key, v in value.items()
                if not isinstance(v, NotGiven)
            )
        else:
            pairs.append((name, _query_value(value)))
    return pairs


def form_pairs(
    fields: Mapping[str, Any], styles: Mapping[str, tuple[str, bool]]
) -> list[tuple[str, str]]:
    """A form body's fields as name=value pairs: a list as the field repeated (a form
    field's own style, exploded), or joined as its style says; a field the document
    writes as a deepObject as `name[key]=value`, nested (`items[0][price]=...`, as Stripe
    reads it); any other object as JSON."""
    pairs: list[tuple[str, str]] = []
    for name, value in fields.items():
        if value is None:
            continue
        style, explode = styles.get(name, ("form", True))
        if style == "deepObject" and isinstance(value, (Mapping, list)):
            pairs.extend(_deep_pairs(name, value))
        elif isinstance(value, list):
            items = [_query_value(v) for v in value if v is not None]
            if explode and style == "form":
                pairs.extend((name, item) for item in items)
            else:
                separator = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
                pairs.append((name, separator.join(items)))
        else:
            pairs.append((name, _query_value(value)))
    return pairs


def _deep_pairs(prefix: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, Mapping):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return [] if value is None else [(prefix, _query_value(value))]
    # an empty object or list has no pairs of its own: `name=` says it is there, empty
    return [pair for key, item in items for pair in _deep_pairs(f"{prefix}[{key}]", item)] or [
        (prefix, "")
    ]


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The server's requested wait, from `Retry-After` (seconds or HTTP date) or
    `retry-after-ms`."""
    millis = response.headers.get("retry-after-ms")
    if millis:
        try:
            seconds = float(millis) / 1000
        except ValueError:
            pass
        else:
            if math.isfinite(seconds):
                return max(seconds, 0.0)
    header = response.headers.get("retry-after")
    if not header:
        return None
    try:
        seconds = float(header)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    when = _http_date(header)
    if when is None:
        return None
    # Measured against the response's own Date when it has one, so a skewed local clock
    # doesn't matter.
    now = _http_date(response.headers.get("date", "")) or time.time()
    return max(when - now, 0.0)


def _http_date(text: str) -> float | None:
    """An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`) as a timestamp, or None."""
    try:
        return email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def retry_delay(attempt: int, response: httpx.Response | None) -> float | None:
    """Seconds to wait before retry number `attempt` (0-based); None when the server asks
    for too long."""
    wanted = retry_after_seconds(response) if response is not None else None
    if wanted is not None:
        return wanted if wanted <= MAX_RETRY_AFTER else None
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    # Jitter spreads out the retries of many clients that failed at the same moment.
    return delay * (1 - 0.25 * random.random())


def _retryable_status(response: httpx.Response) -> bool:
    """Whether the status says another try may succeed; the server can override with
    x-should-retry."""
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
        return json.loads(json_text(response))
    except ValueError:  # (UnicodeDecodeError is one)
        return None


#: the byte order mark a UTF-8 text may start with
_BOM = b"\xef\xbb\xbf"
#: a Content-Type that names a charset other than UTF-8 (a cheap test before httpx's
#: parse of the header, which costs 10-20 µs a response)
_OTHER_CHARSET = re.compile(r"charset\s*=\s*(?![\"']?utf-?8\b)", re.IGNORECASE)


def json_text(response: httpx.Response) -> bytes | str:
    """The body as JSON text to parse: UTF-8, as RFC 8259 has it, less a byte order mark
    (which the RFC lets a reader ignore, and .NET servers send); or, where the
    Content-Type names another charset (an old server's ISO-8859-1), decoded from that."""
    content = response.content
    charset = (
        response.charset_encoding
        if _OTHER_CHARSET.search(response.headers.get("content-type", ""))
        else None
    )
    if charset is not None:
        try:
            return content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a charset unknown, or not the body's: read it as UTF-8, as JSON should be
    return content[3:] if content[:3] == _BOM else content


def make_status_error(
    response: httpx.Response, operation: Operation[Any], client_hint: str | None = None
) -> errors.APIStatusError:
    """The exception for an error status, with the API's error body decoded when it is JSON."""
    body = _error_body(response)
    common = {**_error_context(operation), "client_hint": client_hint}
    if response.status_code == 304:
        return errors.NotModifiedError(response, body, **common)
    if 300 <= response.status_code < 400:
        return errors.RedirectError(response, body, **common)
    cls = errors.error_class(response.status_code)
    if cls is errors.RateLimitError:
        return errors.RateLimitError(
            response, body, retry_after=retry_after_seconds(response), **common
        )
    return cls(response, body, **common)


def _error_context(operation: Operation[Any]) -> dict[str, Any]:
    return {"required_scopes": operation.scopes, "operation_id": operation.operation_id}


#: the statuses of a redirect with a Location (RFC 9110, 15.4)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: the content type that tells each decoding apart when a status has several
_CONTENT_TYPE_MARKERS = {"json": "json", "text": "text/", "sse": "event-stream"}


def _response_spec(response: httpx.Response, operation: Operation[Any]) -> ResponseSpec | None:
    """The spec of the response's status, chosen by content type when there are several.
    A success the document does not list (a 201 where it says 200) is read as the first
    it lists, so that the method returns what its annotation promises."""
    status = str(response.status_code)
    specs = (
        operation.responses.get(status)
        or operation.responses.get(status[0] + "XX")
        or operation.responses.get("default")
        or (
            next((s for code, s in operation.responses.items() if code.startswith("2")), ())
            if status.startswith("2") and response.content
            else ()
        )
    )
    if not specs:
        return None
    content_type = _content_type(response)
    for spec in specs:
        marker = _CONTENT_TYPE_MARKERS.get(spec.decoding)
        if marker and marker in content_type:
            return spec
    # a type none names (application/octet-stream, audio/mpeg): the status's file, where
    # it lists one beside an event stream (OpenAI's speech)
    binary = [spec for spec in specs if spec.decoding == "binary"]
    return binary[0] if binary and content_type else specs[0]


def _documented_redirect(response: httpx.Response, operation: Operation[Any]) -> bool:
    """Whether the response is a redirect the document gives as the operation's answer
    (GitHub's archive downloads answer only 302; a server that says 307 instead means the
    same): its address is the result, where any other redirect is an error (the client
    follows none, so that no credential goes where it was not sent)."""
    return response.status_code in _REDIRECTS and _redirects_only(operation)


def _redirect_address(response: httpx.Response, operation: Operation[Any]) -> str:
    """The address a documented redirect names, made absolute against the request's
    (a Location may be relative); where an HTTP client that follows redirects was given
    to the client, the address it ended at."""
    if not 300 <= response.status_code < 400:
        return str(response.url)
    location = response.headers.get("location", "").strip()
    if not location:
        raise errors.ResponseValidationError(
            response,
            f"{operation.operation_id} answered {response.status_code} with no Location header, "
            "where the API document gives the redirect's address as its answer",
        )
    return str(response.request.url.join(location))


def _redirects_only(operation: Operation[Any]) -> bool:
    """Whether every answer the document lists as a success is a redirect's address."""
    specs = [
        spec for status, specs in operation.responses.items() for spec in specs if status[0] in "23"
    ]
    return bool(specs) and all(spec.decoding == "location" for spec in specs)


def _content_type(response: httpx.Response) -> str:
    content_type = str(response.headers.get("content-type", ""))
    return content_type.split(";")[0].strip().lower()


def _raise_for_failure(
    response: httpx.Response, operation: Operation[Any], failure: tuple[str, object]
) -> None:
    """Raise APIFailureError where a success's body says the call failed as the document
    describes (Slack's 200 with `"ok": false`)."""
    try:
        data = json.loads(json_text(response))
    except ValueError:
        return  # (not JSON: the decoding below says so)
    field, value = failure
    if isinstance(data, dict) and field in data and data[field] == value:
        if type(data[field]) is type(value):  # (False is not 0)
            raise errors.APIFailureError(response, data, **_error_context(operation))


def parse_response(response: httpx.Response, operation: Operation[Any], strict: bool = True) -> Any:
    """Decode a success response according to the operation's response specs.

    A body that does not match the document raises ResponseValidationError when
    `strict`; otherwise it is read as far as it goes (see `_models.construct`) and each
    difference is logged at debug level."""
    if _redirects_only(operation):
        return _redirect_address(response, operation)
    spec = _response_spec(response, operation)
    if spec is None:
        # A status the document does not list: return its JSON, if it has any.
        if not response.content and _promises_value(operation):
            raise errors.ResponseValidationError(
                response,
                f"{operation.operation_id} answered {response.status_code} with an empty body, "
                "where the API document promises one",
            )
        spec = ResponseSpec("json") if response.content else ResponseSpec("none")
    if spec.decoding == "none":
        return None
    if not response.content and spec.decoding not in ("text", "binary"):  # (b"" is a file)
        if spec.type is not None:
            # The method promises a value: an empty body must not turn into a silent None.
            raise errors.ResponseValidationError(
                response,
                f"{operation.operation_id} answered {response.status_code} with an empty body, "
                "where the API document promises one",
            )
        return None
    if spec.decoding in ("text", "sse"):
        return response.text
    if spec.decoding == "binary":
        return response.content
    if operation.failure is not None:
        _raise_for_failure(response, operation, operation.failure)
    if spec.type is None:
        try:
            return json.loads(json_text(response))
        except ValueError:
            raise errors.ResponseValidationError(response, _not_json(response)) from None
    try:
        return validate_json(spec.type, json_text(response))
    except pydantic.ValidationError as exc:
        if strict or exc.errors()[0].get("type") == "json_invalid":
            raise errors.ResponseValidationError(
                response, describe_validation_error(exc, response)
            ) from None
    request = response.request
    where = f"{request.method} {request.url.copy_with(query=None)}"

    def note(field: str, problem: str) -> None:
        log.debug(f"response of {where} differs from the API document at {field}: {problem}")

    data = json.loads(json_text(response))
    if data is None:  # (the type takes no null, or it would have validated)
        # as an empty body: a value promised must not turn into a silent None
        raise errors.ResponseValidationError(
            response,
            f"{operation.operation_id} answered {response.status_code} with null, "
            "where the API document promises a value",
        )
    return construct(spec.type, data, note)


def _promises_value(operation: Operation[Any]) -> bool:
    """Whether every success the document lists has a typed body (where one of them has
    none, such as a 204, None is a value the method may return)."""
    successes = [specs for status, specs in operation.responses.items() if status.startswith("2")]
    return bool(successes) and all(
        any(spec.type is not None for spec in specs) for specs in successes
    )


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
    """`<LOG_ENV>=debug` (or `info`) prints this package's log to stderr, once per process."""
    setting = os.environ.get(settings.LOG_ENV, "")
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


def _attempt_seconds(timeout: float | httpx.Timeout | None) -> float | None:
    """How long one attempt may take in all, body included: a server that trickles its
    answer byte by byte must not outlast the timeout the caller gave."""
    if timeout is None or isinstance(timeout, (int, float)):
        return None if timeout is None else float(timeout)
    parts = [
        t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t is not None
    ]
    return max(parts) if parts else None


#: When the attempt in progress (in this thread or task) must be over, on which clock.
#: The network streams of the clients' own connection pools cut every connect, read
#: and write to what is left of it: a server that trickles its status line, headers
#: or body a byte at a time cannot hold a call past its timeout.
_ATTEMPT_END: contextvars.ContextVar[tuple[float, Callable[[], float]] | None] = (
    contextvars.ContextVar("attempt_end", default=None)
)


def _left(timeout: float | None, error: type[Exception] = httpcore.ReadTimeout) -> float | None:
    """`timeout`, cut to what is left of the attempt; `error` once nothing is."""
    current = _ATTEMPT_END.get()
    if current is None:
        return timeout
    end, clock = current
    left = end - clock()
    if left <= 0:
        raise error("the request took longer than its timeout")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._backend.connect_tcp(host, port, left, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _left(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(
            await self._stream.start_tls(ssl_context, server_hostname, left)
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        stream = await self._backend.connect_tcp(host, port, left, local_address, socket_options)
        return _AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(
            await self._backend.connect_unix_socket(path, left, socket_options)
        )

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _bound_by_deadlines(http: _HTTPClientT) -> _HTTPClientT:
    """`http` (a client this package created) with the deadline-keeping streams in its
    connection pools: the default one and any proxy's. A pool of another make is left
    as it is (then only the body is read against the deadline, chunk by chunk)."""
    mounts: Mapping[Any, Any] = getattr(http, "_mounts", None) or {}
    for transport in [getattr(http, "_transport", None), *mounts.values()]:
        pool: Any = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(
            backend, _DeadlineBackend
        ):
            pool._network_backend = _DeadlineBackend(backend)
        elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(
            backend, _AsyncDeadlineBackend
        ):
            pool._network_backend = _AsyncDeadlineBackend(backend)
    return http


class _BaseClient:
    """Settings shared by the sync and async clients, and what both do the same way."""

    api_key: str | None
    base_url: httpx.URL
    timeout: float | httpx.Timeout | None
    max_retries: int
    #: a response body (decompressed) larger than this raises ResponseTooLargeError
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    #: raise ResponseValidationError when a response does not match the API document
    #: (otherwise it is read as far as it goes, and the differences logged at debug level)
    strict_response_validation: bool = False
    #: long-running jobs (queries) this process runs at once against one account; None:
    #: what the API document says (x-long-running max-concurrent), if anything
    max_concurrent_jobs: int | None = None
    #: the clock polling and deadlines are measured with; tests replace it together with `_sleep`
    _clock = staticmethod(time.monotonic)
    _sleep: Any
    _http: Any
    _owns_http: bool

    def _configure(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        path_defaults: Mapping[str, str | None],
        timeout: float | httpx.Timeout | None | NotGiven,
        max_retries: int | None,
        default_headers: Mapping[str, str] | None,
        strict_response_validation: bool | None,
        credentials: Mapping[str, str | None] | None = None,
    ) -> None:
        config = _config.resolve(
            api_key=api_key,
            base_url=base_url,
            path_defaults=path_defaults,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            credentials=credentials,
        )
        self.strict_response_validation = config.strict_response_validation
        self.api_key = config.api_key
        self.base_url = config.base_url
        self.timeout = config.timeout
        self.max_retries = config.max_retries
        self._default_headers = dict(config.default_headers)
        self._path_defaults: dict[str, str] = dict(config.path_defaults)
        self._credentials: dict[str, str] = dict(config.credentials)
        #: what a call of an operation that needs credentials lacks (an API whose other
        #: operations need none takes a client without them); None: nothing
        self._missing_credentials = config.missing_credentials
        # Computed once: every request starts from these (the hot path stays a dict copy).
        self._base_url_text = str(self.base_url)
        # An operation the API serves from another address goes there only from the API's
        # own: a client given its own address (a proxy, a mock) sends everything to it.
        self._at_default_address = self._base_url_text == _config.default_base_url()
        # The credentials sent where an operation names no way of its own: those of the
        # first way of the document's requirement the client has all of (then of any way);
        # an API with one way gets the key and everything given beside it.
        self._usual_way = self._way_given(settings.SECURITY) or self._way_given(settings.WAYS)
        self._fixed_headers, self._query_credentials = self._request_auth(self._usual_way)
        #: the same for each operation's own ways (Operation.security), made at first use
        self._auth_by_ways: dict[
            tuple[tuple[str, ...], ...], tuple[dict[str, str], list[tuple[str, str]], bool]
        ] = {}
        #: the OAuth 2 token fetched with the client's ID and secret (client credentials)
        self._tokens = TokenSource.of(self._base_url_text, self._credentials)
        self._usual_token = self._fetches_token(self._usual_way)
        configure_logging_from_env()

    def _path_default_value(self, name: str) -> str:
        return self._path_defaults[name]

    def _settings_for_copy(self) -> dict[str, Any]:
        """The constructor's arguments that make an equal client (see `with_options`)."""
        return {
            "api_key": self.api_key,
            settings.BASE_URL_ARGUMENT: str(self.base_url),
            **{settings.PATH_DEFAULTS[name][2]: v for name, v in self._path_defaults.items()},
            **self._credentials,
            "timeout": self.timeout,
            "max_retries": self.max_retries,
            "default_headers": self._default_headers,
            "strict_response_validation": self.strict_response_validation,
            "max_concurrent_jobs": self.max_concurrent_jobs,
        }

    def _copy(self: _ClientT, http_client: Any, changes: Mapping[str, Any]) -> _ClientT:
        """A client like this one with `changes` (NOT_GIVEN: keep); it shares the connection
        pool unless given another."""
        merged = self._settings_for_copy()
        merged.update({k: v for k, v in changes.items() if not isinstance(v, NotGiven)})
        shared = isinstance(http_client, NotGiven)
        make: Any = type(self)  # a generated client class: its keywords are the settings above
        copy: _ClientT = make(**merged, http_client=self._http if shared else http_client)
        copy._owns_http = False  # the pool belongs to this client (or to the caller)
        if (
            copy._tokens is not None
            and self._tokens is not None
            and copy._tokens.same(self._tokens)
        ):
            copy._tokens = self._tokens  # (one token for a client and its copies)
        copy.max_response_bytes = self.max_response_bytes
        # Carry over hooks a test may have replaced on this instance (`client._sleep = ...`).
        copy._sleep, copy._clock = self._sleep, self._clock
        return copy

    def _fetches_token(self, way: Sequence[str] | None) -> bool:
        """Whether `way` authenticates with the token the client fetches (its client ID and
        secret stand for it in the ways: settings.TOKEN_FLOW)."""
        flow = settings.TOKEN_FLOW
        return self._tokens is not None and flow is not None and way is not None and flow[1] in way

    def _way_given(self, ways: Sequence[Sequence[str]]) -> tuple[str, ...] | None:
        """The first of `ways` the client has every credential of."""
        for way in ways:
            if way and all(
                self.api_key if name == "api_key" else self._credentials.get(name) for name in way
            ):
                return tuple(way)
        return None

    def _request_auth(
        self, way: Sequence[str] | None
    ) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """The headers every request starts from, with `way`'s credentials in them (None:
        the key and every credential given), and the credentials that go in the query."""
        headers = {
            "Accept": "application/json",
            "User-Agent": f"{settings.DISTRIBUTION}-python/{__version__}",
        }
        query: list[tuple[str, str]] = []
        cookies: list[str] = []
        for name in way if way is not None else ("api_key", *self._credentials):
            if name == "api_key":
                where, wire, value = settings.AUTH_SCHEME, settings.AUTH_NAME, self.api_key
            else:
                _, where, wire = settings.CREDENTIALS[name]
                value = self._credentials.get(name)
            if not value or where.startswith("aws-"):
                continue  # (AWS's credentials sign the request: _sign, at each attempt)
            if where == "bearer":
                headers["Authorization"] = f"Bearer {value}"
            elif where == "basic":
                pair = value if ":" in value else value + ":"
                headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
            elif where == "header":
                headers[wire] = value
            elif where == "query":
                query.append((wire, value))
            elif where == "cookie":
                cookies.append(f"{wire}={value}")
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        headers.update(self._default_headers)
        return headers, query

    def _put_token(self, request: httpx.Request, token: str) -> str:
        request.headers["Authorization"] = f"Bearer {token}"
        return token

    def _token_refused(self, response: httpx.Response, bearer: str | None, renewed: bool) -> bool:
        """Whether to send again with a new token: the API refused the one fetched (revoked,
        or expired sooner than it said), and this request has not had a new one yet."""
        if response.status_code != 401 or bearer is None or renewed or self._tokens is None:
            return False
        self._tokens.forget(bearer)
        log.info("the API refused the OAuth token; fetching another")
        return True

    def _token_hint(self, response: httpx.Response) -> str | None:
        """What a refusal by the token endpoint means: the client's ID or secret."""
        flow = settings.TOKEN_FLOW
        if flow is None or response.status_code not in (400, 401, 403):
            return None
        names = " and ".join(f"{n} ({settings.CREDENTIALS[n][0]})" for n in flow[1:3])
        return f"the token endpoint {response.request.url} refused {names}"

    def _auth_hint(self, response: httpx.Response, operation: Operation[Any]) -> str | None:
        """For a refusal (401, 403) of an operation whose ways of authenticating the client
        has no credentials for: what it takes, since the server only says it is refused."""
        if operation is _TOKEN:
            return self._token_hint(response)
        ways = operation.security
        if response.status_code not in (401, 403) or ways is None or self._way_given(ways):
            return None

        def named(name: str) -> str:
            env = settings.API_KEY_ENV if name == "api_key" else settings.CREDENTIALS[name][0]
            return f"{'the API key' if name == 'api_key' else name} ({env})"

        takes = " or ".join(" with ".join(map(named, way)) for way in ways)
        return f"this operation takes {takes}; the client has not got it and sent its usual credentials"

    def _operation_auth(
        self, operation: Operation[Any]
    ) -> tuple[dict[str, str], list[tuple[str, str]], bool]:
        """What `_request_auth` gives for the operation's own ways (the client's usual
        credentials where it names none, or where the client lacks all it names: the
        server then says what is missing), and whether the fetched token goes with it."""
        ways = operation.security
        if ways is None:
            return self._fixed_headers, self._query_credentials, self._usual_token
        found = self._auth_by_ways.get(ways)
        if found is None:
            way = self._way_given(ways)
            found = (
                (*self._request_auth(way), self._fetches_token(way))
                if way is not None and way != self._usual_way
                else (self._fixed_headers, self._query_credentials, self._usual_token)
            )
            self._auth_by_ways[ways] = found
        return found

    def _poll_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        url: httpx.URL,
        started: httpx.Request,
        operation: Operation[Any],
    ) -> httpx.Request:
        """A GET of `url`, the status or the result of the long-running operation `started`
        began: with the client's credentials only where `url` is on the host `started` went
        to (the server names it; a credential is not sent to another host)."""
        here = (url.scheme, url.host, url.port) == (
            started.url.scheme,
            started.url.host,
            started.url.port,
        )
        fixed, query, token = self._operation_auth(operation)
        headers = dict(fixed) if here else {name: fixed[name] for name in ("Accept", "User-Agent")}
        for name, value in query if here else ():
            url = url.copy_add_param(name, value)
        return http.build_request(
            "GET",
            url,
            headers=headers,
            timeout=_timeout_of(started) or httpx.Timeout(None),
            extensions={_BEARER: True} if token and here else None,
        )

    def _log_wait(self, request: httpx.Request, pause: float, polls: int) -> None:
        log.info(
            self._redact(
                f"waiting {pause:.1f}s for {request.method} {request.url.path} to finish "
                f"(poll {polls + 1})"
            )
        )

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        operation: Operation[Any],
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
        if self._missing_credentials is not None and not operation.public:
            raise errors.ConfigurationError(
                f"{operation.operation_id} needs credentials. {self._missing_credentials}"
            )
        try:
            return self._encode_request(
                http,
                operation,
                path=path,
                query=query,
                headers=headers,
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            )
        except UnicodeEncodeError as exc:
            # A str that is not Unicode text (a lone surrogate, as undecodable bytes in
            # sys.argv become) cannot be sent; say so before anything is.
            bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
            raise errors.InvalidArgumentError(
                f"an argument cannot be sent as given: {bad!r} cannot be encoded as {exc.encoding} "
                "(bytes that were not UTF-8, or a character a header cannot carry)"
            ) from None

    def _encode_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        operation: Operation[Any],
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
        if operation.path_defaults:
            path = {
                name: (
                    self._path_defaults.get(name, value)
                    if name in operation.path_defaults and isinstance(value, NotGiven)
                    else value
                )
                for name, value in path.items()
            }
        # The base URL ends with "/", so plain concatenation is the join (and cheaper than
        # URL.join).
        if operation.query_defaults:
            query = {**operation.query_defaults, **_given(query)}
        if operation.header_defaults:
            headers = {**operation.header_defaults, **_given(headers)}
        target = path_with_params(operation.path, path, operation.slashed_path)
        params = build_query(
            {**query, **extra_query} if extra_query else query, operation.query_styles
        )
        if "?" in target or "#" in target:  # a template with a query part of its own
            target, fixed = _template_query(target, {name for name, _ in params})
            params = [*fixed, *params]
        # (the base URL ends with "/"; a path the document starts with "//" keeps one)
        base = (
            operation.server
            if operation.server and self._at_default_address
            else self._base_url_text
        )
        url = base + target.removeprefix("/")
        usual_headers, auth_query, token = self._operation_auth(operation)
        # a parameter given by name wins over a credential of its name, as headers do
        if auth_query:
            given = {name for name, _ in params}
            params.extend((name, value) for name, value in auth_query if name not in given)
        all_headers = dict(usual_headers)
        if operation.accept:
            all_headers["Accept"] = operation.accept
        for name, value in headers.items():
            if value is not None and not isinstance(value, NotGiven):
                _put_header(all_headers, name, _header_value(value))
        for name, text in (extra_headers or {}).items():
            _put_header(all_headers, name, text)
        all_headers.pop(RAW_RESPONSE_HEADER, None)
        if extra_body:
            body = {**(body if isinstance(body, Mapping) else {}), **extra_body}
        content, data, files = _encode_body(
            body,
            operation.body_encoding,
            all_headers,
            operation.body_media_type,
            operation.null_body,
            operation.form_styles,
        )
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
            extensions=self._auth_extensions(token),
        )

    def _auth_extensions(self, token: bool) -> dict[str, Any] | None:
        """How the request is authenticated at each attempt: the fetched OAuth token
        (_BEARER), or an AWS signature (_SIGV4: the client has the keys)."""
        if token:
            return {_BEARER: True}
        signing = settings.AWS_SIGNING
        if signing is not None and self.api_key and self._credentials.get(signing[2]):
            return {_SIGV4: True}
        return None

    def _sign(self, request: httpx.Request) -> None:
        """Sign the request with the client's AWS credentials (AWS Signature Version 4)."""
        signing = settings.AWS_SIGNING
        assert signing is not None and self.api_key  # (a request is marked _SIGV4 only then)
        service, region, secret, token = signing
        _sigv4.sign(
            request,
            access_key_id=self.api_key,
            secret_access_key=self._credentials[secret],
            session_token=self._credentials.get(token),
            service=service,
            region=_sigv4.region_of(request.url.host, region),
        )

    # -- deadlines -------------------------------------------------------------

    def _attempt_deadline(self, request: httpx.Request, deadline: float | None) -> float | None:
        """When this attempt must be over: the request's own timeout (for the whole
        attempt, body included) or the caller's deadline, whichever comes first. The
        request's socket timeouts are cut down to what is left of the caller's deadline."""
        own = _attempt_seconds(_timeout_of(request))
        now = self._clock()
        ends = [t for t in (now + own if own is not None else None, deadline) if t is not None]
        if not ends:
            return None
        end = min(ends)
        if deadline is not None:
            left = max(deadline - now, 0.001)
            timeouts = dict(request.extensions.get("timeout") or {})
            request.extensions["timeout"] = {
                key: left if value is None else min(value, left) for key, value in timeouts.items()
            } or httpx.Timeout(left).as_dict()
        return end

    def _check_deadline(self, request: httpx.Request, deadline: float | None) -> None:
        if deadline is not None and self._clock() >= deadline:
            raise errors.APITimeoutError(request=request)

    def _accept_chunk(self, request: httpx.Request, total: int, end: float | None) -> None:
        """Called after each chunk of a body is read: enforce the size cap and the deadline
        (for connection pools the client did not make itself; its own enforce it on every
        read). Running out of time is a read timeout, retried as any other."""
        if total > self.max_response_bytes:
            raise errors.ResponseTooLargeError(request, self.max_response_bytes)
        if end is not None and self._clock() > end:
            raise httpx.ReadTimeout("the request took longer than its timeout", request=request)

    def _enter_attempt(self, end: float | None) -> contextvars.Token[Any] | None:
        return None if end is None else _ATTEMPT_END.set((end, self._clock))

    # -- retries -------------------------------------------------------------

    def _delay_after_failure(
        self, exc: httpx.TransportError, operation: Operation[Any], attempt: int
    ) -> float | None:
        """Seconds to wait before resending after a transport failure, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if not operation.retry_safe and not isinstance(exc, _NEVER_SENT):
            return None  # the server may have acted on it: a second send could act twice
        return retry_delay(attempt, None)

    def _delay_after_status(
        self, response: httpx.Response, operation: Operation[Any], attempt: int
    ) -> float | None:
        """Seconds to wait before resending after an error status, or None to raise it."""
        if attempt >= self.max_retries or not _retryable_status(response):
            return None
        if not operation.retry_safe and response.status_code not in _NOT_PROCESSED:
            return None
        return retry_delay(attempt, response)

    # -- secrets and logging -------------------------------------------------

    def _redact(self, text: str) -> str:
        """`text` without the API key (or another credential), in case a server or proxy
        echoed it back."""
        for secret in self._secrets():
            text = text.replace(secret, _REDACTED)
        return text

    def _redact_error(self, exc: errors.APIError) -> None:
        for secret in self._secrets():
            exc.remove_secret(secret, _REDACTED)

    def _secrets(self) -> list[str]:
        fetched = self._tokens.token if self._tokens is not None else None
        return [s for s in (self.api_key, *self._credentials.values(), fetched) if s]

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            headers = redact_headers(dict(request.headers))
            log.debug(
                self._redact(
                    f"request {request.method} {request.url} (attempt {attempt + 1}) "
                    f"headers={headers}"
                )
            )

    def _log_response(self, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.DEBUG):
            request = response.request
            headers = redact_headers(dict(response.headers))
            log.debug(
                self._redact(
                    f"response {request.method} {request.url} -> {response.status_code} "
                    f"headers={headers} body="
                    + (
                        "(a token: not shown)"
                        if is_token_request(request) and response.status_code < 300
                        else _body_preview(response)
                    )
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


def _timeout_of(request: httpx.Request) -> httpx.Timeout | None:
    values = request.extensions.get("timeout")
    if not values:
        return None
    timeout = httpx.Timeout(**values)
    return (
        None
        if all(v is None for v in (timeout.connect, timeout.read, timeout.write, timeout.pool))
        else timeout
    )


def _encode_body(
    body: Any,
    encoding: str,
    headers: dict[str, str],
    media_type: str = "",
    null: bool = False,
    form_styles: Mapping[str, tuple[str, bool]] | None = None,
) -> tuple[bytes | None, dict[str, Any] | None, dict[str, Any] | None]:
    """The request body as (content, form data, files) for httpx; sets Content-Type where
    httpx doesn't: `media_type` (the document's), else the encoding's usual one. None is
    no body, unless `null` says it is the JSON value."""
    if isinstance(body, NotGiven) or (body is None and not (null and encoding == "json")):
        return None, None, None
    if encoding == "json":
        headers.setdefault("Content-Type", media_type or "application/json")
        return (
            json.dumps(to_json_data(body), separators=(",", ":"), ensure_ascii=False).encode(),
            None,
            None,
        )
    if encoding == "ndjson":  # one JSON value a line; text or bytes already so go as they are
        headers.setdefault("Content-Type", media_type or "application/x-ndjson")
        if isinstance(body, (bytes, str)):
            return (body.encode() if isinstance(body, str) else body), None, None
        lines = (
            json.dumps(to_json_data(item), separators=(",", ":"), ensure_ascii=False) + "\n"
            for item in body
        )
        return "".join(lines).encode(), None, None
    if encoding == "form":
        fields = to_json_data(body)
        if isinstance(fields, Mapping):
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            return urlencode(form_pairs(fields, form_styles or {})).encode(), None, None
        # the document's form is one value, not an object of fields: the encoded form
        # itself ("name=value&..."), sent as it is
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return (fields if isinstance(fields, bytes) else str(fields).encode()), None, None
    if encoding == "multipart":
        if isinstance(body, (bytes, str, tuple)) or hasattr(body, "read"):
            # the document's multipart schema is one file (or one value), not an object of
            # fields: it goes in a part named "file", the name most servers read it from
            return None, None, {"file": body}
        files: dict[str, Any] = {}
        data: dict[str, Any] = {}
        for key, value in dict(body).items():
            if isinstance(value, (bytes, tuple)) or hasattr(value, "read"):
                files[key] = value
            elif isinstance(value, NotGiven):
                continue
            elif _is_object_data(value):
                # an object goes as a JSON part, OpenAPI's default for one (Telegram's
                # `media`): a server, or Prism, reads it back as an object, not text
                files[key] = (None, _query_value(value), "application/json")
            else:
                data[key] = _query_value(value)
        if data and not files:  # without a file httpx would send the fields urlencoded
            return None, None, {key: (None, value) for key, value in data.items()}
        if not data and not files:
            # a form without fields: httpx would send no body at all, which a server (or
            # Prism) reads as the body missing; the empty form is the closing boundary
            boundary = os.urandom(16).hex()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            return f"--{boundary}--\r\n".encode(), None, None
        return None, data, files
    if encoding == "text":
        headers.setdefault("Content-Type", media_type or "text/plain")
        return (body if isinstance(body, bytes) else str(body).encode()), None, None
    headers.setdefault("Content-Type", media_type or "application/octet-stream")
    if hasattr(body, "read"):  # a file: read now, so that a retry sends the same bytes
        body = body.read()
    # text given for binary content goes as its UTF-8 bytes (bytes() of a str refuses)
    return (body.encode() if isinstance(body, str) else bytes(body)), None, None


def _wants_raw(extra_headers: Mapping[str, str] | None) -> bool:
    return bool(extra_headers and extra_headers.get(RAW_RESPONSE_HEADER))


def _wants_stream(extra_headers: Mapping[str, str] | None) -> bool:
    return bool(extra_headers and extra_headers.get(RAW_RESPONSE_HEADER) == STREAM_RESPONSE)


def _without_raw(extra_headers: Mapping[str, str] | None) -> Mapping[str, str] | None:
    if not extra_headers or RAW_RESPONSE_HEADER not in extra_headers:
        return extra_headers
    return {k: v for k, v in extra_headers.items() if k != RAW_RESPONSE_HEADER}


def _first_page(
    page_class: Any, first: APIResponse[Any], style: Any, query: Any, fetch: Any
) -> Any:
    return page_class(
        envelope=first.parse(),
        style=style,
        query=query,
        fetch=fetch,
        next_link=_next_link(first.http_response),
    )


def _next_link(response: httpx.Response) -> str | None:
    """The `rel="next"` address of a response's Link header (GitHub's pages), if any."""
    url = response.links.get("next", {}).get("url")
    return url if isinstance(url, str) and url else None


def _page_headers(extra_headers: Mapping[str, str] | None) -> dict[str, str]:
    """A page's request asks for the raw response: its Link header may lead onwards."""
    return {**(_without_raw(extra_headers) or {}), RAW_RESPONSE_HEADER: "true"}


def _non_empty(query: Mapping[str, object] | None) -> dict[str, object]:
    return {k: v for k, v in (query or {}).items() if v is not None and not isinstance(v, NotGiven)}


def _keep_body(response: httpx.Response, chunks: list[bytes]) -> None:
    """Make the body read chunk by chunk the response's content, as `read()` would."""
    response._content = b"".join(chunks)  # what httpx.Response.read() itself sets


class SyncAPIClient(_BaseClient):
    _http: httpx.Client
    _owns_http: bool
    _sleep = staticmethod(time.sleep)

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        path_defaults: Mapping[str, str | None],
        timeout: float | httpx.Timeout | None | NotGiven,
        max_retries: int | None,
        default_headers: Mapping[str, str] | None,
        http_client: httpx.Client | None,
        strict_response_validation: bool | None = None,
        max_concurrent_jobs: int | None = None,
        credentials: Mapping[str, str | None] | None = None,
    ) -> None:
        self.max_concurrent_jobs = max_concurrent_jobs
        self._configure(
            api_key=api_key,
            base_url=base_url,
            path_defaults=path_defaults,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            credentials=credentials,
        )
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else _bound_by_deadlines(httpx.Client(timeout=self.timeout))
        )

    def request(
        self,
        operation: Operation[_T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
    ) -> _T:
        """Send one operation with retries; return its parsed value (or APIResponse when raw).

        `deadline` (a time on `_clock`) bounds the whole call, retries included."""
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
            response, retries = self._send(
                request, operation, deadline=deadline, stream=_wants_stream(extra_headers)
            )
            if _wants_raw(extra_headers):
                raw: APIResponse[_T] = APIResponse(
                    response,
                    functools.partial(
                        parse_response, response, operation, self.strict_response_validation
                    ),
                    retries,
                )
                return cast(_T, raw)
            if operation.arm_polling is not None:
                response = self._await_arm(request, response, operation, deadline)
            return cast(_T, parse_response(response, operation, self.strict_response_validation))
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

    def _await_arm(
        self,
        request: httpx.Request,
        response: httpx.Response,
        operation: Operation[Any],
        deadline: float | None,
    ) -> httpx.Response:
        """The response that ends the Azure long-running operation `request` started
        (the first `response`, where it says it is done): polled as _arm_polling says."""
        followed = arm.watch(request, response, operation.arm_polling or "")
        if followed is None:
            if arm.failed_at_once(request, response):
                raise arm.failure(response)
            return response
        answer, polls = response, 0
        while True:
            pause = arm.delay(retry_after_seconds(answer), polls)
            if deadline is not None:
                pause = min(pause, max(deadline - self._clock(), 0.0))
            self._log_wait(request, pause, polls)
            self._sleep(pause)
            poll = self._poll_request(self._http, followed.url, request, operation)
            answer, _ = self._send(poll, _ARM_POLL, deadline=deadline)
            polls += 1
            watcher = arm.on_poll.get()
            if watcher is not None:
                watcher(arm.shown(followed, answer))
            outcome = arm.state(followed, answer)
            if outcome == arm.FAILED:
                raise arm.failure(answer)
            if outcome == arm.SUCCEEDED:
                break
        if not isinstance(followed.result, httpx.URL):
            return answer  # the last poll's answer is the result (the monitor's, AutoRest's too)
        final = self._poll_request(self._http, followed.result, request, operation)
        return self._send(final, _ARM_POLL, deadline=deadline)[0]

    def request_stream(
        self,
        operation: Operation[Any],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        """Send one operation with retries; return the open response, its body unread."""
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
            return self._send(request, operation, stream=True)[0]
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

    def request_page(
        self,
        operation: Operation[Any],
        style: PageStyle[_ItemT],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[_ItemT]:
        """The first page of a list operation; the page fetches the following ones itself.
        Where the token goes in the body (`style.token_in_body`), the body is what changes
        from page to page, and the query stays.

        Asked for the raw response: the first page's APIResponse, whose parse() is the page.
        """
        page_headers = _page_headers(extra_headers)
        in_body = style.token_in_body

        def fetch(page_query: Mapping[str, object]) -> SyncPage[_ItemT]:
            response: APIResponse[Any] = self.request(
                operation,
                path=path,
                query=query if in_body else page_query,
                headers=headers,
                body=page_query if in_body else None,
                extra_headers=page_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return SyncPage(
                envelope=response.parse(),
                style=style,
                query=page_query,
                fetch=fetch,
                next_link=_next_link(response.http_response),
            )

        first_query = _non_empty(body if in_body else query)
        if not _wants_raw(extra_headers):
            return fetch(first_query)
        first: APIResponse[Any] = self.request(
            operation,
            path=path,
            query=query if in_body else first_query,
            headers=headers,
            body=first_query if in_body else None,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        page = functools.partial(_first_page, SyncPage, first, style, first_query, fetch)
        return cast("SyncPage[_ItemT]", APIResponse(first.http_response, page, first.retries_taken))

    def _send(
        self,
        request: httpx.Request,
        operation: Operation[Any],
        *,
        stream: bool = False,
        deadline: float | None = None,
    ) -> tuple[httpx.Response, int]:
        """Send until a success, an error not worth retrying, or the last retry; return the
        response (its body read, unless `stream`) and the retries taken."""
        attempt = 0
        bearer, renewed = None, False
        while True:
            self._check_deadline(request, deadline)
            if request.extensions.get(_BEARER):
                bearer = self._put_token(request, self._token(deadline))
            elif request.extensions.get(_SIGV4):
                self._sign(request)
            end = self._attempt_deadline(request, deadline)
            self._log_request(request, attempt)
            token = self._enter_attempt(end)
            try:
                response = self._http.send(request, stream=True)
                if not stream or response.status_code >= 300:
                    self._read(response, request, end)
            except httpx.TransportError as exc:
                delay = self._delay_after_failure(exc, operation, attempt)
                if delay is None:
                    raise _connection_error(exc, request) from exc
                self._log_retry(request, type(exc).__name__, delay, attempt)
            else:
                if response.status_code < 300 or _documented_redirect(response, operation):
                    self._log_response(response)
                    return response, attempt
                self._log_response(response)
                if self._token_refused(response, bearer, renewed):
                    renewed = True  # (once: a token just fetched and refused is the answer)
                    continue
                delay = self._delay_after_status(response, operation, attempt)
                if delay is None:
                    raise make_status_error(
                        response, operation, self._auth_hint(response, operation)
                    )
                self._log_retry(request, f"status {response.status_code}", delay, attempt)
            finally:
                if token is not None:
                    _ATTEMPT_END.reset(token)
            if deadline is not None:
                delay = min(delay, max(deadline - self._clock(), 0.0))
            self._sleep(delay)
            attempt += 1

    def _token(self, deadline: float | None) -> str:
        """The OAuth token: the one fetched while it is good, else a new one (one thread
        fetches; the others wait for it)."""
        source = self._tokens
        assert source is not None  # (a request is marked _BEARER only where there is one)
        token = source.current(self._clock())
        if token is not None:
            return token
        with source.thread_lock:
            token = source.current(self._clock())
            if token is None:
                try:
                    response, _ = self._send(
                        source.request(self._http, self.timeout), _TOKEN, deadline=deadline
                    )
                except errors.APIStatusError as exc:
                    if not source.try_another_way(exc.response):
                        raise
                    response, _ = self._send(
                        source.request(self._http, self.timeout), _TOKEN, deadline=deadline
                    )
                token = source.accept(response, self._clock())
        return token

    def _read(self, response: httpx.Response, request: httpx.Request, end: float | None) -> None:
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in response.iter_bytes():
                total += len(chunk)
                chunks.append(chunk)
                self._accept_chunk(request, total, end)
        finally:
            response.close()
        _keep_body(response, chunks)

    def close(self) -> None:
        """Close the underlying connections (only when the client created them)."""
        if getattr(self, "_owns_http", False):
            self._http.close()


class AsyncAPIClient(_BaseClient):
    _http: httpx.AsyncClient
    _owns_http: bool
    _sleep = staticmethod(asyncio.sleep)

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        path_defaults: Mapping[str, str | None],
        timeout: float | httpx.Timeout | None | NotGiven,
        max_retries: int | None,
        default_headers: Mapping[str, str] | None,
        http_client: httpx.AsyncClient | None,
        strict_response_validation: bool | None = None,
        max_concurrent_jobs: int | None = None,
        credentials: Mapping[str, str | None] | None = None,
    ) -> None:
        self.max_concurrent_jobs = max_concurrent_jobs
        self._configure(
            api_key=api_key,
            base_url=base_url,
            path_defaults=path_defaults,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            credentials=credentials,
        )
        self._owns_http = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else _bound_by_deadlines(httpx.AsyncClient(timeout=self.timeout))
        )

    async def request(
        self,
        operation: Operation[_T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
    ) -> _T:
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
            response, retries = await self._send(
                request, operation, deadline=deadline, stream=_wants_stream(extra_headers)
            )
            if _wants_raw(extra_headers):
                raw: APIResponse[_T] = APIResponse(
                    response,
                    functools.partial(
                        parse_response, response, operation, self.strict_response_validation
                    ),
                    retries,
                )
                return cast(_T, raw)
            if operation.arm_polling is not None:
                response = await self._await_arm(request, response, operation, deadline)
            return cast(_T, parse_response(response, operation, self.strict_response_validation))
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

    async def _await_arm(
        self,
        request: httpx.Request,
        response: httpx.Response,
        operation: Operation[Any],
        deadline: float | None,
    ) -> httpx.Response:
        """SyncAPIClient._await_arm, awaited."""
        followed = arm.watch(request, response, operation.arm_polling or "")
        if followed is None:
            if arm.failed_at_once(request, response):
                raise arm.failure(response)
            return response
        answer, polls = response, 0
        while True:
            pause = arm.delay(retry_after_seconds(answer), polls)
            if deadline is not None:
                pause = min(pause, max(deadline - self._clock(), 0.0))
            self._log_wait(request, pause, polls)
            await self._sleep(pause)
            poll = self._poll_request(self._http, followed.url, request, operation)
            answer, _ = await self._send(poll, _ARM_POLL, deadline=deadline)
            polls += 1
            watcher = arm.on_poll.get()
            if watcher is not None:
                watcher(arm.shown(followed, answer))
            outcome = arm.state(followed, answer)
            if outcome == arm.FAILED:
                raise arm.failure(answer)
            if outcome == arm.SUCCEEDED:
                break
        if not isinstance(followed.result, httpx.URL):
            return answer  # the last poll's answer is the result (the monitor's, AutoRest's too)
        final = self._poll_request(self._http, followed.result, request, operation)
        return (await self._send(final, _ARM_POLL, deadline=deadline))[0]

    async def request_stream(
        self,
        operation: Operation[Any],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> httpx.Response:
        """Send one operation with retries; return the open response, its body unread."""
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
            return (await self._send(request, operation, stream=True))[0]
        except errors.APIError as exc:
            self._redact_error(exc)
            raise

    async def request_page(
        self,
        operation: Operation[Any],
        style: PageStyle[_ItemT],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[_ItemT]:
        """The first page of a list operation; the page fetches the following ones itself.
        Where the token goes in the body (`style.token_in_body`), the body is what changes
        from page to page, and the query stays.

        Asked for the raw response: the first page's APIResponse, whose parse() is the page.
        """
        page_headers = _page_headers(extra_headers)
        in_body = style.token_in_body

        async def fetch(page_query: Mapping[str, object]) -> AsyncPage[_ItemT]:
            response: APIResponse[Any] = await self.request(
                operation,
                path=path,
                query=query if in_body else page_query,
                headers=headers,
                body=page_query if in_body else None,
                extra_headers=page_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return AsyncPage(
                envelope=response.parse(),
                style=style,
                query=page_query,
                fetch=fetch,
                next_link=_next_link(response.http_response),
            )

        first_query = _non_empty(body if in_body else query)
        if not _wants_raw(extra_headers):
            return await fetch(first_query)
        first: APIResponse[Any] = await self.request(
            operation,
            path=path,
            query=query if in_body else first_query,
            headers=headers,
            body=first_query if in_body else None,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        page = functools.partial(_first_page, AsyncPage, first, style, first_query, fetch)
        return cast(
            "AsyncPage[_ItemT]", APIResponse(first.http_response, page, first.retries_taken)
        )

    async def _send(
        self,
        request: httpx.Request,
        operation: Operation[Any],
        *,
        stream: bool = False,
        deadline: float | None = None,
    ) -> tuple[httpx.Response, int]:
        """Send until a success, an error not worth retrying, or the last retry; return the
        response (its body read, unless `stream`) and the retries taken."""
        attempt = 0
        bearer, renewed = None, False
        while True:
            self._check_deadline(request, deadline)
            if request.extensions.get(_BEARER):
                bearer = self._put_token(request, await self._token(deadline))
            elif request.extensions.get(_SIGV4):
                self._sign(request)
            end = self._attempt_deadline(request, deadline)
            self._log_request(request, attempt)
            token = self._enter_attempt(end)
            try:
                response = await self._http.send(request, stream=True)
                if not stream or response.status_code >= 300:
                    await self._read(response, request, end)
            except httpx.TransportError as exc:
                delay = self._delay_after_failure(exc, operation, attempt)
                if delay is None:
                    raise _connection_error(exc, request) from exc
                self._log_retry(request, type(exc).__name__, delay, attempt)
            else:
                if response.status_code < 300 or _documented_redirect(response, operation):
                    self._log_response(response)
                    return response, attempt
                self._log_response(response)
                if self._token_refused(response, bearer, renewed):
                    renewed = True  # (once: a token just fetched and refused is the answer)
                    continue
                delay = self._delay_after_status(response, operation, attempt)
                if delay is None:
                    raise make_status_error(
                        response, operation, self._auth_hint(response, operation)
                    )
                self._log_retry(request, f"status {response.status_code}", delay, attempt)
            finally:
                if token is not None:
                    _ATTEMPT_END.reset(token)
            if deadline is not None:
                delay = min(delay, max(deadline - self._clock(), 0.0))
            await self._sleep(delay)
            attempt += 1

    async def _token(self, deadline: float | None) -> str:
        """The OAuth token: the one fetched while it is good, else a new one (one task
        fetches; the others wait for it)."""
        source = self._tokens
        assert source is not None  # (a request is marked _BEARER only where there is one)
        token = source.current(self._clock())
        if token is not None:
            return token
        async with source.async_lock:
            token = source.current(self._clock())
            if token is None:
                try:
                    response, _ = await self._send(
                        source.request(self._http, self.timeout), _TOKEN, deadline=deadline
                    )
                except errors.APIStatusError as exc:
                    if not source.try_another_way(exc.response):
                        raise
                    response, _ = await self._send(
                        source.request(self._http, self.timeout), _TOKEN, deadline=deadline
                    )
                token = source.accept(response, self._clock())
        return token

    async def _read(
        self, response: httpx.Response, request: httpx.Request, end: float | None
    ) -> None:
        chunks: list[bytes] = []
        total = 0
        try:
            async for chunk in response.aiter_bytes():
                total += len(chunk)
                chunks.append(chunk)
                self._accept_chunk(request, total, end)
        finally:
            await response.aclose()
        _keep_body(response, chunks)

    async def close(self) -> None:
        """Close the underlying connections (only when the client created them)."""
        if getattr(self, "_owns_http", False):
            await self._http.aclose()
