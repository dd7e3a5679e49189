"""generator/mcp_tools.py: input schemas from OpenAPI schemas (refs, recursion, 3.0 idioms,
size), tool names and annotations."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from generator import mcp_tools
from generator.mcp_tools import SchemaBuilder


def _input(schemas: dict[str, Any], prop: Any, *, openapi30: bool = False, where: str = "in") -> dict[str, Any]:
    schema = SchemaBuilder(schemas, openapi30=openapi30).input_schema([("x", prop, "", True, where)])
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def test_refs_are_resolved_and_recursion_is_cut() -> None:
    schemas = {
        "Node": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
        }
    }
    x = _input(schemas, {"$ref": "#/components/schemas/Node"})["properties"]["x"]
    assert x["properties"]["name"] == {"type": "string"}
    cut = x["properties"]["children"]["items"]
    assert cut == {"type": "object", "description": "Node: not expanded here."}
    assert "$ref" not in json.dumps(x)


def test_openapi_30_idioms_become_json_schema() -> None:
    prop = {"type": "integer", "nullable": True, "minimum": 0, "exclusiveMinimum": True, "example": 3}
    x = _input({}, prop, openapi30=True)["properties"]["x"]
    assert x == {"type": ["integer", "null"], "exclusiveMinimum": 0}


def test_a_pattern_written_as_a_javascript_literal_goes_as_its_body() -> None:
    assert _input({}, {"type": "string", "pattern": "/^[a-z0-9._]+$/"})["properties"]["x"]["pattern"] == "^[a-z0-9._]+$"
    assert "pattern" not in _input({}, {"type": "string", "pattern": "/^[0-9]{5}$/i"})["properties"]["x"]  # flags cannot go
    assert _input({}, {"type": "string", "pattern": "/users/.+/"})["properties"]["x"]["pattern"] == "/users/.+/"


def test_read_only_properties_are_not_arguments() -> None:
    prop = {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string", "readOnly": True}, "name": {"type": "string"}}}
    body = _input({}, prop, where="body")["properties"]["x"]
    assert list(body["properties"]) == ["name"] and body["required"] == ["name"]


def test_union_members_cut_keep_their_discriminator_and_become_any_of() -> None:
    schemas = {
        f"Kind{i}": {"type": "object", "required": ["kind", "deep"], "properties": {
            "kind": {"const": f"K{i}"},
            "deep": {"type": "object", "properties": {f"f{j}": {"type": "string", "description": "d" * 150} for j in range(30)}},
        }}
        for i in range(6)
    }
    prop = {"oneOf": [{"$ref": f"#/components/schemas/Kind{i}"} for i in range(6)]}
    x = _input(schemas, prop)["properties"]["x"]
    assert "oneOf" not in x and len(x["anyOf"]) == 6
    assert len(json.dumps(x, separators=(",", ":"))) <= mcp_tools.MAX_SCHEMA_CHARS
    validator = jsonschema.Draft202012Validator({"anyOf": x["anyOf"]})
    assert validator.is_valid({"kind": "K3", "deep": {"anything": 1}})
    member = x["anyOf"][0]
    assert member["properties"]["kind"] == {"const": "K0"}


def test_too_many_arguments_still_fit() -> None:
    props = [(f"param_{i}", {"type": "string", "description": "x" * 100}, "y" * 200, i < 2, "in") for i in range(400)]
    schema = SchemaBuilder({}, openapi30=False).input_schema(props)
    assert len(json.dumps(schema, separators=(",", ":"))) <= mcp_tools.MAX_SCHEMA_CHARS
    assert schema["required"] == ["param_0", "param_1"]
    assert schema["description"].startswith("Also accepts: ")


def test_names_and_read_scopes() -> None:
    assert mcp_tools._tool_name("Environments Query-Run") == "environments_query_run"
    assert len(mcp_tools._tool_name("a" * 100)) <= mcp_tools.MAX_TOOL_NAME
    assert mcp_tools.is_read_only_scopes(["query:read", "user-read-private", "drive.readonly"])
    assert not mcp_tools.is_read_only_scopes(["query:read", "insight:write"])
    assert not mcp_tools.is_read_only_scopes([])


def test_a_tool_does_not_depend_on_the_tools_made_before_it() -> None:
    """Components converted once are reused across tools: never where a fresh conversion
    would cut a recursion (here B expanded A inside W, but under A it must cut A)."""
    ref = {name: {"$ref": f"#/components/schemas/{name}"} for name in ("A", "B", "W")}
    schemas = {
        "A": {"type": "object", "properties": {"b": ref["B"]}},
        "B": {"type": "object", "properties": {"a": ref["A"], "name": {"type": "string"}}},
        "W": {"type": "object", "properties": {"b": ref["B"]}},
    }
    shared = SchemaBuilder(schemas, openapi30=False)
    shared.input_schema([("x", ref["W"], "", True, "in")])
    after_w = shared.input_schema([("x", ref["A"], "", True, "in")])
    alone = SchemaBuilder(schemas, openapi30=False).input_schema([("x", ref["A"], "", True, "in")])
    assert after_w == alone
    assert alone["properties"]["x"]["properties"]["b"]["properties"]["a"] == {
        "type": "object", "description": "A: not expanded here."}
