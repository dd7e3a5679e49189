"""The behaviour of the mock API, shared by the in-process transport and the HTTP server.

Given a request (method, path, query, headers, body) it finds the operation by
the spec's paths, checks the request against the spec (bearer key, path and
query parameters, body schema) and answers like the real API would: from
responses a test registered, else from the operation's fixture. It also plays
the asynchronous query flow (202 while running, then 200) and serves list
operations as several pages with `next` links.

Special API keys: `phx_invalid` is rejected (401); `phx_read_only` may
only use operations whose scopes all end in `:read` (403 otherwise). Any
other key is accepted.

Where the API has OAuth 2's client-credentials flow, the mock is its token endpoint
too (at the path of the flow's tokenUrl, where no operation of the document is): any
client ID and secret get a token, which the mock then accepts, until `revoke_tokens()`.

With `strict_ids`, a path parameter naming an object (an id, a name) must be one
the fixtures know, from an example request or a response, or the answer is 404
as the real API would give; by default every id is found.
"""

from __future__ import annotations

import base64
import copy
import email.parser
import email.policy
import itertools
import json
import re
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from .. import _settings as settings
from ._validator import Invalid, enum_values, schema_target, validate

__all__ = [
    "Call",
    "MockAPI",
    "MockResponse",
    "INVALID_KEY",
    "READ_ONLY_KEY",
    "SPECIAL_KEYS",
    "load_fixture",
    "operation_spec",
]

INVALID_KEY = "phx_invalid"
READ_ONLY_KEY = "phx_read_only"
#: the API keys the mock treats specially, and what it does with them
SPECIAL_KEYS = {
    INVALID_KEY: "rejected: 401 invalid_personal_api_key",
    READ_ONLY_KEY: "only operations whose scopes all end in :read; 403 permission_denied otherwise",
}
#: where `next` links point when the mock is not served over HTTP (see MockServer)
DEFAULT_BASE_URL = "http://mock.invalid"
#: items a paginated list serves in all, so that tests see several pages
LIST_TOTAL = 5
DEFAULT_PAGE_SIZE = 2
#: an AWS Signature Version 4 Authorization header: its access key ID and its signature
_AWS_SIGNATURE = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=([^/\s]+)/\S+, SignedHeaders=\S+, Signature=([0-9a-f]+)$"
)
#: the status the mock answers for a range the document lists ("3XX": a redirect)
_RANGE_STATUS = {"2": 200, "3": 302, "4": 400, "5": 500}


@cache
def _spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("spec.json").read_text(encoding="utf-8")
    )
    return data


def operation_spec(operation_id: str) -> dict[str, Any]:
    """What the spec says about one operation (method, path, params, body, responses...)."""
    operation: dict[str, Any] = _spec()["operations"][operation_id]
    return operation


@cache
def _fixture_file(name: str) -> dict[str, Any]:
    """One fixtures file: {operation id: fixture} for the operations of one resource."""
    data: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("fixtures", name).read_text(encoding="utf-8")
    )
    return data


def load_fixture(operation_id: str) -> dict[str, Any]:
    """The operation's fixture: {"request": {path, query, body}, "responses": {status:
    {content_type, body, and headers where it sends some (a redirect's Location)}}}.
    Each call returns a fresh copy: change it freely."""
    name = operation_spec(operation_id)["fixture"]
    fixture: dict[str, Any] = copy.deepcopy(_fixture_file(name)[operation_id])
    return fixture


@dataclass
class MockResponse:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/json"

    def encode(self) -> tuple[int, dict[str, str], bytes]:
        headers = dict(self.headers)
        if self.body is None and self.content_type is None or _bodiless(self.status):
            return self.status, headers, b""
        if isinstance(self.body, bytes):
            payload = self.body
        elif isinstance(self.body, str) and not _is_json(self.content_type or "application/json"):
            payload = self.body.encode()
        else:
            payload = json.dumps(self.body).encode()
        headers.setdefault("content-type", self.content_type or "application/json")
        return self.status, headers, payload


@dataclass
class Call:
    """One request the mock received."""

    operation_id: str | None
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int
    #: what the mock answered (decoded JSON, text or bytes)
    response_body: Any = None


def presented_key(headers: Mapping[str, str], query: list[tuple[str, str]]) -> str:
    """The API key a request carries, the way the API document's security scheme sends it."""
    value = presented(settings.AUTH_SCHEME, settings.AUTH_NAME, headers, query)
    if settings.AUTH_SCHEME == "basic" and value:
        try:
            return base64.b64decode(value).decode().split(":", 1)[0]
        except (ValueError, UnicodeDecodeError):
            return ""
    return value


def presented(
    where: str, name: str, headers: Mapping[str, str], query: list[tuple[str, str]]
) -> str:
    """What a request carries where a credential goes: a header, a query parameter or a
    cookie named `name`, a bearer token, or the encoded pair of basic credentials."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if where.startswith("aws-"):
        # AWS Signature Version 4: the access key ID is the signature's, the secret key is
        # there when a signature is (the mock does not check it: it knows no secret)
        signed = _AWS_SIGNATURE.match(lowered.get("authorization", ""))
        if where == "aws-token":
            return lowered.get("x-amz-security-token", "").strip()
        return "" if signed is None else signed.group(1 if where == "aws-sigv4" else 2)
    if where in ("bearer", "basic"):
        auth = lowered.get("authorization", "")
        prefix = "Bearer " if where == "bearer" else "Basic "
        return auth[len(prefix) :].strip() if auth.startswith(prefix) else ""
    if where == "header":
        return lowered.get(name.lower(), "").strip()
    if where == "query":
        return next((v for k, v in query if k == name), "").strip()
    if where == "cookie":
        cookies = (part.strip().split("=", 1) for part in lowered.get("cookie", "").split(";"))
        return next((pair[1] for pair in cookies if len(pair) == 2 and pair[0] == name), "").strip()
    return ""


def presented_way(
    op: dict[str, Any], headers: Mapping[str, str], query: list[tuple[str, str]]
) -> tuple[str, ...] | None:
    """The first way of authenticating the operation's requirement offers (settings.WAYS)
    that the request carries every credential of; None where it carries none whole."""
    for way in op.get("security") or settings.SECURITY or settings.WAYS:
        if all(
            (
                presented_key(headers, query)
                if name == "api_key"
                else presented(*settings.CREDENTIALS[name][1:], headers, query)
            )
            for name in way
        ):
            return tuple(way)
    return None


#: what the mock's calls list for a request to the token endpoint
TOKEN_OPERATION = "oauth_token"


def _is_token_path(path: str) -> bool:
    """Whether `path` is the token endpoint's (settings.TOKEN_FLOW's tokenUrl, on any host,
    or under the mock's address where it is relative)."""
    if settings.TOKEN_FLOW is None:
        return False
    url = settings.TOKEN_FLOW[3]
    wanted = urlsplit(url).path if "://" in url else "/" + url.lstrip("/")
    return path.rstrip("/") == wanted.rstrip("/") or (
        "://" not in url and path.rstrip("/").endswith(wanted.rstrip("/"))
    )


