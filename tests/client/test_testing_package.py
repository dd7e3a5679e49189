"""posthog_api.testing: fixtures valid against the spec, request validation by the mock
server over real HTTP, and the pytest plugin as users would load it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import GENERATED, curated_api

API = curated_api()
FIXTURES = GENERATED / "posthog_api" / "testing" / "fixtures"
SPEC = json.loads((GENERATED / "posthog_api" / "testing" / "spec.json").read_text())


def _without_read_only_required(schemas: dict) -> dict:
    """The schemas as a request sees them: readOnly properties are never required of a client."""
    copy = json.loads(json.dumps(schemas))

    def read_only(prop: object) -> bool:
        if isinstance(prop, dict) and "$ref" in prop:
            prop = copy.get(prop["$ref"].rsplit("/", 1)[1], {})
        return isinstance(prop, dict) and bool(prop.get("readOnly"))

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("required"), list) and isinstance(node.get("properties"), dict):
                node["required"] = [r for r in node["required"] if not read_only(node["properties"].get(r, {}))]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(copy)
    return copy


REQUEST_SCHEMAS = _without_read_only_required(SPEC["schemas"])


def _validator(schema: object, schemas: dict | None = None) -> jsonschema.Draft202012Validator:
    root = {"components": {"schemas": schemas if schemas is not None else SPEC["schemas"]}}
    registry = Registry().with_resource("urn:spec", Resource(root, specification=DRAFT202012))
    rooted = json.loads(json.dumps(schema).replace('"#/components/', '"urn:spec#/components/'))
    return jsonschema.Draft202012Validator(rooted, registry=registry, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("operation_id", sorted(SPEC["operations"]))
def test_fixture_is_valid_against_its_schemas(operation_id: str) -> None:
    op = SPEC["operations"][operation_id]
    fixture = json.loads((FIXTURES / op["fixture"]).read_text())[operation_id]
    assert fixture["operation_id"] == operation_id
    by_status = {(r.status, r.media_type): r for r in API.operation(operation_id).responses}
    for status, response in fixture["responses"].items():
        spec_response = by_status[(status, response["content_type"])]
        if response["content_type"] and "json" in response["content_type"]:
            errors = list(_validator(spec_response.schema).iter_errors(response["body"]))
            assert not errors, f"{status}: {errors[0].message}"
    body = fixture["request"].get("body")
    if body is not None and op["body"] and "json" in op["body"]["media_type"]:
        errors = list(_validator(op["body"]["schema"], REQUEST_SCHEMAS).iter_errors(body))
        assert not errors, errors[0].message
    for param in op["params"]:
        where = {"path": "path", "query": "query"}.get(param["in"])
        if where and param["name"] in fixture["request"][where]:
            assert not list(_validator(param["schema"]).iter_errors(fixture["request"][where][param["name"]]))


@pytest.fixture(scope="module")
def server_url():
    from posthog_api.testing.server import MockServer

    with MockServer() as server:
        yield server.url


def _send(url: str, method: str, path: str, **kwargs) -> httpx.Response:
    return httpx.request(method, url + path, headers={"Authorization": "Bearer phx_test"}, timeout=10, **kwargs)


def test_wrong_enum_value_is_a_400_naming_the_field(server_url: str) -> None:
    response = _send(server_url, "POST", "/api/projects/1/query/", json={"query": {"kind": "HogQLQuery", "query": "select 1"}, "refresh": "sometimes"})
    assert response.status_code == 400
    assert response.json()["attr"] == "refresh"
    assert response.json()["type"] == "validation_error"


def test_missing_required_body_field_is_a_400_naming_the_field(server_url: str) -> None:
    response = _send(server_url, "POST", "/api/environments/1/endpoints/", json={"query": {"kind": "HogQLQuery", "query": "select 1"}})
    assert response.status_code == 400
    assert response.json()["attr"] == "name"


def test_bad_path_parameter_type_is_a_400_naming_the_parameter(server_url: str) -> None:
    response = _send(server_url, "GET", "/api/projects/1/insight_variables/not-a-uuid/")
    assert response.status_code == 400
    assert response.json()["attr"] == "id"
    response = _send(server_url, "GET", "/api/environments/1/endpoints/weekly/versions/abc/")
    assert response.status_code == 400 and response.json()["attr"] == "version_number"


def test_bad_query_parameter_type_and_missing_key(server_url: str) -> None:
    response = _send(server_url, "GET", "/api/environments/1/endpoints/", params={"limit": "many"})
    assert response.status_code == 400 and response.json()["attr"] == "limit"
    response = httpx.get(server_url + "/api/environments/1/endpoints/", timeout=10)
    assert response.status_code == 401 and response.json()["type"] == "authentication_error"
    response = _send(server_url, "GET", "/api/projects/1/nothing-here/")
    assert response.status_code == 404


def test_a_cancelled_query_polls_as_cancelled_and_another_runs_on(server_url: str) -> None:
    """The mock's job flow: POST with refresh=async starts a job, DELETE cancels it, GET
    polls it. The poll reports the cancellation of that job only."""
    start = {"query": {"kind": "HogQLQuery", "query": "select 1"}, "refresh": "async"}
    started = [_send(server_url, "POST", "/api/projects/1/query/", json=start) for _ in range(2)]
    assert [r.status_code for r in started] == [202, 202]
    cancelled, running = (r.json()["query_status"]["id"] for r in started)
    assert _send(server_url, "DELETE", f"/api/projects/1/query/{cancelled}/").status_code in (200, 204)
    status = _send(server_url, "GET", f"/api/projects/1/query/{cancelled}/").json()["query_status"]
    assert (status["complete"], status["error"], status["error_message"]) == (True, True, "Query cancelled")
    status = _send(server_url, "GET", f"/api/projects/1/query/{running}/").json()["query_status"]
    assert status["id"] == running and not status["error"]


def test_pytest_plugin_gives_a_wired_client(tmp_path: Path) -> None:
    pyproject = (GENERATED / "pyproject.toml").read_text()
    assert '[project.entry-points.pytest11]\n"posthog_api" = "posthog_api.testing.pytest_plugin"' in pyproject
    test_file = tmp_path / "test_user_code.py"
    test_file.write_text(
        "def test_uses_the_mock(posthog_api_mock):\n"
        "    posthog_api_mock.api.respond('insight_variables_list', 200, {'count': 0, 'next': None, 'previous': None, 'results': []})\n"
        "    page = posthog_api_mock.client.insight_variables.list()\n"
        "    assert page.items == [] and page.count == 0\n"
        "    assert posthog_api_mock.calls[-1].path == '/api/projects/1/insight_variables/'\n"
    )
    from importlib.metadata import entry_points

    # Loaded by name the way the entry point loads it, unless the package is installed
    # in this environment already (then pytest loads the entry point itself).
    installed = any(ep.name == "posthog_api" for ep in entry_points(group="pytest11"))
    load = [] if installed else ["-p", "posthog_api.testing.pytest_plugin"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *load, "-p", "no:cacheprovider", str(test_file)],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(GENERATED)}, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
