"""Request and response fixtures for every operation, as JSON data.

A fixture comes from the spec's example when there is one; otherwise it is
synthesised from the schema, deterministically: required fields only, the
first enum value, formats honoured (date-time, uuid, ...), bounds respected,
recursion cut at a fixed depth. The output is data, never code.
"""

from __future__ import annotations

import json
from typing import Any

from . import display, ir, naming, openapi

MAX_DEPTH = 6

_FORMATS = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "12:00:00",
    "uuid": "01890000-0000-7000-8000-000000000001",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "binary": "example",
}


class Synthesiser:
    """Values for schemas of one document (its local references resolved)."""

    def __init__(self, document: dict[str, Any]):
        self.resolver = openapi.Resolver(document)

    def resolve(self, schema: Any) -> Any:
        """What a schema refers to; a broken reference samples as an empty schema."""
        resolved, _ = self.resolver.resolve_or_none(schema, "")
        return {} if resolved is None else resolved

    def sample(self, schema: Any, *, direction: str = "response", depth: int = 0, hint: str = "") -> Any:
        """A value valid against `schema`. direction: 'request' drops readOnly, 'response' writeOnly."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return None if schema is False else "example"
        if "const" in schema:
            return schema["const"]
        if "example" in schema and schema["example"] is not None:
            return schema["example"]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return schema["examples"][0]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = [v for v in schema["enum"] if v is not None]
            return values[0] if values else None
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        types = schema.get("type")
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            types = non_null[0] if non_null else "null"
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                for option in options:
                    resolved = self.resolve(option)
                    if isinstance(resolved, dict) and resolved.get("type") == "null":
                        continue
                    value = self.sample(option, direction=direction, depth=depth + 1, hint=hint)
                    return self.tagged(value, schema, option)
                return None
        if isinstance(schema.get("allOf"), list):
            merged: dict[str, Any] = {}
            scalar: list[Any] = []
            for part in schema["allOf"]:
                value = self.sample(part, direction=direction, depth=depth + 1, hint=hint)
                if isinstance(value, dict):
                    merged.update(value)
                else:
                    scalar.append(value)  # allOf: [$ref: SomeEnum] narrows a value, not an object
            own = {k: v for k, v in schema.items() if k != "allOf"}
            if own.get("properties"):
                value = self.sample({**own, "type": "object"}, direction=direction, depth=depth, hint=hint)
                if isinstance(value, dict):
                    merged.update(value)
            return scalar[0] if scalar and not merged else merged
        if types == "object" or "properties" in schema:
            return self.object(schema, direction, depth)
        if types == "array" or "items" in schema:
            if depth >= MAX_DEPTH:
                return []
            count = max(int(schema.get("minItems") or 1), 1)
            item = self.sample(schema.get("items", {}), direction=direction, depth=depth + 1, hint=hint)
            return [item] * min(count, 3)
        if types == "string":
            return self.string(schema, hint)
        if types == "integer":
            return int(self.number(schema, 1))
        if types == "number":
            return float(self.number(schema, 1.5))
        if types == "boolean":
            return True
        if types == "null":
            return None
        return {}

    @staticmethod
    def tagged(value: Any, union: dict[str, Any], option: Any) -> Any:
        """Set the discriminator property to the value that selects `option`."""
        discriminator = union.get("discriminator")
        if not isinstance(discriminator, dict) or not isinstance(value, dict) or not isinstance(option, dict):
            return value
        prop, ref = discriminator.get("propertyName"), option.get("$ref")
        if not isinstance(prop, str) or not isinstance(ref, str):
            return value
        tags = [tag for tag, target in (discriminator.get("mapping") or {}).items() if target == ref]
        if prop in value and not tags and value[prop] != prop:
            return value  # the member's own schema fixed it (const or enum)
        return {**value, prop: tags[0] if tags else ref.rsplit("/", 1)[-1]}

    def object(self, schema: dict[str, Any], direction: str, depth: int) -> dict[str, Any]:
        if depth >= MAX_DEPTH:
            return {}
        required = [r for r in schema.get("required") or [] if isinstance(r, str)]
        result: dict[str, Any] = {}
        properties = schema.get("properties") or {}
        for name in required:
            prop = properties.get(name, {})
            resolved = self.resolve(prop)
            if isinstance(resolved, dict):
                if direction == "request" and resolved.get("readOnly"):
                    continue
                if direction == "response" and resolved.get("writeOnly"):
                    continue
            result[name] = self.sample(prop, direction=direction, depth=depth + 1, hint=name)
        return result

    def string(self, schema: dict[str, Any], hint: str) -> str:
        fmt = schema.get("format")
        if fmt in _FORMATS:
            return _FORMATS[fmt]
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and pattern.startswith("^[0-9]") :
            return "1"
        text = hint or "example"
        if not text.isascii() or not text.replace("_", "").isalnum():
            text = "example"
        minimum = int(schema.get("minLength") or 0)
        maximum = schema.get("maxLength")
        if len(text) < minimum:
            text = text + "x" * (minimum - len(text))
        if isinstance(maximum, int) and len(text) > maximum:
            text = text[:maximum]
        return text

    @staticmethod
    def number(schema: dict[str, Any], fallback: float) -> float:
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        value = fallback
        if isinstance(low, (int, float)) and not isinstance(low, bool):
            value = max(value, low + (1 if "exclusiveMinimum" in schema and "minimum" not in schema else 0))
        if isinstance(high, (int, float)) and not isinstance(high, bool):
            value = min(value, high)
        return value


def operation_fixture(op: ir.Operation, synth: Synthesiser) -> dict[str, Any]:
    """{"request": {path, query, body}, "responses": {status: {content_type, body}}}."""
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    for p in op.parameters:
        if p.location not in ("path", "query"):
            continue
        if p.location == "query" and not p.required:
            continue
        value = p.example if p.has_example else synth.sample(p.schema, direction="request", hint=p.wire_name)
        (path if p.location == "path" else query)[p.wire_name] = value
    request: dict[str, Any] = {"path": path, "query": query}
    if op.body is not None:
        if op.body.has_example:
            request["body"] = op.body.example
        elif op.body.required or op.body.fields:
            request["body"] = synth.sample(op.body.schema, direction="request")
    responses: dict[str, Any] = {}
    for r in op.responses:
        if r.status in responses:
            continue
        if r.decoding == "none" or r.media_type is None:
            responses[r.status] = {"content_type": None, "body": None}
        elif r.has_example:
            responses[r.status] = {"content_type": r.media_type, "body": r.example}
        elif r.decoding == "json":
            responses[r.status] = {"content_type": r.media_type, "body": synth.sample(r.schema)}
        else:
            responses[r.status] = {"content_type": r.media_type, "body": "example"}
    return {"operation_id": op.operation_id, "request": request, "responses": responses}


def fixture_files(api: ir.Api) -> dict[str, str]:
    """operation id -> its fixture's file name. Operation ids are spec text, so never a path as such."""
    names = naming.UniqueNames()
    return {op.operation_id: names.claim(naming.snake(op.operation_id)) + ".json" for op in api.operations}


