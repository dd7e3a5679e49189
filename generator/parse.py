"""OpenAPI document -> IR: resolve refs, merge allOf, name inline schemas,
read the project's extensions (pagination, long-running operations, CLI).

Nothing here produces code. Unsupported constructs become `Any` with a warning
that names the JSON pointer; they never stop generation.
"""

from __future__ import annotations

import json
import keyword
import re
from typing import Any

import orjson

from . import answers, ir, naming, openapi, paging, path_names, subtypes
from .diagnostics import (
    AMBIGUOUS,
    EXTENSION,
    NAMING,
    REF,
    UNSUPPORTED,
    Code,
    Diagnostic,
    SpecError,
    did_you_mean,
)
from .fixtures import validator
from .html_text import markdown
from .load import Document, escape_pointer, unescape_pointer

_DEFAULT_VALUE_TYPES = (str, int, float, bool, type(None), list, dict)

#: environment variable names, and package / command names (PEP 508), as x-sdk may set them
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")
_DIST_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?")
#: a Python package name, as x-sdk may set it
_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")
#: a server URL's variable, `{region}`
_SERVER_VARIABLE = re.compile(r"\{([^{}]*)\}")
#: a server's x-aliases entry: an absolute http(s) URL with nothing a client could not request
ALIAS_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?")

#: keywords that describe a schema without constraining its values
_COMBINATORS = ("allOf", "oneOf", "anyOf")
_NULL_ONLY = ["null"]  # `type: [null]`, compared without building a list per schema
_ANNOTATIONS = frozenset({"description", "title", "nullable", "readOnly", "writeOnly", "example", "examples",
                          "default", "deprecated", "xml", "externalDocs", "$comment"})


#: keywords that give a schema a shape of its own beside its allOf (not only constraints)
#: an HTTP header (or cookie) name: RFC 9110's token
_HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_SHAPING = frozenset({"properties", "additionalProperties", "patternProperties", "items", "oneOf", "anyOf", "not"})


#: a token endpoint the client can be sent to: an http(s) URL (no user or password in
#: it), or a path on the API's host
_TOKEN_URL = re.compile(r"https?://[^\s/?#@\\]+(?:[/?#][^\s\\]*)?|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s\\]+")
#: an OAuth 2 scope as RFC 6749 (3.3) allows it: printable ASCII, no space, `"` or `\`
_SCOPE = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+")


def _slot(use: tuple[str, str] | None) -> tuple[str, str]:
    """A credential setting's identity: how and where its value is sent. Schemes alike
    in both (two OAuth flows, each a bearer token) are one setting."""
    where, name = use or ("", "")
    return (where, name.lower() if where in ("header", "bearer", "basic") else name)


def _annotation_only(schema: Any) -> bool:
    """An inline schema that only annotates (`{description: ...}`): it adds no type."""
    return isinstance(schema, dict) and "$ref" not in schema and all(k in _ANNOTATIONS or k.startswith("x-") for k in schema)


def _enum_of_items(schema: dict[str, Any], types: Any) -> bool:
    """Whether a list's schema has an enum of values that are no lists beside its items
    (what converters of Swagger 2.0 make of an enum on an array parameter)."""
    return ((types == "array" or types is None and "items" in schema) and isinstance(schema.get("items"), dict)
            and not any(isinstance(value, list) for value in schema["enum"]))


def _declares_null(schema: Any) -> bool:
    """Whether a schema says null is one of its values (asked of a schema whose type is
    still being built, a cycle)."""
    if not isinstance(schema, dict):
        return False
    types = schema.get("type")
    enum = schema.get("enum")
    return (
        schema.get("nullable") is True
        or (isinstance(types, list) and "null" in types)
        or (isinstance(enum, list) and None in enum)
    )


#: keywords that make an inline schema a class of its own (a model, an enum, a tagged union)
_CLASS_MAKING = ("properties", "enum", "allOf", "oneOf", "anyOf")


#: how a `null` value shows in orjson's compact text
_NULL_TOKENS = (b":null", b"[null", b",null")


def _inline_text(schema: Any) -> bytes | None:
    """The text of an inline schema that may become a class, by which identical copies
    (Mailchimp repeats each resource's schema in every response that returns it) share the
    first copy's class instead of each making its own; None for one that cannot.

    orjson writes it (the json module took 40 ms of GitHub's parse), unless the text holds
    a null, which may have been a NaN or an infinity (orjson writes those as null), or
    orjson refuses the schema: then the json module does, behind a byte that no orjson
    text starts with, so that the two kinds of text never meet."""
    if not isinstance(schema, dict) or not any(k in schema for k in _CLASS_MAKING):
        return None
    try:
        text = orjson.dumps(schema, default=str)
        if not any(null in text for null in _NULL_TOKENS):
            return text
    except orjson.JSONEncodeError:
        pass
    return b"\0" + json.dumps(schema, ensure_ascii=False, check_circular=False, default=str).encode("utf-8", "surrogatepass")


#: the keys build_type reads beside `type` and `format` (and `nullable`): a schema with
#: none of them, of a primitive type, is that type and nothing more
_NOT_PLAIN = frozenset({"$ref", "const", "enum", "allOf", "oneOf", "anyOf", "properties", "items"})
_PLAIN_TYPES = frozenset({"string", "integer", "number", "boolean"})


