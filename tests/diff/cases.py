"""A pair of small specs (before / after) for every spec-level rule, with the finding
each pair must give: test_rules.py runs them, and checks that every rule has one.

A case is (rule, base, head, expected), expected being the finding's
"<operation> <where> <field>" (the rule is the case's). Specs are built in memory from
one operation, GET /things/{id} (`thing_get`), that takes a query parameter and answers
200 with a JSON object, or from a POST /things (`thing_create`) with a body.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from generator.diff.rules import RULES, SCHEMA_CHANGES, SUBJECTS

GET = "GET /things/{id}"
POST = "POST /things"


@dataclass(frozen=True)
class Case:
    rule: str
    base: dict[str, Any]
    head: dict[str, Any]
    expected: str  # "<operation> <where> <field>", spaces collapsed
    also: tuple[str, ...] = ()  # other rules the pair gives, by design

    @property
    def id(self) -> str:
        return self.rule


def doc(paths: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.0.0"},
        "paths": paths if paths is not None else {"/things/{id}": {"get": get_op()}},
        "components": {"securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}},
        "security": [{"key": []}],
    }
    for key, value in extra.items():
        data[key] = value
    return data


def json_response(schema: Any, status: str = "200") -> dict[str, Any]:
    return {status: {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def get_op(**changes: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": "thing_get",
        "tags": ["things"],
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "q", "in": "query", "schema": {"type": "string"}},
        ],
        "responses": json_response({"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"}, "p": {"type": "string"}}}),
    }
    op.update(changes)
    return op


def post_op(**changes: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": "thing_create",
        "tags": ["things"],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "p": {"type": "string"}}}}}},
        "responses": json_response({"type": "object", "properties": {"id": {"type": "string"}}}, "201"),
    }
    op.update(changes)
    return op


def post_doc(**changes: Any) -> dict[str, Any]:
    return doc({"/things": {"post": post_op(**changes)}})


def get_doc(**changes: Any) -> dict[str, Any]:
    return doc({"/things/{id}": {"get": get_op(**changes)}})


def _with(data: dict[str, Any], pointer: list[Any], value: Any) -> dict[str, Any]:
    """A copy of `data` with the value at `pointer` (a list of keys) replaced."""
    result = copy.deepcopy(data)
    node = result
    for key in pointer[:-1]:
        node = node[key]
    node[pointer[-1]] = value
    return result


# -- the schema family: one change, put under each subject ------------------------------------

_KIND_A = {"type": "object", "properties": {"kind": {"const": "a"}}}
_KIND_B = {"type": "object", "properties": {"kind": {"const": "b"}}}
_KIND_C = {"type": "object", "properties": {"kind": {"const": "c"}}}

#: change -> (schema before, schema after)
SCHEMA_PAIRS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "type-changed": ({"type": "string"}, {"type": "boolean"}),
    "type-generalized": ({"type": "integer"}, {"type": "number"}),
    "type-specialized": ({"type": "number"}, {"type": "integer"}),
    "became-nullable": ({"type": "string"}, {"type": ["string", "null"]}),
    "became-not-nullable": ({"type": ["string", "null"]}, {"type": "string"}),
    "enum-value-added": ({"type": "string", "enum": ["a"]}, {"type": "string", "enum": ["a", "b"]}),
    "enum-value-removed": ({"type": "string", "enum": ["a", "b"]}, {"type": "string", "enum": ["a"]}),
    "became-enum": ({"type": "string"}, {"type": "string", "enum": ["a"]}),
    "became-not-enum": ({"type": "string", "enum": ["a"]}, {"type": "string"}),
    "default-value-changed": ({"type": "string", "default": "a"}, {"type": "string", "default": "b"}),
    "constraint-tightened": ({"type": "string"}, {"type": "string", "maxLength": 5}),
    "constraint-loosened": ({"type": "string", "minLength": 2}, {"type": "string"}),
    "one-of-added": ({"oneOf": [_KIND_A, _KIND_B]}, {"oneOf": [_KIND_A, _KIND_B, _KIND_C]}),
    "one-of-removed": ({"oneOf": [_KIND_A, _KIND_B, _KIND_C]}, {"oneOf": [_KIND_A, _KIND_B]}),
}


def _placed(subject: str, schema: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A spec with `schema` where `subject` says, and the finding's "<operation> <where> <field>"."""
    if subject == "request-parameter":
        params = get_op()["parameters"][:1] + [{"name": "q", "in": "query", "schema": schema}]
        return get_doc(parameters=params), f"{GET} parameter query q"
    if subject == "request-body":
        body = {"content": {"application/json": {"schema": schema}}}
        return post_doc(requestBody=body), f"{POST} request"
    if subject == "request-property":
        body = {"content": {"application/json": {"schema": {"type": "object", "properties": {"p": schema}}}}}
        return post_doc(requestBody=body), f"{POST} request .p"
    if subject == "response-body":
        return get_doc(responses=json_response(schema)), f"{GET} response 200"
    assert subject == "response-property"
    return get_doc(responses=json_response({"type": "object", "properties": {"p": schema}})), f"{GET} response 200 .p"


