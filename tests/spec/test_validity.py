"""The bundled document is valid OpenAPI 3.1 and every example matches its schema.

Examples are checked with JSON Schema Draft 2020-12 (formats included) against
the schema next to them, with `#/components/...` refs resolved in the bundled
document. OpenAPI's readOnly/writeOnly rules apply on top: a request example
may leave out required readOnly properties but must not send any readOnly
value; a response example may leave out required writeOnly properties but
must not contain any writeOnly value. A schema's own `example`/`examples`
may leave out either kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema
import pytest
from _spec_support import METHODS, bundled, deref, operations, resolve_pointer
from jsonschema import Draft202012Validator, ValidationError
from openapi_spec_validator import OpenAPIV31SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.load import escape_pointer

DATA = bundled().data
BASE = "urn:posthog-api-spec"
REGISTRY: Registry = Registry().with_resource(BASE, Resource.from_contents(DATA, default_specification=DRAFT202012))
JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]+\+)?json$")

REQUEST, RESPONSE, SCHEMA = "request", "response", "schema"


def _is_flagged(schema: Any, flag: str) -> bool:
    """Whether a property schema (after following its $ref) carries readOnly/writeOnly."""
    if not isinstance(schema, dict):
        return False
    return bool(schema.get(flag)) or bool(deref(DATA, schema).get(flag))


def _validator_class(mode: str) -> type:
    """Draft 2020-12 plus OpenAPI's readOnly/writeOnly semantics for one direction."""
    skip_required = {REQUEST: ("readOnly",), RESPONSE: ("writeOnly",), SCHEMA: ("readOnly", "writeOnly")}[mode]

    def required(validator: Any, required: list[str], instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            return
        properties = schema.get("properties") or {}
        for name in required:
            if name in instance:
                continue
            if any(_is_flagged(properties.get(name), flag) for flag in skip_required):
                continue
            yield ValidationError(f"{name!r} is a required property")

    def read_only(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
        if value is True and mode == REQUEST:
            yield ValidationError("a readOnly value must not be sent in a request")

    def write_only(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
        if value is True and mode == RESPONSE:
            yield ValidationError("a writeOnly value must not appear in a response")

    return jsonschema.validators.extend(
        Draft202012Validator, {"required": required, "readOnly": read_only, "writeOnly": write_only}
    )


VALIDATORS = {mode: _validator_class(mode) for mode in (REQUEST, RESPONSE, SCHEMA)}


def validation_errors(value: Any, schema_pointer: str, mode: str) -> list[str]:
    validator = VALIDATORS[mode](
        {"$ref": f"{BASE}#{schema_pointer}"},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return sorted(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(value)
    )


# ---------------------------------------------------------------------------
# Collecting every example with the schema it must match


@dataclass(frozen=True)
class Example:
    where: str  # JSON pointer of the example in the bundled document
    value: Any
    schema: str  # JSON pointer of the schema
    mode: str
    media: str = ""


def _schema_pointer(schema: Any, pointer: str) -> str:
    """Where a schema lives: its $ref target when it is a plain reference."""
    if isinstance(schema, dict) and set(schema) == {"$ref"} and schema["$ref"].startswith("#/"):
        return schema["$ref"][1:]
    return pointer


def _examples_of(holder: dict[str, Any], pointer: str) -> Iterator[tuple[str, Any]]:
    if "example" in holder:
        yield f"{pointer}/example", holder["example"]
    for name, example in (holder.get("examples") or {}).items():
        example = deref(DATA, example)
        if "value" in example:
            yield f"{pointer}/examples/{escape_pointer(name)}/value", example["value"]


def _media_examples(content: dict[str, Any], pointer: str, mode: str) -> Iterator[Example]:
    for media, body in content.items():
        body_ptr = f"{pointer}/{escape_pointer(media)}"
        if "schema" not in body:
            continue
        schema_ptr = _schema_pointer(body["schema"], f"{body_ptr}/schema")
        for where, value in _examples_of(body, body_ptr):
            yield Example(where, value, schema_ptr, mode, media)


def _parameter_examples(param: dict[str, Any], pointer: str) -> Iterator[Example]:
    if "schema" in param:
        schema_ptr = _schema_pointer(param["schema"], f"{pointer}/schema")
        for where, value in _examples_of(param, pointer):
            yield Example(where, value, schema_ptr, REQUEST)
    yield from _media_examples(param.get("content") or {}, f"{pointer}/content", REQUEST)


def _response_examples(response: dict[str, Any], pointer: str) -> Iterator[Example]:
    yield from _media_examples(response.get("content") or {}, f"{pointer}/content", RESPONSE)
    for name, header in (response.get("headers") or {}).items():
        if "$ref" not in header:
            yield from _parameter_examples(header, f"{pointer}/headers/{escape_pointer(name)}")


_SCHEMA_ONE = "items additionalProperties not contains propertyNames if then else unevaluatedItems unevaluatedProperties contentSchema".split()
_SCHEMA_LIST = "allOf anyOf oneOf prefixItems".split()
_SCHEMA_MAP = "properties patternProperties $defs dependentSchemas".split()


def _schema_examples(schema: Any, pointer: str) -> Iterator[Example]:
    """`example` and `examples` of a schema and of every schema nested in it."""
    if not isinstance(schema, dict):
        return
    if "example" in schema:
        yield Example(f"{pointer}/example", schema["example"], pointer, SCHEMA)
    if isinstance(schema.get("examples"), list):
        for index, value in enumerate(schema["examples"]):
            yield Example(f"{pointer}/examples/{index}", value, pointer, SCHEMA)
    for key in _SCHEMA_ONE:
        if isinstance(schema.get(key), dict):
            yield from _schema_examples(schema[key], f"{pointer}/{key}")
    for key in _SCHEMA_LIST:
        for index, sub in enumerate(schema.get(key) or []):
            yield from _schema_examples(sub, f"{pointer}/{key}/{index}")
    for key in _SCHEMA_MAP:
        for name, sub in (schema.get(key) or {}).items():
            yield from _schema_examples(sub, f"{pointer}/{key}/{escape_pointer(name)}")


def _inline_schemas() -> Iterator[tuple[str, Any]]:
    """Schemas written inline in operations and shared components (not under components/schemas)."""

    def media(content: dict[str, Any], pointer: str) -> Iterator[tuple[str, Any]]:
        for name, body in content.items():
            if "schema" in body:
                yield f"{pointer}/{escape_pointer(name)}/schema", body["schema"]

    def holder(obj: dict[str, Any], pointer: str) -> Iterator[tuple[str, Any]]:
        if "schema" in obj:
            yield f"{pointer}/schema", obj["schema"]
        yield from media(obj.get("content") or {}, f"{pointer}/content")
        for name, header in (obj.get("headers") or {}).items():
            if "$ref" not in header:
                yield from holder(header, f"{pointer}/headers/{escape_pointer(name)}")

    components = DATA.get("components") or {}
    for kind in ("parameters", "responses", "requestBodies", "headers"):
        for name, obj in (components.get(kind) or {}).items():
            yield from holder(obj, f"/components/{kind}/{escape_pointer(name)}")
    for path, item in (DATA.get("paths") or {}).items():
        item_ptr = f"/paths/{escape_pointer(path)}"
        for index, param in enumerate(item.get("parameters") or []):
            if "$ref" not in param:
                yield from holder(param, f"{item_ptr}/parameters/{index}")
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            op_ptr = f"{item_ptr}/{method}"
            for index, param in enumerate(op.get("parameters") or []):
                if "$ref" not in param:
                    yield from holder(param, f"{op_ptr}/parameters/{index}")
            body = op.get("requestBody")
            if isinstance(body, dict) and "$ref" not in body:
                yield from holder(body, f"{op_ptr}/requestBody")
            for code, response in (op.get("responses") or {}).items():
                if "$ref" not in response:
                    yield from holder(response, f"{op_ptr}/responses/{code}")


def collect_examples() -> list[Example]:
    found: list[Example] = []
    components = DATA.get("components") or {}
    for name, param in (components.get("parameters") or {}).items():
        found += _parameter_examples(param, f"/components/parameters/{escape_pointer(name)}")
    for name, header in (components.get("headers") or {}).items():
        found += _parameter_examples(header, f"/components/headers/{escape_pointer(name)}")
    for name, body in (components.get("requestBodies") or {}).items():
        found += _media_examples(body.get("content") or {}, f"/components/requestBodies/{escape_pointer(name)}/content", REQUEST)
    for name, response in (components.get("responses") or {}).items():
        found += _response_examples(response, f"/components/responses/{escape_pointer(name)}")
    for path, item in (DATA.get("paths") or {}).items():
        item_ptr = f"/paths/{escape_pointer(path)}"
        for index, param in enumerate(item.get("parameters") or []):
            if "$ref" not in param:
                found += _parameter_examples(param, f"{item_ptr}/parameters/{index}")
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            op_ptr = f"{item_ptr}/{method}"
            for index, param in enumerate(op.get("parameters") or []):
                if "$ref" not in param:
                    found += _parameter_examples(param, f"{op_ptr}/parameters/{index}")
            body = op.get("requestBody")
            if isinstance(body, dict) and "$ref" not in body:
                found += _media_examples(body.get("content") or {}, f"{op_ptr}/requestBody/content", REQUEST)
            for code, response in (op.get("responses") or {}).items():
                if "$ref" not in response:
                    found += _response_examples(response, f"{op_ptr}/responses/{code}")
    for name, schema in (components.get("schemas") or {}).items():
        found += _schema_examples(schema, f"/components/schemas/{escape_pointer(name)}")
    for pointer, schema in _inline_schemas():
        found += _schema_examples(schema, pointer)
    return found


EXAMPLES = collect_examples()


# ---------------------------------------------------------------------------
# Tests


def test_openapi_spec_validator_accepts_the_bundled_document() -> None:
    errors = [" ".join(str(e.message).split())[:300] for e in OpenAPIV31SpecValidator(DATA).iter_errors()]
    assert not errors, "openapi-spec-validator:\n  " + "\n  ".join(errors)


def test_examples_were_found() -> None:
    kinds = {e.mode for e in EXAMPLES}
    assert len(EXAMPLES) > 50 and kinds == {REQUEST, RESPONSE, SCHEMA}, "the example walker found too little"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.where for e in EXAMPLES])
def test_example_matches_its_schema(example: Example) -> None:
    errors = validation_errors(example.value, example.schema, example.mode)
    assert not errors, f"{example.mode} example does not match #{example.schema}:\n  " + "\n  ".join(errors)


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.media == "text/event-stream"], ids=lambda e: e.where
)
def test_event_stream_example_chunks_match_content_schema(example: Example) -> None:
    schema = deref(DATA, resolve_pointer(DATA, example.schema))
    assert "contentSchema" in schema, f"#{example.schema} describes no contentSchema for the stream's data lines"
    content_ptr = _schema_pointer(schema["contentSchema"], f"{example.schema}/contentSchema")
    chunks = [line[len("data:"):].strip() for line in str(example.value).splitlines() if line.startswith("data:")]
    assert chunks, "the stream example has no `data:` lines"
    for chunk in chunks:
        errors = validation_errors(json.loads(chunk), content_ptr, RESPONSE)
        assert not errors, f"chunk {chunk[:60]}... does not match #{content_ptr}: {errors}"


