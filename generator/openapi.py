"""OpenAPI's semantics, once: references, the operations of a document, an operation's
parameters, what media types mean, and the properties an allOf composes.

The parser, the lint rules and the fixtures all ask these questions of the bundled
document; they get the same answers from here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .diagnostics import did_you_mean
from .load import escape_pointer, follow_pointer, unescape_pointer

#: the HTTP methods a path item may hold, in OpenAPI's order
#: a path item's operations: OpenAPI 3.2 adds QUERY (a safe request with a body)
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
#: application/json, application/<anything>+json (application/*+json too), text/json, */*
#: (which JSON APIs mean as JSON), and a name without a slash that says json (loket.nl's
#: "applicationjson", Azure LUIS's "JSON")
_JSON_MEDIA = re.compile(r"^(?:application|text)/(?:[\w.+*-]+\+)?json$|^\*/\*$|^[^/]*json[^/]*$")
#: statuses whose responses HTTP gives no body (a client never reads one; a server that
#: sent one would corrupt the next answer on the connection)
BODILESS_STATUSES = frozenset({"204", "205", "304"})
#: redirects whose Location names where the answer is: where an operation lists one and no
#: success (GitHub's archive and log downloads), the address is what it answers
REDIRECT_STATUSES = frozenset({"301", "302", "303", "307", "308", "3XX"})
#: how many $ref hops a chain may take before it is called circular
MAX_REF_HOPS = 64


def media_base(media: str) -> str:
    """The media type without its parameters, lower case: `application/json`."""
    return media.split(";")[0].strip().lower()


def is_json_media(media: str) -> bool:
    return bool(_JSON_MEDIA.match(media_base(media)))


@functools.lru_cache(maxsize=4096)
def encoding_of(media: str) -> str:
    """How a body of this media type is written or read: json, multipart, form, sse,
    lines (JSON values one a line), text or binary (asked for every response of every
    operation: kept for the few a document names)."""
    base = media_base(media)
    if base in LINES_MEDIA:
        return "lines"
    if _JSON_MEDIA.match(base) and stream_parameter(media):
        return "lines"  # Kubernetes' application/json;stream=watch: a watch's events
    if _JSON_MEDIA.match(base):
        return "json"
    if base == "multipart/form-data":
        return "multipart"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "text/event-stream":
        return "sse"
    if base.startswith("text/") or base in ("application/xml", "application/csv"):
        return "text"
    return "binary"


def stream_parameter(media: str) -> str:
    """The value of a media type's `stream` parameter (`application/json;stream=watch`:
    "watch"; Kubernetes names so the stream of JSON values a list answers when asked to
    watch), or ""."""
    for param in media.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "stream":
            return value.strip().strip('"')
    return ""


#: RFC 6902's JSON Patch: a body of it is an array of operations
JSON_PATCH_MEDIA = "application/json-patch+json"

#: JSON values one per line: a body of them is a list the caller gives (OpenSearch's and
#: Elasticsearch's bulk and multi-search bodies), an answer of them a stream read as the
#: values come (Vercel's deployment events, a log's entries)
NDJSON_MEDIA = frozenset({"application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
                          "application/jsonlines", "application/json-lines"})
#: the same, with what else names it: JSON text sequences (RFC 7464, each value after an
#: RS character: Zuora's charge metrics) and Spring WebFlux's application/stream+json
LINES_MEDIA = NDJSON_MEDIA | {"application/json-seq", "application/stream+json", "application/x-json-stream"}


def media_preference(content: dict[str, Any]) -> list[str]:
    """The media types of a content map, the one a client should pick first: JSON (`*/*`
    last of them), multipart, form, event stream, anything else; ties keep their order."""
    return list(_preference(tuple(content)))


@functools.lru_cache(maxsize=4096)
def _preference(medias: tuple[str, ...]) -> tuple[str, ...]:
    """media_preference of a content map with these keys (most maps of a document have
    the same few)."""
    order = {"json": 0, "multipart": 1, "form": 2, "sse": 3}

    def rank(item: tuple[int, str]) -> tuple[int, int]:
        index, media = item
        kind = encoding_of(media)
        value = order.get(kind, 4)
        if kind == "json" and media_base(media) == "*/*":
            value = 5
        return value, index

    return tuple(media for _, media in sorted(enumerate(medias), key=rank))


#: a media range fit for a header: type/subtype, then parameters with no comma, quote or
#: line break (a document's text goes into every request of the operation)
_MEDIA_RANGE = re.compile(r"^[\w!#$&^.+*-]+/[\w!#$&^.+*-]+(?:\s*;\s*[\w!#$&^.+*-]+=[\w!#$&^.+*/-]+)*$")
#: what the client asks for when an operation says nothing else
DEFAULT_ACCEPT = "application/json"


def accept_header(successes: list[list[str]]) -> str:
    """The Accept header for an operation whose successes are of these media types (a
    list for each status, in order of preference), or "" where the client's usual
    application/json is right. A server that negotiates (Django REST framework, Spring)
    answers 406 to an Accept it cannot meet: a PDF download, a CSV export or an event
    stream asked for as JSON fails. So: JSON, which the client reads, where it is listed
    (application/json, else the vendor types listed, such as application/vnd.api+json);
    then every type of a status that lists no JSON, and any event stream, so that each
    success is one the client asks for. A JSON name no header can carry (loket.nl's
    "applicationjson") asks for application/json; other such names are left out, and a
    status that names its answer no way a header can (truora's "PDF") is asked for as
    `*/*`: JSON it is not, and anything else may be what it means."""
    statuses = [[header_media(m) for m in medias] for medias in successes]
    every = [m for medias in statuses for m in medias if m]
    json_types = [m for m in every if _is_json_type(m)]
    chosen = [DEFAULT_ACCEPT] if any(media_base(m) == DEFAULT_ACCEPT for m in json_types) else json_types
    unnamed = False
    for medias in statuses:
        if medias and not any(medias):
            chosen.append("*/*")
            unnamed = True
        elif not any(_is_json_type(m) for m in medias):
            chosen += [m for m in medias if m]
    chosen = list(dict.fromkeys(chosen + [m for m in every if encoding_of(m) == "sse"]))
    if (chosen in ([], ["*/*"]) and not unnamed) or [media_base(m) for m in chosen] == [DEFAULT_ACCEPT]:
        return ""
    return ", ".join(chosen)


def _is_json_type(media: str) -> bool:
    """JSON named as such (`*/*`, which the client reads as JSON too, names no type)."""
    return bool(media) and encoding_of(media) == "json" and media_base(media) != "*/*"


def header_media(media: str) -> str:
    """`media` as an Accept header may name it, or "" where it cannot (a JSON name that
    is no media type stands for application/json)."""
    media = media.strip()
    if _MEDIA_RANGE.match(media):
        return media
    return DEFAULT_ACCEPT if encoding_of(media) == "json" else ""


class UnresolvedRef(Exception):
    """A `$ref` that names nothing in the document, or a chain of them that loops."""

    def __init__(self, ref: str, why: str):
        super().__init__(f"$ref {ref!r} {why}")
        self.ref = ref


class Resolver:
    """Local references (`#/...`) of one bundled document, looked up once each."""

    def __init__(self, data: Any):
        self.data = data
        self._targets: dict[str, tuple[Any, str] | None] = {}

    def lookup(self, ref: str) -> tuple[Any, str] | None:
        """The node a local reference points at, with its pointer; None when it is missing."""
        if ref in self._targets:
            return self._targets[ref]
        found: tuple[Any, str] | None = None
        if ref.startswith("#"):
            try:
                found = (follow_pointer(self.data, ref[1:]), ref[1:])
            except LookupError:
                found = None
        self._targets[ref] = found
        return found

    def suggestion(self, ref: str) -> str:
        """For a local reference that names nothing: the name it most likely means, in
        the same place (HubSpot's `HubDbTableRowV3Wrapper`: did you mean
        'HubDbTableRowV3'?), else ""."""
        parent, _, last = ref[1:].rpartition("/")
        try:
            container = follow_pointer(self.data, parent)
        except LookupError:
            return ""
        return did_you_mean(unescape_pointer(last), container) if isinstance(container, dict) else ""

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s from `node` to what they name; UnresolvedRef when one is missing
        or the chain loops."""
        if type(node) is not dict or "$ref" not in node:  # most nodes: no set made
            return node, pointer
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen or len(seen) >= MAX_REF_HOPS:
                raise UnresolvedRef(ref, "is a cycle of references")
            seen.add(ref)
            found = self.lookup(ref)
            if found is None:
                why = "cannot be resolved" + self.suggestion(ref) if ref.startswith("#") else "is not a local reference"
                raise UnresolvedRef(ref, why)
            node, pointer = found
        return node, pointer

    def resolve_or_none(self, node: Any, pointer: str) -> tuple[Any, str]:
        """resolve(), with (None, pointer) for a broken chain (lint reports those itself)."""
        try:
            return self.resolve(node, pointer)
        except UnresolvedRef:
            return None, pointer

    def describes_object(self, schema: Any, depth: int = 0) -> bool:
        """Whether a schema, through its references and allOf members, describes an object
        (an allOf of strings, `allOf: [{$ref: ResourceId}, {type: string}]`, does not)."""
        schema, _ = self.resolve_or_none(schema, "")
        if not isinstance(schema, dict) or depth > 32:
            return False
        types = schema.get("type")
        names = types if isinstance(types, list) else [types] if isinstance(types, str) else []
        if names and "object" not in names:
            return False  # the type wins: linqr's `type: string, additionalProperties: false`
        if "object" in names or "properties" in schema or "additionalProperties" in schema:
            return True
        members = schema.get("allOf")
        return isinstance(members, list) and any(self.describes_object(m, depth + 1) for m in members)


#: the types JSON Schema names
JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})


