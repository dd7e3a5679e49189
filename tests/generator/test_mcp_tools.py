"""generator/mcp_tools.py: input schemas from OpenAPI schemas (refs, recursion, 3.0 idioms,
size), tool names and annotations."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

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
    assert mcp_tools._tool_name(["Environments"], "Query-Run") == "environments_query_run"
    assert len(mcp_tools._tool_name(["a" * 100], "b")) <= mcp_tools.MAX_TOOL_NAME


def test_a_long_name_keeps_its_method_and_stays_apart_from_names_cut_alike() -> None:
    """Microsoft Graph's connector tools were `..._exchange_connector_device`, `..._device2`
    to `..._device5`: the method cut away and numbers given in order."""
    attrs = ["device_management", "device_management_exchange_connector"]
    names = {method: mcp_tools._tool_name(attrs, method) for method in ("list_exchange_connectors", "create_exchange_connectors")}
    for method, name in names.items():
        assert len(name) <= mcp_tools.MAX_TOOL_NAME - 3 and re.fullmatch(r"[a-z0-9_]+", name)
        assert re.fullmatch(rf"device_management_device_{method}_[0-9a-f]{{4}}", name), name
    assert mcp_tools._tool_name(attrs, "list_exchange_connectors") == names["list_exchange_connectors"]  # the same every time
    # a method too long for any of the resource's words is cut at a word, never inside one
    long_method = "get_count_windows_information_protection_network_learning_summaries_c2c3"
    name = mcp_tools._tool_name(["default"], long_method)
    assert re.fullmatch(r"get_count_windows_information_protection_network_[0-9a-f]{4}", name), name
    # names that fit are left as they are
    assert mcp_tools._tool_name(["a" * 30], "b" * 29) == "a" * 30 + "_" + "b" * 29
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


def test_a_cut_name_keeps_no_piece_of_a_word() -> None:
    method = "get_count_windows_information_protection_policies_b909"  # 54: no room for "default"
    assert re.fullmatch(rf"{method}_[0-9a-f]{{4}}", mcp_tools._tool_name(["default"], method))
    one_word = mcp_tools._tool_name(["x"], "y" * 80)  # no word boundary at all: cut inside it
    assert re.fullmatch(r"y{56}_[0-9a-f]{4}", one_word)


def _first_fitting(builder: SchemaBuilder, props: list[tuple[str, Any, str, bool, str]]) -> dict[str, Any]:
    """input_schema's answer by its definition: every rendering in order until one fits."""
    for depth in range(mcp_tools.MAX_DEPTH, 0, -1):
        for describe in (True, False):
            try:
                schema = builder._render(props, depth, describe)
            except mcp_tools._TooBig:
                continue
            if mcp_tools._size(schema) <= mcp_tools.MAX_SCHEMA_CHARS:
                return schema
    return builder._fitted(props)


def _tree(width: int, depth: int, words: int) -> dict[str, Any]:
    """Components Level0 .. Level{depth}: each an object of `width` properties that refer
    to the next level, every property described in `words` words."""
    schemas: dict[str, Any] = {}
    for level in range(depth, -1, -1):
        inner = {"$ref": f"#/components/schemas/Level{level + 1}"} if level < depth else {"type": "string"}
        schemas[f"Level{level}"] = {
            "type": "object",
            "description": "level " * words,
            "properties": {f"p{i}": {**inner, "description": f"property {i} " * words} for i in range(width)},
        }
    return schemas


@pytest.mark.parametrize("width", [1, 3, 6])
@pytest.mark.parametrize("depth", [2, 5, 8])
@pytest.mark.parametrize("words", [0, 5, 40])
def test_renderings_skipped_change_no_schema(width: int, depth: int, words: int) -> None:
    """input_schema skips renderings with descriptions where the one without does not fit;
    its answer is still the first rendering that fits, for small and oversized tools alike."""
    schemas = _tree(width, depth, words)
    props = [("x", {"$ref": "#/components/schemas/Level0"}, "the tree", True, "body"), ("y", {"type": "integer"}, "", False, "in")]
    assert SchemaBuilder(schemas, openapi30=False).input_schema(props) == _first_fitting(SchemaBuilder(schemas, openapi30=False), props)


def test_a_tool_too_big_at_every_depth_is_fitted_as_before() -> None:
    schemas = _tree(3, 3, 5)
    props = [(f"arg{i}", {"$ref": "#/components/schemas/Level0"}, "an argument " * 10, i < 3, "in") for i in range(400)]
    fitted = SchemaBuilder(schemas, openapi30=False).input_schema(props)
    assert fitted == _first_fitting(SchemaBuilder(schemas, openapi30=False), props)
    assert fitted["description"].startswith("Also accepts: ")