def _success_json_bodies() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for method, path, op in operations(DATA):
        for code, response in (op.get("responses") or {}).items():
            if not code.startswith("2"):
                continue
            for media, body in (deref(DATA, response).get("content") or {}).items():
                if JSON_MEDIA.match(media):
                    found.append((f"{method} {path} {code} {media}", body))
    return found


SUCCESS_BODIES = _success_json_bodies()


@pytest.mark.parametrize(("where", "body"), SUCCESS_BODIES, ids=[w for w, _ in SUCCESS_BODIES])
def test_success_json_response_has_an_example(where: str, body: dict[str, Any]) -> None:
    assert "example" in body or body.get("examples"), "no example (these become the mock server's fixtures)"


# ---------------------------------------------------------------------------
# The checker itself must catch what it is meant to catch


def test_query_node_union_lets_unknown_kinds_through() -> None:
    """Kinds the spec does not model pass as OtherQueryNode; a modelled kind must match its own node."""
    union = DATA["components"]["schemas"]["QueryNode"]
    mapped = set(union["discriminator"]["mapping"])
    catch_all = [deref(DATA, m) for m in union["oneOf"] if m["$ref"].rsplit("/", 1)[-1] not in mapped]
    assert len(catch_all) == 1, "QueryNode needs exactly one catch-all member outside the discriminator mapping"
    excluded = set(catch_all[0]["properties"]["kind"]["not"]["enum"])
    assert excluded == mapped, "OtherQueryNode must exclude exactly the kinds of the discriminator mapping"
    node = "/components/schemas/QueryNode"
    assert validation_errors({"kind": "WebOverviewQuery", "dateRange": {"date_from": "-7d"}}, node, REQUEST) == []
    assert validation_errors({"kind": "HogQLQuery", "query": "select 1"}, node, REQUEST) == []
    assert validation_errors({"kind": "HogQLQuery"}, node, REQUEST), "a HogQLQuery without `query` must not pass"
    assert validation_errors({"query": "select 1"}, node, REQUEST), "a node without `kind` must not pass"


def test_checker_applies_read_only_and_write_only() -> None:
    user = "/components/schemas/UserBasic"
    good = {"id": 1, "uuid": "01927f3b-2c4d-7e5f-8a9b-0c1d2e3f4a5b", "email": "ada@example.com", "hedgehog_config": None}
    assert validation_errors(good, user, RESPONSE) == []
    assert validation_errors({"email": "ada@example.com"}, user, REQUEST) == []  # readOnly required may be omitted
    assert validation_errors({"email": "ada@example.com"}, user, RESPONSE)  # but not in a response
    assert validation_errors(good, user, REQUEST)  # and readOnly values must not be sent
    assert validation_errors({**good, "uuid": "not-a-uuid"}, user, RESPONSE)  # formats are checked
    saved = "/components/schemas/PatchedDataWarehouseSavedQuery"
    assert validation_errors({"soft_update": True}, saved, REQUEST) == []
    assert validation_errors({"soft_update": True}, saved, RESPONSE)  # writeOnly in a response