def declared_types(resolver: Resolver, schema: Any) -> frozenset[str] | None:
    """The JSON types a schema's own `type` admits, through its `$ref`s (`number` admits
    integers; 3.0's `nullable` admits null); None where it names none, or a type JSON
    Schema does not know (that is oas-schema's finding)."""
    node, _ = resolver.resolve_or_none(schema, "")
    if not isinstance(node, dict):
        return None
    declared = node.get("type")
    names = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
    found = {name for name in names if isinstance(name, str)}
    if not found or not found <= JSON_TYPES:
        return None
    if "number" in found:
        found.add("integer")
    if node.get("nullable") is True:
        found.add("null")
    return frozenset(found)


def all_of_without_common_type(resolver: Resolver, schema: dict[str, Any]) -> list[frozenset[str]]:
    """The types an allOf's members (and the schema beside them) each admit, when no type
    is admitted by all of them (`allOf: [{type: string}, {type: integer}]`: no value meets
    it); else []."""
    members = schema.get("allOf")
    if not isinstance(members, list) or not members:
        return []
    sets = [found for part in (schema, *members) if (found := declared_types(resolver, part)) is not None]
    if len(sets) < 2 or frozenset.intersection(*sets):
        return []
    return sets


@dataclass(frozen=True)
class OperationSite:
    path: str
    method: str
    node: dict[str, Any]
    pointer: str
    path_item: dict[str, Any]
    path_item_pointer: str

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(resolver: Resolver) -> Iterator[OperationSite]:
    """Every operation of the document, in its order; path items that are references are
    followed (a broken one is skipped: validation and lint name it)."""
    paths = resolver.data.get("paths") if isinstance(resolver.data, dict) else None
    if not isinstance(paths, dict):
        return
    for path, raw in paths.items():
        item, item_pointer = resolver.resolve_or_none(raw, "/paths/" + escape_pointer(str(path)))
        if not isinstance(item, dict):
            continue
        for method in [key for key in item if key in METHODS]:  # the document's order
            node = item[method]
            if isinstance(node, dict):
                yield OperationSite(str(path), method, node, f"{item_pointer}/{method}", item, item_pointer)