def fixtures(api: ir.Api) -> dict[str, str]:
    """fixture file name -> the fixture as deterministic JSON text."""
    synth = Synthesiser(api.document)
    files = fixture_files(api)
    return {
        files[op.operation_id]: display.escape_json(
            json.dumps(operation_fixture(op, synth), indent=2, sort_keys=True, ensure_ascii=False)
        ) + "\n"
        for op in api.operations
    }


def mock_spec(api: ir.Api) -> str:
    """What the generated mock server needs to know about each operation, as JSON."""
    operations: dict[str, Any] = {}
    files = fixture_files(api)
    for op in api.operations:
        entry: dict[str, Any] = {
            "fixture": files[op.operation_id],
            "method": op.method.upper(),
            "path": op.path,
            "params": [
                {"name": p.wire_name, "in": p.location, "required": p.required, "schema": p.schema}
                for p in op.parameters
            ],
            "body": {"required": op.body.required, "media_type": op.body.media_type, "schema": op.body.schema}
            if op.body is not None
            else None,
            "responses": {r.status: r.media_type for r in op.responses},
            "public": op.public,
            "scopes": op.scopes,
            "pagination": None,
            "long_running": None,
        }
        if op.pagination:
            by_name = {p.name: p.wire_name for p in op.parameters}
            entry["pagination"] = {
                "style": op.pagination.style,
                "items": op.pagination.items,
                "count": op.pagination.count,
                "next": op.pagination.next,
                "has_more": op.pagination.has_more,
                "limit": by_name.get(op.pagination.limit_param or ""),
                "offset": by_name.get(op.pagination.offset_param or ""),
                "page": by_name.get(op.pagination.page_param or ""),
            }
        lro = op.long_running
        if lro:
            entry["long_running"] = {
                "start": lro.start, "status": lro.status, "id": lro.id, "complete": lro.complete,
                "error": lro.error, "error_message": lro.error_message, "results": lro.results,
                "progress": lro.progress, "poll": lro.poll, "cancel": lro.cancel,
            }
        operations[op.operation_id] = entry
    data = {"operations": operations, "schemas": api.schemas}
    return display.json_data(data, sort_keys=True)
