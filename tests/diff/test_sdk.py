"""The SDK-level verdict on real changes made to the curated spec, and semver."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from generator import ir
from generator.diff.rules import SDK_RULES
from generator.diff.sdk import SdkChange, accepts_more, diff_apis, type_str, verdict
from generator.load import Document, load
from generator.parse import parse
from generator.semver import effective_bump, next_version, parse_version
from tests.conftest import SPEC

Mutation = Callable[[dict[str, Any]], None]


@cache
def _base() -> tuple[Document, ir.Api]:
    doc = load(SPEC)
    return doc, parse(doc)


def _changes(mutate: Mutation) -> list[SdkChange]:
    doc, api = _base()
    data = copy.deepcopy(doc.data)
    mutate(data)
    head = Document(data=data, root_file=doc.root_file, locations=doc.locations)
    return diff_apis(api, parse(head), doc, head, documents_differ=data != doc.data)


def _schema(data: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = data["components"]["schemas"][name]
    return schema


def add_optional_response_field(data: dict[str, Any]) -> None:
    _schema(data, "QueryStatus")["properties"]["cancelled_by"] = {"type": ["integer", "null"]}


def add_optional_request_field(data: dict[str, Any]) -> None:
    _schema(data, "QueryRequest")["properties"]["timeout_seconds"] = {"type": "integer"}


def add_required_request_field(data: dict[str, Any]) -> None:
    request = _schema(data, "QueryRequest")
    request["properties"]["workload"] = {"type": "string"}
    request["required"] = [*request["required"], "workload"]


def remove_operation(data: dict[str, Any]) -> None:
    del data["paths"]["/api/projects/{project_id}/insight_variables/{id}/"]["delete"]


def change_a_description(data: dict[str, Any]) -> None:
    op = data["paths"]["/api/projects/{project_id}/query/{id}/"]["delete"]
    op["description"] = "Cancel a running query. " + op["description"]


def add_response_enum_value(data: dict[str, Any]) -> None:
    _schema(data, "RefreshType")["enum"].append("lazy_blocking")


def remove_enum_value(data: dict[str, Any]) -> None:
    _schema(data, "RefreshType")["enum"].remove("force_cache")


def rename_operation_id(data: dict[str, Any]) -> None:
    op = data["paths"]["/api/projects/{project_id}/insight_variables/{id}/"]["get"]
    op["operationId"] = "insight_variables_fetch"  # the method was `retrieve`; now `fetch`
    op.pop("x-sdk-method", None)


def require_a_query_parameter(data: dict[str, Any]) -> None:
    item = data["paths"]["/api/environments/{project_id}/session_recordings/"]["get"]
    for index, param in enumerate(item["parameters"]):
        if param.get("name") == "date_from":
            item["parameters"][index] = {**param, "required": True}
            return
    raise AssertionError("no date_from parameter")


def add_operation(data: dict[str, Any]) -> None:
    item = data["paths"]["/api/projects/{project_id}/query/{id}/"]
    log = copy.deepcopy(item["get"])
    log["operationId"] = "query_log_retrieve"
    log.pop("x-sdk-method", None)
    data["paths"]["/api/projects/{project_id}/query/{id}/log/"] = {"get": log}


def take_another_way(data: dict[str, Any]) -> None:
    """An operation that takes a project API key instead of the personal one: an optional
    setting, and the key is no longer the only way."""
    data["components"]["securitySchemes"]["ProjectKey"] = {"type": "apiKey", "in": "header", "name": "X-Project-Key"}
    data["paths"]["/api/projects/{project_id}/query/{id}/"]["get"]["security"] = [{"ProjectKey": []}]


def want_a_credential_beside_the_key(data: dict[str, Any]) -> None:
    data["components"]["securitySchemes"]["Organization"] = {"type": "apiKey", "in": "header", "name": "X-Org"}
    data["security"] = [{"PersonalAPIKeyAuth": [], "Organization": []}]


CASES: list[tuple[Mutation, str | None, set[str]]] = [
    (take_another_way, "minor", {"sdk-setting-added", "sdk-setting-became-optional"}),
    (want_a_credential_beside_the_key, "major", {"sdk-setting-added-required"}),
    (add_optional_response_field, "minor", {"sdk-model-field-added"}),
    (add_optional_request_field, "minor", {"sdk-model-field-added", "sdk-parameter-added-optional"}),
    (add_required_request_field, "major", {"sdk-model-field-added-required", "sdk-parameter-added-required"}),
    (remove_operation, "major", {"sdk-method-removed"}),
    (add_operation, "minor", {"sdk-method-added"}),
    (change_a_description, "patch", {"sdk-regenerated"}),
    (add_response_enum_value, "minor", {"sdk-enum-member-added"}),
    (remove_enum_value, "major", {"sdk-enum-member-removed"}),
    (rename_operation_id, "major", {"sdk-method-renamed"}),
    (require_a_query_parameter, "major", {"sdk-parameter-became-required"}),
    (lambda data: None, None, set()),
]


def _case_id(value: object) -> str:
    """Stable ids (a set's order differs between processes): pytest-xdist needs them."""
    if isinstance(value, (set, frozenset)):
        return "+".join(sorted(value))
    return getattr(value, "__name__", str(value))


@pytest.mark.parametrize(("mutate", "bump", "rules"), CASES, ids=_case_id)
def test_verdict_on_real_changes(mutate: Mutation, bump: str | None, rules: set[str]) -> None:
    changes = _changes(mutate)
    assert {c.rule for c in changes} == rules, [(c.rule, c.message) for c in changes]
    assert verdict(changes) == bump
    for c in changes:
        assert c.rule in SDK_RULES and c.message
        assert c.bump == SDK_RULES[c.rule].bump or c.bump == "minor"


def test_changes_are_located_in_the_split_spec() -> None:
    changes = _changes(remove_enum_value)
    (change,) = changes
    assert change.head_location.file.endswith("schemas/query.yaml") and change.head_location.line > 0
    assert change.subject == "enums.RefreshType"


def test_a_field_that_may_be_none_breaks_readers_not_writers() -> None:
    def optional_in_response(data: dict[str, Any]) -> None:
        _schema(data, "QueryStatus")["required"] = ["id"]

    (change,) = _changes(optional_in_response)
    assert (change.rule, change.bump) == ("sdk-model-field-became-optional", "major")


def test_type_strings_and_widening() -> None:
    assert type_str(ir.TypeRef(ir.LIST, item=ir.TypeRef(ir.MODEL, "Thing"), nullable=True)) == "list[Thing] | None"
    assert accepts_more("str | None", "str") and accepts_more("float", "int") and accepts_more("Any", "dict[str, Any]")
    assert not accepts_more("str", "str | None") and not accepts_more("int", "str")


@pytest.mark.parametrize(("version", "bump", "expected"), [
    ("1.4.2", "major", "2.0.0"), ("1.4.2", "minor", "1.5.0"), ("1.4.2", "patch", "1.4.3"), ("1.4.2", None, "1.4.2"),
    ("0.3.1", "major", "0.4.0"), ("0.3.1", "minor", "0.4.0"), ("0.3.1", "patch", "0.3.2"), ("0.1.0", "major", "0.2.0"),
])
def test_next_version(version: str, bump: str | None, expected: str) -> None:
    assert next_version(version, bump) == expected


def test_semver_edges() -> None:
    assert effective_bump("0.9.9", "major") == "minor" and effective_bump("1.0.0", "major") == "major"
    for bad in ("1.0", "01.2.3", "1.2.3-rc1", "v1.2.3"):
        with pytest.raises(ValueError):
            parse_version(bad)
