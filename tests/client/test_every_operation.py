"""Every operation of the curated spec, called through the generated client.

Each call goes through an `httpx.MockTransport` that records the request and
answers with the operation's fixture; the test checks what went over the wire
(method, path, query string, JSON body) and the type of what came back.
"""

from __future__ import annotations

import asyncio
import json
import warnings
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import curated_api, curated_operation_views

API = curated_api()
OPERATIONS = {op.operation_id: op for op in API.operations}
VIEWS = curated_operation_views()
PROJECT = "4242"


def _fixture(operation_id: str) -> dict[str, Any]:
    from posthog_api.testing import load_fixture

    return load_fixture(operation_id)


def _success(fixture: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    status = sorted(fixture["responses"], key=lambda s: (s != "200", s))[0]
    return int(status), fixture["responses"][status]


def _call_arguments(op, fixture) -> tuple[list[Any], dict[str, Any], str, dict[str, str], Any]:
    """Positional args, keyword args, the expected path, query and JSON body."""
    request = fixture["request"]
    view = VIEWS[op.operation_id]
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    path_values = dict(request["path"])
    path_values.update({p.wire_name: PROJECT for p in op.path_params if p.client_default})
    by_wire = {p.wire_name: p for p in op.parameters}
    for arg in view.positional:
        param = next(p for p in op.path_params if p.name == arg.name)
        args.append(path_values[param.wire_name])
    for param in op.path_params:
        if param.client_default:
            kwargs[param.name] = PROJECT
    for wire, value in request["query"].items():
        kwargs[by_wire[wire].name] = value
    body = request.get("body")
    if op.body is not None and body is not None:
        if op.body.fields:
            by_body_wire = {f.wire_name: f.name for f in op.body.fields}
            extra = {}
            for wire, value in body.items():
                if wire in by_body_wire:
                    kwargs[by_body_wire[wire]] = value
                else:
                    extra[wire] = value
            if extra:
                kwargs["extra_body"] = extra
        else:
            kwargs["body"] = body
    path = op.path
    for wire, value in path_values.items():
        path = path.replace("{" + wire + "}", quote(str(value), safe=""))
    query = {k: (json.dumps(v) if isinstance(v, (dict, list)) else str(v).lower() if isinstance(v, bool) else str(v)) for k, v in request["query"].items()}
    return args, kwargs, path, query, body


def _target(client, op):
    """The method users call for `op`: on its tag's resource, or for the deprecated
    /api/environments/ twins of /api/projects/ operations, on client.environments."""
    root = next((r for r in API.resources if r.namespace is None and op in r.operations), None)
    if root is not None:
        return getattr(getattr(client, root.attribute), op.name)
    namespace = next(n for n in API.namespaces if any(op in r.operations for r in n.resources))
    resource = next(r for r in namespace.resources if op in r.operations)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        owner = getattr(client, namespace.name)
    return getattr(getattr(owner, resource.attribute), op.name)


def _expected_type(op, status: int, response: dict[str, Any]):
    import posthog_api.models as models

    spec = next((r for r in op.responses if r.status == str(status)), None)
    if spec is None or spec.decoding == "none" or response["content_type"] is None:
        return type(None)
    if spec.decoding == "text":
        return str
    if spec.type is not None and spec.type.kind == "model":
        return getattr(models, spec.type.name)
    if spec.type is not None and spec.type.kind == "list":
        return list
    return object


def _transport(seen: list[httpx.Request], status: int, response: dict[str, Any]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if response["content_type"] is None:
            return httpx.Response(status)
        body = response["body"]
        if isinstance(body, str) and "json" not in response["content_type"]:
            return httpx.Response(status, content=body.encode(), headers={"content-type": response["content_type"]})
        return httpx.Response(status, json=body, headers={"content-type": response["content_type"]})

    return httpx.MockTransport(handler)


def _check_request(request: httpx.Request, op, path: str, query: dict[str, str], body: Any) -> None:
    assert request.method == op.method.upper()
    assert request.url.path == path
    sent_query = dict(request.url.params.multi_items())
    for key, value in query.items():
        assert sent_query.get(key) == value, f"query parameter {key}"
    assert request.headers["authorization"] == "Bearer phx_test"
    if body is not None:
        assert json.loads(request.content) == body
    elif op.body is None:
        assert request.content == b""


def _check_result(result: Any, op, status: int, response: dict[str, Any]) -> None:
    from posthog_api import AsyncPage, SyncPage

    if op.pagination:
        assert isinstance(result, (SyncPage, AsyncPage))
        assert len(result.items) == len(response["body"][op.pagination.items])
        return
    if VIEWS[op.operation_id].stream:
        return
    expected = _expected_type(op, status, response)
    assert isinstance(result, expected), f"{op.operation_id}: got {type(result).__name__}, expected {expected.__name__}"


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_sync_client_sends_and_parses(operation_id: str) -> None:
    from posthog_api import PostHog

    op = OPERATIONS[operation_id]
    fixture = _fixture(operation_id)
    status, response = _success(fixture)
    args, kwargs, path, query, body = _call_arguments(op, fixture)
    seen: list[httpx.Request] = []
    client = PostHog(api_key="phx_test", project_id="1", host="http://posthog.test",
                     http_client=httpx.Client(transport=_transport(seen, status, response)))
    result = _target(client, op)(*args, **kwargs)
    if VIEWS[op.operation_id].stream:
        events = list(result)
        assert events, "the stream yielded no event"
    assert len(seen) == 1
    _check_request(seen[0], op, path, query, body)
    _check_result(result, op, status, response)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_async_client_sends_and_parses(operation_id: str) -> None:
    from posthog_api import AsyncPostHog

    op = OPERATIONS[operation_id]
    fixture = _fixture(operation_id)
    status, response = _success(fixture)
    args, kwargs, path, query, body = _call_arguments(op, fixture)
    seen: list[httpx.Request] = []

    async def run() -> Any:
        client = AsyncPostHog(api_key="phx_test", project_id="1", host="http://posthog.test",
                              http_client=httpx.AsyncClient(transport=_transport(seen, status, response)))
        result = await _target(client, op)(*args, **kwargs)
        if VIEWS[op.operation_id].stream:
            return [event async for event in result]
        return result

    result = asyncio.run(run())
    assert len(seen) == 1
    _check_request(seen[0], op, path, query, body)
    if VIEWS[op.operation_id].stream:
        assert result, "the stream yielded no event"
    else:
        _check_result(result, op, status, response)


def test_every_seed_operation_is_tested() -> None:
    assert len(OPERATIONS) == 53
