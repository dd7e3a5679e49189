"""One pass over the bundled document that lists what the rules look at.

Rules then loop over these lists instead of walking the document themselves,
which keeps a lint run linear in the size of the spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load import child_kind, escape_pointer
from ..openapi import OperationSite, Resolver, operations

#: keys whose values are data (examples, defaults...), never OpenAPI objects
_DATA_KEYS = frozenset("example value default enum const x-lint-waive".split())

#: where a media type or parameter sits decides how readOnly/writeOnly apply to its examples
_USAGE = {"requestBody": "request", "response": "response", "parameter": "parameter", "header": "parameter"}


#: an operation and where it sits (the same thing the parser walks)
Operation = OperationSite


@dataclass
class SchemaSite:
    pointer: str
    node: dict[str, Any]
    parent: SchemaSite | None  # the schema this one is a direct subschema of
    via: str  # the keyword of the parent that leads here ("allOf", "properties"...)


@dataclass
class Site:
    """An OpenAPI object of some kind (media type, parameter, $ref...) and where it is."""

    pointer: str
    node: dict[str, Any]
    kind: str
    usage: str = ""  # request, response or parameter, for media types and parameters


@dataclass
class Index:
    operations: list[Operation] = field(default_factory=list)
    schemas: list[SchemaSite] = field(default_factory=list)
    refs: list[Site] = field(default_factory=list)
    media_types: list[Site] = field(default_factory=list)
    parameters: list[Site] = field(default_factory=list)  # parameters and headers
    texts: list[tuple[str, str]] = field(default_factory=list)  # (pointer, description or summary)
    waivers: dict[str, Any] = field(default_factory=dict)  # object pointer -> its x-lint-waive


def build_index(data: dict[str, Any], resolver: Resolver) -> Index:
    """Walk `data` once (iteratively: specs can nest deeply)."""
    index = Index()
    # (node, kind, pointer, usage, schema parent, keyword that led here)
    stack: list[tuple[Any, str | None, str, str, SchemaSite | None, str]] = [(data, "root", "", "", None, "")]
    while stack:
        node, kind, pointer, usage, parent, via = stack.pop()
        if isinstance(node, list):
            item_kind = "schema" if kind in ("schemaList", "schema") else ("parameter" if kind == "parameterList" else None)
            if kind is not None and item_kind is None:
                continue  # a list where an object was expected: oas-schema reports it
            for i in range(len(node) - 1, -1, -1):
                stack.append((node[i], item_kind, f"{pointer}/{i}", usage, parent, via))
            continue
        if not isinstance(node, dict):
            continue
        usage = _USAGE.get(kind or "", usage)
        if "x-lint-waive" in node:
            index.waivers[pointer] = node["x-lint-waive"]
        for key in ("description", "summary"):
            if isinstance(node.get(key), str):
                index.texts.append((f"{pointer}/{key}", node[key]))
        if kind is not None and isinstance(node.get("$ref"), str) and kind not in ("pathItem", "root"):
            index.refs.append(Site(pointer, node, kind, usage))
        site = None
        if kind == "schema":
            site = SchemaSite(pointer, node, parent, via)
            index.schemas.append(site)
        elif kind == "mediaType":
            index.media_types.append(Site(pointer, node, kind, usage))
        elif kind in ("parameter", "header") and "$ref" not in node:
            index.parameters.append(Site(pointer, node, kind, usage))
        for key, value in node.items():
            if not isinstance(value, (dict, list)):
                continue
            child = child_kind(kind, key)
            if child is None and (key in _DATA_KEYS or key == "examples"):
                continue  # data (a JSON Schema `examples` list too), unless it is a name in a map
            key_pointer = f"{pointer}/{escape_pointer(key)}"
            stack.append((value, child, key_pointer, usage, site or parent, key if site else via))
    index.operations = list(operations(resolver))
    return index
