"""Swagger 2.0 read as OpenAPI 3.0 (generator/swagger2.py): what each 2.0 construct
becomes, and that what is reported about a converted document points at the 2.0 text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.lint import lint
from generator.load import load
from generator.pipeline import generate
from generator.validate import validate
from tests.generator.test_pipeline import run_generator

REGRESSION = Path(__file__).parent / "regressions" / "contract-swagger2.yaml"


def _converted(tmp_path: Path, document: dict[str, Any]) -> dict[str, Any]:
    spec = tmp_path / "swagger.json"
    spec.write_text(json.dumps({"swagger": "2.0", "info": {"title": "t", "version": "1"}, **document}), encoding="utf-8")
    data = load(spec).data
    assert data["openapi"] == "3.0.3" and "swagger" not in data
    return data


def test_the_server_is_host_and_base_path_over_https_first(tmp_path: Path) -> None:
    def servers(**document: Any) -> list[str]:
        return [s["url"] for s in _converted(tmp_path, {"paths": {}, **document}).get("servers", [])]

    assert servers(host="api.example.com", basePath="/v1", schemes=["http", "https"]) == [
        "https://api.example.com/v1", "http://api.example.com/v1"]
    assert servers(host="api.example.com") == ["https://api.example.com"]  # no schemes: https
    assert servers(host="api.example.com", schemes=["ws"], basePath="/") == ["https://api.example.com"]
    assert servers(basePath="/api") == ["/api"]  # no host: relative to wherever the document is served
    # slips 2.0's tools forgave: a scheme in the host, a base path without its slash
    assert servers(host="http://api.example.com/", basePath="v2/") == ["http://api.example.com/v2"]
    assert servers(host="https://api.example.com", schemes=["http"]) == ["http://api.example.com"]
    assert servers() == []


def test_parameters_take_a_schema_and_collection_formats_their_styles(tmp_path: Path) -> None:
    array = {"type": "array", "items": {"type": "integer", "format": "int32"}}
    data = _converted(tmp_path, {"paths": {"/things/{ids}": {
        "parameters": [{"name": "ids", "in": "path", "required": True, **array}],
        "get": {"parameters": [
            {"name": "csv", "in": "query", **array},
            {"name": "pipes", "in": "query", "collectionFormat": "pipes", **array},
            {"name": "spaces", "in": "query", "collectionFormat": "ssv", **array},
            {"name": "multi", "in": "query", "collectionFormat": "multi", **array, "enum": [1, 2]},
            {"name": "X-Tags", "in": "header", "collectionFormat": "csv", **array},
            {"name": "size", "in": "query", "type": "integer", "minimum": 1, "default": 10, "x-example": 5,
             "x-nullable": True, "description": "how many"},
        ], "responses": {"200": {"description": "ok"}}}}}})
    item = data["paths"]["/things/{ids}"]
    assert item["parameters"] == [{"name": "ids", "in": "path", "required": True, "style": "simple", "explode": False,
                                   "schema": array}]
    styles = {p["name"]: (p.get("style"), p.get("explode")) for p in item["get"]["parameters"]}
    assert styles == {"csv": ("form", False), "pipes": ("pipeDelimited", False), "spaces": ("spaceDelimited", False),
                      "multi": ("form", True), "X-Tags": ("simple", False), "size": (None, None)}
    assert item["get"]["parameters"][3]["schema"] == {"type": "array", "items": {**array["items"], "enum": [1, 2]}}
    assert item["get"]["parameters"][-1] == {"name": "size", "in": "query", "description": "how many", "example": 5,
                                             "schema": {"type": "integer", "default": 10, "minimum": 1, "nullable": True}}


def test_a_body_parameter_is_the_request_body_in_each_media_type_consumed(tmp_path: Path) -> None:
    data = _converted(tmp_path, {
        "consumes": ["application/json", "application/xml"],
        "parameters": {"Pet": {"name": "pet", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}}},
        "paths": {
            "/pets": {"post": {"parameters": [{"$ref": "#/parameters/Pet"}], "responses": {"201": {"description": "ok"}}}},
            "/pets/{id}": {
                # the path's body goes to each operation, an operation's own wins
                "parameters": [{"name": "patch", "in": "body", "schema": {"type": "object"}}],
                "put": {"consumes": ["text/plain"], "responses": {"200": {"description": "ok"}}},
                "patch": {"parameters": [{"name": "mine", "in": "body", "description": "d", "schema": {"type": "string"}}],
                          "responses": {"200": {"description": "ok"}}},
            },
        },
        "definitions": {"Pet": {"type": "object"}},
    })
    assert data["paths"]["/pets"]["post"] == {"requestBody": {"$ref": "#/components/requestBodies/Pet"},
                                              "responses": {"201": {"description": "ok"}}}
    assert data["components"]["requestBodies"]["Pet"] == {
        "content": {mt: {"schema": {"$ref": "#/components/schemas/Pet"}} for mt in ("application/json", "application/xml")},
        "required": True, "x-codegen-request-body-name": "pet"}
    assert "parameters" not in data["components"]
    item = data["paths"]["/pets/{id}"]
    assert "parameters" not in item
    assert item["put"]["requestBody"]["content"] == {"text/plain": {"schema": {"type": "object"}}}
    assert item["patch"]["requestBody"] == {"content": {mt: {"schema": {"type": "string"}} for mt in ("application/json", "application/xml")},
                                            "description": "d", "x-codegen-request-body-name": "mine"}


def test_form_fields_are_one_object_sent_as_a_form(tmp_path: Path) -> None:
    data = _converted(tmp_path, {
        "parameters": {"Note": {"name": "note", "in": "formData", "type": "string"}},
        "paths": {
            "/upload": {"post": {"parameters": [
                {"name": "file", "in": "formData", "type": "file", "required": True, "description": "the file"},
                {"$ref": "#/parameters/Note"},
            ], "responses": {"200": {"description": "ok"}}}},
            "/form": {"post": {"parameters": [
                {"name": "tags", "in": "formData", "type": "array", "items": {"type": "string"}, "collectionFormat": "pipes"},
            ], "responses": {"200": {"description": "ok"}}}},
        },
    })
    upload = data["paths"]["/upload"]["post"]["requestBody"]
    assert upload == {"content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary", "description": "the file"}, "note": {"type": "string"}}}}},
        "required": True}
    form = data["paths"]["/form"]["post"]["requestBody"]["content"]
    assert form == {"application/x-www-form-urlencoded": {
        "schema": {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}},
        "encoding": {"tags": {"style": "pipeDelimited", "explode": False}}}}
    assert "parameters" not in data.get("components", {})


def test_responses_schemas_and_security_take_their_3_0_forms(tmp_path: Path) -> None:
    data = _converted(tmp_path, {
        "produces": ["application/json"],
        "securityDefinitions": {
            "basic": {"type": "basic"},
            "key": {"type": "apiKey", "in": "query", "name": "key", "description": "d"},
            "code": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t",
                     "scopes": {"r": "read"}},
            "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t"},
        },
        "responses": {"Gone": {"description": "gone", "schema": {"$ref": "#/definitions/Error"}}},
        "paths": {"/file": {"get": {"produces": ["image/png", "image/jpeg"], "responses": {
            "200": {"description": "a file", "schema": {"type": "file"}, "headers": {"X-Size": {"type": "integer"}}},
            "404": {"description": "none", "schema": {"$ref": "#/definitions/Error"},
                    "examples": {"image/png": {"message": "no"}}},
            "410": {"$ref": "#/responses/Gone"},
        }}}},
        "definitions": {
            "Error": {"type": "object", "discriminator": "kind", "properties": {
                "kind": {"type": "string"}, "hint": {"type": "string", "x-nullable": True}, "gone": {"type": "null"}}},
        },
    })
    answers = data["paths"]["/file"]["get"]["responses"]
    assert answers["200"] == {"description": "a file", "headers": {"X-Size": {"schema": {"type": "integer"}}},
                              "content": {mt: {"schema": {"type": "string", "format": "binary"}} for mt in ("image/png", "image/jpeg")}}
    assert answers["404"]["content"]["image/png"] == {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"message": "no"}}
    assert answers["410"] == {"$ref": "#/components/responses/Gone"}
    assert data["components"]["responses"]["Gone"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    error = data["components"]["schemas"]["Error"]
    assert error["discriminator"] == {"propertyName": "kind"}
    assert error["properties"]["hint"] == {"type": "string", "nullable": True}
    assert error["properties"]["gone"] == {"nullable": True}
    assert data["components"]["securitySchemes"] == {
        "basic": {"type": "http", "scheme": "basic"},
        "key": {"type": "apiKey", "name": "key", "in": "query", "description": "d"},
        "code": {"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {"r": "read"}}}},
        "app": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://t", "scopes": {}}}},
    }


def test_the_regression_converts_to_a_document_valid_as_openapi_3() -> None:
    assert validate(load(REGRESSION)) == []
    assert generate(REGRESSION).diagnostics == []


def test_what_is_reported_points_at_the_2_0_text(tmp_path: Path) -> None:
    """A warning of generate and a finding of lint about a moved node name the line of
    the 2.0 document where it is written, in YAML and in JSON on one line."""
    text = REGRESSION.read_text(encoding="utf-8")
    broken = text.replace("schema: {$ref: \"#/definitions/NewPet\"}", "schema: {$ref: \"#/definitions/Nothing\"}")
    assert broken != text
    spec = tmp_path / "pets.yaml"
    spec.write_text(broken, encoding="utf-8")
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "#/definitions/Nothing" in row)
    result = run_generator("generate", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"pets.yaml:{line}:" in result.stderr and "$ref '#/definitions/Nothing' names nothing" in result.stderr
    one_line = tmp_path / "pets.json"  # as the directories publish them
    one_line.write_text(json.dumps({"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"post": {
        "operationId": "make", "parameters": [{"name": "b", "in": "body", "schema": {"$ref": "#/definitions/Nothing"}}],
        "responses": {"200": {"description": "ok"}}}}}}), encoding="utf-8")
    ref_at = one_line.read_text(encoding="utf-8").index('"#/definitions/Nothing"') + 1
    result = run_generator("generate", str(one_line), "-o", str(tmp_path / "out-json"))
    assert result.returncode == 0 and f"pets.json:1:{ref_at}: warning [ref]" in result.stderr, result.stderr
    findings = [f for f in lint(one_line) if f.code == "operation-description"]
    operation_at = one_line.read_text(encoding="utf-8").index('{"operationId"') + 1
    assert [(f.location.line, f.location.col) for f in findings] == [(1, operation_at)]
    unused = [f.message for f in lint(REGRESSION) if f.code == "unused-component"]
    assert unused == ["definitions.Dog is never used"]  # as the 2.0 text names it


def test_a_2_0_document_split_across_files_is_bundled_in_2_0_layout_then_converted(tmp_path: Path) -> None:
    """What another file's `$ref` names goes under the 2.0 document's own sections (Azure's
    documents share their parameters and definitions so), is converted with the rest, and
    what is reported about it names the file it is written in."""
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "types.yaml").write_text(
        "parameters:\n  ApiVersion: {name: api-version, in: query, required: true, type: string}\n"
        "definitions:\n  Error:\n    type: object\n    properties:\n      code: {type: string}\n", encoding="utf-8")
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: example.com\npaths:\n  /things:\n    get:\n"
        "      operationId: listThings\n      parameters: [{$ref: 'common/types.yaml#/parameters/ApiVersion'}]\n"
        "      responses:\n        '200': {description: ok, schema: {type: array, items: {$ref: Thing}}}\n"
        "        default: {description: error, schema: {$ref: 'common/types.yaml#/definitions/Error'}}\n"
        "definitions:\n  Thing: {type: object, properties: {id: {type: string}}}\n", encoding="utf-8")
    doc = load(spec)
    operation = doc.data["paths"]["/things"]["get"]
    assert operation["parameters"] == [{"$ref": "#/components/parameters/ApiVersion"}]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["items"] == {
        "$ref": "#/components/schemas/Thing"}  # a bare name, as Swagger 1.2 wrote it
    assert doc.data["components"]["parameters"]["ApiVersion"]["schema"] == {"type": "string"}
    assert set(doc.data["components"]["schemas"]) == {"Error", "Thing"}
    assert run_generator("generate", str(spec), "-o", str(tmp_path / "out")).returncode == 0
    with (tmp_path / "common" / "types.yaml").open("a", encoding="utf-8") as types:
        types.write("      detail: {$ref: '#/definitions/Missing'}\n")
    result = run_generator("generate", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr  # Error's detail names nothing, in the other file
    assert "types.yaml:8:15: error [ref] $ref '#/definitions/Missing' cannot be resolved" in result.stderr


def test_a_change_to_a_2_0_document_is_told_apart_by_diff(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(REGRESSION.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(old.read_text(encoding="utf-8").replace(
        "- {name: caption, in: formData, type: string}", "- {name: caption, in: formData, type: string, required: true}"),
        encoding="utf-8")
    line = next(i for i, row in enumerate(old.read_text(encoding="utf-8").splitlines(), 1) if "name: caption" in row)
    result = run_generator("diff", str(old), str(new))
    assert result.returncode == 0, result.stderr
    assert (f"new.yaml:{line}:11: error [request-property-became-required] POST /pets/{{petId}}/photo: the property "
            "'caption' of the request body became required") in result.stdout
    assert "major  client.pets.upload_photo(): the argument caption is now required" in result.stdout


def test_autorests_parameterized_host_and_paths_with_a_query(tmp_path: Path) -> None:
    data = _converted(tmp_path, {
        "host": "placeholder.example.com", "basePath": "/vision/v3.2",
        "x-ms-parameterized-host": {"hostTemplate": "{Endpoint}", "useSchemePrefix": False,
                                    "parameters": [{"$ref": "#/parameters/Endpoint"}, {"$ref": "#/parameters/Region"}]},
        "parameters": {"Endpoint": {"name": "Endpoint", "in": "path", "required": True, "type": "string",
                                    "x-ms-parameter-location": "client"},
                       "Region": {"name": "region", "in": "path", "type": "string", "enum": ["westus", "eastus"]}},
        "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok"}}}}},
        "x-ms-paths": {"/a?comp=list": {"get": {"operationId": "list", "responses": {"200": {"description": "ok"}}}},
                       "/a": {"put": {"operationId": "ignored", "responses": {"200": {"description": "ok"}}}}},
    })
    assert data["servers"] == [{"url": "{Endpoint}/vision/v3.2", "variables": {
        "Endpoint": {"default": ""}, "region": {"default": "westus", "enum": ["westus", "eastus"]}}}]
    assert list(data["paths"]) == ["/a", "/a?comp=list"] and "put" not in data["paths"]["/a"]
    assert "x-ms-paths" not in data and "x-ms-parameterized-host" not in data


def test_an_azure_data_plane_client_wants_its_account_address(tmp_path: Path) -> None:
    spec = REGRESSION.with_name("contract-swagger2-azure.yaml")
    result = generate(spec)
    line = next(i for i, row in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith("  hostTemplate:"))
    assert [(d.location.line, d.code, d.message.split(";")[0]) for d in result.diagnostics] == [
        (line, "ambiguous", "server variable 'accountName' has no default that makes a host")]
    listed = load(spec).data["paths"]["/{container}?restype=container&comp=list"]["get"]
    assert listed["operationId"] == "Container_ListBlobs"
    written = spec.read_text(encoding="utf-8").splitlines()
    # the operation's mapping, which YAML locates at its first key, two lines below the path
    get_line = next(i for i, row in enumerate(written, 1) if row.startswith("  /{container}?restype")) + 2
    assert load(spec).locate("/paths/~1{container}?restype=container&comp=list/get").line == get_line
