"""What every check gets: the bundled document, its index, helpers, and a place to report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import openapi
from ..load import Document, escape_pointer
from ..openapi import is_json_media
from .index import Index, Operation, build_index
from .registry import Rule


@dataclass(frozen=True)
class Report:
    rule: str
    pointer: str
    message: str


@dataclass(frozen=True)
class Property:
    name: str
    schema: Any
    pointer: str


class Context:
    def __init__(self, doc: Document, version: str, options: dict[str, Any] | None = None):
        self.doc = doc
        self.data = doc.data
        self.version = version  # "3.0" or "3.1"
        self.options = options or {}
        self.reports: list[Report] = []
        self.resolver = openapi.Resolver(doc.data)
        self._properties: dict[int, tuple[Any, dict[str, Property]]] = {}
        self.index: Index = build_index(self.data, self.resolver)

    def report(self, rule: Rule, pointer: str, message: str) -> None:
        self.reports.append(Report(rule.id, pointer, message))

    # -- references ---------------------------------------------------------

    def lookup(self, ref: str) -> tuple[Any, str] | None:
        """The node a local `#/...` reference points at, with its pointer; None if it is missing."""
        return self.resolver.lookup(ref)

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s from `node`; a broken or circular chain gives (None, pointer)."""
        return self.resolver.resolve_or_none(node, pointer)

    # -- schemas ------------------------------------------------------------

    def properties(self, schema: Any, pointer: str = "") -> dict[str, Property]:
        """Every property a schema may have: its own, its $ref's and its allOf/anyOf/oneOf members'."""
        if not isinstance(schema, dict):
            return {}
        known = self._properties.get(id(schema))
        if known is not None:
            return known[1]
        result: dict[str, Property] = {}
        self._properties[id(schema)] = (schema, result)  # a recursive schema sees itself as empty
        own = schema.get("properties")
        if isinstance(own, dict):
            for name, value in own.items():
                result[str(name)] = Property(str(name), value, f"{pointer}/properties/{escape_pointer(str(name))}")
        if isinstance(schema.get("$ref"), str):
            target, target_pointer = self.resolve(schema, pointer)
            for name, prop in self.properties(target, target_pointer).items():
                result.setdefault(name, prop)
        for keyword in ("allOf", "anyOf", "oneOf"):
            members = schema.get(keyword)
            if isinstance(members, list):
                for i, member in enumerate(members):
                    for name, prop in self.properties(member, f"{pointer}/{keyword}/{i}").items():
                        result.setdefault(name, prop)
        return result

    def required(self, schema: Any, pointer: str = "", _seen: frozenset[int] = frozenset()) -> set[str]:
        """Property names a schema requires, with those of its $ref and allOf members."""
        if not isinstance(schema, dict) or id(schema) in _seen:
            return set()
        seen = _seen | {id(schema)}
        names = {n for n in as_list(schema.get("required")) if isinstance(n, str)}
        if isinstance(schema.get("$ref"), str):
            names |= self.required(self.resolve(schema, pointer)[0], "", seen)
        for member in as_list(schema.get("allOf")):
            names |= self.required(member, "", seen)
        return names

    def property_schema(self, prop: Property) -> tuple[Any, str]:
        return self.resolve(prop.schema, prop.pointer)

    def object_properties(self, schema: Any, pointer: str) -> dict[str, Property]:
        """properties() of what `schema` refers to."""
        return self.properties(*self.resolve(schema, pointer))

    # -- operations ---------------------------------------------------------

    def parameters(self, operation: Operation) -> list[tuple[dict[str, Any], str]]:
        """The operation's resolved parameters, its own overriding the path item's."""
        return openapi.parameters(self.resolver, operation)

    def query_parameter_names(self, operation: Operation) -> set[str]:
        return {param["name"] for param, _ in self.parameters(operation) if param["in"] == "query"}

    def json_schema(self, holder: Any, holder_pointer: str) -> tuple[Any, str] | None:
        """The (unresolved) schema of the JSON media type of a request body or response, if any."""
        holder, holder_pointer = self.resolve(holder, holder_pointer)
        content = holder.get("content") if isinstance(holder, dict) else None
        if not isinstance(content, dict):
            return None
        for media, media_object in content.items():
            if is_json_media(str(media)) and isinstance(media_object, dict):
                if "schema" in media_object:
                    return media_object["schema"], f"{holder_pointer}/content/{escape_pointer(str(media))}/schema"
        return None

    def success_schemas(self, operation: Operation) -> list[tuple[str, Any, str]]:
        """(status, schema, pointer) of each 2xx JSON response, 200 first."""
        responses = operation.node.get("responses")
        if not isinstance(responses, dict):
            return []
        found = []
        for status in sorted(responses, key=lambda s: (str(s) != "200", str(s))):
            if str(status).startswith("2"):
                schema = self.json_schema(responses[status], f"{operation.pointer}/responses/{escape_pointer(str(status))}")
                if schema is not None:
                    found.append((str(status), *schema))
        return found

    def request_schema(self, operation: Operation) -> tuple[Any, str] | None:
        if "requestBody" not in operation.node:
            return None
        return self.json_schema(operation.node["requestBody"], operation.pointer + "/requestBody")


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}