def server_address(server: dict[str, Any]) -> tuple[str, list[ir.ServerVariable], list[str]]:
    """A server's URL with each variable's default in its place, the variables it uses,
    and the names of those with no default (left in the URL as written). A URL that
    starts with `//` (scheme-relative) is taken to be https."""
    url = str(server.get("url") or "")
    declared = server.get("variables")
    if not isinstance(declared, dict):
        declared = {}
    variables: list[ir.ServerVariable] = []
    missing: list[str] = []

    def default_of(match: re.Match[str]) -> str:
        name = match.group(1)
        variable = declared.get(name)
        default = variable.get("default") if isinstance(variable, dict) else None
        if not isinstance(variable, dict) or not isinstance(default, (str, int, float)) or isinstance(default, bool):
            missing.append(name)
            return match.group(0)
        if name not in [v.name for v in variables]:
            values = variable.get("enum")
            variables.append(ir.ServerVariable(
                name, str(default), [str(v) for v in values] if isinstance(values, list) else [],
                markdown(str(variable.get("description") or ""))))
        return str(default)

    address = _SERVER_VARIABLE.sub(default_of, url)
    host = re.match(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#]*)", address)
    empty = [v.name for v in variables if not v.default]
    if host and empty and (not host.group(1) or host.group(1).startswith(".") or ".." in host.group(1)):
        # an empty default that leaves no host (`https://{account}.blob.core.windows.net`
        # as AutoRest's parameterized hosts are converted): no default at all
        return url, [v for v in variables if v.default], missing + empty
    return ("https:" + address if address.startswith("//") else address), variables, missing


def _ms_pageable(pageable: Any) -> dict[str, Any] | None:
    """AutoRest's `x-ms-pageable` (7,538 operations of Azure's and Microsoft Graph's
    documents in the directory) as x-pagination: the items in `itemName` (default
    `value`), the next page's URL in `nextLinkName`. Where that is null or absent the
    operation returns everything at once, and it does not page."""
    if not isinstance(pageable, dict) or not isinstance(pageable.get("nextLinkName"), str) or not pageable["nextLinkName"]:
        return None
    items = pageable.get("itemName")
    return {"items": items if isinstance(items, str) and items else "value", "next": pageable["nextLinkName"], "count": None}


#: x-pagination's styles that give a query parameter the next page's token or the last
#: item's id, and that parameter's default (generator/paging.py finds them undeclared too)
_TOKEN_PARAM_DEFAULTS = {"token": "page_token", "after": "starting_after"}

_FORM_STYLES = ("form", "spaceDelimited", "pipeDelimited", "deepObject")


def _form_styles(encoding: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """The styles a form body's `encoding` gives its fields (Stripe's `deepObject`, written
    `address[city]=...`), where they differ from a form field's own (form, exploded)."""
    styles: dict[str, tuple[str, bool]] = {}
    for wire, spec in encoding.items():
        if not isinstance(spec, dict) or spec.get("style", "form") not in _FORM_STYLES:
            continue
        style = str(spec.get("style", "form"))
        explode = spec.get("explode", style == "form")
        if (style, explode) != ("form", True) and isinstance(explode, bool):
            styles[str(wire)] = (style, explode)
    return styles


def _map_values(schema: dict[str, Any], additional: Any, pointer: str) -> tuple[dict[str, Any], str] | None:
    """The schema (and its pointer) of the values of an object with no properties, where
    one is given: its additionalProperties, else its one patternProperties entry (3.1's
    `{patternProperties: {'^[a-z]{2}$': {type: string}}, additionalProperties: false}`)."""
    if isinstance(additional, dict) and additional:
        return additional, pointer + "/additionalProperties"
    patterns = schema.get("patternProperties")
    if additional in (None, False) and isinstance(patterns, dict) and len(patterns) == 1:
        pattern, value = next(iter(patterns.items()))
        if isinstance(value, dict) and value:
            return value, f"{pointer}/patternProperties/{escape_pointer(str(pattern))}"
    return None


def _plain(schema: Any) -> bool:
    """A schema that is a string, number or boolean and nothing more: most parameters and
    properties (autotask's 13,696 parameters), typed without the general walk."""
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return type(kind) is str and kind in _PLAIN_TYPES and schema.keys().isdisjoint(_NOT_PLAIN) \
        and schema.get("format") != "file"


#: what a model's field may not be called (one set, not made again for every field)
_FIELD_RESERVED = naming.MODEL_RESERVED | naming.MODULE_RESERVED


def _object_like(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or any(k in schema for k in ("properties", "additionalProperties", "allOf")))


#: the title protoc-gen-openapiv2 (grpc-gateway) gives a document whose service sets none:
#: the path of the .proto file it came from
_PROTO_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)*\.proto")
#: the segments of such a path that name no API: a host, `api`, `proto`, a version
_PROTO_NOISE = re.compile(r"(?i).*\..*|apis?|protos?|protobufs?|v\d+(?:(?:alpha|beta)\d*)?")
#: the version protoc-gen-openapiv2 writes where the service sets none
_NO_VERSION = "version not set"


def api_title(info: dict[str, Any]) -> str:
    """The API's name: its title; where that is a .proto file's path, as grpc-gateway
    writes by default (Temporal's `temporal/api/workflowservice/v1/request_response.proto`),
    the path's words that name it (`Temporal Workflowservice`); "API" where there is none
    (Temporal's OpenAPI 3 document has an empty title)."""
    title = str(info.get("title") or "").strip()
    if _PROTO_PATH.fullmatch(title):
        *folders, file = title.split("/")
        words = [w for w in folders if not _PROTO_NOISE.fullmatch(w)] or [file.removesuffix(".proto")]
        title = " ".join(w.replace("_", " ").replace("-", " ").title() for w in words)
    return title or "API"


def api_version(info: dict[str, Any]) -> str:
    """The API's version, "" where it has none (grpc-gateway's "version not set")."""
    version = str(info.get("version") or "").strip()
    return "" if version.lower() == _NO_VERSION else version


class Parser:
    def __init__(self, doc: Document, package_name: str | None = None):
        self.doc = doc
        self.data = doc.data
        self.resolver = openapi.Resolver(doc.data)
        self.diagnostics: list[Diagnostic] = []
        self.names = naming.UniqueNames(naming.MODULE_RESERVED | {"UnknownVariant"})
        self.types: dict[str, ir.TypeRef] = {}  # pointer -> type of the schema there
        self.models: list[ir.Model] = []
        self.model_named: dict[str, ir.Model] = {}
        self.enums: list[ir.Enum] = []
        self.enum_named: dict[str, ir.Enum] = {}
        self.aliases: list[ir.Alias] = []
        self.alias_named: dict[str, ir.Alias] = {}
        self.package_name = package_name
        self.component_names: dict[str, str] = {}
        #: pointers of the schemas being typed right now (a cycle comes back to one of them)
        self.in_progress: set[str] = set()
        #: pointers of schemas whose type is nullable where self.types holds it without None
        #: (models, enums and unions are registered before their nullability is known)
        self.nullable_at: set[str] = set()
        #: an inline schema's text -> the pointer of the first one like it that became a class
        self.first_like: dict[bytes, str] = {}
        #: x-sdk `share-inline-copies`: whether copies of an inline schema share the first
        #: copy's class (off, every copy keeps a class named after where it sits, so that adding
        #: a copy earlier in the document never renames a class, at the cost of the code)
        self.share_copies = self.sdk_flag("share-inline-copies")
        #: x-sdk `names-from-paths`: whether operations whose operationId is missing or only
        #: spells the method and path get methods named from the path (path_names), a
        #: tag's methods that all repeat its name after their verb lose it (without_group),
        #: and schemas named by dotted paths are classes of their shortest unique suffix
        self.names_from_paths = self.sdk_flag("names-from-paths")
        #: pointers of the operations whose methods are named from their paths (path_names)
        self.path_named: set[str] = set()
        #: the route function's name of each operation whose operationId is FastAPI's
        #: default (path_names.route_name), by its pointer
        self.route_named: dict[str, str] = {}
        #: pointers of the operations whose methods x-sdk-method names
        self.method_given: set[str] = set()
        #: the ways of authenticating an operation's own security requirement offers, by its
        #: pointer, where they are not the document's (see ways)
        self.operation_ways: dict[str, list[list[str]]] = {}
        #: whether an operation has no tag (it is in the resource of the tag "default")
        self.untagged = False
        #: whether an operation has a tag
        self.tagged = False
        #: the tags tag_by_path gave (the first segments of a document that tags nothing)
        self.path_groups: set[str] = set()
        #: (type, format, nullable) -> the type of a plain schema (_plain): one TypeRef each
        self.plain_types: dict[tuple[str, Any, bool], ir.TypeRef] = {}
        #: the document's first server address (no trailing "/"), once an operation asks for it
        self.document_address: str | None = None

    # -- helpers ---------------------------------------------------------

    def warn(self, pointer: str, message: str, kind: Code = UNSUPPORTED) -> None:
        self.diagnostics.append(Diagnostic(self.doc.locate(pointer), "warning", kind.id, message, pointer))

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s (within the bundled document) to the node they name."""
        try:
            return self.resolver.resolve(node, pointer)
        except openapi.UnresolvedRef as exc:
            raise SpecError(str(exc), self.doc.locate(pointer), pointer, code=REF) from None

    def sdk_flag(self, key: str) -> bool:
        """An x-sdk setting that is true or false, true where not given."""
        ext = self.data.get("x-sdk")
        value = ext.get(key, True) if isinstance(ext, dict) else True
        if not isinstance(value, bool):
            self.warn(f"/x-sdk/{key}", f"{key} must be true or false; true is used", EXTENSION)
            return True
        return value

    # -- schemas ---------------------------------------------------------

    def parse_components(self) -> None:
        schemas = (self.data.get("components") or {}).get("schemas") or {}
        bodies = self.route_bodies(schemas)
        # Claim component names first so they keep their natural names (a dotted path's
        # shortest suffix that is no other's: `io.k8s.api.core.v1.Pod` is `Pod`).
        short = naming.short_schema_names(str(name) for name in schemas) if self.names_from_paths else {}
        for name in schemas:
            if name not in bodies:
                self.component_names[name] = self.names.claim(naming.class_name(short.get(name, name)))
        for name, better in bodies.items():
            self.component_names[name] = self.names.claim(better if better not in self.names else naming.class_name(name))
        for name, schema in schemas.items():
            pointer = "/components/schemas/" + escape_pointer(name)
            self.schema_type(schema, pointer, name, named=True)

    def route_bodies(self, schemas: Any) -> dict[str, str]:
        """FastAPI's request body schemas, `Body_` and the operationId
        (`Body_upload_file_files__post`, `Body_documents-create_document`), each with a
        class name of the method's (`UploadFileBody`, `CreateDocumentBody`): the route
        function's name where the operationId is FastAPI's default (path_names.route_name),
        else the operationId's, less its tag's name before it."""
        if not self.names_from_paths or not isinstance(schemas, dict):
            return {}
        names: dict[str, str] = {}
        for path, item in (self.data.get("paths") or {}).items() if isinstance(self.data.get("paths"), dict) else ():
            for method, op in item.items() if isinstance(item, dict) else ():
                operation_id = op.get("operationId") if method in openapi.METHODS and isinstance(op, dict) else None
                if not isinstance(operation_id, str) or "Body_" + operation_id not in schemas:
                    continue
                name = naming.snake(path_names.route_name(operation_id, str(path)) or operation_id)
                tags = op.get("tags") if isinstance(op.get("tags"), list) and op.get("tags") else ["default"]
                namespace = op.get("x-sdk-namespace")
                name = _less_group(name, str(namespace) if namespace else None, str(tags[0]))
                names["Body_" + operation_id] = naming.class_name(naming.pascal(name) + "Body")
        return names

    def component_class_name(self, hint: str) -> str:
        # Component names were claimed up front; reuse the claim instead of numbering it.
        return self.component_names.get(hint) or self.names.claim(naming.class_name(hint))

    def schema_type(self, schema: Any, pointer: str, hint: str, named: bool = False) -> ir.TypeRef:
        """The type of the schema at `pointer`; named ones become classes or aliases."""
        if not named and _plain(schema):  # what build_type would give, found at once
            fmt = schema.get("format")
            key = (schema["type"], fmt if isinstance(fmt, str) else None, bool(schema.get("nullable")))
            found = self.plain_types.get(key)
            if found is None:
                found = self.plain_types[key] = self.primitive(key[0], key[1], pointer).with_nullable(key[2])
            return found
        if isinstance(schema, dict) and "$ref" in schema and not isinstance(schema["$ref"], str):
            # (`$ref: null`, in openapi-generator's tests): names nothing, so constrains nothing
            self.warn(pointer + "/$ref", f"$ref is {json.dumps(schema['$ref'])}, not a reference; it is ignored", AMBIGUOUS)
            schema = {k: v for k, v in schema.items() if k != "$ref"}
        if isinstance(schema, dict) and "$ref" in schema:
            ref = schema["$ref"]
            target, target_ptr = self.resolve(schema, pointer)
            if target_ptr in self.types:
                found = self.cached_type(target_ptr, target)
            elif target_ptr.startswith("/components/schemas/") and target_ptr.count("/") == 3:
                name = unescape_pointer(target_ptr.rsplit("/", 1)[1])
                found = self.schema_type(target, target_ptr, name, named=True)
            else:
                found = self.schema_type(target, target_ptr, hint or ref.rsplit("/", 1)[-1])
            # `nullable: true` beside a $ref (1,045 times in 191 of the directory's 3.0
            # documents): OpenAPI 3.0 ignores siblings of a $ref, but the author says the
            # server sends null there, and the mock's validator lets it through
            return found.with_nullable(True) if not found.nullable and _declares_null(schema) else found
        if pointer in self.types:
            return self.cached_type(pointer, schema)
        if pointer in self.in_progress:
            # The schema reaches itself before it has a class to refer to (a union or a list
            # of itself, such as a JSON value): the inner occurrence is Any. Through a model
            # the cycle is kept (models are registered before their fields are read).
            return ir.TypeRef(ir.ANY)
        text = _inline_text(schema) if self.share_copies and not named else None
        if text is not None:
            first = self.first_like.get(text)
            if first is not None:
                self.types[pointer] = self.types[first]
                if first in self.nullable_at:
                    self.nullable_at.add(pointer)
                return self.cached_type(pointer, schema)
        self.in_progress.add(pointer)
        try:
            result = self.build_type(schema, pointer, hint, named)
        finally:
            self.in_progress.discard(pointer)
        if result.nullable:
            self.nullable_at.add(pointer)
        if text is not None and pointer in self.types:
            self.first_like[text] = pointer
        return result

    def cached_type(self, pointer: str, schema: Any) -> ir.TypeRef:
        """The type already built for the schema at `pointer`, None included where the schema
        allows null: every reference to a `nullable: true` schema is Optional, not only the
        first one read."""
        ref = self.types[pointer]
        if ref.nullable or not (pointer in self.nullable_at or _declares_null(schema)):
            return ref
        return ref.with_nullable(True)

    def build_type(self, schema: Any, pointer: str, hint: str, named: bool) -> ir.TypeRef:
        """The type of a schema that is not a reference (see schema_type)."""
        if schema is True or schema == {}:
            return ir.TypeRef(ir.ANY)
        if not isinstance(schema, dict):
            if schema is False:
                return ir.TypeRef(ir.NONE)
            self.warn(pointer, "schema is not an object; using Any")
            return ir.TypeRef(ir.ANY)

        nullable = bool(schema.get("nullable"))
        types = schema.get("type")
        beside = [key for key in _COMBINATORS if isinstance(schema.get(key), list) and schema[key]] \
            if types == "null" or types == _NULL_ONLY else None
        if beside:
            # `type: ['null']` beside an allOf, oneOf or anyOf: what a converter writes for
            # 3.0's `nullable: true` beside one (GitHub's repository-advisory.author, Vercel).
            # Read strictly it admits null alone, or nothing at all; read as the combination
            # or null it accepts every value the strict reading does, and what is sent.
            self.warn(pointer + "/type", f"type null beside {' and '.join(beside)} admits null alone; "
                      f"read as nullable: the {'/'.join(beside)} or null", AMBIGUOUS)
            schema = {key: value for key, value in schema.items() if key != "type"}
            nullable, types = True, None
        if isinstance(types, list):
            nullable = nullable or "null" in types
            types = [t for t in types if t != "null"]
            if len(types) == 1:
                types = types[0]
            elif not types:
                return ir.TypeRef(ir.NONE)

        if "const" in schema:
            const = schema["const"]
            if isinstance(const, (str, int)) and not isinstance(const, float):
                return ir.TypeRef(ir.LITERAL, value=const, nullable=nullable)
            if const is None:
                return ir.TypeRef(ir.NONE)
            # a Literal cannot hold a float, an object or a list: the value's plain type
            return self.build_type({k: v for k, v in schema.items() if k != "const"}, pointer, hint, named)
        if isinstance(schema.get("enum"), list) and schema["enum"] and _enum_of_items(schema, types):
            self.warn(pointer + "/enum", "an enum of single values beside a list's items admits no list; "
                      "read as the values its items take", AMBIGUOUS)
            # in the document itself, as stand-ins for missing schemas are: the fixtures,
            # the mock, the tools and the command line read it after the parse
            enum, items = schema.pop("enum"), schema["items"]
            if "$ref" not in items and "enum" not in items:
                items["enum"] = enum
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return self.enum_type(schema, pointer, hint, named, nullable)
        if "allOf" in schema and isinstance(schema["allOf"], list):
            parts = schema["allOf"]
            disjoint = openapi.all_of_without_common_type(self.resolver, schema)
            if disjoint:
                kinds = " and ".join(" or ".join(sorted(types)) for types in disjoint)
                self.warn(pointer + "/allOf", f"allOf of {kinds} admits no value (no value is of all these types)", AMBIGUOUS)
            extra = {k for k in schema if k not in _ANNOTATIONS and k != "allOf" and not k.startswith("x-")}
            # Members that only annotate (a description beside a $ref, AWS's style) do not type.
            typing = [(i, part) for i, part in enumerate(parts) if not _annotation_only(part)]
            nullable = nullable or any(isinstance(part, dict) and part.get("nullable") is True for part in parts)
            objects = [self.resolver.describes_object(part) for _, part in typing]
            single = len(typing) == 1 and not extra and not (named and objects[0])
            # Members that each constrain one string, number or list (`allOf: [{$ref: ResourceId},
            # {type: string}]`) make no object: the value has the type of a member, the first
            # that names one ($ref) if any.
            scalar = bool(typing) and not any(objects) and not extra & _SHAPING and not self.resolver.describes_object({k: schema[k] for k in extra})
            if single or scalar:
                index, part = next(((i, p) for i, p in typing if isinstance(p, dict) and "$ref" in p), typing[0])
                inner = self.schema_type(part, f"{pointer}/allOf/{index}", hint)
                inner = inner.with_nullable(nullable or inner.nullable)
                return self.named_alias(inner, schema, pointer, hint) if named and inner.kind != ir.ANY else inner
            return self.model_type(schema, pointer, hint, named, nullable)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                if "properties" in schema:
                    self.warn(pointer, f"{key} beside properties: the properties are used, the {key} ignored", AMBIGUOUS)
                    return self.model_type(schema, pointer, hint, named, nullable)
                return self.union_type(schema, key, pointer, hint, named, nullable)
        if isinstance(types, list):
            variants = tuple(self.build_type({**schema, "type": t}, pointer, hint, False) for t in types)
            return ir.TypeRef(ir.UNION, variants=variants, nullable=nullable)
        if (schema.get("format") == "file" or types == "file") and types in ("object", "string", "file", None) \
                and "properties" not in schema:
            # Swagger 2.0's `type: file`, as converters write it in 3.x (`type: object, format: file`)
            return ir.TypeRef(ir.PRIMITIVE, "bytes", nullable=nullable)
        if "properties" in schema and isinstance(types, str) and types != "object":
            # the type wins (as a validator reads the schema): properties constrain objects only
            self.warn(pointer + "/properties", f"properties beside type {types!r} constrain nothing; they are ignored", AMBIGUOUS)
            schema = {k: v for k, v in schema.items() if k not in ("properties", "required", "additionalProperties")}
        if types == "object" or "properties" in schema:
            return self.model_type(schema, pointer, hint, named, nullable)
        if "items" in schema and isinstance(types, str) and types != "array":
            # the type wins here too (flat.io: `type: integer` beside items, a count)
            self.warn(pointer + "/items", f"items beside type {types!r} constrain nothing; they are ignored", AMBIGUOUS)
            schema = {k: v for k, v in schema.items() if k not in ("items", "minItems", "maxItems", "uniqueItems")}
        if types == "array" or "items" in schema:
            items = schema.get("items")
            if isinstance(items, list):  # tuple form
                item_type = ir.TypeRef(ir.ANY)
            else:
                item_type = self.schema_type(items if items is not None else {}, pointer + "/items", hint + "Item")
            result = ir.TypeRef(ir.LIST, item=item_type, nullable=nullable)
            return self.named_alias(result, schema, pointer, hint) if named else result
        primitive = self.primitive(types, schema.get("format"), pointer)
        result = primitive.with_nullable(nullable)
        if named and primitive.kind != ir.ANY:
            return self.named_alias(result, schema, pointer, hint)
        return result

    def primitive(self, type_name: Any, fmt: Any, pointer: str) -> ir.TypeRef:
        if type_name == "string":
            if fmt == "date-time":
                return ir.TypeRef(ir.PRIMITIVE, "datetime")
            if fmt == "date":
                return ir.TypeRef(ir.PRIMITIVE, "date")
            if fmt == "binary":
                return ir.TypeRef(ir.PRIMITIVE, "bytes")
            return ir.TypeRef(ir.PRIMITIVE, "str")
        if type_name == "integer":
            return ir.TypeRef(ir.PRIMITIVE, "int")
        if type_name == "number":
            return ir.TypeRef(ir.PRIMITIVE, "float")
        if type_name == "boolean":
            return ir.TypeRef(ir.PRIMITIVE, "bool")
        if type_name == "null":
            return ir.TypeRef(ir.NONE)
        if type_name not in (None, "object", "array"):
            self.warn(pointer, f"unknown type {type_name!r}; using Any")
        return ir.TypeRef(ir.ANY)

    def named_alias(self, result: ir.TypeRef, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        name = self.component_class_name(hint)
        ref = ir.TypeRef(ir.ALIAS, name, nullable=result.nullable)
        self.types[pointer] = ref
        self.aliases.append(ir.Alias(name, pointer, result.with_nullable(False), markdown(str(schema.get("description") or ""))))
        self.alias_named[name] = self.aliases[-1]
        return ref

    def enum_type(self, schema: dict[str, Any], pointer: str, hint: str, named: bool, nullable: bool) -> ir.TypeRef:
        read = validator().enum_values(schema)  # as the mock reads it too
        if read != schema["enum"]:
            self.warn(pointer + "/enum", f"enum values are strings beside type {schema.get('type')}: read as the "
                      "numbers they spell, which is what the type says the server sends", AMBIGUOUS)
        values = [v for v in read if v is not None]
        nullable = nullable or len(values) != len(schema["enum"])
        if not values:
            return ir.TypeRef(ir.NONE)
        plain = {k: v for k, v in schema.items() if k != "enum"}
        if not all(isinstance(v, (str, int, float)) for v in values):  # bool is an int
            self.warn(pointer + "/enum", "enum values that are objects or lists cannot be typed; using the schema without its enum")
            return self.build_type(plain, pointer, hint, named).with_nullable(nullable)
        if all(isinstance(v, str) for v in values):
            value_type = "str"
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            value_type = "int"
        else:
            # a mix: literals where Python allows them (str, int, bool), float for the rest
            variants: list[ir.TypeRef] = []
            for v in dict.fromkeys(values):
                t = ir.TypeRef(ir.PRIMITIVE, "float") if isinstance(v, float) else ir.TypeRef(ir.LITERAL, value=v)
                if t not in variants:
                    variants.append(t)
            return ir.TypeRef(ir.UNION, variants=tuple(variants), nullable=nullable) if len(variants) > 1 else variants[0].with_nullable(nullable)
        name = self.component_class_name(hint) if named else self.names.claim(naming.class_name(hint))
        ref = ir.TypeRef(ir.ENUM, name)
        self.types[pointer] = ref
        members: list[ir.EnumMember] = []
        member_names = naming.UniqueNames()
        for value in dict.fromkeys(values):  # drop duplicates, keep order
            members.append(ir.EnumMember(member_names.claim(naming.enum_member(value)), value))
        self.enums.append(ir.Enum(name, pointer, value_type, members, markdown(str(schema.get("description") or ""))))
        self.enum_named[name] = self.enums[-1]
        return ref.with_nullable(nullable)

    def object_view(self, schema: dict[str, Any], pointer: str) -> tuple[dict[str, tuple[Any, str]], list[str], Any]:
        """Properties (schema, pointer), required names and additionalProperties, with allOf merged."""
        view = openapi.object_view(self.resolver, schema, pointer)
        for key, where in view.conflicts:
            self.warn(where, f"allOf redefines property {key!r}; the later definition wins", AMBIGUOUS)
        if view.too_deep:
            self.warn(pointer, "allOf nests too deeply; stopped merging")
        return view.properties, view.required, view.additional

    def model_type(self, schema: dict[str, Any], pointer: str, hint: str, named: bool, nullable: bool) -> ir.TypeRef:
        properties, required, additional = self.object_view(schema, pointer)
        values = None if properties else _map_values(schema, additional, pointer)
        if not properties and not named:
            if values is None:
                return ir.TypeRef(ir.MAP, item=ir.TypeRef(ir.ANY), nullable=nullable)
            value_type = self.schema_type(values[0], values[1], hint + "Value")
            return ir.TypeRef(ir.MAP, item=value_type, nullable=nullable)
        if values is not None:
            # A named map (`APIs: {additionalProperties: {$ref: API}}`) is an alias of a dict,
            # as a named list is of a list: a class with no fields would leave its values
            # untyped, raw dicts among its extras.
            value_type = self.schema_type(values[0], values[1], self.component_class_name(hint) + "Value")
            return self.named_alias(ir.TypeRef(ir.MAP, item=value_type, nullable=nullable), schema, pointer, hint)
        name = self.component_class_name(hint) if named else self.names.claim(naming.class_name(hint))
        ref = ir.TypeRef(ir.MODEL, name)
        self.types[pointer] = ref
        model = ir.Model(name=name, pointer=pointer, description=markdown(str(schema.get("description") or schema.get("title") or "")))
        self.models.append(model)
        self.model_named[name] = model
        field_names = naming.UniqueNames(naming.MODEL_RESERVED | naming.MODULE_RESERVED)
        # a property whose name is already its attribute's keeps it, before any other is
        # made into that name: the models populate fields by name too, so OpenSearch's
        # `_nodes` named `nodes` beside its `nodes` took the other's value
        kept = {wire: field_names.claim(wire) for wire in properties
                if naming.attribute_name(wire, _FIELD_RESERVED) == wire and wire not in field_names}
        for wire, (prop, prop_ptr) in properties.items():
            resolved, _ = self.resolve(prop, prop_ptr) if isinstance(prop, dict) else (prop, prop_ptr)
            prop_type = self.schema_type(prop, prop_ptr, name + naming.pascal(wire))
            info = resolved if isinstance(resolved, dict) else {}
            own = prop if isinstance(prop, dict) else {}
            has_default = "default" in own or "default" in info
            default = own.get("default", info.get("default"))
            if not isinstance(default, _DEFAULT_VALUE_TYPES):
                has_default = False
            if prop_type.kind == ir.LITERAL and not has_default and wire in required:
                has_default, default = True, prop_type.value
            model.fields.append(
                ir.Field(
                    name=kept[wire] if wire in kept else field_names.claim(naming.attribute_name(wire, _FIELD_RESERVED)),
                    wire_name=wire,
                    type=prop_type,
                    required=wire in required,
                    description=markdown(str(own.get("description") or info.get("description") or "")),
                    has_default=has_default,
                    default=default,
                    read_only=bool(own.get("readOnly") or info.get("readOnly")),
                    write_only=bool(own.get("writeOnly") or info.get("writeOnly")),
                    deprecated=bool(own.get("deprecated") or info.get("deprecated")),
                )
            )
        if additional is False:
            model.closed = True
        elif isinstance(additional, dict) and additional:
            model.additional = self.schema_type(additional, pointer + "/additionalProperties", name + "Value")
        return ref.with_nullable(nullable)

    def union_type(self, schema: dict[str, Any], key: str, pointer: str, hint: str, named: bool, nullable: bool) -> ir.TypeRef:
        variants: list[ir.UnionVariant] = []
        members = schema[key]
        for index, member in enumerate(members):
            resolved, _ = self.resolve(member, f"{pointer}/{key}/{index}")
            if isinstance(resolved, dict) and (resolved.get("type") == "null" or resolved.get("enum") == [None]):
                nullable = True
                continue
            variant_hint = hint + (naming.pascal(str(resolved.get("title"))) if isinstance(resolved, dict) and resolved.get("title") else f"Variant{index + 1}")
            variant = self.schema_type(member, f"{pointer}/{key}/{index}", variant_hint)
            nullable = nullable or variant.nullable
            variants.append(ir.UnionVariant(variant.with_nullable(False)))
        unique: list[ir.UnionVariant] = []
        for candidate in variants:
            if all(candidate.type != seen.type for seen in unique):
                unique.append(candidate)
        if not unique:
            return ir.TypeRef(ir.NONE)
        if len(unique) == 1 and not named:
            return unique[0].type.with_nullable(nullable)
        discriminator = schema.get("discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if isinstance(discriminator, dict) and isinstance(prop, str) and prop:
            tags = self.discriminator_tags(discriminator, unique, prop, pointer)
            if tags is None:
                prop = None
            else:
                for member, tag in zip(unique, tags, strict=False):
                    member.tag = tag
        else:
            prop = None
        union = ir.TypeRef(ir.UNION, variants=tuple(v.type for v in unique))
        if not named and not prop:
            return union.with_nullable(nullable)
        name = self.component_class_name(hint) if named else self.names.claim(naming.class_name(hint))
        ref = ir.TypeRef(ir.ALIAS, name)
        self.types[pointer] = ref
        self.aliases.append(
            ir.Alias(
                name=name,
                pointer=pointer,
                type=union,
                description=markdown(str(schema.get("description") or "")),
                discriminator=prop,
                variants=unique,
                fallback="UnknownVariant" if prop else None,
            )
        )
        self.alias_named[name] = self.aliases[-1]
        return ref.with_nullable(nullable)

    def discriminator_tags(self, discriminator: dict[str, Any], variants: list[ir.UnionVariant], prop: str, pointer: str) -> list[str] | None:
        """The discriminator value of each variant, or None when they cannot all be known."""
        by_model: dict[str, str] = {}
        for value, target in (discriminator.get("mapping") or {}).items():
            if isinstance(target, str):
                ref = target if target.startswith("#") else "#/components/schemas/" + target
                try:
                    _, target_ptr = self.resolver.resolve({"$ref": ref}, pointer + "/discriminator")
                except openapi.UnresolvedRef as exc:  # the value is then told as if unmapped
                    self.warn(pointer + "/discriminator/mapping", f"mapping of {value!r}: {exc}; the entry is ignored", AMBIGUOUS)
                    continue
                typ = self.types.get(target_ptr)
                if typ is not None:
                    by_model.setdefault(typ.name, str(value))
        tags: list[str] = []
        for variant in variants:
            if variant.type.kind != ir.MODEL:
                self.warn(pointer, f"discriminated union member {variant.type.name or variant.type.kind} is not an object; treated as a plain union", AMBIGUOUS)
                return None
            model = self.model_named[variant.type.name]
            tag = by_model.get(model.name)
            if tag is None:
                literal = next((f.type.value for f in model.fields if f.wire_name == prop and f.type.kind == ir.LITERAL), None)
                enum_field = next((f for f in model.fields if f.wire_name == prop and f.type.kind == ir.ENUM), None)
                if literal is not None:
                    tag = str(literal)
                elif enum_field is not None:
                    enum = self.enum_named[enum_field.type.name]
                    tag = str(enum.members[0].value) if len(enum.members) == 1 else None
                if tag is None:
                    tag = model.pointer.rsplit("/", 1)[-1] if model.pointer.startswith("/components/schemas/") else None
            if tag is None or tag in tags:
                self.warn(pointer, f"cannot tell the {prop!r} value of {model.name}; treated as a plain union", AMBIGUOUS)
                return None
            tags.append(tag)
            model.discriminator_values[prop] = tag
        return tags

    # -- operations ------------------------------------------------------

    def server(self, server: dict[str, Any], index: int) -> ir.Server:
        """A server, its address the URL with each variable's default in its place
        (`https://{region}.example.com` -> `https://eu.example.com`): 383 of the
        directory's 2,639 documents write their first server so."""
        address, variables, missing = server_address(server)
        if missing and index == 0:  # (the validator reports the others: a default is required)
            self.warn(f"/servers/{index}/url", f"server variable {missing[0]!r} has no default that makes a host; unless another "
                      "server has a host, the client has no default address and wants base_url", AMBIGUOUS)
        return ir.Server(str(server["url"]), markdown(str(server.get("description") or "")), self.server_aliases(server, index),
                         address, variables)

    def operation_server(self, op: dict[str, Any], item: dict[str, Any], op_ptr: str, item_ptr: str) -> str:
        """The address an operation is served from where its own `servers` (or its path
        item's) name another than the document's first (GitHub's release assets at
        uploads.github.com, Stripe's files at files.stripe.com); "" where they do not,
        or name nothing a client can call."""
        where, servers = (op_ptr, op.get("servers")) if op.get("servers") else (item_ptr, item.get("servers"))
        if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict) \
                or not isinstance(servers[0].get("url"), str):
            return ""
        if self.document_address is None:
            first = (self.data.get("servers") or [None])[0]
            self.document_address = server_address(first)[0].rstrip("/") if isinstance(first, dict) and isinstance(first.get("url"), str) else ""
        address = server_address(servers[0])[0].rstrip("/")
        if address == self.document_address or not address:
            return ""
        if "{" in address or not address.startswith(("https://", "http://")):
            self.warn(f"{where}/servers/0/url", f"server {address!r} is not an address a client can call; this "
                      "operation's requests go to the client's address", AMBIGUOUS)
            return ""
        if address.startswith("http://") and self.document_address.startswith("https://"):
            self.warn(f"{where}/servers/0/url", f"server {address!r} is plain http where the API's is https; this "
                      "operation's requests go to the client's address, not to send the API key unencrypted", AMBIGUOUS)
            return ""
        return address + "/"

    def server_aliases(self, server: dict[str, Any], index: int) -> list[str]:
        """A server's `x-aliases`: absolute http(s) URLs, normalised; others are warned about."""
        aliases = server.get("x-aliases")
        if aliases is None:
            return []
        where = f"/servers/{index}/x-aliases"
        if not isinstance(aliases, list):
            self.warn(where, "x-aliases must be a list of URLs; ignored", EXTENSION)
            return []
        kept: list[str] = []
        for n, alias in enumerate(aliases):
            if isinstance(alias, str) and ALIAS_URL.fullmatch(alias):
                kept.append(alias.rstrip("/").lower())
            else:
                self.warn(f"{where}/{n}", f"{str(alias)[:60]!r} is not an http(s) URL; ignored", EXTENSION)
        return kept

    def client_path_parameters(self) -> list[tuple[str, str, str]]:
        """(wire name, the client's keyword, description) of each path parameter AutoRest
        makes a client setting: one under components/parameters marked
        `x-ms-parameter-location: client` (or Azure's subscriptionId, where that is left
        out, as it is by default) that some path uses. Azure Resource Manager's
        subscriptionId is one in 294 directory documents: given once to the client, not
        to every call."""
        found: list[tuple[str, str, str]] = []
        components = self.data.get("components")
        declared = components.get("parameters") if isinstance(components, dict) else None
        paths = self.data.get("paths")
        used = " ".join(str(path) for path in paths) if isinstance(paths, dict) else ""
        taken = {"api_key", "base_url", "host", "timeout", "max_retries", "default_headers", "http_client",
                 "strict_response_validation", "max_concurrent_jobs"}
        for param in (declared.values() if isinstance(declared, dict) else ()):
            if not isinstance(param, dict) or param.get("in") != "path" or not isinstance(param.get("name"), str):
                continue
            wire = param["name"]
            where = param.get("x-ms-parameter-location", "client" if wire == "subscriptionId" else None)
            if where != "client" or "{" + wire + "}" not in used or not _ENV_NAME.fullmatch(naming.constant(wire)):
                continue
            argument = naming.attribute_name(wire, naming.ARGUMENT_RESERVED)
            if argument in taken or not argument.isidentifier() or keyword.iskeyword(argument):
                continue
            taken.add(argument)
            found.append((wire, argument, " ".join(markdown(str(param.get("description") or "")).split())))
        return found

    def setting(self, ext: dict[str, Any], key: str, pattern: re.Pattern[str], default: str) -> str:
        """An x-sdk name that generated code and files embed: it must match `pattern`
        (spec text never reaches code unchecked); else a warning and the default."""
        value = ext.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, str) and pattern.fullmatch(value):
            return value
        self.warn(f"/x-sdk/{key}", f"x-sdk {key} {str(value)[:60]!r} is not a valid name; using {default!r}", EXTENSION)
        return default

    def sdk_settings(self) -> ir.SdkSettings:
        given = self.data.get("info")
        info: dict[str, Any] = given if isinstance(given, dict) else {}
        found = self.data.get("x-sdk")
        ext: dict[str, Any] = found if isinstance(found, dict) else {}
        title = api_title(info)
        base = naming.pascal(re.sub(r"(?i)\b(api|openapi|rest)\b", " ", title)) or "Api"
        package = (
            (naming.snake(self.package_name) if self.package_name else "")
            or self.setting(ext, "package-name", _PACKAGE_NAME, "")
            or naming.snake(re.sub(r"(?i)\bopenapi\b", " ", title))
        )
        package = naming.safe(package if not package[:1].isdigit() else "api_" + package, naming.TAKEN_MODULES, avoid_builtins=True)
        prefix = naming.constant(package).removesuffix("_API") or naming.constant(package)  # NOTION_API_KEY, not NOTION_API_API_KEY
        path_defaults: dict[str, str] = {}
        path_default_descriptions: dict[str, str] = {}
        defaults = ext.get("path-defaults")
        for wire, spec in (defaults.items() if isinstance(defaults, dict) else ()):
            if not isinstance(spec, dict) or not spec.get("env"):
                continue
            where = "/x-sdk/path-defaults/" + escape_pointer(str(wire))
            if not str(wire).isidentifier() or keyword.iskeyword(str(wire)) or not _ENV_NAME.fullmatch(str(spec["env"])):
                self.warn(where, "a path default needs a parameter name that is an identifier and an environment variable name; ignored", EXTENSION)
                continue
            path_defaults[str(wire)] = str(spec["env"])
            path_default_descriptions[str(wire)] = markdown(str(spec.get("description") or ""))
        path_default_arguments: dict[str, str] = {}
        if defaults is None:
            for wire, argument, description in self.client_path_parameters():
                path_defaults[wire] = f"{prefix}_{naming.constant(argument)}"
                path_default_descriptions[wire] = description
                path_default_arguments[wire] = argument
        scheme_name, auth_scheme, auth_header = self.auth()
        signing = auth_scheme == "aws-sigv4"
        # (AWS's own names for the access key ID and the rest, which its tools all read)
        api_key_env = self.setting(ext, "api-key-env", _ENV_NAME, "AWS_ACCESS_KEY_ID" if signing else f"{prefix}_API_KEY")
        base_url_env = self.setting(ext, "base-url-env", _ENV_NAME, f"{prefix}_BASE_URL")
        log_env = self.setting(ext, "log-env", _ENV_NAME, f"{prefix}_LOG")
        settings_names = {"api_key", "base_url", "host", "timeout", "max_retries", "default_headers", "http_client",
                          "strict_response_validation", "max_concurrent_jobs", *path_defaults,
                          *path_default_arguments.values()}
        settings_envs = {api_key_env, base_url_env, log_env, *path_defaults.values(),
                         *(f"{prefix}_{suffix}" for suffix in ("TIMEOUT", "MAX_RETRIES", "DEFAULT_HEADERS", "STRICT_RESPONSE_VALIDATION"))}
        client_name = ext.get("client-name") or naming.class_name(base + "Client" if base in ("Client",) else base)
        if naming.class_name(str(client_name)) + "Error" in naming.RUNTIME_ERROR_NAMES:
            # `<Client>Error`, the package's base error, would be one of the runtime's
            # errors (an API titled "Configuration": ConfigurationError)
            if ext.get("client-name"):
                self.warn("/x-sdk/client-name", f"{client_name}Error is one of the client's errors: "
                          f"the client is named {client_name}Client", EXTENSION)
            client_name = f"{naming.class_name(str(client_name))}Client"
        dist_default = package.replace("_", "-")
        sdk = ir.SdkSettings(
            client_name=naming.class_name(str(client_name)),
            package_name=package,
            distribution_name=self.setting(ext, "distribution-name", _DIST_NAME, dist_default),
            cli_name=self.setting(ext, "cli-name", _DIST_NAME, dist_default),
            api_key_env=api_key_env,
            base_url_env=base_url_env,
            log_env=log_env,
            path_defaults=path_defaults,
            path_default_descriptions=path_default_descriptions,
            path_default_arguments=path_default_arguments,
            auth_scheme=auth_scheme,
            auth_header=auth_header,
            security_scheme=scheme_name,
            credentials=(companions := self.credentials(scheme_name, prefix, settings_names, settings_envs)),
        )
        if signing:
            sdk.aws_signing = self.aws_signing(info)
            companions[:0] = aws_credentials(scheme_name or "", settings_names, settings_envs)
        self.ways(sdk, companions, prefix, settings_names, settings_envs)
        return sdk

    def aws_signing(self, info: dict[str, Any]) -> tuple[str, str]:
        """The service and the default region AWS's requests are signed for: the document's
        `x-aws-signingName`, else its AWS host's endpoint prefix (`elasticloadbalancing`
        where APIs.guru's `x-serviceName` says `elasticloadbalancingv2`), else that name,
        else API Gateway's `execute-api` (an API it serves, on a domain of its own); and
        the region its first server's `region` variable defaults to, or its host names."""
        servers = self.data.get("servers")
        first = servers[0] if isinstance(servers, list) and servers and isinstance(servers[0], dict) else {}
        url = str(first.get("url") or "")
        variables: dict[str, Any] = first["variables"] if isinstance(first.get("variables"), dict) else {}
        region: dict[str, Any] = variables["region"] if isinstance(variables.get("region"), dict) else {}
        host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0]
        named = re.search(r"\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com", host)
        default_region = str(region.get("default") or (named.group(1) if named else "") or "us-east-1")
        prefix = host.split(".", 1)[0]
        on_aws = re.fullmatch(r"[a-z0-9-]+", prefix) and re.search(r"\.amazonaws\.com(\.cn)?$", host)
        service = str(info.get("x-aws-signingName") or (
            "execute-api" if ".execute-api." in host else prefix if on_aws else info.get("x-serviceName") or "execute-api"))
        return service, default_region

    def auth(self) -> tuple[str | None, str, str]:
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        order = [name for req in self.data.get("security") or [] if isinstance(req, dict) for name in req]
        order += [name for name in schemes if name not in order]
        for name in order:
            found = self.scheme_use(name, warn=True)
            if found is not None:
                return name, *found
        return None, "none", ""

    def scheme_use(self, name: str, warn: bool = False) -> tuple[str, str] | None:
        """How the client sends the security scheme `name`: (bearer, basic, header, query
        or cookie; the header, parameter or cookie name), or None where it cannot."""
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        scheme, _ = self.resolve(schemes.get(name), f"/components/securitySchemes/{escape_pointer(name)}") if name in schemes else (None, "")
        if not isinstance(scheme, dict):
            return None
        kind = scheme.get("type")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            return "bearer", "Authorization"
        if kind in ("oauth2", "openIdConnect"):
            return "bearer", "Authorization"
        if kind == "apiKey" and scheme.get("in") == "header" and \
                str(scheme.get("x-amazon-apigateway-authtype", "")).lower() in ("awssigv4", "awss3"):
            # a signature of each request, not a key (S3's "awsS3" takes Signature Version 4 too)
            return "aws-sigv4", "Authorization"
        if warn and kind == "apiKey" and str(scheme.get("x-amazon-apigateway-authtype", "")).lower() == "awssigv2":
            self.warn(f"/components/securitySchemes/{escape_pointer(name)}/x-amazon-apigateway-authtype",
                      "AWS Signature Version 2 (SimpleDB's): the client does not sign requests so, and sends the key "
                      "as it is, which AWS refuses; sign them in an httpx auth given as http_client", UNSUPPORTED)
        if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
            where, key = str(scheme["in"]), str(scheme.get("name") or "Authorization")
            if where != "query" and not _HTTP_TOKEN.fullmatch(key):
                # no client can send it (rapidapi's "ADVICEment API Key"): the scheme's own
                # name, when it is one, is what the document most likely means
                pointer = f"/components/securitySchemes/{escape_pointer(name)}/name"
                if not _HTTP_TOKEN.fullmatch(name):
                    if warn:
                        self.warn(pointer, f"{key!r} is not an HTTP {where} name (no spaces or separators); this scheme is not used")
                    return None
                if warn:
                    self.warn(pointer, f"{key!r} is not an HTTP {where} name (no spaces or separators); the key goes in {name!r}, the scheme's name")
                key = name
            return where, key
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return "basic", "Authorization"
        return None

    def credentials(self, primary: str | None, prefix: str, taken_names: set[str], taken_envs: set[str]) -> list[ir.Credential]:
        """The schemes the API key's security requirement wants beside it, sent together
        with it (Neutrino's `user-id` header beside `api-key`, Plaid's client id and secret;
        two or more API keys in 230 of the directory's documents): each a setting of the
        client, read from its own environment variable like the key. The requirement is
        the first that names the key's scheme, the document's own before an operation's."""
        if primary is None:
            return []
        requirements = list(self.data.get("security") or [])
        for item in (self.data.get("paths") or {}).values():
            for op in (item.values() if isinstance(item, dict) else ()):
                if isinstance(op, dict) and isinstance(op.get("security"), list):
                    requirements += op["security"]
        requirement = next((r for r in requirements if isinstance(r, dict) and primary in r), {})
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        names = naming.UniqueNames(naming.ARGUMENT_RESERVED | taken_names)
        found: list[ir.Credential] = []

        def slot(use: tuple[str, str] | None) -> tuple[str, str]:
            """Where a scheme goes: a bearer token, a basic pair and an API key in the
            Authorization header all take the same header (Azure's container registry
            names a basic scheme and an API key there together)."""
            where, name = use or ("", "")
            return ("query", name) if where == "query" else ("cookie", name) if where == "cookie" else ("header", name.lower())

        used = {slot(self.scheme_use(primary))}
        for scheme_name in requirement:
            use = self.scheme_use(str(scheme_name)) if scheme_name != primary else None
            if use is None or use[0] in ("basic", "aws-sigv4") or slot(use) in used:
                continue  # (the key itself, one no client can send, or a place already taken)
            used.add(slot(use))
            env = f"{prefix}_{naming.constant(str(scheme_name))}"
            while env in taken_envs:
                env += "_CREDENTIAL"
            taken_envs.add(env)
            scheme = schemes.get(scheme_name)
            found.append(ir.Credential(
                name=names.claim(naming.attribute_name(str(scheme_name), naming.ARGUMENT_RESERVED)),
                env=env, location=use[0], wire=use[1], scheme=str(scheme_name),
                description=markdown(str(scheme.get("description") or "")) if isinstance(scheme, dict) else ""))
        return found

    def ways(self, sdk: ir.SdkSettings, companions: list[ir.Credential], prefix: str, taken_names: set[str],
             taken_envs: set[str]) -> None:
        """The other ways of authenticating that the document's security requirements offer
        (Adyen's basic credentials instead of its API key, Shutterstock's OAuth token for a
        user's operations: in 137 of the directory's documents the client had no setting for
        one): each of their schemes a setting of its own, optional (sdk.credentials, marked
        `alternative`), and every requirement as the settings it wants (sdk.ways, the
        document's own first; sdk.security, the document's own). Nothing of this where
        every requirement wants the key and what goes with it: those clients send them
        on every request, as before."""
        primary = sdk.security_scheme
        if primary is None:
            return
        key_way = ["api_key", *(c.name for c in companions if not c.alternative)]
        setting_at: dict[tuple[str, str], str] = {_slot(self.scheme_use(primary)): "api_key"}
        for c in companions:
            setting_at.setdefault(_slot(self.scheme_use(c.scheme)), c.name)
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        names = naming.UniqueNames(naming.ARGUMENT_RESERVED | taken_names | {c.name for c in companions})
        taken_envs |= {c.env for c in companions}
        alternatives: list[ir.Credential] = []

        def way(requirement: dict[str, Any], pointer: str) -> list[str] | None:
            """The settings a requirement wants; None where a client cannot meet it (a
            scheme it cannot send, two that go to one place, or none at all: `{}` asks
            for nothing)."""
            # the key's way, with whatever else the requirement names (Appwrite's
            # {JWT, Key, Project}: the key was sent without Key, which Prism refused)
            settings: list[str] = list(key_way) if primary in requirement else []
            places: dict[tuple[str, str], tuple[str, tuple[str, str]]] = {}
            for scheme_name in map(str, requirement):
                use = self.scheme_use(scheme_name)
                if use is None or use[0] == "aws-sigv4" and scheme_name != primary:
                    return None  # (an AWS signature is made only where it is the key's scheme)
                slot = _slot(use)
                place = (use[0], use[1]) if use[0] in ("query", "cookie") else ("header", use[1].lower())
                other, other_slot = places.setdefault(place, (scheme_name, slot))
                if other_slot != slot:  # (basic credentials and a bearer token: one Authorization header;
                    # two OAuth flows together are one token)
                    self.warn(f"{pointer}/{escape_pointer(scheme_name)}",
                              f"{other!r} and {scheme_name!r} both go in the {place[1]!r} {place[0]}: no "
                              "request can carry both; the client sends its usual credentials instead")
                    return None
                if slot not in setting_at:
                    env = f"{prefix}_{naming.constant(scheme_name)}"
                    while env in taken_envs:
                        env += "_CREDENTIAL"
                    taken_envs.add(env)
                    scheme = schemes.get(scheme_name)
                    alternatives.append(ir.Credential(
                        name=names.claim(naming.attribute_name(scheme_name, naming.ARGUMENT_RESERVED)),
                        env=env, location=use[0], wire=use[1], scheme=scheme_name,
                        description=markdown(str(scheme.get("description") or "")) if isinstance(scheme, dict) else "",
                        alternative=True))
                    setting_at[slot] = alternatives[-1].name
                if setting_at[slot] not in settings:
                    settings.append(setting_at[slot])
            return settings or None

        def ways_of(security: Any, pointer: str) -> list[list[str]]:
            found: list[list[str]] = []
            for index, requirement in enumerate(security if isinstance(security, list) else ()):
                settings = way(requirement, f"{pointer}/{index}") if isinstance(requirement, dict) else None
                if settings is not None and not any(set(settings) == set(w) for w in found):
                    found.append(settings)  # ({a, b} and {b, a} are one way)
            return found

        document = ways_of(self.data.get("security"), "/security")
        # (the key's way is always one: a client given the key works as before)
        every = document + [key_way] if key_way not in document else list(document)
        own: dict[str, list[list[str]]] = {}
        for path, item in (self.data.get("paths") or {}).items():
            for method, op in (item.items() if isinstance(item, dict) else ()):
                if method in openapi.METHODS and isinstance(op, dict) and isinstance(op.get("security"), list):
                    pointer = f"/paths/{escape_pointer(str(path))}/{method}"
                    own[pointer] = ways = ways_of(op["security"], pointer + "/security")
                    every += [w for w in ways if not any(set(w) == set(e) for e in every)]
        flow = self.token_flow(primary, setting_at, names, prefix, taken_envs)
        if not alternatives and flow is None and all(not c.alternative for c in companions):
            return
        if flow is not None:
            sdk.token_flow, pair = flow
            alternatives += pair

            def twinned(ways: list[list[str]]) -> list[list[str]]:
                """Each way that sends the token, followed by the same with the client's ID
                and secret in the token's place (the client fetches the token with them)."""
                out: list[list[str]] = []
                for way in ways:
                    out.append(way)
                    if sdk.token_flow is not None and sdk.token_flow.setting in way:
                        out.append([n for name in way for n in ([c.name for c in pair] if name == sdk.token_flow.setting else [name])])
                return out

            every, document = twinned(every), twinned(document)
            own = {pointer: twinned(ways) for pointer, ways in own.items()}
        sdk.credentials = companions + alternatives
        sdk.ways, sdk.security = every, document
        self.operation_ways = {pointer: ways for pointer, ways in own.items() if ways and ways != document}

    def token_flow(self, primary: str, setting_at: dict[tuple[str, str], str], names: naming.UniqueNames,
                   prefix: str, taken_envs: set[str]) -> tuple[ir.TokenFlow, list[ir.Credential]] | None:
        """OAuth 2's client-credentials flow of the first scheme (the key's, then the others
        the requirements name) whose bearer token the client sends: the client's ID and
        secret become two settings, and the client fetches the token from the flow's
        tokenUrl (in 42 of the directory's documents; in 24 the only way to a token). Where
        a scheme has no such flow, its password flow, the user's name and password the two
        settings: FastAPI's OAuth2PasswordBearer (Airflow's, Mealie's, the full-stack
        template's), contribly's, PeerTube's."""
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        named = [primary, *(name for name in self.requirement_schemes() if name != primary)]
        for scheme_name in named:
            pointer = f"/components/securitySchemes/{escape_pointer(scheme_name)}"
            scheme, _ = self.resolve(schemes.get(scheme_name), pointer) if scheme_name in schemes else (None, "")
            flows = scheme.get("flows") if isinstance(scheme, dict) and scheme.get("type") == "oauth2" else None
            grant = next((g for g in ("clientCredentials", "password") if isinstance(flows, dict)
                          and isinstance(flows.get(g), dict)), "")
            setting = setting_at.get(_slot(self.scheme_use(scheme_name)))
            if not grant or setting is None:
                continue
            assert isinstance(flows, dict)
            url = flows[grant].get("tokenUrl")
            if not isinstance(url, str) or not _TOKEN_URL.fullmatch(url.strip()):
                self.warn(f"{pointer}/flows/{grant}/tokenUrl",
                          f"tokenUrl {str(url)[:60]!r} is not an http(s) URL; the client cannot fetch its token")
                continue
            pair: list[ir.Credential] = []
            kinds = (("client_id", "the OAuth 2 client ID"), ("client_secret", "the OAuth 2 client secret")) \
                if grant == "clientCredentials" else (("username", "the user's name"), ("password", "the user's password"))
            # (oauth_client_id where the API has a client_id of its own: nbg.gr's header)
            bare = all(kind not in names for kind, _ in kinds)
            for kind, what in kinds:
                name = kind if bare else "oauth_" + kind
                env = f"{prefix}_{naming.constant(name)}"
                while env in taken_envs:
                    env += "_CREDENTIAL"
                taken_envs.add(env)
                pair.append(ir.Credential(
                    name=names.claim(name), env=env, location="oauth_" + kind, wire="", scheme=scheme_name,
                    description=f"{what}, with which the client fetches its token", alternative=True))
            scopes: list[str] = []
            for requirement in self.requirements():
                named_scopes = requirement.get(scheme_name)
                for scope in named_scopes if isinstance(named_scopes, list) else ():
                    if isinstance(scope, str) and _SCOPE.fullmatch(scope) and scope not in scopes:
                        scopes.append(scope)
            return ir.TokenFlow(setting=setting, client_id=pair[0].name, client_secret=pair[1].name,
                                token_url=url.strip(), scopes=scopes, scheme=scheme_name,
                                grant="password" if grant == "password" else "client_credentials"), pair
        return None

    def requirements(self) -> list[dict[str, Any]]:
        """Every security requirement: the document's, then each operation's."""
        found = [r for r in self.data.get("security") or () if isinstance(r, dict)]
        for item in (self.data.get("paths") or {}).values():
            for method, op in (item.items() if isinstance(item, dict) else ()):
                if method in openapi.METHODS and isinstance(op, dict) and isinstance(op.get("security"), list):
                    found += [r for r in op["security"] if isinstance(r, dict)]
        return found

    def read_requirements_as_meant(self) -> None:
        """A security requirement that names a scheme the document does not define: where
        one scheme has that name but for its case (Zulip's `basicAuth` for its `BasicAuth`),
        it is read as that one, in the document itself (the client, the mock and the tools
        agree), with a warning; where none does, a warning that no client can meet it."""
        schemes = (self.data.get("components") or {}).get("securitySchemes")
        schemes = schemes if isinstance(schemes, dict) else {}
        by_case: dict[str, list[str]] = {}
        for name in schemes:
            by_case.setdefault(str(name).lower(), []).append(str(name))
        places = [("/security", self.data.get("security"))]
        for path, item in (self.data.get("paths") or {}).items() if isinstance(self.data.get("paths"), dict) else ():
            for method, op in item.items() if isinstance(item, dict) else ():
                if method in openapi.METHODS and isinstance(op, dict):
                    places.append((f"/paths/{escape_pointer(str(path))}/{method}/security", op.get("security")))
        for pointer, security in places:
            for index, requirement in enumerate(security if isinstance(security, list) else ()):
                if not isinstance(requirement, dict) or all(name in schemes for name in requirement):
                    continue
                meant: dict[str, str] = {}
                for name in [str(n) for n in requirement if n not in schemes]:
                    where = f"{pointer}/{index}/{escape_pointer(name)}"
                    alike = by_case.get(name.lower(), [])
                    if len(alike) == 1:
                        meant[name] = alike[0]
                        self.warn(where, f"security scheme {name!r} is not defined (names are case-sensitive); "
                                         f"{alike[0]!r} is read", AMBIGUOUS)
                    else:
                        self.warn(where, f"security scheme {name!r} is not defined in components.securitySchemes"
                                         f"{did_you_mean(name, schemes)}; no client can meet this requirement",
                                  AMBIGUOUS)
                if meant:
                    renamed = {meant.get(str(n), n): scopes for n, scopes in requirement.items()}
                    requirement.clear()
                    requirement.update(renamed)

    def requirement_schemes(self) -> list[str]:
        """The schemes the requirements name, in order, each once."""
        return list(dict.fromkeys(str(name) for requirement in self.requirements() for name in requirement))

    def parse_operations(self, sdk: ir.SdkSettings) -> list[ir.Operation]:
        operations: list[ir.Operation] = []
        seen_ids = naming.UniqueNames()
        for path, item in (self.data.get("paths") or {}).items():
            item_ptr = "/paths/" + escape_pointer(path)
            item, item_ptr = self.resolve(item, item_ptr)
            if not isinstance(item, dict):
                continue
            others = item.get("additionalOperations")
            if isinstance(others, dict) and others:
                self.warn(item_ptr + "/additionalOperations",
                          f"operations of methods OpenAPI 3.2 names no field for ({', '.join(map(str, others))}) are not "
                          "generated: the client has no method for them")
            for method in [m for m in item if m in openapi.METHODS]:
                op_ptr = f"{item_ptr}/{method}"
                op = item[method]
                if not isinstance(op, dict):
                    continue
                operation = self.operation(path, method, op, item, op_ptr, item_ptr, sdk)
                unique_id = seen_ids.claim(operation.operation_id)
                if unique_id != operation.operation_id:
                    self.warn(
                        op_ptr + "/operationId",
                        f"operationId {operation.operation_id!r} is used by an earlier operation too; "
                        f"this one is {unique_id!r} in the SDK",
                        NAMING,
                    )
                    operation.operation_id = unique_id
                operations.append(operation)
        return operations

    def operation(self, path: str, method: str, op: dict[str, Any], item: dict[str, Any], op_ptr: str, item_ptr: str, sdk: ir.SdkSettings) -> ir.Operation:
        operation_id = str(op.get("operationId") or naming.snake(f"{method} {path}"))
        tags = op.get("tags") or ["default"]
        self.untagged = self.untagged or not op.get("tags")
        self.tagged = self.tagged or bool(op.get("tags"))
        tag = str(tags[0])
        namespace = op.get("x-sdk-namespace")
        namespace = str(namespace) if namespace else None
        name = op.get("x-sdk-method")
        if name:
            self.method_given.add(op_ptr)
        else:
            if self.names_from_paths and (not op.get("operationId") or path_names.made_up(operation_id, method, path)):
                self.path_named.add(op_ptr)
            route = path_names.route_name(operation_id, path) if self.names_from_paths and op.get("operationId") else None
            if route is not None:
                self.route_named[op_ptr] = route
            name = _less_group(naming.snake(operation_id), namespace, tag)
        result = ir.Operation(
            operation_id=operation_id,
            method=method,
            path=path,
            tag=tag,
            namespace=namespace,
            name=naming.method_name(str(name)),
            pointer=op_ptr,
            summary=markdown(str(op.get("summary") or "")),
            description=markdown(str(op.get("description") or "")),
            deprecated=bool(op.get("deprecated")),
            idempotent=bool(op.get("x-idempotent")),
            server=self.operation_server(op, item, op_ptr, item_ptr),
        )
        hint = naming.pascal(operation_id)
        arg_names = naming.UniqueNames(naming.ARGUMENT_RESERVED)
        # Parameters: operation-level ones override path-level ones of the same name and place.
        site = openapi.OperationSite(path, method, op, op_ptr, item, item_ptr)
        try:
            params = openapi.parameters(self.resolver, site, skip_broken=False)
        except openapi.UnresolvedRef as exc:
            raise SpecError(str(exc), self.doc.locate(op_ptr), op_ptr, code=REF) from None
        ordered = sorted(params, key=lambda p: (0 if p[0]["in"] == "path" else 1, 0 if p[0].get("required") else 1))
        # Path parameters in the order they appear in the path.
        path_order = re.findall(r"\{([^}]+)\}", path)
        ordered.sort(key=lambda p: (path_order.index(p[0]["name"]) if p[0]["in"] == "path" and p[0]["name"] in path_order else len(path_order)) if p[0]["in"] == "path" else len(path_order) + 1)
        for param, param_ptr in ordered:
            location = str(param["in"])
            wire = str(param["name"])
            if location not in ("path", "query", "header", "cookie"):
                self.warn(param_ptr + "/in", f"a parameter in {location!r} is not sent"
                          + (" (OpenAPI 3.2's whole query string): pass it as extra_query" if location == "querystring" else ""))
                continue
            if location == "path" and wire not in path_order:
                # a method argument no request could carry would drop what the caller gives
                self.warn(param_ptr, f"path parameter {wire!r} does not appear in {path}; it is left out", AMBIGUOUS)
                continue
            if location == "header" and sdk.aws_signing and wire.lower() in _AWS_SIGNATURE_HEADERS:
                continue  # (AWS's documents list the signature's headers on every operation: the client writes them)
            if location == "header" and wire.lower() in _credential_headers(sdk):
                # the header a security scheme's credential goes in, which the client writes
                # from its settings (envoice's, Apideck's, Open Banking's `Authorization`:
                # 443 operations of 24 directory documents made each call take the key again)
                continue
            if location == "query" and sdk.aws_signing and "#X-Amz-Target=" in path \
                    and wire in self.aws_body_fields(op, op_ptr):
                # AWS's JSON operations read their body alone: the converter's copy of a
                # paging field as a query parameter (`Limit`, "Pagination limit") was the
                # argument `limit`, ignored by AWS, beside `limit2`, the body's
                continue
            if location == "query" and sdk.aws_signing and param.get("description") in _AWS_PAGING_COPIES \
                    and self.aws_copied(wire, op, op_ptr, [other for other, _ in ordered if other is not param]):
                # the same converter's copy beside a REST operation's own parameter or body
                # field of that name in another case (`NextToken` beside `nextToken`, which
                # AWS reads): `next_token` beside `next_token2`, the one that pages
                continue
            schema = param.get("schema")
            style = str(param.get("style") or ("simple" if location in ("path", "header") else "form"))
            explode = bool(param.get("explode", param.get("style", "form") == "form"))
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                media, described = next(iter(param["content"].items()))
                schema = described.get("schema") if isinstance(described, dict) else None
                if openapi.is_json_media(str(media)):
                    # the whole value as one JSON text (`?q={"page":2}`), not in a style
                    style, explode = ir.JSON_STYLE, False
            ptype = self.schema_type(schema if schema is not None else {"type": "string"}, param_ptr + "/schema",
                                     self.parameter_hint(param_ptr) or hint + naming.pascal(wire))
            resolved_schema, _ = self.resolve(schema, param_ptr + "/schema") if isinstance(schema, dict) else ({}, "")
            default = resolved_schema.get("default") if isinstance(resolved_schema, dict) else None
            client_default = sdk.path_defaults.get(wire) if location == "path" else None
            sent_default = self.sent_default(param, location, wire, resolved_schema, ptype)
            result.parameters.append(
                ir.Parameter(
                    name=arg_names.claim(naming.attribute_name(wire, naming.ARGUMENT_RESERVED)),
                    wire_name=wire,
                    location=location,
                    type=ptype,
                    required=bool(param.get("required")) or location == "path",
                    description=markdown(str(param.get("description") or "")),
                    has_default=default is not None and isinstance(default, (str, int, float, bool)),
                    default=default,
                    style=style,
                    explode=explode,
                    slashed=location == "path" and param.get("x-ms-skip-url-encoding") is True,
                    client_default=client_default,
                    sent_default=sent_default,
                    deprecated=bool(param.get("deprecated")),
                    schema=schema if schema is not None else {"type": "string"},
                    example=param.get("example"),
                    has_example="example" in param,
                )
            )
        for wire in path_order:
            if not any(p.location == "path" and p.wire_name == wire for p in result.parameters):
                self.warn(op_ptr, f"path parameter {{{wire}}} is not declared; treating it as a required string", AMBIGUOUS)
                result.parameters.append(ir.Parameter(arg_names.claim(naming.attribute_name(wire, naming.ARGUMENT_RESERVED)), wire, "path", ir.TypeRef(ir.PRIMITIVE, "str"), True, client_default=sdk.path_defaults.get(wire)))
        if "requestBody" in op and not (method == "get" and self.holds_nothing(op["requestBody"], op_ptr + "/requestBody")):
            result.body = self.body(op["requestBody"], op_ptr + "/requestBody", hint, arg_names)
        self.responses(op.get("responses") or {}, op_ptr + "/responses", hint, result,
                       json_lines=op.get("x-twitter-streaming") is True)
        security = op.get("security", self.data.get("security"))
        # public: a call needs no credentials (the client sends those it has all the
        # same): no requirement anywhere (StackExchange's), `security: []`, or an empty
        # requirement `{}` among the alternatives (authentication optional). Where the API
        # has no scheme the client can send, no call needs any: nothing to say.
        authenticated = sdk.auth_scheme != "none"
        if security is None:
            result.public = authenticated
        if isinstance(security, list):
            result.security = self.operation_ways.get(op_ptr)
            result.public = authenticated and (not security or bool(op.get("x-public")) or {} in security)
            for requirement in security:
                if isinstance(requirement, dict):
                    for scopes in requirement.values():
                        result.scopes.extend(str(s) for s in scopes or [] if str(s) not in result.scopes)
        self.extensions(op, op_ptr, result)
        self.accept_argument(result, arg_names)
        result.failure = self.failure_marker(result)
        return result

    def failure_marker(self, result: ir.Operation) -> tuple[str, Any] | None:
        """ir.Operation.failure: a property the first JSON success and the `default`
        answer both fix to a value, each its own (Slack's `ok`, true in `chat.postMessage
        success schema`, false in its error schema, which Slack sends with 200)."""
        success = next((r for r in result.responses if r.status.startswith("2") and r.decoding == "json"), None)
        default = next((r for r in result.errors if r.status == "default" and r.decoding == "json"), None)
        if success is None or default is None:
            return None
        fixed = self.fixed_values(success.schema)
        for wire, value in self.fixed_values(default.schema).items():
            if wire in fixed and fixed[wire] != value:
                return wire, value
        return None

    def fixed_values(self, schema: Any) -> dict[str, Any]:
        """The properties an object schema fixes to one scalar value (`const`, or an enum
        of one), by wire name."""
        resolved, where = self.resolver.resolve_or_none(schema, "")
        if not isinstance(resolved, dict):
            return {}
        found: dict[str, Any] = {}
        for wire, (prop, prop_ptr) in openapi.object_view(self.resolver, resolved, where).properties.items():
            prop, _ = self.resolver.resolve_or_none(prop, prop_ptr)
            if not isinstance(prop, dict):
                continue
            values = [prop["const"]] if "const" in prop else prop.get("enum")
            if isinstance(values, list) and len(values) == 1 and isinstance(values[0], (str, int, float, bool)):
                found[wire] = values[0]
        return found

    @staticmethod
    def accept_argument(result: ir.Operation, arg_names: naming.UniqueNames) -> None:
        """The `accept` argument of an operation whose answer may be another document than
        its JSON (answers.offered): a header parameter whose values are the media types the
        caller may ask for, JSON first. Not beside what types the answer otherwise (typed
        overloads, a long-running operation's wait) nor where the document has its own
        Accept parameter."""
        if result.overloads or result.long_running or result.arm_polling is not None \
                or any(p.location == "header" and p.wire_name.lower() == "accept" for p in result.parameters):
            return
        files = [(r.media_type.strip(), r.decoding) for r in answers.offered(result) if r.media_type]
        if not files:
            return
        listed = [openapi.header_media(r.media_type) for r in answers.asked_for(result)
                  if r.status.startswith("2") and r.decoding == "json" and r.media_type]
        json_media = openapi.DEFAULT_ACCEPT if openapi.DEFAULT_ACCEPT in map(openapi.media_base, listed) \
            else next((m for m in listed if m and m != "*/*"), openapi.DEFAULT_ACCEPT)
        values = [json_media] + [media for media, _ in files]
        texts = [f"`{media}`" for media, decoding in files if decoding == "text"]
        binaries = [f"`{media}`" for media, decoding in files if decoding == "binary"]
        returns = "; ".join(part for part in (
            f"{', '.join(texts)} {'return' if len(texts) > 1 else 'returns'} the answer's text" if texts else "",
            f"{', '.join(binaries)} {'return' if len(binaries) > 1 else 'returns'} its bytes" if binaries else "",
        ) if part)
        name = "accept" if "accept" not in arg_names else arg_names.claim("accept_type")
        if name == "accept":
            arg_names.claim(name)
        result.parameters.append(ir.Parameter(
            name=name,
            wire_name="Accept",
            location="header",
            type=ir.TypeRef(ir.UNION, variants=tuple(ir.TypeRef(ir.LITERAL, value=v) for v in values)),
            required=False,
            description=f"The type of answer to ask for: `{json_media}` (JSON, the default) or another the API "
                        f"offers; {returns}.",
            schema={"type": "string", "enum": values},
        ))
        result.accept_param = name

    def parameter_hint(self, pointer: str) -> str:
        """The name an inline schema of a parameter the document names among its components
        takes from it (X's UserFieldsParameter: `UserFieldsItem` for its enum of fields,
        not `GetDmConversationsWithParticipantIdDmEventsUserFieldsItem` after the first
        operation that reads it); "" where that name is taken, for a parameter of an
        operation's own, or where names come from operationIds alone (names-from-paths)."""
        parts = pointer.split("/")
        if not self.names_from_paths or len(parts) != 4 or parts[1:3] != ["components", "parameters"]:
            return ""
        own = naming.pascal(_PARAMETER_SUFFIX.sub("", unescape_pointer(parts[3])))
        return own if own and naming.class_name(own) not in self.names else ""

    def holds_nothing(self, raw: Any, pointer: str) -> bool:
        """Whether a request body can only be `{}`: an object of no properties that admits no
        others, as each of Stripe's GET operations declares. A GET's such body is no argument
        (its method took a `body` of no use, and its pages could not be walked)."""
        body, where = self.resolve(raw, pointer)
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return False
        for media, entry in content.items():
            schema, _ = self.resolve(entry.get("schema") if isinstance(entry, dict) else None, f"{where}/content/{media}/schema")
            if not (isinstance(schema, dict) and schema.get("type") == "object" and schema.get("additionalProperties") is False
                    and not schema.get("properties") and not any(key in schema for key in (*_COMBINATORS, "required"))):
                return False
        return True

    def aws_copied(self, wire: str, op: dict[str, Any], op_ptr: str, others: list[dict[str, Any]]) -> bool:
        """Whether a field of the operation's body has the name `wire` has, but for case,
        or another parameter that name in another case."""
        folded = wire.casefold()
        return any(name.casefold() == folded for name in self.aws_body_fields(op, op_ptr)) \
            or any(str(p.get("name")) != wire and str(p.get("name")).casefold() == folded for p in others)

    def aws_body_fields(self, op: dict[str, Any], op_ptr: str) -> set[str]:
        """The wire names of the fields of an operation's JSON body (for AWS's JSON operations)."""
        body, _ = self.resolve(op.get("requestBody"), op_ptr + "/requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        media = next((v for k, v in content.items() if openapi.is_json_media(str(k))), None) \
            if isinstance(content, dict) else None
        schema = media.get("schema") if isinstance(media, dict) else None
        if not isinstance(schema, dict):
            return set()
        resolved, pointer = self.resolve(schema, op_ptr + "/requestBody/schema")
        if not isinstance(resolved, dict):
            return set()
        properties, _, _ = self.object_view(resolved, pointer)
        return set(properties)

    def body_media(self, content: dict[str, Any], pointer: str) -> str:
        """The media type a body is sent as: the first of media_preference, but not a JSON
        Patch (RFC 6902: an array of operations) for a body that is no array where another
        JSON type is listed. kube-openapi lists application/json-patch+json first for an
        object (`{"data": {...}}`), which every Kubernetes server refuses as a JSON Patch;
        its merge patches take it."""
        medias = openapi.media_preference(content)
        if openapi.media_base(medias[0]) != openapi.JSON_PATCH_MEDIA:
            return medias[0]
        entry = content[medias[0]]
        schema, _ = self.resolve(entry.get("schema") if isinstance(entry, dict) else None,
                                 f"{pointer}/content/{escape_pointer(medias[0])}/schema")
        if isinstance(schema, dict) and schema.get("type") in ("array", None) and "properties" not in schema:
            return medias[0]  # (an array, or a schema that says nothing of one)
        return next((m for m in medias[1:] if openapi.encoding_of(m) == "json"
                     and openapi.media_base(m) not in (openapi.JSON_PATCH_MEDIA, "*/*")), medias[0])

    def body(self, raw: Any, pointer: str, hint: str, arg_names: naming.UniqueNames) -> ir.Body | None:
        body, pointer = self.resolve(raw, pointer)
        if not isinstance(body, dict) or not isinstance(body.get("content"), dict) or not body["content"]:
            return None
        media = self.body_media(body["content"], pointer)
        media_obj = body["content"][media] or {}
        media_ptr = f"{pointer}/content/{escape_pointer(media)}"
        schema = media_obj.get("schema", {})
        encoding = openapi.encoding_of(media)
        btype = self.schema_type(schema, media_ptr + "/schema", hint + "Body")
        if encoding == "lines":
            # a list of JSON values, one per line: the caller gives the list; one value
            # under such a name is sent as JSON (application/stream+json) or as given
            lines = openapi.media_base(media) in openapi.NDJSON_MEDIA and btype.kind == ir.LIST
            encoding = "ndjson" if lines else "json" if openapi.is_json_media(media) else "binary"
        if encoding in ("text", "binary"):
            # what the client sends such a body as, whatever its schema describes (an
            # object under text/plain or application/octet-stream: appcenter, docker)
            btype = ir.TypeRef(ir.PRIMITIVE, "str" if encoding == "text" else "bytes")
        result = ir.Body(media, encoding, btype, bool(body.get("required")), markdown(str(body.get("description") or "")),
                         schema=schema, example=media_obj.get("example"), has_example="example" in media_obj)
        if encoding == "form" and isinstance(media_obj.get("encoding"), dict):
            result.form_styles = _form_styles(media_obj["encoding"])
        resolved, resolved_ptr = self.resolve(schema, media_ptr + "/schema") if isinstance(schema, dict) else ({}, "")
        model = self.model_named.get(btype.name) if btype.kind == ir.MODEL else None
        if model is not None and model.subtypes:
            # a polymorphic base (Pinterest's token request: its grant_type names the
            # subclass, which holds the code or the refresh token): its fields alone would
            # leave out every subclass's, so the body is the model, a subclass passed whole
            return result
        if model is not None and encoding in ("json", "form", "multipart") and isinstance(resolved, dict):
            result.model = btype.name
            properties, required, _ = self.object_view(resolved, resolved_ptr)
            by_wire = {f.wire_name: f for f in model.fields}
            for wire in properties:
                field = by_wire.get(wire)
                if field is None or field.read_only:
                    continue
                chooser = self.stream_chooser(wire, field.type, *properties[wire])
                result.fields.append(
                    ir.BodyField(
                        name=arg_names.claim(naming.attribute_name(wire, naming.ARGUMENT_RESERVED)),
                        wire_name=wire,
                        type=field.type,
                        required=wire in required and not field.has_default,
                        description=field.description,
                        stream_value=chooser[0] if chooser else None,
                        other_values=chooser[1] if chooser else (),
                    )
                )
        return result

    def stream_chooser(self, wire: str, ftype: ir.TypeRef, schema: Any, pointer: str) -> tuple[Any, tuple[Any, ...]] | None:
        """The value of a body field that may ask for a stream, and its other values: a
        boolean `stream` (OpenAI's chat completions: True) or a format whose enum lists
        "sse" (OpenAI's speech, `stream_format`: "sse" beside "audio"). Whether it does
        depends on the answers (streams.stream_flag)."""
        if wire == "stream" and ftype.kind == ir.PRIMITIVE and ftype.name == "bool":
            return True, (False,)
        resolved, _ = self.resolve(schema, pointer) if isinstance(schema, dict) else (None, "")
        values = resolved.get("enum") if isinstance(resolved, dict) else None
        if isinstance(values, list) and "sse" in values and all(isinstance(v, str) for v in values) and len(values) > 1:
            return "sse", tuple(v for v in values if v != "sse")
        return None

    def responses(self, responses: dict[str, Any], pointer: str, hint: str, op: ir.Operation,
                  json_lines: bool = False) -> None:
        """The operation's answers. `json_lines`: its JSON successes are streams of JSON
        values, one a line, that go on for as long as the connection is held (X's, which
        Twitter's document marks `x-twitter-streaming: true`: its filtered and sampled
        streams, read as one body, never ended)."""
        statuses = [str(s) for s in responses]
        redirects = not any(s.startswith("2") for s in statuses) and any(s.upper() in openapi.REDIRECT_STATUSES for s in statuses)
        has_success = redirects or any(s.startswith("2") for s in statuses)
        if "101" in statuses and not has_success:
            self.warn(f"{pointer}/101", "the only answer is 101 Switching Protocols (a WebSocket handshake): the "
                      "method sends the HTTP request, but the client does not speak the protocol the connection "
                      "switches to; use a WebSocket client for this operation")
        for status, raw in responses.items():
            status = str(status)
            resp_ptr = f"{pointer}/{escape_pointer(status)}"
            is_success = status.startswith("2") or (status == "default" and not has_success)
            resp, resp_ptr = self.resolve(raw, resp_ptr)
            if not isinstance(resp, dict):
                continue
            description = markdown(str(resp.get("description") or ""))
            if redirects and status.upper() in openapi.REDIRECT_STATUSES:
                op.responses.append(self.redirect(status.upper(), description, resp, resp_ptr))
                continue
            content = resp.get("content") if isinstance(resp.get("content"), dict) else {}
            target = op.responses if is_success else op.errors
            if content and status in openapi.BODILESS_STATUSES:
                self.warn(resp_ptr + "/content", f"a {status} response has no body in HTTP; its content is ignored", AMBIGUOUS)
                content = {}
            if op.method == "head":
                content = {}  # what a GET would answer, as documents describe it: HEAD's answer has no body
            if not content:
                target.append(ir.Response(status, description, None, "none", None))
                continue
            for media in openapi.media_preference(content):
                media_obj = content[media] or {}
                media_ptr = f"{resp_ptr}/content/{escape_pointer(media)}"
                decoding = openapi.encoding_of(media)
                if decoding in ("form", "multipart"):
                    decoding = "text"
                schema = media_obj.get("schema")
                suffix = "Response" if status in ("200", "201", "2XX", "default") else f"Response{status}"
                rtype: ir.TypeRef | None
                member = ""
                if decoding == "json" and is_success and json_lines:
                    decoding = "lines"
                streamed = self.server_stream(resp, schema, media_ptr + "/schema") if decoding == "json" and is_success else None
                if streamed is not None:
                    decoding, member, (schema, schema_ptr) = "lines", "result", streamed
                    rtype = self.schema_type(schema, schema_ptr, hint + "Result")
                elif decoding == "lines" and isinstance(media_obj.get("itemSchema"), dict):
                    schema = media_obj["itemSchema"]  # OpenAPI 3.2's schema of each value
                    rtype = self.schema_type(schema, media_ptr + "/itemSchema", hint + suffix)
                elif decoding == "lines":
                    rtype = self.schema_type(schema, media_ptr + "/schema", hint + suffix) if isinstance(schema, dict) \
                        and schema.get("type") != "string" else ir.TypeRef(ir.ANY)
                    if rtype.kind == ir.LIST:  # the stream's values, described as the list they make
                        rtype = rtype.item or ir.TypeRef(ir.ANY)
                        resolved, _ = self.resolve(schema, media_ptr + "/schema")
                        schema = resolved.get("items", {}) if isinstance(resolved, dict) else {}
                elif decoding == "json":
                    rtype = self.schema_type(schema if schema is not None else {}, media_ptr + "/schema", hint + suffix)
                    if rtype.kind == ir.PRIMITIVE and rtype.name == "bytes":
                        # a file under a JSON media type (appcenter's error download,
                        # `{type: object, format: file}`): the body's bytes as they came
                        decoding = "binary"
                elif decoding == "sse":
                    rtype = self.event_type(media_obj, media_ptr, hint + "Event")
                elif decoding == "text":
                    rtype = ir.TypeRef(ir.PRIMITIVE, "str")
                else:
                    rtype = ir.TypeRef(ir.PRIMITIVE, "bytes")
                example, has_example = None, False
                if "example" in media_obj:
                    example, has_example = media_obj["example"], True
                elif isinstance(media_obj.get("examples"), dict):
                    for value in media_obj["examples"].values():
                        value, _ = self.resolve(value, media_ptr)
                        if isinstance(value, dict) and "value" in value:
                            example, has_example = value["value"], True
                            break
                target.append(ir.Response(status, description, media, decoding, rtype, example, has_example, schema, member))

    def event_type(self, media_obj: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        """The type of each event's data in an event stream: the schema's, where it
        describes the data (OpenAI's chunks); a string's `contentSchema` (the text of the
        stream, each data line of that schema: the curated spec's query chat); OpenAPI
        3.2's itemSchema, an event, whose `data` has one. Any where none says."""
        item = media_obj.get("itemSchema")
        resolved, where = self.resolve(item, pointer + "/itemSchema") if isinstance(item, dict) else (None, "")
        data = (resolved.get("properties") or {}).get("data") if isinstance(resolved, dict) else None
        if isinstance(data, dict):
            found, at = self.resolve(data, f"{where}/properties/data")
            if isinstance(found, dict) and isinstance(found.get("contentSchema"), dict):
                return self.schema_type(found["contentSchema"], at + "/contentSchema", hint)
            if isinstance(found, dict) and found.get("type") not in ("string", None):
                return self.schema_type(found, at, hint)
            return ir.TypeRef(ir.ANY)
        schema = media_obj.get("schema")
        if not isinstance(schema, dict):
            return ir.TypeRef(ir.ANY)
        found, at = self.resolve(schema, pointer + "/schema")
        if isinstance(found, dict) and found.get("type") == "string":
            content = found.get("contentSchema")
            return self.schema_type(content, at + "/contentSchema", hint) if isinstance(content, dict) else ir.TypeRef(ir.ANY)
        return self.schema_type(schema, pointer + "/schema", hint)

    def server_stream(self, resp: dict[str, Any], schema: Any, pointer: str) -> tuple[Any, str] | None:
        """The schema of each message, and where it is, where a JSON answer is a server
        stream as grpc-gateway describes one: "(streaming responses)" in its description, an
        object of `result` (and `error`) titled "Stream result of ...". The server sends
        one such object a line for as long as the stream lasts (Argo's watches and logs,
        Vectara's streamed query); read as one JSON body it would never end."""
        described = "(streaming responses)" in str(resp.get("description") or "")
        resolved, where = self.resolve(schema, pointer)
        if not isinstance(resolved, dict) or resolved.get("type", "object") != "object":
            return None
        properties = resolved.get("properties")
        titled = str(resolved.get("title") or "").startswith("Stream result of ")
        if not (described or titled) or not isinstance(properties, dict) or "result" not in properties \
                or not set(properties) <= {"result", "error"}:
            return None
        return properties["result"], f"{where}/properties/result"

    def redirect(self, status: str, description: str, resp: dict[str, Any], pointer: str) -> ir.Response:
        """A redirect that is an operation's answer: the method returns the address its
        Location names (its body, if any, is a note for browsers). The example is the
        document's Location example, where it gives an http(s) address (the fixtures'
        answer)."""
        headers = resp.get("headers")
        header = next((h for name, h in headers.items() if str(name).lower() == "location"), None) \
            if isinstance(headers, dict) else None
        header, _ = self.resolve(header, pointer + "/headers/Location") if header is not None else (None, "")
        example = None
        if isinstance(header, dict):
            schema = header["schema"] if isinstance(header.get("schema"), dict) else {}
            example = next((e for e in (header.get("example"), schema.get("example"))
                            if isinstance(e, str) and e.startswith(("https://", "http://"))), None)
        return ir.Response(status, description, None, "location", ir.TypeRef(ir.PRIMITIVE, "str"),
                           example, example is not None)

    def sent_default(self, param: dict[str, Any], location: str, wire: str, schema: Any,
                     ptype: ir.TypeRef) -> str | int | float | bool | None:
        """What the client sends for a required query or header parameter the caller leaves
        out (ir.Parameter.sent_default): its schema's default, or its enum's one value; for
        Azure's `api-version` (required, with neither, in 521 directory documents), the
        document's version, as AutoRest's clients send it. None: the caller must give it."""
        if location not in ("query", "header") or not param.get("required") or not isinstance(schema, dict) \
                or ptype.kind in (ir.LIST, ir.MAP, ir.MODEL):
            return None
        scalar = (str, int, float, bool)
        values = validator().enum_values(schema) if isinstance(schema.get("enum"), list) else None
        if isinstance(schema.get("default"), scalar):
            found: str | int | float | bool = schema["default"]
            return found if not isinstance(values, list) or found in values else None
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], scalar):
            only: str | int | float | bool = values[0]
            return only
        info = self.data.get("info")
        version = info.get("version") if isinstance(info, dict) else None
        if location == "query" and wire.lower() == "api-version" and isinstance(version, str) and version.strip() \
                and values is None:
            return version.strip()
        return None

    def overloads(self, op: dict[str, Any], op_ptr: str, result: ir.Operation) -> None:
        """x-sdk-overloads: {argument: <body field or parameter>, returns: {<schema>: <schema>}}:
        typed overloads of the method, so that a type checker knows that, say, a
        HogQLQuery gives a HogQLQueryResponse."""
        spec = op.get("x-sdk-overloads")
        if spec is None:
            return
        where = op_ptr + "/x-sdk-overloads"
        if not isinstance(spec, dict) or not isinstance(spec.get("argument"), str) or not isinstance(spec.get("returns"), dict):
            self.warn(where, "x-sdk-overloads needs an argument (a body field or parameter) and returns (schema to schema); ignored", EXTENSION)
            return
        wire = spec["argument"]
        fields = result.body.fields if result.body else []
        parameter = next((f.name for f in fields if f.wire_name == wire), None) or next(
            (p.name for p in result.parameters if p.wire_name == wire), None
        )
        if parameter is None:
            self.warn(where + "/argument", f"x-sdk-overloads: {wire!r} is not a body field or parameter of this operation; ignored", EXTENSION)
            return
        schemas = (self.data.get("components") or {}).get("schemas") or {}
        for argument, returns in spec["returns"].items():
            found = [self.types.get("/components/schemas/" + escape_pointer(str(name))) for name in (argument, returns)]
            if str(argument) not in schemas or str(returns) not in schemas or None in found:
                self.warn(f"{where}/returns/{escape_pointer(str(argument))}", f"x-sdk-overloads: {argument!r} and {returns!r} must name component schemas; ignored", EXTENSION)
                continue
            argument_type, returns_type = found
            assert argument_type is not None and returns_type is not None
            result.overloads.append(ir.Overload(parameter, argument_type, returns_type))

    def extensions(self, op: dict[str, Any], op_ptr: str, result: ir.Operation) -> None:
        if op.get("x-ms-long-running-operation") is True:
            options = op.get("x-ms-long-running-operation-options")
            via = options.get("final-state-via") if isinstance(options, dict) else None
            result.arm_polling = via if via in _FINAL_STATES else ""
            if via is not None and via not in _FINAL_STATES:
                self.warn(op_ptr + "/x-ms-long-running-operation-options/final-state-via",
                          f"final-state-via {via!r} is none of {', '.join(sorted(_FINAL_STATES))}; the result is "
                          "found as the method implies", EXTENSION)
        pagination = op.get("x-pagination")
        if pagination is None and result.body is None:
            # (a POST that pages, as some of Azure's do, fetches its next page with a GET
            # of the link, which a page of this client does not make: it returns the envelope)
            pagination = _ms_pageable(op.get("x-ms-pageable"))
        if isinstance(pagination, dict) and result.body is not None:
            self.warn(op_ptr + "/x-pagination", "x-pagination on an operation with a request body is not "
                      "supported (a page is fetched without one); ignored", EXTENSION)
            pagination = None
        if isinstance(pagination, dict):
            style = str(pagination.get("style") or "offset")
            item_type = None
            success = next((r for r in result.responses if r.decoding == "json" and r.type is not None), None)
            items = str(pagination.get("items") or "results")
            if success and success.type and success.type.kind == ir.MODEL:
                model = self.model_named[success.type.name]
                field = next((f for f in model.fields if f.wire_name == items), None)
                if field and field.type.kind == ir.LIST:
                    item_type = field.type.item
            elif success and success.type and success.type.kind == ir.LIST and style == "link":
                item_type = success.type.item  # a bare list, paged by its Link header
            shape = success.type if success and success.type else None
            if shape is not None and item_type is None and shape.kind not in (ir.UNION, ir.MAP, ir.ALIAS, ir.ANY):
                # a response that has no such list: another vendor's extension of the same
                # name (Datadog's `x-pagination: {limitParam, pageParam}` over a bare array),
                # whose pages would be looked for where there are none, failing every call
                named, key = ("x-pagination", "items") if "x-pagination" in op else ("x-ms-pageable", "itemName")
                self.warn(f"{op_ptr}/{named}", f"{named}: the response has no list {items!r} for a page's items "
                          f"({key} names it), so the operation is not paged", EXTENSION)
            else:
                by_wire = {p.wire_name: p.name for p in result.query_params}
                result.pagination = ir.Pagination(
                    style=style,
                    items=items,
                    count=pagination.get("count", "count") if "has-more" not in pagination else pagination.get("count"),
                    next=pagination.get("next", "next") if "has-more" not in pagination else pagination.get("next"),
                    has_more=pagination.get("has-more"),
                    item_type=item_type,
                    limit_param=by_wire.get(str(pagination.get("limit-param", "limit"))),
                    offset_param=by_wire.get(str(pagination.get("offset-param", "offset"))),
                    page_param=by_wire.get(str(pagination.get("page-param", "page"))),
                    token_param=by_wire.get(str(pagination.get("token-param", _TOKEN_PARAM_DEFAULTS.get(style, "")))),
                    next_in=str(pagination["next-in"]) if pagination.get("next-in") else None,
                    pages=str(pagination["pages"]) if pagination.get("pages") else None,
                    count_in=str(pagination["count-in"]) if pagination.get("count-in") else None,
                    items_in=str(pagination["items-in"]) if pagination.get("items-in") else None,
                )
        elif "x-pagination" not in op and "x-ms-pageable" not in op:
            result.pagination = paging.inferred(op, result, self.model_named, self.resolve, op_ptr, self.alias_named)
        self.overloads(op, op_ptr, result)
        lro = op.get("x-long-running")
        if isinstance(lro, dict):
            result.long_running = ir.LongRunning(
                start=dict(lro.get("start") or {}),
                status=str(lro.get("status") or "status"),
                id=str(lro.get("id") or "id"),
                complete=str(lro.get("complete") or "complete"),
                error=str(lro.get("error") or "error"),
                error_message=str(lro.get("error-message") or "error_message"),
                results=str(lro.get("results") or "results"),
                progress=str(lro.get("progress") or "progress"),
                poll=str(lro.get("poll") or ""),
                poll_params=dict(lro.get("poll-params") or {}),
                cancel=str(lro["cancel"]) if lro.get("cancel") else None,
                max_concurrent=_positive_int(lro.get("max-concurrent")),
            )
        for index, shortcut in enumerate(op.get("x-cli") or []):
            if not isinstance(shortcut, dict) or not shortcut.get("name"):
                self.warn(f"{op_ptr}/x-cli/{index}", "x-cli entry needs a name; ignored", EXTENSION)
                continue
            argument = shortcut.get("argument") or {}
            field_path = [unescape_pointer(t) for t in str(argument.get("field") or "").split("/")[1:]]
            result.cli.append(
                ir.CliShortcut(
                    name=naming.kebab(str(shortcut["name"])),
                    help=str(shortcut.get("help") or ""),
                    argument_name=naming.attribute_name(str(argument.get("name") or "value")),
                    argument_field=field_path,
                    body=dict(shortcut.get("body") or {}),
                    wait=bool(shortcut.get("wait")),
                )
            )

    # -- grouping --------------------------------------------------------

    def group(self, operations: list[ir.Operation], sdk: ir.SdkSettings) -> tuple[list[ir.Resource], list[ir.Namespace]]:
        """One resource per (namespace, tag), with names unique where they must be: client
        attributes (never a builtin or a member of the client), class names across the
        package, module names, method names within a resource."""
        if self.untagged and not self.tagged and self.names_from_paths:
            self.tag_by_path(operations)
        tag_info = {str(t.get("name")): markdown(str(t.get("description") or "")) for t in self.data.get("tags") or [] if isinstance(t, dict)}
        if self.untagged and "default" not in tag_info:  # (not "Operations tagged default.")
            tag_info["default"] = "Operations the API document gives no tag."
        ns_info = ((self.data.get("x-sdk") or {}) if isinstance(self.data.get("x-sdk"), dict) else {}).get("namespaces") or {}
        resources: dict[tuple[str | None, str], ir.Resource] = {}
        attributes = naming.UniqueNames(naming.CLIENT_MEMBERS | set(sdk.path_defaults) | set(sdk.path_default_arguments.values()) | naming.BUILTIN_NAMES)
        classes = naming.UniqueNames(naming.RUNTIME_CLASS_NAMES | {sdk.client_name, "Async" + sdk.client_name})
        modules = naming.UniqueNames()
        tag_attr: dict[str, str] = {}
        ns_names: dict[str, str] = {}
        for op in operations:
            if op.namespace and op.namespace not in ns_names:
                ns_names[op.namespace] = attributes.claim(naming.attribute_name(op.namespace))
        for op in operations:
            if op.tag not in tag_attr:
                tag_attr[op.tag] = attributes.claim(naming.attribute_name(op.tag))
        for op in operations:
            key = (op.namespace, op.tag)
            if key not in resources:
                prefix = naming.pascal(op.namespace) if op.namespace else ""
                resources[key] = ir.Resource(
                    tag=op.tag,
                    namespace=op.namespace,
                    attribute=tag_attr[op.tag],
                    class_name=self.resource_class(classes, prefix + naming.pascal(op.tag) + "Resource"),
                    module=modules.claim(naming.module_name(((op.namespace + " ") if op.namespace else "") + op.tag)),
                    description=tag_info.get(op.tag, ""),
                )
            resources[key].operations.append(op)
        for resource in resources.values():
            self.name_from_routes(resource)
            self.name_from_paths(resource)
            if resource.tag in self.path_groups and resource.namespace is None:
                self.without_group(resource)
            elif self.names_from_paths and (resource.tag != "default" or not self.untagged):
                self.without_group(resource, systematic=True)
            if self.names_from_paths:
                self.without_path_parameter(resource)
            names = naming.UniqueNames(naming.RESOURCE_MEMBERS)
            for op in resource.operations:
                op.name = names.claim(op.name)
        namespaces: list[ir.Namespace] = []
        for ns, attr in ns_names.items():
            info = ns_info.get(ns) if isinstance(ns_info, dict) else None
            info = info if isinstance(info, dict) else {}
            deprecated = info.get("deprecated")
            namespaces.append(
                ir.Namespace(
                    name=attr,
                    class_name=classes.claim(naming.class_name(naming.pascal(ns) + "Namespace")),
                    description=markdown(str(info.get("description") or "")),
                    resources=[r for r in resources.values() if r.namespace == ns],
                    deprecated=" ".join(str(deprecated).split()) if deprecated else None,
                )
            )
        for namespace in namespaces:
            if namespace.deprecated:
                self.offer_at_root(namespace, resources, modules, classes, tag_info)
        return list(resources.values()), namespaces

    def tag_by_path(self, operations: list[ir.Operation]) -> None:
        """In a document that tags no operation, each is tagged by its path's first segment
        (version segments aside) where two paths or more begin with it, and the document
        has two such groups or more: Stripe's 452 operations are `client.customers`,
        `client.payment_intents`... rather than 452 methods of the client. AWS's query APIs
        (a path per operation) and small documents keep the client's own methods, as do
        the operations whose path has no such segment or is alone under it
        (`/v1/account`, IoT's `/accept-certificate-transfer/{id}`). A method loses the group's name where
        the operationId repeats it (Discord's `get_guild` in `guilds`: `get`)."""
        firsts: dict[str, str] = {}
        for op in operations:
            words = [s.words for s in path_names.segments(op.path) if not s.param and not s.version]
            if words and op.namespace is None:
                firsts[op.pointer] = "_".join(words[0])
        groups: dict[str, set[str]] = {}
        for op in operations:
            if op.pointer in firsts:
                groups.setdefault(firsts[op.pointer], set()).add(op.path)
        grouped = {first for first, paths in groups.items() if len(paths) > 1}
        if len(grouped) < 2:
            return
        for op in operations:
            tag = firsts.get(op.pointer)
            if tag in grouped:
                op.tag = tag
        self.path_groups = grouped

    def name_from_routes(self, resource: ir.Resource) -> None:
        """The methods whose operationId is FastAPI's default (path_names.route_name) named
        as their route functions are (`read_flow_flows__id__get`: `read_flow`), less the
        tag's name before it as any operationId, unless that name is another method's of
        the resource: two routers' `read_item` keep the ids that tell them apart."""
        renamed = {}
        for op in resource.operations:
            route = self.route_named.get(op.pointer)
            if route is None or op.pointer in self.method_given:
                continue
            renamed[op.pointer] = naming.method_name(_less_group(naming.snake(route), op.namespace, op.tag))
        counts: dict[str, int] = {}
        for op in resource.operations:
            name = renamed.get(op.pointer, op.name)
            counts[name] = counts.get(name, 0) + 1
        for op in resource.operations:
            if op.pointer in renamed and counts[renamed[op.pointer]] == 1:
                op.name = renamed[op.pointer]

    def without_group(self, resource: ir.Resource, systematic: bool = False) -> None:
        """The methods of a resource tag_by_path made less the group's name where their
        operationId repeats it (Discord's `get_guild` in `guilds`: `get`), unless that name
        is another method's (a `get` named from its path beside it). `systematic`, for a
        tag of the document: only where every method of two or more repeats it after its
        verb (kube-openapi's `listCoreV1NamespacedPod` in `core_v1`, as Kubernetes' own
        client names it: `list_namespaced_pod`; Asana's `get_allocation` in Allocations),
        not as a prefix (`upload_form` in `uploads`: its verb). A tag that only some names
        repeat keeps them all (Spotify's `get_audiobook` beside `get_several_audiobooks`),
        as does one where two would then be named alike (FastAPI's `read_flows` and
        `read_flow`): there the words tell the methods apart."""
        ops = [op for op in resource.operations if op.pointer not in self.method_given and op.pointer not in self.path_named]
        renamed = {op.pointer: path_names.without_group(op.name, resource.tag, after_verb_only=systematic) for op in ops}
        if systematic and (len(ops) < 2 or any(renamed[op.pointer] == op.name for op in ops)):
            return
        counts: dict[str, int] = {}
        for op in resource.operations:
            name = renamed.get(op.pointer, op.name)
            counts[name] = counts.get(name, 0) + 1
        if systematic and any(counts[name] > 1 for name in renamed.values()):
            return  # (all or none: `read_flows` and `read_flow` would both be `read`)
        for op in ops:
            if counts[renamed[op.pointer]] == 1:
                op.name = naming.method_name(renamed[op.pointer])

    def without_path_parameter(self, resource: ir.Resource) -> None:
        """A method whose operationId spells its path, the tag, then the path parameter
        after it (X's `usersIdFollowers` for /2/users/{id}/followers in Users, which lost
        the tag: `id_followers`), less the parameter's name too: `followers`, unless
        another method is so named."""
        renamed: dict[str, str] = {}
        tag = naming.snake(resource.tag)
        for op in resource.operations:
            params = op.path_params
            if op.pointer in self.method_given or op.pointer in self.path_named or not params or not tag:
                continue
            words = naming.snake(params[0].wire_name)
            rest = op.name.removeprefix(words + "_")
            if rest != op.name and rest and naming.snake(op.operation_id).startswith(f"{tag}_{words}_{rest}") \
                    and re.search(rf"/{re.escape(resource.tag)}/\{{{re.escape(params[0].wire_name)}\}}(/|$)", op.path,
                                  re.IGNORECASE):
                renamed[op.pointer] = naming.method_name(rest)
        if not renamed:
            return
        counts: dict[str, int] = {}
        for op in resource.operations:
            name = renamed.get(op.pointer, op.name)
            counts[name] = counts.get(name, 0) + 1
        for op in resource.operations:
            if op.pointer in renamed and counts[renamed[op.pointer]] == 1:
                op.name = renamed[op.pointer]

    def name_from_paths(self, resource: ir.Resource) -> None:
        """Name the resource's operations whose operationId is none a person chose from their
        paths (path_names); the client's own methods (no tag) keep every segment."""
        chosen = [op for op in resource.operations if op.pointer in self.path_named]
        if not chosen:
            return
        requests = [
            path_names.PathOperation(
                op.method, op.path,
                op.pagination is not None or any(r.type is not None and r.type.kind == ir.LIST for r in op.responses),
                op.name,
                tuple(w.lower() for w in naming.words(op.operation_id)),
            )
            for op in chosen
        ]
        tag = None if self.untagged and resource.tag == "default" and not resource.namespace else resource.tag
        found = path_names.names(tag, requests, {(op.path, op.method) for op in resource.operations})
        for op, name in zip(chosen, found, strict=True):
            op.name = naming.method_name(name)
            if not op.summary.strip():  # (else its words would be the operationId's, the path's)
                words = naming.words(name)
                if len(words) == 1 and tag:  # "Get certificates", not "Get"
                    words += naming.words(tag)
                op.summary = " ".join(words).capitalize()

    def resource_class(self, classes: naming.UniqueNames, base: str) -> str:
        """A resource class name unique in the package, such that none of the classes its
        module defines (Async..., ...WithRawResponse, ...WithStreamingResponse) is the name
        of a model: a resource module imports the models it uses by their names (a schema
        `VaultExtendedInfoResource` beside a tag `VaultExtendedInfo`, in Azure's documents)."""
        def defined(cls: str) -> list[str]:
            return [mode + cls + suffix for mode in ("", "Async") for suffix in ("", "WithRawResponse", "WithStreamingResponse")]

        base = naming.class_name(base)
        candidate, n = base, 2
        while candidate in classes or any(name in self.names for name in defined(candidate)):
            candidate, n = f"{base}{n}", n + 1
        return classes.claim(candidate)

    def offer_at_root(
        self,
        namespace: ir.Namespace,
        resources: dict[tuple[str | None, str], ir.Resource],
        modules: naming.UniqueNames,
        classes: naming.UniqueNames,
        tag_info: dict[str, str],
    ) -> None:
        """One resource per concept: the operations of a deprecated namespace (PostHog's
        /api/environments/) are offered on their tag's resource as well, each calling
        the path documented for it, where the tag has no method of that name already."""
        for resource in namespace.resources:
            root = resources.get((None, resource.tag))
            if root is None:
                root = resources[(None, resource.tag)] = ir.Resource(
                    tag=resource.tag,
                    namespace=None,
                    attribute=resource.attribute,
                    class_name=self.resource_class(classes, naming.pascal(resource.tag) + "Resource"),
                    module=modules.claim(naming.module_name(resource.tag)),
                    description=tag_info.get(resource.tag, ""),
                )
            taken = {op.name for op in root.operations}
            root.operations.extend(op for op in resource.operations if op.name not in taken)

    def name_parameter_enums(self, operations: list[ir.Operation]) -> None:
        """Enums that arguments take, alone or in a list, get an alias `<Enum>Param` = the
        enum or its values as literals."""
        used: set[str] = set()
        for op in operations:
            types = [p.type for p in op.parameters]
            if op.body is not None:
                types += [f.type for f in op.body.fields] or [op.body.type]
            for t in types:
                if t.kind == ir.LIST and t.item is not None:  # a list of them takes their values too
                    t = t.item
                if t.kind == ir.ENUM:
                    used.add(t.name)
        for enum in self.enums:
            if enum.name in used:
                enum.param_alias = self.names.claim(naming.class_name(enum.name + "Param"))

    def parse(self) -> ir.Api:
        version = self.doc.version
        info = self.data.get("info") or {}
        self.read_requirements_as_meant()
        self.parse_components()
        self.models = subtypes.link(self.models, self.enums, (self.data.get("components") or {}).get("schemas"),
                                    self.resolver, self.warn)
        sdk = self.sdk_settings()
        operations = self.parse_operations(sdk)
        self.name_parameter_enums(operations)
        resources, namespaces = self.group(operations, sdk)
        servers = [
            self.server(s, index)
            for index, s in enumerate(self.data.get("servers") or [])
            if isinstance(s, dict) and isinstance(s.get("url"), str)
        ]
        return ir.Api(
            title=api_title(info),
            version=api_version(info),
            description=markdown(str(info.get("description") or "")),
            openapi_version=version,
            sdk=sdk,
            servers=servers,
            models=self.models,
            enums=self.enums,
            aliases=self.aliases,
            operations=operations,
            resources=resources,
            namespaces=namespaces,
            diagnostics=self.diagnostics,
            schemas=dict((self.data.get("components") or {}).get("schemas") or {}),
            document=self.data,
        )