def schema_cases() -> list[Case]:
    cases = []
    for subject in SUBJECTS:
        for change, *_ in SCHEMA_CHANGES:
            rule = f"{subject}-{change}"
            if rule not in RULES:
                continue
            before, after = SCHEMA_PAIRS[change]
            base, expected = _placed(subject, before)
            head, _ = _placed(subject, after)
            cases.append(Case(rule, base, head, expected))
    return cases


# -- the other rules ------------------------------------------------------------------------------

def _security(requirement: list[dict[str, list[str]]]) -> dict[str, Any]:
    return get_doc(security=requirement)


_BODY = post_op()["requestBody"]
_OBJECT_WITH = {"type": "object", "properties": {"name": {"type": "string"}}}


def other_cases() -> list[Case]:
    two_ops = doc({"/things/{id}": {"get": get_op(), "delete": get_op(operationId="thing_delete")}})
    deprecated_delete = doc({"/things/{id}": {"get": get_op(), "delete": get_op(operationId="thing_delete", deprecated=True)}})
    only_get = doc({"/things/{id}": {"get": get_op()}})
    other_path = doc({"/others": {"get": get_op(operationId="other_get", parameters=[])}})
    both_paths = doc({"/things/{id}": {"get": get_op()}, "/others": {"get": get_op(operationId="other_get", parameters=[])}})
    deprecated_path = doc({"/things/{id}": {"get": get_op(deprecated=True)},
                           "/others": {"get": get_op(operationId="other_get", parameters=[])}})
    params = get_op()["parameters"]
    required_q = [params[0], {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}]
    new_required = [*params, {"name": "r", "in": "query", "required": True, "schema": {"type": "string"}}]
    new_optional = [*params, {"name": "r", "in": "query", "schema": {"type": "string"}}]
    deprecated_q = [params[0], {"name": "q", "in": "query", "deprecated": True, "schema": {"type": "string"}}]
    exploded_q = [params[0], {"name": "q", "in": "query", "style": "form", "explode": False, "schema": {"type": "string"}}]
    optional_body = {**_BODY, "required": False}
    with_form = {**_BODY, "content": {**_BODY["content"], "application/x-www-form-urlencoded": _BODY["content"]["application/json"]}}
    response = get_op()["responses"]
    with_201 = {**response, "201": response["200"]}
    with_404 = {**response, "404": {"description": "not found"}}
    with_csv = {"200": {"description": "ok", "content": {**response["200"]["content"], "text/csv": {"schema": {"type": "string"}}}}}
    get_schema = response["200"]["content"]["application/json"]["schema"]
    post_schema = _BODY["content"]["application/json"]["schema"]

    def response_schema(schema: dict[str, Any]) -> dict[str, Any]:
        return get_doc(responses=json_response(schema))

    def request_schema(schema: dict[str, Any]) -> dict[str, Any]:
        return post_doc(requestBody={**_BODY, "content": {"application/json": {"schema": schema}}})

    with_component = doc(components={"schemas": {"Thing": {"type": "object"}},
                                     "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}})
    with_scheme = doc(components={"securitySchemes": {"key": {"type": "http", "scheme": "bearer"},
                                                      "basic": {"type": "http", "scheme": "basic"}}})
    basic_key = doc(components={"securitySchemes": {"key": {"type": "http", "scheme": "basic"}}})
    return [
        Case("endpoint-added", only_get, two_ops, "DELETE /things/{id}"),
        Case("api-removed-without-deprecation", two_ops, only_get, "DELETE /things/{id}"),
        Case("api-removed-with-deprecation", deprecated_delete, only_get, "DELETE /things/{id}"),
        Case("api-path-removed-without-deprecation", both_paths, other_path, "GET /things/{id}"),
        Case("api-path-removed-with-deprecation", deprecated_path, other_path, "GET /things/{id}"),
        Case("endpoint-deprecated", get_doc(), get_doc(deprecated=True), GET),
        Case("endpoint-reactivated", get_doc(deprecated=True), get_doc(), GET),
        Case("api-operation-id-removed", get_doc(), get_doc(operationId="thing_read"), GET),
        Case("api-operation-id-added", _with(get_doc(), ["paths", "/things/{id}", "get", "operationId"], None), get_doc(), GET),
        Case("api-tag-removed", get_doc(tags=["things", "extra"]), get_doc(), GET),
        Case("api-tag-added", get_doc(), get_doc(tags=["things", "extra"]), GET),
        Case("new-required-request-parameter", get_doc(), get_doc(parameters=new_required), f"{GET} parameter query r"),
        Case("new-optional-request-parameter", get_doc(), get_doc(parameters=new_optional), f"{GET} parameter query r"),
        Case("request-parameter-removed", get_doc(parameters=new_optional), get_doc(), f"{GET} parameter query r"),
        Case("request-parameter-became-required", get_doc(), get_doc(parameters=required_q), f"{GET} parameter query q"),
        Case("request-parameter-became-optional", get_doc(parameters=required_q), get_doc(), f"{GET} parameter query q"),
        Case("request-parameter-deprecated", get_doc(), get_doc(parameters=deprecated_q), f"{GET} parameter query q"),
        Case("request-parameter-reactivated", get_doc(parameters=deprecated_q), get_doc(), f"{GET} parameter query q"),
        Case("request-parameter-serialization-changed", get_doc(), get_doc(parameters=exploded_q), f"{GET} parameter query q"),
        Case("added-required-request-body", post_doc(requestBody=None), post_doc(), f"{POST} request"),
        Case("added-optional-request-body", post_doc(requestBody=None), post_doc(requestBody=optional_body), f"{POST} request"),
        Case("request-body-removed", post_doc(), post_doc(requestBody=None), f"{POST} request"),
        Case("request-body-became-required", post_doc(requestBody=optional_body), post_doc(), f"{POST} request"),
        Case("request-body-became-optional", post_doc(), post_doc(requestBody=optional_body), f"{POST} request"),
        Case("request-body-media-type-added", post_doc(), post_doc(requestBody=with_form), f"{POST} request"),
        Case("request-body-media-type-removed", post_doc(requestBody=with_form), post_doc(), f"{POST} request"),
        Case("response-success-status-added", get_doc(), get_doc(responses=with_201), f"{GET} response 201"),
        Case("response-success-status-removed", get_doc(responses=with_201), get_doc(), f"{GET} response 201"),
        Case("response-non-success-status-added", get_doc(), get_doc(responses=with_404), f"{GET} response 404"),
        Case("response-non-success-status-removed", get_doc(responses=with_404), get_doc(), f"{GET} response 404"),
        Case("response-media-type-added", get_doc(), get_doc(responses=with_csv), f"{GET} response 200"),
        Case("response-media-type-removed", get_doc(responses=with_csv), get_doc(), f"{GET} response 200"),
        Case("new-required-request-property", post_doc(), request_schema(
            {**post_schema, "required": ["name", "n"], "properties": {**post_schema["properties"], "n": {"type": "string"}}}),
            f"{POST} request .n"),
        Case("new-optional-request-property", post_doc(), request_schema(
            {**post_schema, "properties": {**post_schema["properties"], "n": {"type": "string"}}}), f"{POST} request .n"),
        Case("request-property-removed", post_doc(), request_schema(
            {**post_schema, "properties": {"name": {"type": "string"}}}), f"{POST} request .p"),
        Case("request-property-became-required", post_doc(), request_schema({**post_schema, "required": ["name", "p"]}),
             f"{POST} request .p"),
        Case("request-property-became-optional", post_doc(), request_schema({**post_schema, "required": []}),
             f"{POST} request .name"),
        Case("request-property-deprecated", post_doc(), request_schema(
            {**post_schema, "properties": {**post_schema["properties"], "p": {"type": "string", "deprecated": True}}}),
            f"{POST} request .p"),
        Case("response-required-property-added", get_doc(), response_schema(
            {**get_schema, "required": ["id", "n"], "properties": {**get_schema["properties"], "n": {"type": "string"}}}),
            f"{GET} response 200 .n"),
        Case("response-optional-property-added", get_doc(), response_schema(
            {**get_schema, "properties": {**get_schema["properties"], "n": {"type": "string"}}}), f"{GET} response 200 .n"),
        Case("response-required-property-removed", get_doc(), response_schema(
            {**get_schema, "required": [], "properties": {"p": {"type": "string"}}}), f"{GET} response 200 .id"),
        Case("response-optional-property-removed", get_doc(), response_schema(
            {**get_schema, "properties": {"id": {"type": "string"}}}), f"{GET} response 200 .p"),
        Case("response-property-became-optional", get_doc(), response_schema({**get_schema, "required": []}),
             f"{GET} response 200 .id"),
        Case("response-property-became-required", get_doc(), response_schema({**get_schema, "required": ["id", "p"]}),
             f"{GET} response 200 .p"),
        Case("response-property-deprecated", get_doc(), response_schema(
            {**get_schema, "properties": {**get_schema["properties"], "p": {"type": "string", "deprecated": True}}}),
            f"{GET} response 200 .p"),
        Case("api-schema-added", doc(), with_component, ""),
        Case("api-schema-removed", with_component, doc(), ""),
        Case("api-security-added", get_doc(), _security([{"key": []}, {"other": []}]), f"{GET} security"),
        Case("api-security-removed", _security([]), get_doc(), f"{GET} security", ("api-security-added",)),
        Case("api-security-scope-added", get_doc(), _security([{"key": ["things:read"]}]), f"{GET} security"),
        Case("api-security-scope-removed", _security([{"key": ["things:read"]}]), get_doc(), f"{GET} security"),
        Case("api-security-component-added", doc(), with_scheme, ""),
        Case("api-security-component-removed", with_scheme, doc(), ""),
        Case("api-security-component-type-changed", doc(), basic_key, ""),
    ]


def all_cases() -> list[Case]:
    return other_cases() + schema_cases()


__all__ = ["GET", "POST", "Case", "all_cases", "doc", "get_doc", "get_op", "json_response", "post_doc", "post_op",
           "SCHEMA_PAIRS", "_OBJECT_WITH"]
