"""The MCP server's tool table: one tool per operation, as JSON data.

A tool has a name (its resource's and method's), a description (the summary, the
description trimmed, the required scopes), annotations (read-only, destructive,
idempotent) and an input schema made from the operation's parameters and body:
references resolved, recursion cut, and the whole kept under a size by cutting
deeper levels until it fits. A cut leaves a permissive schema (an object of any
shape, named), so that checking arguments against it never refuses what the API
accepts. The table also says how the runtime (templates/runtime/mcp/) calls the
generated client for each tool. The output is data, never code.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from . import display, ir, naming, views
from .fixtures import validator
from .fragments import Fragments
from .html_text import markdown

#: levels of nested schema kept before a reference or an object is cut
MAX_DEPTH = 6
#: a tool's input schema, as compact JSON text, stays under this many characters
MAX_SCHEMA_CHARS = 8000
#: a tool's description, and a property's, are trimmed to about this many characters
MAX_DESCRIPTION_CHARS = 900
MAX_PROPERTY_DESCRIPTION_CHARS = 200
#: longer enums are left out of the schema (the description names a few values)
MAX_ENUM_VALUES = 40
#: unions with more members are cut (an object of any shape, its members named)
MAX_VARIANTS = 24
#: clients show and store tool names up to 64 characters
MAX_TOOL_NAME = 64

_PREFIX = "#/components/schemas/"

#: keywords that mean the same in JSON Schema 2020-12 and are kept as they are
_PLAIN_KEYWORDS = (
    "format", "const", "minimum", "maximum", "multipleOf", "minLength", "maxLength",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
)
#: words in a scope's name that say it only reads (query:read, user-read-private, drive.readonly)
_READ_WORDS = frozenset({"read", "readonly"})
_WRITE_WORDS = frozenset({"write", "modify", "manage", "delete", "edit", "admin", "create", "update"})


#: what lists and finds a tool (`mcp/tools.json`); the rest of it, its input schema and
#: how it is called, is in its resource's file (`mcp/tools/<module>.json`)
LISTED = ("name", "operation_id", "tag", "group", "method", "path", "scopes", "description", "annotations")


def tool_files(api: ir.Api, view: views.ApiView, pieces: Fragments | None = None) -> tuple[str, dict[str, str]]:
    """The tool table as deterministic JSON text: `mcp/tools.json`, one line a tool with
    what lists and finds it and the name of the file of the rest; and by file name, for
    each resource, its tools' input schemas and calls (`mcp/tools/`), read when one of
    them is listed, described or called. Microsoft Graph's schemas are 23 MB of the 29:
    a server that offers some of its tools, or finds them by words, reads the 6 MB index
    and their files. Each line and entry is the one of the last run (`pieces`) when what
    it is made from is the same."""
    builder = SchemaBuilder(api.schemas, openapi30=api.openapi_version.startswith("3.0"))
    path_defaults = dict(api.sdk.path_defaults)
    # what every tool reads besides its own operation (_tool says what it reads)
    shared = pieces.key("tool", builder.openapi30, path_defaults, display.json_text(api.schemas)) if pieces else ""
    lines = []
    details: dict[str, dict[str, str]] = {}
    for name, attrs, group, ov, file in _tool_operations(api, view):
        made: list[dict[str, Any]] = []

        def tool(name: str = name, attrs: list[str] = attrs, group: str = group, ov: views.OperationView = ov,
                 made: list[dict[str, Any]] = made) -> dict[str, Any]:
            if not made:  # its line and its entry, made once when both are made
                made.append(_tool(builder, path_defaults, name, attrs, group, ov))
            return made[0]

        def line(tool: Callable[[], dict[str, Any]] = tool, file: str = file) -> str:
            return display.json_entry({**{key: tool()[key] for key in LISTED}, "file": file})

        def detail(tool: Callable[[], dict[str, Any]] = tool) -> str:
            return display.json_entry({"input_schema": tool()["input_schema"], "call": tool()["call"]})

        entries = details.setdefault(file, {})
        if pieces:
            key = pieces.key(shared, name, ".".join(attrs), group, file, pieces.operation(ov))
            lines.append(pieces.piece("tool", key, line))
            entries[name] = pieces.piece("tool_detail", key, detail, file=file)
        else:
            lines.append(line())
            entries[name] = detail()
    return (display.json_entries([("tools", lines)]),
            {file: display.json_entries([("tools", entries)]) for file, entries in details.items()})


def tools(api: ir.Api, view: views.ApiView) -> list[dict[str, Any]]:
    builder = SchemaBuilder(api.schemas, openapi30=api.openapi_version.startswith("3.0"))
    path_defaults = dict(api.sdk.path_defaults)
    return [_tool(builder, path_defaults, name, attrs, group, ov) for name, attrs, group, ov, _ in _tool_operations(api, view)]


def _tool_operations(api: ir.Api, view: views.ApiView) -> list[tuple[str, list[str], str, views.OperationView, str]]:
    """Each tool's name (unique among them all), the attributes that reach its resource,
    its group, its operation and the file of its details (its resource's), in the
    table's order."""
    names = naming.UniqueNames()
    found = []
    for rv in view.resources:
        ns = next((n for n in api.namespaces if rv.resource in n.resources), None)
        if ns is not None and ns.deprecated:
            continue  # its operations are offered on their tag's resource, which has the tools
        attrs = ([ns.name] if ns else []) + [rv.resource.attribute]
        for ov in rv.operations:
            method = ov.wait.method if ov.wait else ov.op.name
            found.append((names.claim(_tool_name(attrs, method)), attrs, rv.resource.attribute, ov, f"{rv.resource.module}.json"))
    return found


def _tool(
    builder: SchemaBuilder,
    path_defaults: dict[str, str],
    name: str,
    attrs: list[str],
    group: str,
    ov: views.OperationView,
) -> dict[str, Any]:
    """The tool of `ov`: made from its arguments only (the components through `builder`),
    so that fragments.py can key it by them."""
    op = ov.op
    method = ov.wait.method if ov.wait else op.name
    kind = "wait" if ov.wait else "page" if op.pagination else "stream" if ov.stream else "plain"
    schema, args, body_mode = _input(path_defaults, builder, op)
    extra = None
    if kind != "wait":
        extra = "body" if body_mode == "fields" else "query" if kind == "page" and op.body is None else None
    verb = op.method.upper()
    read_only = verb in ("GET", "HEAD", "QUERY") or (verb != "DELETE" and is_read_only_scopes(op.scopes))
    annotations: dict[str, Any] = {"title": _title(op), "readOnlyHint": read_only}
    if not read_only:
        annotations["destructiveHint"] = verb == "DELETE"
        annotations["idempotentHint"] = verb == "PUT" or op.idempotent
    return {
        "name": name,
        "operation_id": op.operation_id,
        "tag": op.tag,
        "group": group,
        "method": verb,
        "path": op.path,
        "scopes": list(op.scopes),
        "description": _description(op, kind),
        "annotations": annotations,
        "input_schema": schema,
        "call": {
            "attrs": attrs,
            "method": method,
            "kind": kind,
            "args": args,
            "body": body_mode,
            "body_encoding": op.body.encoding if op.body is not None else None,
            "extra": extra,
            "path_defaults": [p.wire_name for p in op.path_params if p.client_default],
        },
    }


def _tool_name(attrs: list[str], method: str) -> str:
    """The resource's and the method's words in [a-z0-9_], short enough for clients
    (MAX_TOOL_NAME) with room for the number that tells equal names apart.

    A name too long is cut at a word, keeping the method whole where it fits (it is what
    tells a resource's tools apart), and ends in a digest of the whole name: names cut
    alike differ, and each is the same whatever other tools there are (a number given
    in order would change when an operation before it came or went)."""
    limit = MAX_TOOL_NAME - 3
    name = _name_words("_".join(attrs + [method])) or "operation"
    if len(name) <= limit:
        return name
    mark = "_" + hashlib.blake2b(name.encode(), digest_size=2).hexdigest()
    room = limit - len(mark)
    prefix, verb = _name_words("_".join(attrs)), _name_words(method)
    kept = _cut_at_word(prefix, room - len(verb) - 1) if verb and len(verb) < room - 1 else ""
    if kept:
        return f"{kept}_{verb}{mark}"
    return (_cut_at_word(verb or name, room) or (verb or name)[:room]) + mark


def _name_words(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")


def _cut_at_word(text: str, limit: int) -> str:
    """The words of `text` that fit in `limit` characters ("" when the first does not)."""
    if len(text) <= limit:
        return text
    end = text.rfind("_", 0, limit + 1)
    return text[:end].rstrip("_") if end > 0 else ""


def is_read_only_scopes(scopes: list[str]) -> bool:
    """True when an operation needs scopes and every one of them only reads: a key limited to
    reading may call it, so the server counts it as a read (PostHog's `POST query/`)."""
    if not scopes:
        return False
    for scope in scopes:
        words = set(re.split(r"[^a-z0-9]+", scope.lower()))
        if not words & _READ_WORDS or words & _WRITE_WORDS:
            return False
    return True


def _title(op: ir.Operation) -> str:
    text = views.summary_of(op)
    return _trim(text, 120)


def _description(op: ir.Operation, kind: str) -> str:
    parts = [_title(op)]
    text = _paragraphs(op.description)
    if text and text != " ".join(op.summary.split()):
        parts.append(_trim(text, MAX_DESCRIPTION_CHARS))
    if op.scopes:
        parts.append("Required API key scopes: " + ", ".join(op.scopes) + ".")
    if op.deprecated:
        parts.append("Deprecated.")
    if kind == "wait":
        parts.append(
            "Runs to completion: starts the job, reports progress while it runs, and returns its "
            "result; cancelling the call cancels the job on the server."
        )
    elif kind == "page":
        parts.append("Returns one page; the result says how to ask for the next one.")
    return "\n\n".join(parts)


def _paragraphs(text: str) -> str:
    """Whitespace collapsed within paragraphs, paragraphs kept apart."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


def _trim(text: str, limit: int) -> str:
    """At most about `limit` characters, cut at the end of a sentence or word when possible."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    if end >= limit // 2:
        return cut[: end + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit // 2 else cut).rstrip(" ,;:") + "…"


def _short(text: Any) -> str:
    return _short_text(str(text))


@functools.lru_cache(maxsize=8192)
def _short_text(text: str) -> str:
    """_short of a string, kept: a component's descriptions are shortened again for every
    tool and every depth it is converted at (41,000 times for 758 tools on googleapis compute).
    A description in HTML (AWS's) is read as the Markdown it stands for, as elsewhere."""
    return _trim(" ".join(markdown(text).split()), MAX_PROPERTY_DESCRIPTION_CHARS)


# -- input schemas -----------------------------------------------------------------


def _input(
    defaults: dict[str, str], builder: SchemaBuilder, op: ir.Operation
) -> tuple[dict[str, Any], list[dict[str, str]], str | None]:
    """The tool's input schema, how each of its properties reaches the client, and the body's mode."""
    taken = naming.UniqueNames()
    args: list[dict[str, str]] = []
    # (input name, schema, description, required)
    props: list[tuple[str, Any, str, bool, str]] = []
    for p in op.parameters:
        if p.location == "cookie":
            continue
        key = taken.claim(p.wire_name)
        args.append({"input": key, "python": p.name, "in": p.location, "wire": p.wire_name})
        description = views.described(p)
        required = p.must_give
        if p.client_default:
            env = defaults.get(p.wire_name)
            description = (description + " " if description else "") + (
                f"Defaults to the server's setting (${env})." if env else "Defaults to the server's setting."
            )
            required = False
        props.append((key, p.schema, description, required, "in"))
    body_mode: str | None = None
    body = op.body
    if body is not None:
        if body.fields:
            body_mode = "fields"
            properties, _required = builder.object_parts(body.schema)
            for f in body.fields:
                key = taken.claim(f.wire_name)
                args.append({"input": key, "python": f.name, "in": "body", "wire": f.wire_name})
                schema = properties.get(f.wire_name, {})
                props.append((key, schema, f.description, f.required and body.required, "body"))
        else:
            body_mode = "whole"
            key = taken.claim("body")
            args.append({"input": key, "python": "body", "in": "body", "wire": ""})
            schema = body.schema if body.encoding in ("json", "form", "multipart") else {"type": "string"}
            about = body.description or "The request body."
            if body.encoding == "binary":
                about += f" Sent as {body.media_type}, the text's UTF-8 bytes."
            props.append((key, schema, about, body.required, "body"))
    return builder.input_schema(props), args, body_mode


class SchemaBuilder:
    """OpenAPI schemas (3.0 or 3.1) as self-contained JSON Schema 2020-12, bounded in size."""

    def __init__(self, schemas: dict[str, Any], *, openapi30: bool) -> None:
        self.schemas = schemas
        self.openapi30 = openapi30
        #: converted components that do not depend on where they were reached from, with
        #: their node counts and the components met converting them:
        #: (name, levels left, min(level, 3), describe, request) -> ...
        self.cache: dict[tuple[str, int, int, bool, bool], tuple[dict[str, Any], int, frozenset[str]]] = {}

    def input_schema(self, props: list[tuple[str, Any, str, bool, str]]) -> dict[str, Any]:
        """The object schema of a tool's arguments: the first rendering, from the deepest to
        the shallowest and with descriptions before without, whose JSON text fits in
        MAX_SCHEMA_CHARS.

        Most tools fit at once. For the others each depth is tried without descriptions
        first: a rendering with them is the same conversions with descriptions added (the
        same nodes, more text), so where the one without does not fit, the one with them
        is not made, and where the one with them has too many nodes, neither is the one
        without (on Microsoft Graph, 2,650 of the 6,700 renderings that did not fit).
        Skipping renderings changes no tool: the converted components kept between them
        do not depend on which were made."""
        first = self._rendering(props, MAX_DEPTH, True)
        if not isinstance(first, str):
            return first
        for depth in range(MAX_DEPTH, 0, -1):
            if depth == MAX_DEPTH and first == _TOO_MANY_NODES:
                continue
            plain = self._rendering(props, depth, False)
            if isinstance(plain, str):
                continue
            described = self._rendering(props, depth, True) if depth < MAX_DEPTH else _TOO_LONG
            return plain if isinstance(described, str) else described
        return self._fitted(props)

    def _rendering(self, props: list[tuple[str, Any, str, bool, str]], depth: int, describe: bool) -> dict[str, Any] | str:
        """The rendering when it fits, else why not (_TOO_MANY_NODES or _TOO_LONG)."""
        try:
            schema = self._render(props, depth, describe)
        except _TooBig:
            return _TOO_MANY_NODES
        return schema if _size(schema) <= MAX_SCHEMA_CHARS else _TOO_LONG

    def _render(self, props: list[tuple[str, Any, str, bool, str]], depth: int, describe: bool) -> dict[str, Any]:
        converter = _Converter(self, depth, describe)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for key, schema, description, is_required, where in props:
            converted = converter.convert(schema, 1, (), request=where == "body")
            if description and describe:
                converted = {**converted, "description": _short(description)}
            properties[key] = converted
            if is_required:
                required.append(key)
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        return out

    def _fitted(self, props: list[tuple[str, Any, str, bool, str]]) -> dict[str, Any]:
        """Too many arguments for even their types to fit: the required ones and then as
        many others as fit, the rest named in the description (the tool still takes them)."""
        converter = _Converter(self, 1, False)
        properties: dict[str, Any] = {}
        required = [key for key, _, _, is_required, _ in props if is_required]
        left: list[str] = []
        used = 200
        for key, schema, _, is_required, where in sorted(props, key=lambda p: not p[3]):
            try:
                converted = converter.convert(schema, 1, (), request=where == "body")
            except _TooBig:
                converted = {}
            size = _size(converted) + len(key) + 4
            if is_required or used + size <= MAX_SCHEMA_CHARS // 2:
                properties[key] = converted
                used += size
            else:
                left.append(key)
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        if left:
            out["description"] = _trim("Also accepts: " + ", ".join(left), MAX_SCHEMA_CHARS // 3)
        return out

    def resolve(self, schema: Any) -> tuple[Any, str | None]:
        """The schema a reference points at (following chains), and the last name on the way."""
        name = None
        for _ in range(50):
            if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
                break
            ref = schema["$ref"]
            if not ref.startswith(_PREFIX):
                return {}, name
            name = ref[len(_PREFIX):].replace("~1", "/").replace("~0", "~")
            schema = self.schemas.get(name, {})
        return schema, name

    def object_parts(self, schema: Any, seen: frozenset[str] = frozenset()) -> tuple[dict[str, Any], list[str]]:
        """The properties and required names of an object schema, allOf members merged."""
        schema, name = self.resolve(schema)
        if not isinstance(schema, dict) or (name is not None and name in seen):
            return {}, []
        seen = seen | ({name} if name else set())
        properties: dict[str, Any] = {}
        required: list[str] = []
        for part in schema.get("allOf") or []:
            more, needed = self.object_parts(part, seen)
            properties.update(more)
            required += [r for r in needed if r not in required]
        if isinstance(schema.get("properties"), dict):
            properties.update(schema["properties"])
        required += [r for r in schema.get("required") or [] if isinstance(r, str) and r not in required]
        return properties, required


class _TooBig(Exception):
    """A rendering passed the size limit: stop it early (each schema node is 16+ characters)."""


#: why a rendering was refused: the node limit stopped it, or its text is too long
_TOO_MANY_NODES = "too many nodes"
_TOO_LONG = "too long"


def _size(schema: Any) -> int:
    """The schema's length as tools.json holds it (compact, before escaping)."""
    return len(display.json_text(schema))


class _Converter:
    def __init__(self, builder: SchemaBuilder, depth: int, describe: bool) -> None:
        self.builder = builder
        self.depth = depth
        self.describe = describe
        self.nodes = 0
        #: names cut because they recur, since the conversion began
        self.recurred: set[str] = set()
        #: the components referred to since the conversion began (expanded or cut)
        self.met: set[str] = set()

    def count(self, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > MAX_SCHEMA_CHARS // 16:
            raise _TooBig

    def convert(self, schema: Any, level: int, stack: tuple[str, ...], *, request: bool) -> dict[str, Any]:
        self.count(1)
        if schema is False:
            return {"not": {}}
        if not isinstance(schema, dict):
            return {}
        if isinstance(schema.get("$ref"), str):
            target, name = self.builder.resolve(schema)
            if not isinstance(target, dict):
                return {}
            if name is not None:
                self.met.add(name)
            if name is None:
                out = self.convert(target, level, stack, request=request)
            elif name in stack or (level > self.depth and _compound(target)):
                if name in stack:
                    self.recurred.add(name)
                return self.cut(target, name, level)
            else:
                out = self.component(target, name, level, stack, request)
            if "description" in schema and self.wants_description(level):
                out = {**out, "description": _short(schema["description"])}
            return out
        if level > self.depth and _compound(schema):
            return self.cut(schema, None, level)
        out = {}
        types = schema.get("type")
        if isinstance(types, (str, list)):
            out["type"] = types
        if self.builder.openapi30 and schema.get("nullable") is True and isinstance(types, str):
            out["type"] = [types, "null"]
        for key in _PLAIN_KEYWORDS:
            if key in schema:
                out[key] = schema[key]
        self.bounds(schema, out)
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            # a JavaScript literal (/^[a-z]+$/) goes as its body; one with flags cannot go
            pattern, flags = validator().pattern_source(pattern)
            if not flags and len(pattern) <= 200 and _valid_regex(pattern):
                out["pattern"] = pattern
        if schema.get("default") is not None and len(json.dumps(schema["default"], default=str)) <= 80:
            out["default"] = schema["default"]
        description = str(schema.get("description") or "")
        enum = schema.get("enum")
        if isinstance(enum, list):
            values = validator().enum_values(schema)  # (Bungie's "1", "2" beside type integer: numbers)
            if self.builder.openapi30 and schema.get("nullable") is True and None not in values:
                values.append(None)
            if len(values) <= MAX_ENUM_VALUES:
                out["enum"] = values
            else:
                sample = ", ".join(json.dumps(v) for v in values[:8])
                description = (description + " " if description else "") + f"One of {len(values)} values, e.g. {sample}."
        if description and self.wants_description(level):
            out["description"] = _short(description)
        self.object(schema, out, level, stack, request)
        if "items" in schema:
            out["items"] = self.convert(schema["items"], level + 1, stack, request=request)
        if isinstance(schema.get("prefixItems"), list):
            out["prefixItems"] = [self.convert(s, level + 1, stack, request=request) for s in schema["prefixItems"]]
        for key in ("oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                if len(members) > MAX_VARIANTS:
                    return self.cut_union(out, members)
                # anyOf even for oneOf: members cut to permissive stand-ins may overlap, and
                # an argument that fits two of them must not be refused for it
                out["anyOf"] = [self.convert(m, level + 1, stack, request=request) for m in members]
        if isinstance(schema.get("allOf"), list):
            self.all_of(schema["allOf"], out, level, stack, request)
        return out

    def component(
        self, target: dict[str, Any], name: str, level: int, stack: tuple[str, ...], request: bool
    ) -> dict[str, Any]:
        """A named schema, converted once for each context it can be converted differently in.
        Not kept when a recursion cut inside it depends on the path that led here, and not
        reused on a path through a component it refers to: there that one is cut instead,
        and a tool's schema must not depend on the tools made before it."""
        key = (name, self.depth - level, min(level, 3), self.describe, request)
        cached = self.builder.cache.get(key)
        if cached is not None and not any(step in cached[2] for step in stack):
            self.count(cached[1])
            self.met |= cached[2]
            return cached[0]
        before_nodes, before_recurred, before_met = self.nodes, self.recurred, self.met
        self.recurred, self.met = set(), set()
        try:
            out = self.convert(target, level, stack + (name,), request=request)
        finally:
            inner, self.recurred = self.recurred, before_recurred | self.recurred
            met = self.met
            before_met |= met
            self.met = before_met
        if not inner & set(stack):
            self.builder.cache[key] = (out, self.nodes - before_nodes, frozenset(met))
        return out

    def wants_description(self, level: int) -> bool:
        return self.describe or level <= 1

    def bounds(self, schema: dict[str, Any], out: dict[str, Any]) -> None:
        """OpenAPI 3.0's boolean exclusiveMinimum/Maximum as 2020-12's numbers."""
        if "exclusiveMinimum" not in schema and "exclusiveMaximum" not in schema:
            return
        for key, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            value = schema.get(key)
            if isinstance(value, bool):
                if value and bound in schema:
                    out.pop(bound, None)
                    out[key] = schema[bound]
            elif isinstance(value, (int, float)):
                out[key] = value

    def object(
        self, schema: dict[str, Any], out: dict[str, Any], level: int, stack: tuple[str, ...], request: bool
    ) -> None:
        properties = schema.get("properties")
        if isinstance(properties, dict):
            kept: dict[str, Any] = {}
            for name, prop in properties.items():
                resolved, _ = self.builder.resolve(prop)
                if request and isinstance(resolved, dict) and resolved.get("readOnly"):
                    continue
                kept[str(name)] = self.convert(prop, level + 1, stack, request=request)
            out["properties"] = kept
            required = [r for r in schema.get("required") or [] if isinstance(r, str) and r in kept]
            if required:
                out["required"] = required
        additional = schema.get("additionalProperties")
        if isinstance(additional, bool):
            out["additionalProperties"] = additional
        elif isinstance(additional, dict):
            out["additionalProperties"] = self.convert(additional, level + 1, stack, request=request)

    def all_of(
        self, parts: list[Any], out: dict[str, Any], level: int, stack: tuple[str, ...], request: bool
    ) -> None:
        """allOf members merged into one object when they are all plain objects, else kept."""
        converted = [self.convert(p, level, stack, request=request) for p in parts]
        if all(_plain_object(c) for c in converted):
            properties: dict[str, Any] = dict(out.get("properties") or {})
            required: list[str] = list(out.get("required") or [])
            for c in converted:
                properties.update(c.get("properties") or {})
                required += [r for r in c.get("required") or [] if r not in required]
                if "description" in c and "description" not in out and self.wants_description(level):
                    out["description"] = c["description"]
                if c.get("additionalProperties") is False:
                    out["additionalProperties"] = False
            out.setdefault("type", "object")
            if properties:
                out["properties"] = properties
            if required:
                out["required"] = required
        else:
            out["allOf"] = converted

    def cut(self, target: dict[str, Any], name: str | None, level: int) -> dict[str, Any]:
        """A permissive stand-in for a schema not expanded here: its type, and its name."""
        out: dict[str, Any] = {}
        types = target.get("type")
        if isinstance(types, str):
            out["type"] = types
        elif "properties" in target:
            out["type"] = "object"
        # Keep what tells the kinds of a union apart: required properties with one value.
        properties, required = self.builder.object_parts(target)
        tags: dict[str, Any] = {}
        for prop in required:
            resolved, _ = self.builder.resolve(properties.get(prop))
            if isinstance(resolved, dict):
                if "const" in resolved:
                    tags[prop] = {"const": resolved["const"]}
                elif isinstance(resolved.get("enum"), list) and len(resolved["enum"]) == 1:
                    tags[prop] = {"const": resolved["enum"][0]}
        if tags:
            out.update(type="object", properties=tags, required=list(tags))
        label = f"{name}: not expanded here." if name else "Not expanded here."
        if self.describe or level <= 2:
            out["description"] = label
        return out

    def cut_union(self, out: dict[str, Any], members: list[Any]) -> dict[str, Any]:
        names = [n for n in (self.builder.resolve(m)[1] for m in members) if n]
        shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        out.pop("type", None)
        out["description"] = _short(f"One of {len(members)} kinds" + (f": {shown}." if shown else "."))
        return out


def _compound(schema: dict[str, Any]) -> bool:
    return any(k in schema for k in ("properties", "items", "allOf", "oneOf", "anyOf", "additionalProperties"))


def _plain_object(schema: dict[str, Any]) -> bool:
    if any(k in schema for k in ("oneOf", "anyOf", "allOf", "enum", "const", "items")):
        return False
    return bool(schema.get("type", "object") == "object")


def _valid_regex(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, RecursionError):
        return False
    return True