#: where an Azure long-running operation's result is (`final-state-via`), as AutoRest reads it
_FINAL_STATES = frozenset({"original-uri", "location", "azure-async-operation"})


def _positive_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


#: the word a component parameter's name may end in (`UserFieldsParameter`, `limitParam`)
_PARAMETER_SUFFIX = re.compile(r"[-_ ]?param(?:eter)?s?$", re.IGNORECASE)


def _less_group(name: str, namespace: str | None, tag: str) -> str:
    """A method's name less its namespace's and its tag's names before it (`flows_create`
    in `flows`: `create`), where something is left."""
    for prefix in (naming.snake(namespace) if namespace else None, naming.snake(tag)):
        if prefix and name.startswith(prefix + "_") and len(name) > len(prefix) + 1:
            name = name[len(prefix) + 1 :]
    return name


def parse(doc: Document, package_name: str | None = None) -> ir.Api:
    return Parser(doc, package_name).parse()


def _credential_headers(sdk: ir.SdkSettings) -> frozenset[str]:
    """The headers, lower case, that carry a credential the client sends from its
    settings: the API key's (a bearer token's or basic credentials' Authorization, an
    apiKey scheme's header) and those of the credentials beside or instead of it."""
    found = {c.wire.lower() for c in sdk.credentials if c.location in ("header", "bearer")}
    found |= {"authorization" for c in sdk.credentials if c.location == "bearer"}
    if sdk.auth_scheme in ("bearer", "basic", "header") and sdk.auth_header:
        found.add(sdk.auth_header.lower())
    return frozenset(found)


#: how APIs.guru's converter of AWS's documents describes its copies of a paginator's
#: fields as query parameters
_AWS_PAGING_COPIES = frozenset({"Pagination token", "Pagination limit"})

#: the headers of an AWS signature, which the client writes (_sigv4.py)
_AWS_SIGNATURE_HEADERS = frozenset({"x-amz-date", "x-amz-algorithm", "x-amz-credential", "x-amz-security-token",
                                    "x-amz-signature", "x-amz-signedheaders", "x-amz-content-sha256"})

def aws_credentials(scheme: str, taken_names: set[str], taken_envs: set[str]) -> list[ir.Credential]:
    """The settings that AWS Signature Version 4 signs with beside the access key ID (the
    API key's setting): the secret access key, and the session token of temporary
    credentials (optional), read from AWS's own environment variables."""
    taken_names |= {"aws_secret_access_key", "aws_session_token"}
    taken_envs |= {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}
    return [
        ir.Credential("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "aws-secret", "", scheme,
                      "your AWS secret access key, which signs each request with the access key ID (the API key)"),
        ir.Credential("aws_session_token", "AWS_SESSION_TOKEN", "aws-token", "X-Amz-Security-Token", scheme,
                      "the session token of temporary AWS credentials", alternative=True),
    ]