def _error(
    status: int,
    type_: str,
    code: str,
    detail: str,
    attr: str | None = None,
    headers: dict[str, str] | None = None,
) -> MockResponse:
    return MockResponse(
        status, {"type": type_, "code": code, "detail": detail, "attr": attr}, headers or {}
    )


def _collect(value: Any, keys: set[str], into: set[str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in keys and isinstance(inner, (str, int)) and not isinstance(inner, bool):
                into.add(str(inner))
            _collect(inner, keys, into)
    elif isinstance(value, list):
        for inner in value:
            _collect(inner, keys, into)


@cache
def _known_ids(name: str) -> frozenset[str]:
    """The values of path parameter `name` that the fixtures know: those of the example
    requests, and those a response names under the same key (`id` for `recording_id`)."""
    keys = {name, name.rsplit("_", 1)[0], "id" if name.endswith("id") else name}
    known: set[str] = set()
    for operation_id in _spec()["operations"]:
        fixture = load_fixture(operation_id)
        value = fixture["request"].get("path", {}).get(name)
        if value is not None:
            known.add(str(value))
        for response in fixture["responses"].values():
            _collect(response.get("body"), keys, known)
    return frozenset(known)


_TEMPLATE_VALUE = re.compile(r"^\{([^{}]+)\}$")
#: the matcher of a segment that is one parameter and nothing else
_ANY_VALUE = re.compile("^(.+?)$", re.DOTALL)


@cache
def _literal_segment(segment: str) -> re.Pattern[str]:
    return re.compile(f"^{re.escape(segment)}$", re.DOTALL)


def _segment_regex(
    template_segment: str, params: Mapping[str, Any] | None = None
) -> tuple[re.Pattern[str], list[str]]:
    """A segment's matcher. Where a segment holds more than a parameter (`{lat}.{format}`),
    a parameter with an enum matches only its values, an integer only digits, so that
    `71.4.xml` splits into 71.4 and xml. The matchers of plain segments are shared:
    Microsoft Graph's 11,422 routes have 83,000 segments, and compiling each one's took
    most of a second at the first request."""
    # (a request's segments are matched decoded: so are the template's literal parts, which
    # a document may write encoded, `/path-encoding/%20/{id}`)
    if "{" not in template_segment:
        return _literal_segment(unquote(template_segment)), []
    alone = _TEMPLATE_VALUE.match(template_segment)
    if alone is not None:
        return _ANY_VALUE, [alone.group(1)]
    parts = [part for part in re.split(r"(\{[^}]+\})", template_segment) if part]
    names = [part[1:-1] for part in parts if part.startswith("{")]
    several = len(parts) > 1

    def group(name: str) -> str:
        schema = _resolved((params or {}).get(name), _spec()["schemas"]) if several else None
        if isinstance(schema, dict):
            values = enum_values(schema) if isinstance(schema.get("enum"), list) else None
            if (
                isinstance(values, list)
                and values
                and all(isinstance(v, (str, int)) for v in values)
            ):
                # the longest first; of texts as long, in their order (not a set's, which
                # changes from one process to the next)
                texts = sorted(
                    {str(v).lower() if isinstance(v, bool) else str(v) for v in values},
                    key=lambda text: (len(text), text),
                )
                return "(" + "|".join(re.escape(t) for t in reversed(texts)) + ")"
            if schema.get("type") == "integer":
                return "(-?[0-9]+)"
        return "(.+?)"

    pattern = "".join(
        group(part[1:-1]) if part.startswith("{") else re.escape(unquote(part)) for part in parts
    )
    return re.compile(f"^{pattern}$", re.DOTALL), names


Route = tuple[
    str, list[tuple[re.Pattern[str], list[str]]], dict[str, str | None], dict[str, str], str
]


def _split_template(template: str) -> tuple[str, dict[str, str | None], dict[str, str]]:
    """A path template, the parameters it fixes, and those it binds: `/#Action=Describe`
    (AWS's style, also with `?`) is the path `/` where the query (or a header) has
    Action=Describe; `/tags/{arn}#tagKeys` is `/tags/{arn}` where the query has tagKeys
    (any value); `/pic?key={apikey}` is `/pic` where the query has key, whose value is
    the parameter apikey's. The client sends the part after `#` as the parameters the
    document declares for it, the part after `?` in the URL (its placeholders filled)."""
    cut = min((i for i in (template.find("#"), template.find("?")) if i >= 0), default=-1)
    if cut < 0:
        return template, {}, {}
    fixed: dict[str, str | None] = {}
    binds: dict[str, str] = {}
    for pair in template[cut + 1 :].split("&"):
        name, equals, value = pair.partition("=")
        if not name:
            continue
        placeholder = _TEMPLATE_VALUE.match(value)
        if placeholder is not None:
            binds[unquote(name)] = placeholder.group(1)
        fixed[unquote(name)] = unquote(value) if equals and placeholder is None else None
    return template[:cut], fixed, binds


@cache
def _routes() -> list[Route]:
    """(method, a matcher per path segment, the query it fixes, the query names whose
    values are path parameters', operation id), the more literal first, segment by
    segment: /query/draft_sql/ is tried before /query/{id}/, /media/{id}.{ext} before
    /media/{id}; of routes alike, the one that fixes more of the query first."""
    routes: list[Route] = []
    for operation_id, op in _spec()["operations"].items():
        path, fixed, binds = _split_template(_one_leading_slash(op["path"]))
        if "#" in op["path"]:  # the client sends a fragment's pairs only as declared parameters
            declared = {p["name"].lower() for p in op["params"] if p["in"] in ("query", "header")}
            fixed = {name: value for name, value in fixed.items() if name.lower() in declared}
        params = {p["name"]: p["schema"] for p in op["params"] if p["in"] == "path"}
        segments = [_segment_regex(segment, params) for segment in path.split("/")]
        binds = {name: param for name, param in binds.items() if param in params}
        routes.append((op["method"], segments, fixed, binds, operation_id))
    routes.sort(
        key=lambda r: (
            [0 if not names else 1 if m.pattern != "^(.+?)$" else 2 for m, names in r[1]],
            [m.pattern for m, _ in r[1]],
            -len(r[2]),
        )
    )
    return routes


@cache
def _routes_by_shape() -> dict[tuple[str, int], list[Route]]:
    """_routes() by method and number of path segments, each list in _routes() order: a
    request is compared with the routes it could match only (Microsoft Graph has 11,422;
    scanning them all took 3 ms a request)."""
    found: dict[tuple[str, int], list[Route]] = {}
    for route in _routes():
        found.setdefault((route[0], len(route[1])), []).append(route)
    return found


@cache
def _slashed_routes() -> dict[str, list[tuple[re.Pattern[str], list[str], str]]]:
    """By method: (a matcher of the whole path, its parameters' names, operation id) for
    each operation with a path parameter whose value is a path of its own (Azure's
    `scope`, `x-ms-skip-url-encoding`): it spans segments, so _routes_by_shape, which
    counts them, cannot match it."""
    found: dict[str, list[tuple[re.Pattern[str], list[str], str]]] = {}
    for operation_id, op in _spec()["operations"].items():
        slashed = {p["name"] for p in op["params"] if p["in"] == "path" and p.get("slashed")}
        if not slashed:
            continue
        path, _, _ = _split_template(_one_leading_slash(op["path"]))
        pattern, names = "", []
        for part in re.split(r"(\{[^}]+\})", path):
            if part.startswith("{") and part.endswith("}"):
                names.append(part[1:-1])
                pattern += "(.+?)" if part[1:-1] in slashed else "([^/]+?)"
            else:
                pattern += re.escape(unquote(part))
        found.setdefault(op["method"], []).append((re.compile(pattern), names, operation_id))
    return found


@cache
def _job_roles() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """operation id -> ("poll" or "cancel", the long-running description) for each other
    operation whose jobs it polls or cancels, in the document's order."""
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for other_id, other in _spec()["operations"].items():
        lro = other["long_running"]
        for role in ("poll", "cancel") if lro else ():
            if lro[role] and lro[role] != other_id:
                found.setdefault(lro[role], []).append((role, lro))
    return found


def _one_leading_slash(path: str) -> str:
    """`//openapi` as `/openapi`: Python's HTTP server reads a request path so (other
    servers do too), and the in-process transport must route it the same."""
    return "/" + path.lstrip("/") if path.startswith("//") else path


def _declared_of(operation_id: str, sent: set[str]) -> int:
    """How many of the query and header names sent (lower case) the operation declares:
    of operations on one path, a Range header says which of Blob_Get and Blob_GetChunk."""
    params = operation_spec(operation_id)["params"]
    return sum(1 for p in params if p["in"] in ("query", "header") and p["name"].lower() in sent)


def _names_example_objects(operation_id: str, path_values: dict[str, str]) -> bool:
    """Whether the path values are those of the operation's example request."""
    example = _fixture_file(operation_spec(operation_id)["fixture"])[operation_id]["request"]
    written = {name: _written(value) for name, value in (example.get("path") or {}).items()}
    return bool(path_values) and written == path_values


def _bodiless(status: int) -> bool:
    """HTTP forbids a body in these answers (a client reads the next answer from it)."""
    return status < 200 or status in (204, 205, 304)


def _resolved(schema: Any, schemas: dict[str, Any]) -> Any:
    hops = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and hops < 64:
        schema, hops = schema_target(schema["$ref"], schemas), hops + 1
    return schema


def _kind(schema: Any, schemas: dict[str, Any], depth: int = 0) -> str | None:
    """array, object, or None for anything else (as the generated models read a schema)."""
    schema = _resolved(schema, schemas)
    if not isinstance(schema, dict) or depth > 16:
        return None
    types = schema.get("type")
    names = types if isinstance(types, list) else [types]
    if schema.get("format") == "file":  # Swagger 2.0's file (`type: object, format: file`)
        return None
    if "array" in names or (types is None and "items" in schema):
        return "array"
    if "object" in names or (types is None and "properties" in schema):
        return "object"
    if types is None and isinstance(schema.get("allOf"), list):
        kinds = [_kind(part, schemas, depth + 1) for part in schema["allOf"]]
        return next((kind for kind in kinds if kind is not None), None)
    return None


def _property_schema(schema: Any, name: str, schemas: dict[str, Any], depth: int = 0) -> Any:
    """The schema of an object's property `name` (its allOf members' too), or {}."""
    schema = _resolved(schema, schemas)
    if not isinstance(schema, dict) or depth > 16:
        return {}
    properties = schema.get("properties")
    if isinstance(properties, dict) and name in properties:
        return properties[name]
    for part in schema.get("allOf") or []:
        found = _property_schema(part, name, schemas, depth + 1)
        if found != {}:
            return found
    additional = schema.get("additionalProperties")
    return additional if isinstance(additional, dict) else {}


def _type_names(schema: Any, schemas: dict[str, Any], depth: int = 0) -> set[str]:
    """The JSON types a schema names, its allOf members' included (`allOf: [{$ref:
    Integer}, {description: ...}]` is how many documents annotate a reference)."""
    schema = _resolved(schema, schemas)
    if not isinstance(schema, dict) or depth > 16:
        return set()
    types = schema.get("type")
    names = {t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
    for part in schema.get("allOf") or []:
        names |= _type_names(part, schemas, depth + 1)
    return names


def _enum_values(schema: Any, schemas: dict[str, Any], depth: int = 0) -> list[Any]:
    schema = _resolved(schema, schemas)
    if not isinstance(schema, dict) or depth > 16:
        return []
    values = enum_values(schema) if isinstance(schema.get("enum"), list) else []
    for key in ("allOf", "anyOf", "oneOf"):  # an alternative's members may be what was sent
        for part in schema.get(key) or []:
            values += _enum_values(part, schemas, depth + 1)
    return values


def _written(value: Any) -> str:
    """A number, boolean or null as the client writes it in a query, path or form."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _coerce(raw: str, schema: Any, schemas: dict[str, Any]) -> Any:
    """A query, path or form string as the type its schema wants (so it can be validated)."""
    schema = _resolved(schema, schemas)
    names = _type_names(schema, schemas)
    if not names and isinstance(schema, dict):  # `oneOf: [integer, slug]`: its alternatives' types
        for key in ("oneOf", "anyOf"):
            for part in schema.get(key) or []:
                names |= _type_names(part, schemas)
    options = _enum_values(schema, schemas)
    if raw in options:
        return raw  # an enum of strings, whatever its type says
    for option in options:  # an enum of numbers or booleans: the value the client wrote so
        if not isinstance(option, (str, dict, list)) and raw == _written(option):
            return option
    if _kind(schema, schemas) is not None or "string" not in names and raw[:1] in ("{", "["):
        try:  # the client writes objects and lists inside a query or a form as JSON
            return json.loads(raw)
        except ValueError:
            return raw
    if "integer" in names:
        try:
            return int(raw)
        except ValueError:
            return raw
    if "number" in names:
        try:
            return float(raw)
        except ValueError:
            return raw
    if "boolean" in names:
        return {"true": True, "false": False, "1": True, "0": False}.get(raw.lower(), raw)
    return raw


class MockAPI:
    """A fake of the API that answers from the spec's fixtures.

    ```py
    api = MockAPI()
    api.respond("query_create", 200, {"results": [[1]]})  # the next call gets this
    ```
    """

    def __init__(
        self,
        *,
        polls_before_complete: int = 2,
        page_size: int = DEFAULT_PAGE_SIZE,
        strict_ids: bool = False,
        base_url: str = DEFAULT_BASE_URL,
    ) -> None:
        self.calls: list[Call] = []
        self.polls_before_complete = polls_before_complete
        self.page_size = page_size
        #: unknown ids answer 404 (see the module's docstring)
        self.strict_ids = strict_ids
        #: the address `next` links start with
        self.base_url = base_url.rstrip("/")
        self._queued: dict[str, deque[MockResponse]] = {}
        self._jobs: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._tokens = itertools.count(1)
        #: the OAuth tokens the mock gave out and then revoked: refused (401)
        self._revoked: set[str] = set()
        self._issued: set[str] = set()

    # -- configuring -------------------------------------------------------

    def respond(
        self,
        operation_id: str,
        status: int = 200,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        content_type: str | None = "application/json",
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of `operation_id` with this response."""
        operation_spec(operation_id)  # a typo fails here, not as a silent fixture answer
        queue = self._queued.setdefault(operation_id, deque())
        for _ in range(times):
            queue.append(MockResponse(status, body, dict(headers or {}), content_type))

    def calls_to(self, operation_id: str) -> list[Call]:
        return [c for c in self.calls if c.operation_id == operation_id]

    def revoke_tokens(self) -> None:
        """Refuse every OAuth token given out so far (as after a revocation, or a token
        that expired sooner than the server said): a client must fetch another."""
        with self._lock:
            self._revoked |= self._issued

    # -- handling ----------------------------------------------------------

    def handle(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            operation_id, response, parsed_body = self._dispatch(
                method.upper(), path, query, {k.lower(): v for k, v in headers.items()}, body
            )
            self.calls.append(
                Call(
                    operation_id,
                    method.upper(),
                    path,
                    dict(query),
                    dict(headers),
                    parsed_body,
                    response.status,
                    response.body,
                )
            )
        return response.encode()

    def _dispatch(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        raw_body: bytes,
    ) -> tuple[str | None, MockResponse, Any]:
        candidates = self._route(method, path, query, headers)
        if not candidates and method == "POST" and _is_token_path(path):
            # (where the document has no operation of its own there: motaword's has)
            return TOKEN_OPERATION, self._token(headers, raw_body), None  # (the secret: not kept)
        if not candidates:
            return (
                None,
                _error(
                    404, "invalid_request", "not_found", f"No operation matches {method} {path}."
                ),
                None,
            )
        schemas = _spec()["schemas"]
        refused: tuple[str | None, MockResponse, Any] | None = None
        for operation_id, path_values in candidates:
            op = operation_spec(operation_id)
            body: Any = None
            if raw_body:
                try:
                    body = _decode_body(raw_body, op["body"], headers, schemas)
                except ValueError as exc:
                    refused = refused or (
                        operation_id,
                        _error(400, "validation_error", "parse_error", str(exc)),
                        raw_body.decode(errors="replace"),
                    )
                    continue
            problem = self._authorize(op, headers, query) or self._check(
                op, path_values, query, body, schemas, sent=bool(raw_body)
            )
            if problem is None and self.strict_ids:
                problem = self._unknown_id(path_values)
            if problem is not None:
                refused = refused or (operation_id, problem, body)
                continue
            queued = self._queued.get(operation_id)
            if queued:
                return operation_id, queued.popleft(), body
            answer = self._answer(operation_id, op, path, path_values, dict(query), body)
            return operation_id, _negotiated(op, headers, answer), body
        assert refused is not None
        return refused

    def _route(
        self, method: str, path: str, query: list[tuple[str, str]], headers: dict[str, str]
    ) -> list[tuple[str, dict[str, str]]]:
        """The operations a request path names, with their path parameters, in the order
        to try them. The path is compared segment by segment, each percent-decoded: a
        literal segment that needs encoding (`état`) matches, and an encoded `/` inside a
        value stays in it. A route whose path parameters break their schemas does not
        match (`/zones/count` is not `/zones/{zone_id}` when zone_id is a uuid), unless
        no route matches otherwise (then the first answers 400). Paths that differ only
        in their parameters' names (`/a/{id}` and `/a/{a_id}`) all match, in order: the
        first whose request checks pass answers."""
        segments = [unquote(segment) for segment in _one_leading_slash(path).split("/")]
        given = dict(query)
        schemas = _spec()["schemas"]
        matched: list[tuple[str, dict[str, str], object]] = []
        for _, matchers, fixed, binds, operation_id in _routes_by_shape().get(
            (method, len(segments)), []
        ):
            if any(
                (value is None and name not in given and name.lower() not in headers)
                or (value is not None and value not in (given.get(name), headers.get(name.lower())))
                for name, value in fixed.items()
            ):
                continue
            values: dict[str, str] = {}
            for (matcher, names), segment in zip(matchers, segments, strict=True):
                match = matcher.match(segment)
                if match is None:
                    break
                values.update(zip(names, match.groups(), strict=True))
            else:
                for name, param in binds.items():
                    bound = given.get(name, headers.get(name.lower()))
                    if bound is not None:
                        values.setdefault(param, bound)
                shape = ([m.pattern for m, _ in matchers], fixed)
                matched.append((operation_id, values, shape))
        decoded = "/".join(segments)
        for matcher, names, operation_id in _slashed_routes().get(method, []):
            found = matcher.fullmatch(decoded)
            if found is not None:
                values = dict(zip(names, found.groups(), strict=True))
                matched.append((operation_id, values, matcher.pattern))
        fitting = [m for m in matched if _path_problem(operation_spec(m[0]), m[1], schemas) is None]
        chosen = fitting or matched
        alike = [(op_id, values) for op_id, values, shape in chosen if shape == chosen[0][2]]
        if len(alike) > 1:
            # An operation that answers in a type the request accepts goes first (Mistral's
            # `/v1/audio/transcriptions` and its `#stream` twin: JSON, or events); then
            # the one that declares more of the parameters sent; of those alike still
            # (`/{applicationId}` and `/{definitionId}#disambiguation_dummy`, which only
            # the server's records tell apart), the one whose example names these
            # objects: the mock's records are its fixtures.
            sent = {name.lower() for name in given} | set(headers)
            accept = headers.get("accept", "")
            alike.sort(
                key=lambda c: (
                    not _answers_accepted(c[0], accept),
                    -_declared_of(c[0], sent),
                    not _names_example_objects(c[0], c[1]),
                )
            )
        return alike

    def _token(self, headers: dict[str, str], raw_body: bytes) -> MockResponse:
        """The token endpoint's answer (RFC 6749, 4.4.3, 4.3.3 and 5.2)."""
        form = dict(parse_qsl(raw_body.decode(errors="replace")))
        assert settings.TOKEN_FLOW is not None  # (asked only where there is a flow)
        if settings.TOKEN_FLOW[5] == "password":
            return self._password_token(headers, raw_body, form)
        if form.get("grant_type") != "client_credentials":
            return MockResponse(400, {"error": "unsupported_grant_type"})
        client = (form.get("client_id"), form.get("client_secret"))
        basic = presented("basic", "", headers, [])
        if basic:
            try:
                pair = base64.b64decode(basic).decode().split(":", 1)
            except (ValueError, UnicodeDecodeError):
                pair = []
            client = (pair[0], pair[1]) if len(pair) == 2 else (None, None)
        if not all(client):
            return MockResponse(
                401,
                {"error": "invalid_client", "error_description": "No client ID and secret."},
            )
        token = f"mock-token-{next(self._tokens)}"
        self._issued.add(token)
        return MockResponse(
            200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
        )

    def _password_token(
        self, headers: dict[str, str], raw_body: bytes, form: dict[str, str]
    ) -> MockResponse:
        """The password grant's answer: the user's name and password in the form (the
        grant named, or left out as FastAPI's form allows), or as JSON."""
        if "json" in headers.get("content-type", ""):
            try:
                sent = json.loads(raw_body)
            except ValueError:
                sent = None
            form = {str(k): str(v) for k, v in sent.items()} if isinstance(sent, dict) else {}
        if form.get("grant_type", "password") != "password":
            return MockResponse(400, {"error": "unsupported_grant_type"})
        if not form.get("username") or not form.get("password"):
            return MockResponse(
                400, {"error": "invalid_request", "error_description": "No username and password."}
            )
        token = f"mock-token-{next(self._tokens)}"
        self._issued.add(token)
        return MockResponse(
            200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
        )

    def _unknown_id(self, path_values: dict[str, str]) -> MockResponse | None:
        for name, value in path_values.items():
            if name in settings.PATH_DEFAULTS or value in self._jobs:
                continue
            if value not in _known_ids(name):
                return _error(404, "invalid_request", "not_found", "Not found.")
        return None

    def _authorize(
        self, op: dict[str, Any], headers: dict[str, str], query: list[tuple[str, str]]
    ) -> MockResponse | None:
        if op["public"] or settings.AUTH_SCHEME == "none":
            return None
        if presented("bearer", "", headers, query) in self._revoked:
            return _error(
                401, "authentication_error", "invalid_token", "The access token was revoked."
            )
        way = presented_way(op, headers, query) if settings.WAYS else None
        if way is not None and "api_key" not in way:
            return None  # another way than the key: being there is all the mock checks of it
        key = presented_key(headers, query)
        if not key or (settings.WAYS and way is None):
            return _error(
                401,
                "authentication_error",
                "not_authenticated",
                "Authentication credentials were not provided.",
            )
        if key == INVALID_KEY:
            return _error(
                401, "authentication_error", "invalid_personal_api_key", "Invalid Personal API key."
            )
        if key == READ_ONLY_KEY:
            missing = [s for s in op["scopes"] if not s.endswith(":read")]
            if missing:
                return _error(
                    403,
                    "authentication_error",
                    "permission_denied",
                    f"API key missing required scope '{missing[0]}'",
                )
        return None

    def _check(
        self,
        op: dict[str, Any],
        path_values: dict[str, str],
        query: list[tuple[str, str]],
        body: Any,
        schemas: dict[str, Any],
        sent: bool,
    ) -> MockResponse | None:
        """A 400 for what the request does not meet of the document; `sent` says whether it
        has a body (`body` is None for none, and for JSON's null)."""
        declared = {param["name"] for param in op["params"] if param["in"] == "query"}
        try:
            for param in op["params"]:
                name, where = param["name"], param["in"]
                if where == "path":
                    value = _path_value(param, path_values.get(name, ""), schemas)
                    validate(value, param["schema"], schemas, name)
                elif where == "query":
                    found, value = _query_value(param, query, declared, schemas)
                    if not found:
                        if param["required"]:
                            raise Invalid("This field is required.", name)
                        continue
                    validate(value, param["schema"], schemas, name)
            spec_body = op["body"]
            if spec_body is not None:
                if (
                    not sent
                    and _FORM_MEDIA.match(spec_body["media_type"] or "")
                    and _kind(spec_body["schema"], schemas) == "object"
                ):
                    # a form without fields sent as no body at all (the empty multipart
                    # form, the closing boundary alone, is read as one of no fields)
                    validate({}, spec_body["schema"], schemas)
                elif not sent:
                    if spec_body["required"]:
                        raise Invalid("A request body is required.", None)
                elif not isinstance(body, (bytes, str)) or "json" in (
                    spec_body["media_type"] or ""
                ):
                    validate(body, spec_body["schema"], schemas)
        except Invalid as exc:
            return _error(400, "validation_error", "invalid_input", exc.message, exc.attr)
        return None

    def _answer(
        self,
        operation_id: str,
        op: dict[str, Any],
        path: str,
        path_values: dict[str, str],
        query: dict[str, str],
        body: Any,
    ) -> MockResponse:
        lro = op["long_running"]
        if (
            lro
            and isinstance(body, dict)
            and all(body.get(k) == v for k, v in lro["start"].items())
        ):
            return self._start_job(operation_id, lro)
        for role, other_lro in _job_roles().get(operation_id, []):
            job = self._job_for(path_values)
            if job is None:
                continue
            if role == "poll":
                return self._poll_job(job, other_lro)
            job["cancelled"] = True
        paging = op["pagination"]
        if paging:
            if paging.get("token_in_body") and isinstance(body, dict) and paging["token"] in body:
                # (AWS's JSON operations: the token is a field of the body each page sends)
                query = {**query, paging["token"]: str(body[paging["token"]])}
            return self._page(operation_id, op, path, query)
        return self._fixture_response(operation_id)

    def _fixture_response(self, operation_id: str) -> MockResponse:
        responses = load_fixture(operation_id)["responses"]
        status = sorted(responses, key=lambda s: (s != "200", s))[0] if responses else "200"
        chosen = responses.get(status, {"content_type": None, "body": None})
        code = int(status) if status.isdigit() else _RANGE_STATUS.get(status[0], 200)
        headers = dict(chosen.get("headers") or {})
        return MockResponse(code, chosen["body"], headers, chosen["content_type"])

    # -- the asynchronous job flow -----------------------------------------

    def _job_for(self, path_values: dict[str, str]) -> dict[str, Any] | None:
        for value in path_values.values():
            if value in self._jobs:
                return self._jobs[value]
        return None

    def _start_job(self, operation_id: str, lro: dict[str, Any]) -> MockResponse:
        job_id = f"job{next(self._ids):04d}"
        self._jobs[job_id] = {
            "id": job_id,
            "operation_id": operation_id,
            "polls": 0,
            "cancelled": False,
        }
        status = {
            lro["id"]: job_id,
            lro["complete"]: False,
            lro["error"]: False,
            lro["results"]: None,
            "team_id": 1,
        }
        return MockResponse(202, {lro["status"]: status})

    def _poll_job(self, job: dict[str, Any], lro: dict[str, Any]) -> MockResponse:
        job["polls"] += 1
        status: dict[str, Any] = {lro["id"]: job["id"], lro["error"]: False, "team_id": 1}
        if job["cancelled"]:
            status.update(
                {lro["complete"]: True, lro["error"]: True, lro["error_message"]: "Query cancelled"}
            )
            return MockResponse(200, {lro["status"]: status})
        if job["polls"] <= self.polls_before_complete:
            status.update(
                {
                    lro["complete"]: False,
                    lro["results"]: None,
                    lro["progress"]: {
                        "rows_read": 1000 * job["polls"],
                        "bytes_read": 64000 * job["polls"],
                        "estimated_rows_total": 1000 * (self.polls_before_complete + 1),
                        "time_elapsed": job["polls"],
                        "active_cpu_time": job["polls"],
                    },
                }
            )
            return MockResponse(202, {lro["status"]: status})
        result = load_fixture(job["operation_id"])["responses"].get("200", {}).get("body")
        status.update({lro["complete"]: True, lro["results"]: result})
        return MockResponse(200, {lro["status"]: status})

    # -- pagination --------------------------------------------------------

    def _page(
        self, operation_id: str, op: dict[str, Any], path: str, query: dict[str, str]
    ) -> MockResponse:
        paging = op["pagination"]
        style = paging["style"]
        base = self._fixture_response(operation_id)
        bare = isinstance(base.body, list)  # a page that is the list itself (GitHub's)
        envelope = base.body if isinstance(base.body, dict) else {}
        items_field = paging["items"]
        inner = envelope.get(paging.get("items_in") or "")  # HAL's `_embedded`
        listed = inner.get(items_field) if isinstance(inner, dict) else envelope.get(items_field)
        template = list((base.body if bare else listed) or []) or [{}]
        items = [template[i % len(template)] for i in range(LIST_TOTAL)]
        size = self.page_size
        headers: dict[str, str] = {}
        if style == "after":
            items = [_with_id(item, i) for i, item in enumerate(items)]
            after = query.get(paging["token"] or "")
            ids = [str(item.get("id")) if isinstance(item, dict) else None for item in items]
            start = ids.index(after) + 1 if after in ids else 0
        elif style == "token":
            # the mock's tokens are offsets: a real API's are opaque to the client alike
            token = query.get(paging["token"] or "")
            start = int(token) if token and token.isdigit() else 0
            next_query = {**query, paging["token"]: str(start + size)}
        elif style in ("page", "link"):
            wire = paging["page"] or "page"
            page = max(int(query.get(wire, "1") or 1), 1)
            start = (page - 1) * size
            next_query = {**query, wire: str(page + 1)}
        else:
            limit_name, offset_name = paging["limit"] or "limit", paging["offset"] or "offset"
            size = int(query.get(limit_name) or self.page_size)
            start = int(query.get(offset_name) or 0)
            next_query = {**query, limit_name: str(size), offset_name: str(start + size)}
        chunk = items[start : start + size]
        more = start + size < len(items)
        if style == "link":
            if more:
                address = f"{self.base_url}{path}?{urlencode(sorted(next_query.items()))}"
                headers["Link"] = f'<{address}>; rel="next"'
            body = chunk if bare else {**envelope, items_field: chunk}
            return MockResponse(200, body, headers, base.content_type or "application/json")
        body = dict(envelope)
        if paging.get("items_in"):
            _holder(body, paging["items_in"])[items_field] = chunk
        else:
            body[items_field] = chunk
        counts = _holder(body, paging.get("count_in"))  # Giphy's `pagination`
        if paging["count"]:
            counts[paging["count"]] = len(items)
        if paging.get("pages"):  # the count of pages, Linode's
            counts[paging["pages"]] = -(-len(items) // size)
        holder = _holder(body, paging.get("next_in"))  # JSON:API's `links`, Twilio's `meta`
        if style == "token":
            # the last page leaves the token out: it may not be null
            holder.pop(paging["next"], None)
            if more:
                holder[paging["next"]] = next_query[paging["token"]]
        elif paging["next"]:
            address = f"{self.base_url}{path}?{urlencode(sorted(next_query.items()))}"
            if paging.get("next_href"):  # HAL's `next: {href}`, left out on the last page
                kept_link = holder.pop(paging["next"], None)
                if more:
                    holder[paging["next"]] = {
                        **(kept_link if isinstance(kept_link, dict) else {}),
                        "href": address,
                    }
            else:
                holder[paging["next"]] = address if more else None
        if paging["has_more"]:
            body[paging["has_more"]] = more
        # in the media type the operation answers (JSON:API's application/vnd.api+json)
        return MockResponse(200, body, {}, base.content_type or "application/json")


def _holder(body: dict[str, Any], name: str | None) -> dict[str, Any]:
    """The object of a page where the style keeps some of its fields (a copy, in the body),
    the body itself where it names none; where the fixture has no such object, one not in
    the body (made up, it would lack what it requires: the page is the last)."""
    if not name:
        return body
    kept = body.get(name)
    if not isinstance(kept, dict):
        return {}
    copy: dict[str, Any] = dict(kept)
    body[name] = copy
    return copy


def _with_id(item: Any, index: int) -> Any:
    """A copy of a page's item whose `id` is its own (Stripe's pages go on after the last
    item's id, and the mock repeats the fixture's items to fill its pages)."""
    if not isinstance(item, dict) or isinstance(item.get("id"), bool):
        return item
    known = item.get("id")
    if isinstance(known, int):
        return {**item, "id": known + index}
    return {**item, "id": f"{known if isinstance(known, str) else 'item'}_{index}"}


_FORM_MEDIA = re.compile(r"^(application/x-www-form-urlencoded|multipart/form-data)\b", re.I)


def _path_value(param: dict[str, Any], raw: str, schemas: dict[str, Any]) -> Any:
    """A path parameter's text as its schema's type (a list split at commas)."""
    if _kind(param["schema"], schemas) == "array":
        items = _items(param["schema"], schemas)
        if _kind(items, schemas) is not None:  # lists or objects, each written as JSON
            try:
                return json.loads("[" + raw + "]")
            except ValueError:
                pass
        return [_coerce(item, items, schemas) for item in raw.split(",")]
    return _coerce(raw, param["schema"], schemas)


def _path_problem(
    op: dict[str, Any], path_values: dict[str, str], schemas: dict[str, Any]
) -> Invalid | None:
    """How the path's values break their parameters' schemas, if they do."""
    for param in op["params"]:
        if param["in"] == "path" and param["name"] in path_values:
            try:
                validate(
                    _path_value(param, path_values[param["name"]], schemas),
                    param["schema"],
                    schemas,
                    param["name"],
                )
            except Invalid as exc:
                return exc
    return None


_SEPARATORS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|", "simple": ","}


def _items(schema: Any, schemas: dict[str, Any]) -> Any:
    schema = _resolved(schema, schemas)
    return schema.get("items", {}) if isinstance(schema, dict) else {}


def _query_value(
    param: dict[str, Any], query: list[tuple[str, str]], declared: set[str], schemas: dict[str, Any]
) -> tuple[bool, Any]:
    """(whether the query has the parameter, its value), read in the parameter's style:
    an exploded list from repeated names, a joined one split at its separator, an object
    from `name[key]` (deepObject), from the names no other parameter claims (exploded
    form) or from JSON, as the client writes them."""
    name, schema = param["name"], param["schema"]
    style = param.get("style") or "form"
    explode = param.get("explode", style == "form")
    values = [v for k, v in query if k == name]
    kind = _kind(schema, schemas)
    if style == "json":  # a parameter of a JSON media type: one JSON text
        return (True, _coerce(values[-1], schema, schemas)) if values else (False, None)
    if style == "deepObject" and kind in ("array", "object"):
        # `name[key]=...`, nested (`filter[a][b]`, a list by index: `expand[0]`), read as
        # a deepObject form field is
        nested = [(k, v) for k, v in query if k.startswith(name + "[")]
        if nested:
            holder = {"type": "object", "properties": {name: schema}}
            return True, _fields(nested, holder, schemas).get(name)
        if values:
            return True, _coerce(values[-1], schema, schemas)
        if param["required"]:  # (an empty one sends nothing)
            return True, {} if kind == "object" else []
        return False, None
    if kind == "array":
        if not values:
            return False, None
        if explode and style == "form":
            items = values
        else:
            items = values[-1].split(_SEPARATORS.get(style, ",")) if values[-1] else []
        return True, [_coerce(item, _items(schema, schemas), schemas) for item in items]
    if kind == "object":
        if values:
            return True, _coerce(values[-1], schema, schemas)
        if explode:
            claimed = declared | (
                {settings.AUTH_NAME} if settings.AUTH_SCHEME == "query" else set()
            )
            pairs = [(k, v) for k, v in query if k not in claimed]
            if not pairs and not param["required"]:  # (an empty object sends nothing)
                return False, None
        else:
            return False, None
        return True, {
            key: _coerce(value, _property_schema(schema, key, schemas), schemas)
            for key, value in pairs
        }
    if not values:
        return False, None
    return True, _coerce(values[-1], schema, schemas)


#: as the generator reads media types (generator/openapi.py)
_JSON_MEDIA = re.compile(r"^(?:application|text)/(?:[\w.+*-]+\+)?json$|^\*/\*$|^[^/]*json[^/]*$")


def _negotiated(op: dict[str, Any], headers: dict[str, str], answer: MockResponse) -> MockResponse:
    """The answer as a server that negotiates gives it (Django REST framework, Spring): in
    a type the request's Accept takes, of those the document lists for its status and
    written alike (JSON as JSON: application/json for application/ld+json); else, where
    it lists another document the Accept takes (a PDF or a CSV beside the JSON), that
    document, a placeholder of its type; else a 406. Not where the document makes Accept
    a parameter: the caller picks it then, maybe a type no answer listed is of."""
    accept = headers.get("accept", "")
    if not 200 <= answer.status < 300 or _acceptable(accept, answer.content_type):
        return answer
    if any(p["in"] == "header" and p["name"].lower() == "accept" for p in op["params"]):
        return answer
    written = _is_json(answer.content_type or "")
    listed = (op.get("media") or {}).get(str(answer.status), ())
    for media in listed:  # (no answer is of a range: `*/*` says what the fixture's may be)
        if _acceptable(accept, media) and "*" not in media and _is_json(media) == written:
            answer.content_type = media
            return answer
    for media in listed:
        if _acceptable(accept, media) and media != "*/*" and not _is_json(media) and written:
            kind = _RANGE_ANSWERS.get(media.split(";")[0].strip().lower(), media)
            text = kind.startswith("text/")
            return replace(answer, content_type=kind, body="example" if text else b"example")
    detail = f"This operation answers {answer.content_type}; the request accepts {accept}."
    return _error(406, "invalid_request", "not_acceptable", detail)


#: the type of the placeholder the mock answers where the document lists a range
_RANGE_ANSWERS = {
    "image/*": "image/png",
    "audio/*": "audio/mpeg",
    "video/*": "video/mp4",
    "text/*": "text/plain",
    "application/*": "application/octet-stream",
}


def _answers_accepted(operation_id: str, accept: str) -> bool:
    """Whether an operation's successes include a type the request's Accept takes (or it
    names none, or the request has no Accept)."""
    op = operation_spec(operation_id)
    media = [t for status, t in (op.get("responses") or {}).items() if str(status)[:1] == "2" and t]
    media += [
        m
        for status, listed in (op.get("media") or {}).items()
        if str(status)[:1] == "2"
        for m in listed
    ]
    return not accept or not media or any(_acceptable(accept, m) for m in media)


def _acceptable(accept: str, content_type: str | None) -> bool:
    """Whether an Accept header takes a response of `content_type`: no header, or a media
    range of it (`*/*`, `text/*`, the type itself; parameters aside, q=0 refuses). A
    wildcard the document answers with (`image/*`) is taken by a range of its type; a
    name that is no media type, by anything (the client asks for JSON then)."""
    if not accept.strip() or not content_type:
        return True
    kind, _, sub = content_type.split(";")[0].strip().lower().partition("/")
    if kind == "*" or not sub:  # any type, or a name that is no media type (LUIS's "JSON")
        return True
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if any(p.replace(" ", "").lower() in ("q=0", "q=0.0", "q=0.00", "q=0.000") for p in params):
            continue
        want_kind, _, want_sub = media.lower().partition("/")
        if want_kind in ("*", kind) and want_sub in ("*", sub) or sub == "*" and want_kind == kind:
            return True
    return False


#: JSON values one per line (the generator's openapi.NDJSON_MEDIA)
_NDJSON_MEDIA = frozenset(
    {
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "application/jsonlines",
        "application/json-lines",
    }
)


def _is_json(media: str) -> bool:
    """JSON is how the client reads this media type (`*/*` included, as the generator does)."""
    return bool(_JSON_MEDIA.match(media.split(";")[0].strip().lower()))


def _decode_body(
    raw: bytes, spec_body: dict[str, Any] | None, headers: dict[str, str], schemas: dict[str, Any]
) -> Any:
    """The request body as data, read the way the operation's media type says (JSON;
    form fields and multipart parts as their schema's types; text as str; anything else
    as bytes); ValueError when it cannot be read so."""
    sent = headers.get("content-type", "")
    media = (spec_body or {}).get("media_type") or sent or "application/json"
    base = media.split(";")[0].strip().lower()
    schema = (spec_body or {}).get("schema") or {}
    if _JSON_MEDIA.match(base):
        try:
            return json.loads(raw)
        except ValueError:
            raise ValueError("JSON parse error.") from None
    if base in _NDJSON_MEDIA and _kind(schema, schemas) == "array":  # a JSON value a line
        try:
            return [json.loads(line) for line in raw.splitlines() if line.strip()]
        except ValueError:
            raise ValueError("NDJSON parse error: a line is not JSON.") from None
    if base == "application/x-www-form-urlencoded":
        names = _type_names(schema, schemas)
        if names and not names & {"object", "array"}:  # one value: the encoded form itself
            return raw.decode(errors="replace")
        pairs = parse_qsl(raw.decode(errors="replace"), keep_blank_values=True)
        return _fields(pairs, schema, schemas, (spec_body or {}).get("styles") or {})
    if base == "multipart/form-data":
        if (
            "boundary=" not in sent
        ):  # a Content-Type parameter replaced the client's: read the body's
            first = raw.split(b"\r\n", 1)[0]
            if not first.startswith(b"--"):
                raise ValueError("Multipart parse error: no boundary.")
            sent = f'multipart/form-data; boundary="{first[2:].decode("latin-1")}"'
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + sent.encode("latin-1") + b"\r\n\r\n" + raw
        )
        # the empty form: the closing boundary alone, which the email parser refuses
        empty = re.fullmatch(rb"\s*--[^\r\n]+--\s*", raw) is not None
        if not message.is_multipart() and not empty:
            raise ValueError("Multipart parse error.")
        parts: list[tuple[str, Any]] = []
        for part in message.iter_parts() if not empty else ():
            field = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if isinstance(field, str) and isinstance(payload, bytes):
                is_file = part.get_filename() is not None
                parts.append((field, payload if is_file else payload.decode(errors="replace")))
        if _kind(schema, schemas) != "object":  # the whole body is one file (type: string)
            return parts[0][1] if parts else b""
        return _fields(parts, schema, schemas)
    if base.startswith("text/") or base in ("application/xml", "application/csv"):
        return raw.decode(errors="replace")
    return raw


_BRACKETED = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")


def _fields(
    pairs: list[tuple[str, Any]],
    schema: Any,
    schemas: dict[str, Any],
    styles: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Form fields as an object: each as its property's type, repeated names as a list
    (or one value split as its `styles` entry says: `a|b` for pipeDelimited), and
    `name[key][0]=...` (a deepObject, as the client writes Stripe's) as nested objects
    and lists."""
    result: dict[str, Any] = {}
    nested: set[str] = set()
    for key, value in pairs:
        bracketed = _BRACKETED.match(key) if isinstance(value, str) else None
        if bracketed and not _declares(schema, key, schemas):  # (files.com names one `etags[etag]`)
            name = bracketed.group(1)
            node = result.get(name)
            if not isinstance(node, dict):
                node = result[name] = {}
            keys = re.findall(r"\[([^\[\]]*)\]", bracketed.group(2))
            for part in keys[:-1]:
                node = node.setdefault(part or str(len(node)), {})
                if not isinstance(node, dict):
                    break
            else:
                node[keys[-1] or str(len(node))] = value
            nested.add(name)
            continue
        prop = _property_schema(schema, key, schemas)
        style, explode = (styles or {}).get(key) or ("form", True)
        if isinstance(value, str) and _kind(prop, schemas) == "array" and not explode:
            separator = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
            items = value.split(separator) if value else []
            result[key] = [_coerce(item, _items(prop, schemas), schemas) for item in items]
        elif value == "" and _kind(prop, schemas) in ("object", "array"):
            # an empty object or list, as the client writes one in a deepObject form field
            result[key] = {} if _kind(prop, schemas) == "object" else []
        elif _kind(prop, schemas) == "array" and not (isinstance(value, str) and value[:1] == "["):
            item = (
                _coerce(value, _items(prop, schemas), schemas) if isinstance(value, str) else value
            )
            result.setdefault(key, []).append(item)
        else:
            result[key] = _coerce(value, prop, schemas) if isinstance(value, str) else value
    for name in nested:
        result[name] = _typed(
            _listed(result[name]), _property_schema(schema, name, schemas), schemas
        )
    return result


def _declares(schema: Any, name: str, schemas: dict[str, Any], depth: int = 0) -> bool:
    """Whether the object schema (or a member of its allOf) names the property `name`."""
    schema = _resolved(schema, schemas)
    if not isinstance(schema, dict) or depth > 16:
        return False
    if name in (schema.get("properties") or {}):
        return True
    return any(_declares(part, name, schemas, depth + 1) for part in schema.get("allOf") or [])


def _listed(node: Any) -> Any:
    """Nested form fields with the keys 0, 1, 2... as a list (how a deepObject writes one)."""
    if not isinstance(node, dict):
        return node
    values = {key: _listed(value) for key, value in node.items()}
    if values and all(key.isdigit() for key in values):
        return [values[key] for key in sorted(values, key=int)]
    return values


def _typed(value: Any, schema: Any, schemas: dict[str, Any]) -> Any:
    """Nested form values (strings) as the types their schemas want ("" for an empty
    object or list, as the client writes one)."""
    if value == "" and _kind(schema, schemas) in ("object", "array"):
        return {} if _kind(schema, schemas) == "object" else []
    if isinstance(value, str):
        return _coerce(value, schema, schemas)
    if isinstance(value, list):
        return [_typed(item, _items(schema, schemas), schemas) for item in value]
    return {
        key: _typed(item, _property_schema(schema, key, schemas), schemas)
        for key, item in value.items()
    }


def parse_query(raw: str) -> list[tuple[str, str]]:
    return parse_qsl(raw, keep_blank_values=True)