def parameters(resolver: Resolver, site: OperationSite, *, skip_broken: bool = True) -> list[tuple[dict[str, Any], str]]:
    """An operation's parameters, resolved, the operation's own overriding the path
    item's of the same name and place; in declaration order. A broken reference is
    skipped, or raises UnresolvedRef when not `skip_broken`."""
    chosen: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_pointer in ((site.path_item, site.path_item_pointer), (site.node, site.pointer)):
        params = owner.get("parameters")
        if not isinstance(params, list):
            continue
        for i, raw in enumerate(params):
            where = f"{owner_pointer}/parameters/{i}"
            param, param_pointer = resolver.resolve_or_none(raw, where) if skip_broken else resolver.resolve(raw, where)
            if isinstance(param, dict) and isinstance(param.get("name"), str) and isinstance(param.get("in"), str):
                chosen[(param["name"], param["in"])] = (param, param_pointer)
    return list(chosen.values())


@dataclass
class ObjectView:
    """What an object schema composes: its properties (schema, pointer) with those of its
    allOf members merged in order, the names it requires, its additionalProperties, and
    the properties that more than one member defines differently (later wins)."""

    properties: dict[str, tuple[Any, str]]
    required: list[str]
    additional: Any
    conflicts: list[tuple[str, str]]  # (property, pointer of the member that redefined it)
    too_deep: bool = False


#: allOf members nested deeper than this are not merged
MAX_ALLOF_DEPTH = 20


def object_view(resolver: Resolver, schema: dict[str, Any], pointer: str, depth: int = 0) -> ObjectView:
    view = ObjectView({}, [], schema.get("additionalProperties"), [])
    if depth > MAX_ALLOF_DEPTH:
        view.too_deep = True
        return view
    for index, part in enumerate(schema.get("allOf") or [] if isinstance(schema.get("allOf"), list) else []):
        resolved, part_pointer = resolver.resolve_or_none(part, f"{pointer}/allOf/{index}")
        if not isinstance(resolved, dict):
            continue
        inner = object_view(resolver, resolved, part_pointer, depth + 1)
        view.too_deep = view.too_deep or inner.too_deep
        view.conflicts += inner.conflicts
        for key, value in inner.properties.items():
            if key in view.properties and view.properties[key][0] != value[0]:
                view.conflicts.append((key, part_pointer))
            view.properties[key] = value
        view.required += [r for r in inner.required if r not in view.required]
        if inner.additional is not None and view.additional is None:
            view.additional = inner.additional
    own = schema.get("properties")
    for key, value in (own.items() if isinstance(own, dict) else ()):
        view.properties[str(key)] = (value, f"{pointer}/properties/{escape_pointer(str(key))}")
    required = schema.get("required")
    view.required += [r for r in (required if isinstance(required, list) else []) if isinstance(r, str) and r not in view.required]
    return view


_SCHEMAS = "#/components/schemas/"


def _required_target(resolver: Resolver, prop: Any) -> str | None:
    """The component schema a required property must hold a value of, never null: a
    `$ref`, an allOf of one `$ref`, or an array of at least one such item; else None."""
    if not isinstance(prop, dict) or prop.get("nullable") is True:
        return None
    if prop.get("type") == "array" and isinstance(prop.get("minItems"), int) and prop["minItems"] >= 1:
        return _required_target(resolver, prop.get("items"))
    members = prop.get("allOf")
    if isinstance(members, list) and len(members) == 1 and "$ref" not in prop:
        prop = members[0]
    ref = prop.get("$ref") if isinstance(prop, dict) else None
    if not isinstance(ref, str) or not ref.startswith(_SCHEMAS) or "/" in ref[len(_SCHEMAS):]:
        return None
    target, _ = resolver.resolve_or_none(prop, "")
    if not isinstance(target, dict) or target.get("nullable") is True:
        return None
    declared = target.get("type")
    if declared == "null" or (isinstance(declared, list) and "null" in declared):
        return None
    return ref[len(_SCHEMAS):]


def required_cycles(resolver: Resolver, schemas: Any) -> list[list[tuple[str, str, str]]]:
    """Loops of required properties among the component schemas: TreeNode requires a
    `parent` that is a TreeNode, so no finite value meets it. Each loop as its steps
    (schema, property, the property's pointer), from its first schema in document order;
    one loop for each set of schemas that reach each other this way."""
    if not isinstance(schemas, dict):
        return []
    edges: dict[str, list[tuple[str, str, str]]] = {}  # schema -> (property, pointer, target)
    for name, schema in schemas.items():
        if not isinstance(name, str) or "/" in name:
            continue
        node, pointer = resolver.resolve_or_none(schema, f"/components/schemas/{escape_pointer(name)}")
        if not isinstance(node, dict):
            continue
        view = object_view(resolver, node, pointer)
        for required in view.required:
            if required in view.properties:
                prop, prop_pointer = view.properties[required]
                target = _required_target(resolver, prop)
                if target is not None and target in schemas:
                    edges.setdefault(name, []).append((required, prop_pointer, target))
    order = {name: i for i, name in enumerate(schemas)}
    loops = []
    for component in _strongly_connected(edges):
        start = min(component, key=order.__getitem__)
        inside = {name: [e for e in edges.get(name, []) if e[2] in component] for name in component}
        path = _loop_from(start, inside)
        if path:  # a component of one schema loops only if it requires itself
            loops.append(path)
    return sorted(loops, key=lambda loop: order[loop[0][0]])


def _strongly_connected(edges: dict[str, list[tuple[str, str, str]]]) -> list[set[str]]:
    """Tarjan's strongly connected components of the graph, without recursion (a chain of
    thousands of schemas would pass Python's recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            name, i = work[-1]
            if i == 0:
                index[name] = low[name] = len(index)
                stack.append(name)
                on_stack.add(name)
            out = edges.get(name, [])
            if i < len(out):
                work[-1] = (name, i + 1)
                target = out[i][2]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[name] = min(low[name], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[name])
            if low[name] == index[name]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == name:
                        break
                found.append(component)
    return found


def _loop_from(start: str, edges: dict[str, list[tuple[str, str, str]]]) -> list[tuple[str, str, str]]:
    """The first loop back to `start` found depth first, as (schema, property, pointer)
    steps; [] when there is none."""
    stack: list[tuple[str, int]] = [(start, 0)]
    path: list[tuple[str, str, str]] = []
    seen = {start}
    while stack:
        name, index = stack[-1]
        out = edges.get(name, [])
        if index >= len(out):
            stack.pop()
            if path:
                path.pop()
            continue
        stack[-1] = (name, index + 1)
        prop, pointer, target = out[index]
        if target == start:
            return [*path, (name, prop, pointer)]
        if target not in seen:
            seen.add(target)
            path.append((name, prop, pointer))
            stack.append((target, 0))
    return []
