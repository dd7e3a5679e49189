"""Validation: the problems openapi-spec-validator reports, found in a fraction of its
time, each at the node it is about.

The library runs two passes, and so does this module:

1. Structural: the document against the OpenAPI 3.0 / 3.1 JSON Schema that ships with
   openapi-spec-validator. The schema is read as package data (none of the library's
   Python modules is imported) and compiled once per process with jsonschema-rs, the
   library's own backend; each error is reported at its instance path, in jsonschema-rs's
   one-line wording.
2. Semantic: the checks of the library's validation/keywords.py, redone over the plain
   dicts in the library's order and with its dedupe by object identity: duplicate tag
   names, duplicate operationIds, duplicate parameters, path parameters declared and
   used, and for every schema the library meets (parameter schemas, response content
   schemas, components/schemas, and what they reach through allOf/anyOf/oneOf/not/items/
   properties) a meta-schema check, the "Required list has not defined properties" check
   and the check of its `default`. The library reports these with no location; here each
   one is at the JSON pointer of the node concerned (a schema reached through a $ref is
   the schema referred to).

   The meta-schema check uses jsonschema-rs with the meta-schemas the library's
   python-jsonschema check uses (JSON Schema draft 4 for OpenAPI 3.0; the OpenAPI 3.1
   base dialect, with the draft 2020-12 meta-schemas it refers to, for 3.1), read from
   the installed packages' data and resolved through a local registry: nothing is
   fetched. Of the several errors a schema may have, the one reported is the one
   python-jsonschema meets first (the library reports one per schema), save where it
   meets them in a set's order, which changes from run to run (the members of a
   `properties` map: here, the order they are written in). `format: regex`
   is judged by Python's `re`, as the library judges it; other formats in the
   meta-schemas are not asserted, as in the library.

   Defaults are checked by a small validator with the library's semantics (OpenAPI 3.0:
   `nullable`, draft-4 style bounds, readOnly/writeOnly in `required`, the library's
   formats; 3.1: JSON Schema 2020-12 with the library's formats) and the library's own
   wording. A default whose schema uses what that validator does not do exactly
   (`$dynamicRef`, `unevaluated*`, `discriminator` in OpenAPI 3.0, embedded `$id`s, ...)
   is handed to openapi-schema-validator, imported then and only then.

Differences from the library, on purpose: it stops at the first `$ref` that does not
resolve, at a path template it cannot parse or at a parameter without a name (its
exceptions end the run); here each is reported and the rest is still checked. References
are followed within the document only (the library would fetch other files and URLs).
"""

from __future__ import annotations

import binascii
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NoReturn
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from .diagnostics import VERSION, Diagnostic, SpecError, code, did_you_mean
from .load import Document, escape_pointer

OAS_SCHEMA = code("oas-schema", "error", "The document is valid OpenAPI (openapi-spec-validator).")


def check_version(doc: Document) -> str:
    """'3.0' or '3.1' (a 3.2 document is read as 3.1, whose schemas it shares: JSON
    Schema 2020-12); anything else is refused with one clear line."""
    data = doc.data
    if not isinstance(data, dict):
        raise SpecError("not an OpenAPI document: the top level is not a mapping", doc.locate(""), code=VERSION)
    if "swagger" in data:  # 2.0 is converted as it is loaded (swagger2.py): another version
        raise SpecError(
            f"this is a Swagger {data.get('swagger')} document; OpenAPI 3.0, 3.1 and 3.2 and Swagger 2.0 are supported",
            doc.locate("/swagger"),
            code=VERSION,
        )
    version = str(data.get("openapi") or "")
    if version.startswith("3.0"):
        return "3.0"
    if version.startswith(("3.1", "3.2")):
        return "3.1"
    if not version:
        raise SpecError("not an OpenAPI document: there is no `openapi` version field", doc.locate(""), code=VERSION)
    raise SpecError(f"OpenAPI {version} is not supported; use 3.0.x, 3.1.x or 3.2.x", doc.locate("/openapi"), code=VERSION)


def structure_version(doc: Document) -> str:
    """The OpenAPI schema the document is checked against: its own version's."""
    version = check_version(doc)
    return "3.2" if str(doc.data.get("openapi") or "").startswith("3.2") else version


_LIMIT = 50
_MESSAGE_MAX = 300
#: jsonschema-rs walks the document recursively and overflows its stack (a crash, not an
#: exception) somewhere past ten thousand levels; nothing real comes near this
_MAX_DEPTH = 2500
#: how deep the default checker follows a schema into a value
_MAX_VALUE_DEPTH = 100


def validate(doc: Document, severity: str = "warning", limit: int = _LIMIT) -> list[Diagnostic]:
    """Problems openapi-spec-validator finds, at most `limit`, each with a location."""
    return sorted(
        Diagnostic(doc.locate(pointer), severity, OAS_SCHEMA.id, message, pointer) for message, pointer in _found(doc, limit)
    )


def _found(doc: Document, limit: int) -> list[tuple[str, str]]:
    """(message, pointer) of the first `limit` problems, in the library's order."""
    version = check_version(doc)
    found: list[tuple[str, str]] = []
    try:
        for message, pointer in problems(doc.data, version, structure_version(doc)):
            found.append((_clean(message), pointer))
            if len(found) >= limit:
                break
    except RecursionError:  # not expected: every walk here keeps its own stack
        found.append(("the document nests too deeply to validate", ""))
    return found


def problems(data: Any, version: str, structure: str | None = None) -> Iterator[tuple[str, str]]:
    """Every (message, JSON pointer) problem in `data`, an OpenAPI `version` ('3.0' or
    '3.1') document: the structural ones, then the semantic ones."""
    if _deeper_than(data, _MAX_DEPTH):
        yield f"the document nests more than {_MAX_DEPTH} levels deep; it is not validated", ""
        return
    yield from _structural(data, structure or version)
    yield from _Walker(data, version, structure == "3.2").run()


def _clean(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= _MESSAGE_MAX else message[: _MESSAGE_MAX - 3] + "..."


def _pointer(base: str, parts: Sequence[str | int]) -> str:
    return base + "".join("/" + escape_pointer(str(part)) for part in parts)


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` deep in `data` (without recursion)."""
    if type(data) is not dict and type(data) is not list:
        return False
    stack: list[tuple[Any, int]] = [(data, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > limit:
            return True
        for child in node.values() if type(node) is dict else node:
            if type(child) is dict or type(child) is list:
                push((child, depth + 1))
    return False


# -- the schemas, read as package data ------------------------------------------


def _package_dir(package: str) -> str:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise RuntimeError(f"the {package} package is not installed")
    return str(locations[0])


def _read_json(path: str) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _no_retrieval(uri: str) -> NoReturn:
    raise ValueError(f"{uri} is not fetched: only the packaged schemas are used")


_COMPILED: dict[str, Any] = {}


def _structural_validator(version: str) -> Any:
    """jsonschema-rs compiled with openapi-spec-validator's OpenAPI `version` schema, the
    way the library compiles it (with its defaults), once per process."""
    key = "structure " + version
    if key not in _COMPILED:
        import jsonschema_rs

        path = os.path.join(_package_dir("openapi_spec_validator"), "resources", "schemas", f"v{version}", "schema.json")
        _COMPILED[key] = jsonschema_rs.validator_for(_read_json(path), retriever=_no_retrieval)
    return _COMPILED[key]


def _structural(data: Any, version: str) -> Iterator[tuple[str, str]]:
    try:
        errors = list(_structural_validator(version).iter_errors(data))
    except ValueError as exc:  # a value JSON cannot hold: bytes, a key that is not a string
        yield f"the document holds a value that is not JSON: {exc}", ""
        return
    for error in errors:
        yield str(error.message), _pointer("", error.instance_path)


# -- meta-schemas ----------------------------------------------------------------

_OAS31_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"
_DRAFT4 = "http://json-schema.org/draft-04/schema"
_DRAFT3 = "http://json-schema.org/draft-03/schema"
_META_RESOURCES: dict[str, Any] = {}


def _meta_resources() -> dict[str, Any]:
    """Every meta-schema python-jsonschema and openapi-schema-validator ship, by URI
    (without an empty fragment): the resources their check_schema resolves against."""
    if not _META_RESOURCES:
        found: dict[str, Any] = {}
        roots = [
            os.path.join(_package_dir("jsonschema_specifications"), "schemas"),
            os.path.join(_package_dir("openapi_schema_validator"), "schemas"),
        ]
        for root in roots:
            for folder, _, files in sorted(os.walk(root)):
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    contents = _read_json(os.path.join(folder, name))
                    uri = contents.get("$id") or contents.get("id") if isinstance(contents, dict) else None
                    if isinstance(uri, str):
                        found[uri.rstrip("#")] = contents
        _META_RESOURCES.update(found)  # at once: another thread never sees half of them
    return _META_RESOURCES


def _is_python_regex(value: Any) -> bool:
    """openapi-schema-validator's `regex` format (Python's re; the `regress` package,
    which it would prefer, is not installed)."""
    if not isinstance(value, str):
        return True
    try:
        re.compile(value)
    except re.error:
        return False
    return True


def _formats_in(schema: Any, found: set[str]) -> set[str]:
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


class _Meta:
    """A compiled meta-schema check: jsonschema-rs with the meta-schema at `uri`."""

    def __init__(self, uri: str) -> None:
        import jsonschema_rs

        resources = _meta_resources() if uri != _DRAFT4 else {_DRAFT4: self._draft4()}
        self.uri = uri
        self.resources = resources
        schema = resources[uri]
        formats: dict[str, Callable[[Any], bool]] = {name: _accept for name in _formats_in(resources, set())}
        formats["regex"] = _is_python_regex
        registry = None
        if uri != _DRAFT4:
            registry = jsonschema_rs.Registry(
                [(key, value) for key, value in resources.items() if key != _DRAFT3], retriever=_no_retrieval
            )
        self.validator = jsonschema_rs.validator_for(
            schema, formats=formats, validate_formats=True, registry=registry, retriever=_no_retrieval
        )

    @staticmethod
    def _draft4() -> Any:
        return _read_json(os.path.join(_package_dir("jsonschema_specifications"), "schemas", "draft4", "metaschema.json"))

    def first_error(self, schema: Any) -> tuple[str, list[str | int]] | None:
        """The error python-jsonschema's check_schema would raise for `schema` (the first
        it meets), as (jsonschema-rs message, path in `schema`); None when it is valid."""
        if self.validator.is_valid(schema):
            return None
        errors = list(self.validator.iter_errors(schema))
        if not errors:
            return None
        first = min(errors, key=lambda error: _python_order(error, self.uri, self.resources, schema))
        return str(first.message), list(first.instance_path)


def _accept(value: Any) -> bool:
    return True


_META: dict[str, _Meta | None] = {}

#: dialect URIs python-jsonschema knows once openapi-schema-validator is imported (the
#: library's setting), normalized its way; draft 3 is left to python-jsonschema itself
_DIALECTS = (
    _DRAFT3,
    _DRAFT4,
    "http://json-schema.org/draft-06/schema",
    "http://json-schema.org/draft-07/schema",
    "https://json-schema.org/draft/2019-09/schema",
    "https://json-schema.org/draft/2020-12/schema",
    _OAS31_DIALECT,
    "https://spec.openapis.org/oas/3.2/dialect/2025-09-17",
)


def _meta(uri: str) -> _Meta | None:
    if uri not in _META:
        _META[uri] = _Meta(uri) if uri in _DIALECTS and uri != _DRAFT3 else None
    return _META[uri]


def _draft3_error(schema: Any) -> tuple[str, list[str | int]] | None:  # pragma: no cover - a museum piece
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import Draft3Validator
    from openapi_schema_validator import oas31_format_checker

    try:
        Draft3Validator.check_schema(schema, format_checker=oas31_format_checker)
    except SchemaError as error:
        return str(error.message), list(error.path)
    return None


_APPLY_ONE = frozenset(
    "not if then else contains propertyNames contentSchema additionalItems unevaluatedItems "
    "additionalProperties unevaluatedProperties items".split()
)
_INSTANCE_ONE = frozenset("items additionalItems unevaluatedItems additionalProperties unevaluatedProperties".split())
_APPLY_NAMED = frozenset("properties patternProperties $defs definitions dependentSchemas dependencies".split())
_APPLY_LIST = frozenset("allOf anyOf oneOf prefixItems".split())


def _python_order(error: Any, entry: str, resources: dict[str, Any], instance: Any) -> tuple[list[int], list[str]]:
    """A sort key putting the errors of a meta-schema check in the order python-jsonschema
    meets them: it goes through a schema's keywords in the order they are written, the
    properties of `properties` in the meta-schema's order, array items by index."""
    key: list[int] = []
    node = resources[entry]
    base = entry
    path = list(error.evaluation_path)
    at = list(error.instance_path)
    inst, step, i = instance, 0, 0

    def position(container: Any, item: Any) -> int:
        if isinstance(container, dict):
            names = list(container)
            return names.index(item) if item in container else len(names)
        return item if isinstance(item, int) else 0

    def advance() -> None:
        nonlocal inst, step
        if step < len(at):
            try:
                inst = inst[at[step]]
            except (LookupError, TypeError):
                inst = None
            step += 1

    try:
        while i < len(path) and isinstance(node, dict):
            keyword = path[i]
            i += 1
            key.append(position(node, keyword))
            if keyword == "$ref":
                node, base = _meta_lookup(resources, base, node[keyword])
                continue
            if keyword in ("$dynamicRef", "$recursiveRef"):  # the outermost dynamic anchor: the entry
                node, base = resources[entry], entry
                continue
            child: Any = node.get(keyword)
            if keyword in _APPLY_NAMED and i < len(path):
                name = path[i]
                i += 1
                key.append(position(child, name))
                node = child.get(name) if isinstance(child, dict) else None
                if keyword == "patternProperties" and step < len(at):
                    key.append(position(inst, at[step]))
                if keyword in ("properties", "patternProperties"):
                    advance()
            elif (keyword in _APPLY_LIST or isinstance(child, list)) and i < len(path) and isinstance(path[i], int):
                index = int(path[i])
                i += 1
                key.append(index)
                node = child[index]
                if keyword in ("prefixItems", "items"):
                    advance()
            elif keyword in _APPLY_ONE:
                if keyword in _INSTANCE_ONE and step < len(at):
                    key.append(position(inst, at[step]))
                    advance()
                node = child
            else:
                break
    except (LookupError, TypeError, ValueError, AttributeError):
        pass
    return key, [str(part) for part in at]


def _meta_lookup(resources: dict[str, Any], base: str, ref: Any) -> tuple[Any, str]:
    uri, fragment = urldefrag(urljoin(base, str(ref)))
    uri = uri or base
    node = resources[uri]
    return _follow(node, unquote(fragment)), uri


def _follow(node: Any, fragment: str) -> Any:
    if not fragment:
        return node
    if not fragment.startswith("/"):
        raise LookupError(fragment)
    for token in fragment[1:].split("/"):
        if isinstance(node, list):
            node = node[int(token)]
        else:
            node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


# -- the semantic walk -------------------------------------------------------------

_OPERATIONS = frozenset(("get", "put", "post", "delete", "options", "head", "patch", "trace"))
#: OpenAPI 3.2's: QUERY, and the operations of `additionalOperations` (walked as the library walks them)
_OPERATIONS_32 = _OPERATIONS | {"query"}
_VISIT, _AFTER = 0, 1

#: a JSON pointer as its tokens (made a string only for the problems reported)
_At = tuple[str | int, ...]


class _Broken:
    """A chain of references that does not end at a node: why, and the pointer of the
    reference that fails (None: the first one, wherever it is written)."""

    __slots__ = ("message", "at")

    def __init__(self, message: str, at: _At | None) -> None:
        self.message = message
        self.at = at


class _Walker:
    """The library's keyword validators (validation/keywords.py), over plain dicts.

    Every node is read the way the library's jsonschema-path accessors read it: a dict
    with a string `$ref` stands for what the reference points to. Schemas are walked with
    an explicit stack in the library's depth-first order, so that its dedupe by object
    identity (one meta-check per schema object, one visit per schema object) picks the
    same schemas. Problems are handed out as each path item and component is done, so a
    caller that wants only the first few stops the walk early, as the library does.
    """

    def __init__(self, root: Any, version: str, v32: bool = False) -> None:
        self.root = root
        self.version = version
        self.v32 = v32
        self.out: list[tuple[str, str]] = []
        self.meta_checked: set[int] = set()
        self.visited: set[int] = set()
        self.operation_ids: set[Any] = set()
        self.unhashable_operation_ids: list[Any] = []
        self.reported: set[tuple[_At, str]] = set()
        self.lookups: dict[str, tuple[Any, _At] | str] = {}
        self.targets: dict[str, tuple[Any, _At] | _Broken] = {}
        self.dialect: str | None = None
        self.values = _ValueChecker(root, version == "3.1", self.lookup)

    def report(self, at: _At, message: str) -> None:
        self.out.append((message, _pointer("", at)))

    def flush(self) -> list[tuple[str, str]]:
        out, self.out = self.out, []
        return out

    def run(self) -> Iterator[tuple[str, str]]:
        resolved = self.deref(self.root, ())
        if resolved is None or type(resolved[0]) is not dict:
            yield from self.flush()
            return
        root, at = resolved
        if "tags" in root:
            self.tags(root["tags"], (*at, "tags"))
            yield from self.flush()
        if "paths" in root:
            for url, item, item_at in self.entries(root["paths"], (*at, "paths")):
                if isinstance(url, str):
                    self.path_item(url, item, item_at)
                yield from self.flush()
        if "components" in root:
            components = self.deref(root["components"], (*at, "components"))
            if components is not None and type(components[0]) is dict and "schemas" in components[0]:
                for _, schema, schema_at in self.entries(components[0]["schemas"], (*components[1], "schemas")):
                    self.schema(schema, schema_at)
                    yield from self.flush()
        yield from self.flush()

    # references

    def lookup(self, ref: str) -> tuple[Any, _At] | str:
        """What a local reference points to and its pointer, or why it does not resolve."""
        found = self.lookups.get(ref)
        if found is None:
            found = self.lookups[ref] = _lookup(self.root, ref)
        return found

    def deref(self, node: Any, at: _At) -> tuple[Any, _At] | None:
        """(node, pointer) with references followed; None, reported, when one does not
        resolve or they go round in a circle."""
        if type(node) is not dict:
            return node, at
        ref = node.get("$ref")
        if type(ref) is not str:
            return node, at
        target = self.targets.get(ref)
        if target is None:
            target = self.targets[ref] = self.follow(ref)
        if isinstance(target, _Broken):
            self.report_ref((*at, "$ref") if target.at is None else target.at, target.message)
            return None
        return target

    def follow(self, ref: str) -> tuple[Any, _At] | _Broken:
        """Where a chain of references starting with `ref` ends: (node, pointer), or why
        it breaks."""
        seen: set[int] = set()
        where: _At | None = None
        while True:
            found = self.lookup(ref)
            if isinstance(found, str):
                return _Broken(f"$ref {ref!r} {found}", where)
            node, at = found
            if type(node) is not dict or type(node.get("$ref")) is not str:
                return node, at
            if id(node) in seen:
                return _Broken(f"$ref {node['$ref']!r} is circular: it leads back to itself", (*at, "$ref"))
            seen.add(id(node))
            ref, where = node["$ref"], (*at, "$ref")

    def report_ref(self, at: _At, message: str) -> None:
        if (at, message) not in self.reported:
            self.reported.add((at, message))
            self.report(at, message)

    def entries(self, container: Any, at: _At) -> list[tuple[str | int, Any, _At]]:
        """The children of a container node (a mapping's values or a list's items), as the
        library iterates them: (key, child, pointer of the child)."""
        resolved = self.deref(container, at)
        if resolved is None:
            return []
        node, at = resolved
        if type(node) is dict:
            return [(key, child, (*at, key)) for key, child in node.items()]
        if type(node) is list:
            return [(index, child, (*at, index)) for index, child in enumerate(node)]
        return []

    def text(self, node: dict[str, Any], key: str, at: _At) -> tuple[str, _At] | None:
        """A string field read the way the library's read_str reads it."""
        if key not in node:
            return None
        resolved = self.deref(node[key], (*at, key))
        if resolved is None or not isinstance(resolved[0], str):
            return None
        return resolved[0], resolved[1]

    # the document's objects

    def tags(self, tags: Any, at: _At) -> None:
        seen: set[str] = set()
        for _, tag, tag_at in self.entries(tags, at):
            resolved = self.deref(tag, tag_at)
            if resolved is None or type(resolved[0]) is not dict:
                continue
            name = self.text(resolved[0], "name", resolved[1])
            if name is None:
                continue
            if name[0] in seen:
                self.report(name[1], f"Duplicate tag name '{name[0]}'")
            seen.add(name[0])

    def path_item(self, url: str, item: Any, at: _At) -> None:
        resolved = self.deref(item, at)
        if resolved is None or type(resolved[0]) is not dict:
            return
        node, at = resolved
        shared: tuple[Any, _At] | None = None
        if "parameters" in node:
            shared = (node["parameters"], (*at, "parameters"))
            self.parameters(*shared)
        operations = _OPERATIONS_32 if self.v32 else _OPERATIONS
        for field, operation in node.items():
            if field in operations:
                self.operation(url, field, operation, (*at, field), shared)
            elif field == "additionalOperations" and self.v32 and type(operation) is dict:
                for name, other in operation.items():
                    self.operation(url, name, other, (*at, field, name), shared)

    def parameters(self, parameters: Any, at: _At) -> None:
        seen: set[Any] = set()
        for _, parameter, entry_at in self.entries(parameters, at):
            resolved = self.deref(parameter, entry_at)
            if resolved is None or type(resolved[0]) is not dict:
                continue
            node, node_at = resolved
            if "schema" in node:
                self.schema(node["schema"], (*node_at, "schema"))
            if "name" not in node or "in" not in node:
                continue  # the library stops here (KeyError); the structural check names it
            key = (node["name"], node["in"])
            try:
                duplicate = key in seen
            except TypeError:
                continue
            if duplicate:
                self.report(entry_at, f"Duplicate parameter '{node['name']}'")
            seen.add(key)

    def path_parameter_names(self, parameters: Any, at: _At) -> list[tuple[str, _At]]:
        names: list[tuple[str, _At]] = []
        for _, parameter, entry_at in self.entries(parameters, at):
            resolved = self.deref(parameter, entry_at)
            if resolved is None or type(resolved[0]) is not dict:
                continue
            where = self.text(resolved[0], "in", resolved[1])
            if where is None or where[0] != "path":
                continue
            name = self.text(resolved[0], "name", resolved[1])
            if name is not None:
                names.append((name[0], entry_at))
        return names

    def operation(self, url: str, method: str, operation: Any, at: _At, shared: tuple[Any, _At] | None) -> None:
        resolved = self.deref(operation, at)
        if resolved is None:
            return
        node, at = resolved
        names: list[tuple[str, _At]] = []
        if type(node) is dict:
            if "operationId" in node:
                found = self.deref(node["operationId"], (*at, "operationId"))
                if found is not None:
                    value, value_at = found
                    if value is not None and self.seen_operation_id(value):
                        self.report(value_at, f"Operation ID '{value}' for '{method}' in '{url}' is not unique")
                    self.add_operation_id(value)
            if "responses" in node:
                self.responses(node["responses"], (*at, "responses"))
            if "parameters" in node:
                self.parameters(node["parameters"], (*at, "parameters"))
                names += self.path_parameter_names(node["parameters"], (*at, "parameters"))
        if shared is not None:
            names += self.path_parameter_names(*shared)
        import string

        try:  # as the library reads a path template
            in_url = {field for _, field, _, _ in string.Formatter().parse(url) if field}
        except ValueError as exc:  # the library stops here
            self.report(at, f"the path template {url!r} cannot be read: {exc}")
            return
        declared: dict[str, _At] = {}
        for name, name_at in names:
            declared.setdefault(name, name_at)
        for name in sorted(in_url):
            if name not in declared:
                self.report(at, f"Path parameter '{name}' for '{method}' operation in '{url}' was not resolved")
        for name in sorted(declared):
            if name not in in_url:
                self.report(declared[name], f"Path parameter '{name}' for '{method}' operation in '{url}' was not resolved")

    def seen_operation_id(self, value: Any) -> bool:
        try:
            return value in self.operation_ids
        except TypeError:
            return value in self.unhashable_operation_ids

    def add_operation_id(self, value: Any) -> None:
        try:
            self.operation_ids.add(value)
        except TypeError:
            self.unhashable_operation_ids.append(value)

    def responses(self, responses: Any, at: _At) -> None:
        for status, response, response_at in self.entries(responses, at):
            if not isinstance(status, str):
                continue
            resolved = self.deref(response, response_at)
            if resolved is None or type(resolved[0]) is not dict or "content" not in resolved[0]:
                continue
            for media_type, media, media_at in self.entries(resolved[0]["content"], (*resolved[1], "content")):
                if not isinstance(media_type, str):
                    continue
                found = self.deref(media, media_at)
                if found is not None and type(found[0]) is dict and "schema" in found[0]:
                    self.schema(found[0]["schema"], (*found[1], "schema"))

    # schemas

    def schema(self, schema: Any, at: _At) -> None:
        """SchemaValidator.__call__ for a schema met directly (a parameter's, a media
        type's, a component): meta-checked, and its required list checked against allOf;
        the schemas it leads to are walked without either."""
        stack: list[tuple[Any, ...]] = [(_VISIT, schema, at, True, False)]
        pop, push = stack.pop, stack.append
        visited, meta_checked = self.visited, self.meta_checked
        while stack:
            entry = pop()
            if entry[0] == _AFTER:
                self.after(*entry[1:])
                continue
            _, raw, raw_at, require_properties, checked = entry
            resolved = self.deref(raw, raw_at)
            if resolved is None:
                continue
            value, value_at = resolved
            kind = type(value)
            if kind is not dict and kind is not bool:
                self.report(value_at, f"{value!r} is not of type 'object', 'boolean'")
                continue
            identity = id(value)
            if not checked and identity not in meta_checked:
                meta_checked.add(identity)
                if self.meta_problem(value, value_at):
                    continue
            if identity in visited:
                continue
            visited.add(identity)
            if kind is not dict:
                continue
            children: list[tuple[str | int, Any, _At]] = []
            all_of = None
            if "allOf" in value:
                all_of = self.entries(value["allOf"], (*value_at, "allOf"))
                children += all_of
            if "anyOf" in value:
                children += self.entries(value["anyOf"], (*value_at, "anyOf"))
            if "oneOf" in value:
                children += self.entries(value["oneOf"], (*value_at, "oneOf"))
            if "not" in value:
                children.append(("not", value["not"], (*value_at, "not")))
            if "items" in value:
                children.append(("items", value["items"], (*value_at, "items")))
            if "properties" in value:
                children += self.entries(value["properties"], (*value_at, "properties"))
            if all_of is not None or "default" in value:
                push((_AFTER, value, value_at, require_properties, all_of))
            for _, child, child_at in reversed(children):
                push((_VISIT, child, child_at, False, True))

    def after(self, value: dict[str, Any], at: _At, require_properties: bool, all_of: list[tuple[str | int, Any, _At]] | None) -> None:
        """The end of SchemaValidator.__call__: the required list against allOf, then the
        default."""
        if all_of is not None:
            self.required_defined(value, at, require_properties, all_of)
        if "default" in value:
            default = self.deref(value["default"], (*at, "default"))
            nullable: Any = False
            if "nullable" in value:
                found = self.deref(value["nullable"], (*at, "nullable"))
                nullable = found[0] if found is not None else False
            if default is not None and (default[0] is not None or nullable is not True):
                self.check_default(value, *default)

    def required_defined(self, value: dict[str, Any], at: _At, require_properties: bool, all_of: list[tuple[str | int, Any, _At]]) -> None:
        required: Any = []
        required_at: _At = (*at, "required")
        if "required" in value:
            found = self.deref(value["required"], required_at)
            if found is not None:
                required, required_at = found[0] or [], found[1]
        properties: Any = []
        if "properties" in value:
            found = self.deref(value["properties"], (*at, "properties"))
            if found is not None and type(found[0]) is dict:
                properties = found[0].keys()
            elif found is not None and type(found[0]) is list:
                properties = range(len(found[0]))
        nested: set[Any] = set()
        for _, child, child_at in all_of:
            nested |= self.collect_properties(child, child_at)
        try:
            extra = set(required) - set(properties) - nested
        except TypeError:  # unhashable entries: the library stops here
            return
        if not extra or not require_properties:
            return
        if type(required) is list:
            required_at = next(((*required_at, index) for index, name in enumerate(required) if name in extra), required_at)
        self.report(required_at, f"Required list has not defined properties: {sorted(extra, key=str)!r}")

    def collect_properties(self, schema: Any, at: _At) -> set[Any]:
        """SchemaValidator._collect_properties: every property name `schema` and its
        allOf/anyOf/oneOf/items/not define (cycle-safe; the library recurses)."""
        found: set[Any] = set()
        seen: set[int] = set()
        stack = [(schema, at)]
        while stack:
            resolved = self.deref(*stack.pop())
            if resolved is None or type(resolved[0]) is not dict or id(resolved[0]) in seen:
                continue
            node, node_at = resolved
            seen.add(id(node))
            if "properties" in node:
                properties = self.deref(node["properties"], (*node_at, "properties"))
                if properties is not None and type(properties[0]) is dict:
                    found.update(properties[0])
                elif properties is not None and type(properties[0]) is list:
                    found.update(range(len(properties[0])))
            for keyword in ("allOf", "anyOf", "oneOf"):
                if keyword in node:
                    stack += [(child, child_at) for _, child, child_at in self.entries(node[keyword], (*node_at, keyword))]
            for keyword in ("items", "not"):
                if keyword in node:
                    stack.append((node[keyword], (*node_at, keyword)))
        return found

    def meta_problem(self, value: Any, at: _At) -> bool:
        """The meta-schema check of one schema; True when it failed (and was reported)."""
        dialect_at = at
        if self.version == "3.0":
            meta = _meta(_DRAFT4)
        else:
            if type(value) is dict and "$schema" in value:
                dialect, dialect_at = value["$schema"], (*at, "$schema")
                if not isinstance(dialect, str):
                    self.report(dialect_at, f"Unknown JSON Schema dialect: {dialect!r}")
                    return True
            else:
                dialect = self.default_dialect()
            try:
                normalized = urlsplit(dialect).geturl()
            except ValueError as exc:
                self.report(dialect_at, str(exc))
                return True
            if normalized not in _DIALECTS:
                self.report(dialect_at, f"Unknown JSON Schema dialect: {dialect!r}")
                return True
            meta = _meta(normalized)
        try:
            error = meta.first_error(value) if meta is not None else _draft3_error(value)
        except ValueError as exc:  # not JSON: jsonschema-rs cannot take it
            self.report(at, f"the schema holds a value that is not JSON: {exc}")
            return True
        if error is None:
            return False
        message, path = error
        self.report((*at, *path), message)
        return True

    def default_dialect(self) -> str:
        if self.dialect is None:
            self.dialect = _OAS31_DIALECT
            if type(self.root) is dict and "jsonSchemaDialect" in self.root:
                found = self.deref(self.root["jsonSchemaDialect"], ("jsonSchemaDialect",))
                if found is not None and isinstance(found[0], str):
                    self.dialect = found[0]
        return self.dialect

    def check_default(self, schema: dict[str, Any], value: Any, at: _At) -> None:
        try:
            try:
                errors = self.values.errors(schema, value)
            except _Unsupported:
                errors = _library_default_errors(self.root, schema, value, self.version == "3.1")
        except _CannotCheck as exc:
            self.report(at, f"the default cannot be checked: {exc}")
            return
        for message, path in errors:
            self.report((*at, *path), message)


def _lookup(root: Any, ref: str) -> tuple[Any, _At] | str:
    """A reference within the document, resolved the way the `referencing` library does
    (percent-decoded, then JSON pointer tokens unescaped): (node, pointer), or a reason."""
    if not ref.startswith("#"):
        return "is not followed: only references within the document are"
    fragment = unquote(ref[1:])
    if not fragment:
        return root, ()
    if not fragment.startswith("/"):
        return "does not resolve: only JSON pointer fragments are followed"
    node = root
    at: list[str | int] = []
    for token in fragment[1:].split("/"):
        if type(node) is dict:
            key = token.replace("~1", "/").replace("~0", "~")
            if key not in node:
                return "does not resolve" + did_you_mean(key, node)
            node = node[key]
            at.append(key)
        elif type(node) is list and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            at.append(int(token))
        else:
            return "does not resolve"
    return node, tuple(at)


# -- defaults ----------------------------------------------------------------------


class _Unsupported(Exception):
    """A default the checker below cannot judge exactly as the library does: the library
    judges it."""


class _CannotCheck(Exception):
    """A default nobody can check: its schema refers to something that is not there, or
    to itself without end."""


_Errors = list[tuple[str, tuple[str | int, ...]]]
_Keyword = Callable[["_ValueChecker", Any, Any, dict[str, Any], tuple[str | int, ...], _Errors, int], None]


class _ValueChecker:
    """A value against a schema, as openapi-schema-validator's OAS30Validator (with
    oas30_format_checker) or OAS31Validator (with oas31_format_checker) judges it, in its
    words: what SchemaValidator does with a schema's `default`."""

    def __init__(self, root: Any, v31: bool, lookup: Callable[[str], tuple[Any, _At] | str]) -> None:
        self.root = root
        self.v31 = v31
        self.lookup = lookup
        self.keywords = _KEYWORDS_31 if v31 else _KEYWORDS_30
        self.formats = _FORMATS_31 if v31 else _FORMATS_30
        self.active: set[tuple[int, int]] = set()

    def errors(self, schema: Any, value: Any) -> _Errors:
        out: _Errors = []
        self.active.clear()
        try:
            self.descend(schema, value, (), out, 0, root=True)
        except (_CannotCheck, _Unsupported):
            raise
        except Exception as exc:  # an input the library would fail on too: let it say so
            raise _Unsupported(str(exc)) from exc
        return out

    def descend(
        self, schema: Any, value: Any, path: tuple[str | int, ...], out: _Errors, depth: int, root: bool = False
    ) -> None:
        if schema is True:
            return
        if schema is False:
            out.append((f"False schema does not allow {value!r}", path))
            return
        if type(schema) is not dict:
            raise _Unsupported("a schema that is not an object")
        if not root and (("$id" in schema) if self.v31 else ("id" in schema and "$ref" not in schema)):
            raise _Unsupported("an embedded schema id changes the base URI")
        if depth > _MAX_VALUE_DEPTH:
            raise _CannotCheck("its schema nests too deeply")
        key = (id(schema), id(value))
        if key in self.active:
            raise _CannotCheck("its schema refers to itself without end")
        self.active.add(key)
        try:
            keywords = self.keywords
            for name, argument in schema.items():
                check = keywords.get(name)
                if check is not None:
                    check(self, argument, value, schema, path, out, depth)
        finally:
            self.active.discard(key)

    def valid(self, schema: Any, value: Any, depth: int) -> bool:
        """python-jsonschema's is_valid: it stops at the first error, so what comes after
        it (a schema that refers to itself, say) is never looked at."""
        try:
            self.descend(schema, value, (), _FirstErrorStops(), depth + 1)
        except _FirstError:
            return False
        return True

    def passes(self, schema: Any, value: Any, depth: int) -> bool:
        """`not list(descend(...))`, as anyOf and oneOf judge a subschema: every error is
        looked for."""
        out: _Errors = []
        self.descend(schema, value, (), out, depth + 1)
        return not out

    def is_type(self, value: Any, name: Any) -> bool:
        if name == "string":
            return isinstance(value, str)
        if name == "object":
            return isinstance(value, dict)
        if name == "array":
            return isinstance(value, list)
        if name == "boolean":
            return isinstance(value, bool)
        if name == "number":
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if name == "integer":
            if isinstance(value, bool):
                return False
            return isinstance(value, int) or (self.v31 and isinstance(value, float) and value.is_integer())
        if name == "null" and self.v31:
            return value is None
        raise _Unsupported(f"unknown type {name!r}")

    def resolve(self, ref: Any) -> Any:
        if not isinstance(ref, str):
            raise _Unsupported("a $ref that is not a string")
        found = self.lookup(ref)
        if isinstance(found, str):
            raise _CannotCheck(f"$ref {ref!r} {found}")
        return found[0]


_Path = tuple[str | int, ...]


class _FirstError(Exception):
    pass


class _FirstErrorStops(list[tuple[str, _Path]]):
    """Where is_valid's errors go: the first one ends the check."""

    def append(self, error: tuple[str, _Path]) -> None:
        raise _FirstError


def _equal(one: Any, two: Any) -> bool:
    """python-jsonschema's equality: True is not 1, containers compared deeply."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(key in two and _equal(value, two[key]) for key, value in one.items())
    return bool(_unbool(one) == _unbool(two))


_TRUE, _FALSE = object(), object()


def _unbool(value: Any) -> Any:
    if value is True:
        return _TRUE
    if value is False:
        return _FALSE
    return value


def _unique(values: list[Any]) -> bool:
    """python-jsonschema's uniq."""
    try:
        ordered = sorted(_unbool(value) for value in values)
        return not any(_equal(a, b) for a, b in zip(ordered, ordered[1:], strict=False))
    except (NotImplementedError, TypeError):
        seen: list[Any] = []
        for value in values:
            value = _unbool(value)
            if any(_equal(other, value) for other in seen):
                return False
            seen.append(value)
    return True


def _not_allowed(extras: Sequence[Any]) -> str:
    listed = ", ".join(repr(extra) for extra in extras)
    return f"Additional properties are not allowed ({listed} {'was' if len(extras) == 1 else 'were'} unexpected)"


def _additional(value: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    properties = schema.get("properties", {})
    patterns = "|".join(schema.get("patternProperties", {}))
    return [name for name in value if name not in properties and not (patterns and re.search(patterns, name))]


def _k_ref(c: _ValueChecker, ref: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    c.descend(c.resolve(ref), value, path, out, depth + 1, root=True)


def _k_unsupported(c: _ValueChecker, argument: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    raise _Unsupported("a keyword checked by the library only")


def _k_multiple_of(c: _ValueChecker, divisor: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not c.is_type(value, "number"):
        return
    if isinstance(divisor, float):
        quotient = value / divisor
        try:
            failed = int(quotient) != quotient
        except OverflowError:
            from fractions import Fraction

            failed = (Fraction(value) / Fraction(divisor)).denominator != 1
    else:
        failed = bool(value % divisor)
    if failed:
        out.append((f"{value!r} is not a multiple of {divisor}", path))


def _k_maximum_30(c: _ValueChecker, maximum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not c.is_type(value, "number"):
        return
    if schema.get("exclusiveMaximum", False):
        failed, comparison = value >= maximum, "greater than or equal to"
    else:
        failed, comparison = value > maximum, "greater than"
    if failed:
        out.append((f"{value!r} is {comparison} the maximum of {maximum!r}", path))


def _k_minimum_30(c: _ValueChecker, minimum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not c.is_type(value, "number"):
        return
    if schema.get("exclusiveMinimum", False):
        failed, comparison = value <= minimum, "less than or equal to"
    else:
        failed, comparison = value < minimum, "less than"
    if failed:
        out.append((f"{value!r} is {comparison} the minimum of {minimum!r}", path))


def _k_maximum(c: _ValueChecker, maximum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.is_type(value, "number") and value > maximum:
        out.append((f"{value!r} is greater than the maximum of {maximum!r}", path))


def _k_minimum(c: _ValueChecker, minimum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.is_type(value, "number") and value < minimum:
        out.append((f"{value!r} is less than the minimum of {minimum!r}", path))


def _k_exclusive_maximum(c: _ValueChecker, maximum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.is_type(value, "number") and value >= maximum:
        out.append((f"{value!r} is greater than or equal to the maximum of {maximum!r}", path))


def _k_exclusive_minimum(c: _ValueChecker, minimum: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.is_type(value, "number") and value <= minimum:
        out.append((f"{value!r} is less than or equal to the minimum of {minimum!r}", path))


def _too_short(value: Any, limit: Any, what: str = "is too short") -> str:
    return f"{value!r} {'should be non-empty' if limit == 1 else what}"


def _too_long(value: Any, limit: Any, what: str = "is too long") -> str:
    return f"{value!r} {'is expected to be empty' if limit == 0 else what}"


def _k_max_length(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        out.append((_too_long(value, limit), path))


def _k_min_length(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, str) and len(value) < limit:
        out.append((_too_short(value, limit), path))


def _k_pattern(c: _ValueChecker, pattern: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, str) and not re.search(pattern, value):
        out.append((f"{value!r} does not match {pattern!r}", path))


def _k_max_items(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, list) and len(value) > limit:
        out.append((_too_long(value, limit), path))


def _k_min_items(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, list) and len(value) < limit:
        out.append((_too_short(value, limit), path))


def _k_unique_items(c: _ValueChecker, unique: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if unique and isinstance(value, list) and not _unique(value):
        out.append((f"{value!r} has non-unique elements", path))


def _k_max_properties(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict) and len(value) > limit:
        out.append((_too_long(value, limit, "has too many properties"), path))


def _k_min_properties(c: _ValueChecker, limit: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict) and len(value) < limit:
        out.append((_too_short(value, limit, "does not have enough properties"), path))


def _k_enum(c: _ValueChecker, options: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if all(not _equal(option, value) for option in options):
        out.append((f"{value!r} is not one of {options!r}", path))


def _k_const(c: _ValueChecker, const: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not _equal(value, const):
        out.append((f"{const!r} was expected", path))


def _k_type_30(c: _ValueChecker, kind: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if value is None:
        if schema.get("nullable") is True:
            return
        out.append(("None for not nullable", path))
    if not c.is_type(value, kind):
        out.append((f"{value!r} is not of type {kind!r}", path))


def _k_type_31(c: _ValueChecker, kinds: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not any(c.is_type(value, kind) for kind in kinds):
        out.append((f"{value!r} is not of type {', '.join(repr(kind) for kind in kinds)}", path))


def _no_discriminator(c: _ValueChecker, schema: dict[str, Any]) -> None:
    if not c.v31 and "discriminator" in schema:
        raise _Unsupported("discriminator")


def _schema_list(schemas: Any) -> list[Any]:
    if not isinstance(schemas, list):
        raise _Unsupported("a list of schemas that is not a list")
    return schemas


def _k_all_of(c: _ValueChecker, schemas: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    _no_discriminator(c, schema)
    for inner in _schema_list(schemas):
        c.descend(inner, value, path, out, depth + 1)


def _k_any_of(c: _ValueChecker, schemas: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    _no_discriminator(c, schema)
    if not any(c.passes(inner, value, depth) for inner in _schema_list(schemas)):
        out.append((f"{value!r} is not valid under any of the given schemas", path))


def _k_one_of(c: _ValueChecker, schemas: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    _no_discriminator(c, schema)
    inner = _schema_list(schemas)
    first = next((index for index, each in enumerate(inner) if c.passes(each, value, depth)), None)
    if first is None:
        out.append((f"{value!r} is not valid under any of the given schemas", path))
        return
    more = [each for each in inner[first + 1 :] if c.valid(each, value, depth)]
    if more:
        more.append(inner[first])
        out.append((f"{value!r} is valid under each of {', '.join(repr(each) for each in more)}", path))


def _k_not(c: _ValueChecker, inner: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.valid(inner, value, depth):
        out.append((f"{value!r} should not be valid under {inner!r}", path))


def _k_if(c: _ValueChecker, condition: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if c.valid(condition, value, depth):
        if "then" in schema:
            c.descend(schema["then"], value, path, out, depth + 1)
    elif "else" in schema:
        c.descend(schema["else"], value, path, out, depth + 1)


def _k_items_30(c: _ValueChecker, items: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            c.descend(items, item, (*path, index), out, depth + 1)


def _k_items_31(c: _ValueChecker, items: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not isinstance(value, list):
        return
    prefix = len(schema.get("prefixItems", []))
    total = len(value)
    extra = total - prefix
    if extra <= 0:
        return
    if items is False:
        rest = value[prefix:] if extra != 1 else value[prefix]
        noun = "items" if prefix != 1 else "item"
        out.append((f"Expected at most {prefix} {noun} but found {extra} extra: {rest!r}", path))
        return
    for index in range(prefix, total):
        c.descend(items, value[index], (*path, index), out, depth + 1)


def _k_prefix_items(c: _ValueChecker, schemas: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, list):
        for (index, item), inner in zip(enumerate(value), schemas, strict=False):
            c.descend(inner, item, (*path, index), out, depth + 1)


def _k_contains(c: _ValueChecker, inner: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not isinstance(value, list):
        return
    matches = 0
    least = schema.get("minContains", 1)
    most = schema.get("maxContains", len(value))
    for item in value:
        if c.valid(inner, item, depth):
            matches += 1
            if matches > most:
                out.append((f"Too many items match the given schema (expected at most {most})", path))
                return
    if matches < least:
        if not matches:
            out.append((f"{value!r} does not contain items matching the given schema", path))
        else:
            out.append(
                (f"Too few items match the given schema (expected at least {least} but only {matches} matched)", path)
            )


def _k_properties(c: _ValueChecker, properties: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for name, inner in properties.items():
            if name in value:
                c.descend(inner, value[name], (*path, name), out, depth + 1)


def _k_pattern_properties(c: _ValueChecker, patterns: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for pattern, inner in patterns.items():
            for name, item in value.items():
                if re.search(pattern, name):
                    c.descend(inner, item, (*path, name), out, depth + 1)


def _k_property_names(c: _ValueChecker, inner: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for name in value:
            c.descend(inner, name, path, out, depth + 1)


def _k_additional_30(c: _ValueChecker, allowed: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not isinstance(value, dict):
        return
    extras = sorted(set(_additional(value, schema)), key=str)  # the library's order is a set's
    if not extras:
        return
    if isinstance(allowed, dict):
        for extra in extras:
            c.descend(allowed, value[extra], (*path, extra), out, depth + 1)
    elif isinstance(allowed, bool) and not allowed:
        out.append((_not_allowed(extras), path))


def _k_additional_31(c: _ValueChecker, allowed: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not isinstance(value, dict):
        return
    extras = set(_additional(value, schema))
    if isinstance(allowed, dict):
        for extra in sorted(extras, key=str):
            c.descend(allowed, value[extra], (*path, extra), out, depth + 1)
    elif not allowed and extras:
        if "patternProperties" in schema:
            verb = "does" if len(extras) == 1 else "do"
            joined = ", ".join(repr(each) for each in sorted(extras))
            patterns = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
            out.append((f"{joined} {verb} not match any of the regexes: {patterns}", path))
        else:
            out.append((_not_allowed(sorted(extras, key=str)), path))


def _k_required_30(c: _ValueChecker, required: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if not isinstance(value, dict):
        return
    for name in required:
        if name not in value:
            inner = schema.get("properties", {}).get(name)
            if inner and (inner.get("readOnly", False) or inner.get("writeOnly", False)):
                continue
            out.append((f"{name!r} is a required property", path))


def _k_required_31(c: _ValueChecker, required: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for name in required:
            if name not in value:
                out.append((f"{name!r} is a required property", path))


def _k_dependent_required(c: _ValueChecker, dependencies: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for name, needed in dependencies.items():
            if name in value:
                for each in needed:
                    if each not in value:
                        out.append((f"{each!r} is a dependency of {name!r}", path))


def _k_dependent_schemas(c: _ValueChecker, dependencies: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if isinstance(value, dict):
        for name, inner in dependencies.items():
            if name in value:
                c.descend(inner, value, path, out, depth + 1)


def _k_format(c: _ValueChecker, name: Any, value: Any, schema: dict[str, Any], path: _Path, out: _Errors, depth: int) -> None:
    if value is None and not c.v31:
        return
    check = c.formats.get(name)
    if check is None:
        return
    function, raises = check
    try:
        conforms = function(value)
    except raises:
        conforms = False
    if not conforms:
        out.append((f"{value!r} is not a {name!r}", path))


_KEYWORDS_30: dict[str, _Keyword] = {
    "multipleOf": _k_multiple_of,
    "maximum": _k_maximum_30,
    "minimum": _k_minimum_30,
    "maxLength": _k_max_length,
    "minLength": _k_min_length,
    "pattern": _k_pattern,
    "maxItems": _k_max_items,
    "minItems": _k_min_items,
    "uniqueItems": _k_unique_items,
    "maxProperties": _k_max_properties,
    "minProperties": _k_min_properties,
    "enum": _k_enum,
    "type": _k_type_30,
    "allOf": _k_all_of,
    "oneOf": _k_one_of,
    "anyOf": _k_any_of,
    "not": _k_not,
    "items": _k_items_30,
    "properties": _k_properties,
    "required": _k_required_30,
    "additionalProperties": _k_additional_30,
    "format": _k_format,
    "$ref": _k_ref,
}

_KEYWORDS_31: dict[str, _Keyword] = {
    "$ref": _k_ref,
    "$dynamicRef": _k_unsupported,
    "additionalProperties": _k_additional_31,
    "allOf": _k_all_of,
    "anyOf": _k_any_of,
    "const": _k_const,
    "contains": _k_contains,
    "dependentRequired": _k_dependent_required,
    "dependentSchemas": _k_dependent_schemas,
    "enum": _k_enum,
    "exclusiveMaximum": _k_exclusive_maximum,
    "exclusiveMinimum": _k_exclusive_minimum,
    "format": _k_format,
    "if": _k_if,
    "items": _k_items_31,
    "maxItems": _k_max_items,
    "maxLength": _k_max_length,
    "maxProperties": _k_max_properties,
    "maximum": _k_maximum,
    "minItems": _k_min_items,
    "minLength": _k_min_length,
    "minProperties": _k_min_properties,
    "minimum": _k_minimum,
    "multipleOf": _k_multiple_of,
    "not": _k_not,
    "oneOf": _k_one_of,
    "pattern": _k_pattern,
    "patternProperties": _k_pattern_properties,
    "prefixItems": _k_prefix_items,
    "properties": _k_properties,
    "propertyNames": _k_property_names,
    "required": _k_required_31,
    "type": _k_type_31,
    "unevaluatedItems": _k_unsupported,
    "unevaluatedProperties": _k_unsupported,
    "uniqueItems": _k_unique_items,
}


# The formats openapi-schema-validator's oas30/oas31 format checkers assert, with the
# exceptions each treats as "does not conform" (any other exception escapes, as there).


def _is_int32(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return True
    return bool(~(1 << 31) < value < 1 << 31)


def _is_int64(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return True
    return bool(~(1 << 63) < value < 1 << 63)


def _is_float(value: Any) -> bool:
    if isinstance(value, int) or not isinstance(value, (int, float)):
        return True
    return isinstance(value, float)


def _is_byte(value: Any) -> bool:
    if not isinstance(value, (str, bytes)):
        return True
    from base64 import b64decode

    encoded = value.encode("ascii", errors="strict") if isinstance(value, str) else value
    try:
        b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _is_email(value: Any) -> bool:
    return not isinstance(value, str) or "@" in value


def _is_ipv4(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    import ipaddress

    try:
        return bool(ipaddress.IPv4Address(value))
    except ipaddress.AddressValueError:
        return False


def _is_ipv6(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    import ipaddress

    try:
        return not getattr(ipaddress.IPv6Address(value), "scope_id", "")
    except ipaddress.AddressValueError:
        return False


def _is_idn_hostname(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    import idna

    idna.encode(value)
    return True


def _is_datetime(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    from rfc3339_validator import validate_rfc3339  # type: ignore[import-untyped]

    return bool(validate_rfc3339(value.upper()))


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    from datetime import date

    return bool(_DATE.fullmatch(value) and date.fromisoformat(value))


def _is_time(value: Any) -> bool:  # python-jsonschema's draft 3 `time`: the one FormatChecker() gets
    if not isinstance(value, str):
        return True
    from datetime import datetime

    return bool(datetime.strptime(value, "%H:%M:%S"))  # noqa: DTZ007


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    from uuid import UUID

    UUID(value)
    return all(value[position] == "-" for position in (8, 13, 18, 23))


_Format = tuple[Callable[[Any], bool], tuple[type[BaseException], ...]]

_FORMATS_31: dict[str, _Format] = {
    "date": (_is_date, (ValueError,)),
    "date-time": (_is_datetime, ()),
    "double": (_is_float, ()),
    "email": (_is_email, ()),
    "float": (_is_float, ()),
    "idn-email": (_is_email, ()),
    "idn-hostname": (_is_idn_hostname, (UnicodeError,)),  # (idna.IDNAError, UnicodeError): one is the other
    "int32": (_is_int32, ()),
    "int64": (_is_int64, ()),
    "ipv4": (_is_ipv4, ()),  # ipaddress.AddressValueError: caught inside
    "ipv6": (_is_ipv6, ()),
    "password": (_accept, ()),
    "regex": (_is_python_regex, ()),
    "time": (_is_time, (ValueError,)),
    "uuid": (_is_uuid, (ValueError,)),
}
_FORMATS_30: dict[str, _Format] = {
    **_FORMATS_31,
    "binary": (_accept, ()),
    "byte": (_is_byte, (binascii.Error, TypeError)),
}


def _library_default_errors(root: Any, schema: Any, value: Any, v31: bool) -> _Errors:
    """The library's own check of a default (openapi-schema-validator, imported now), for
    the schemas the checker above leaves to it."""
    try:
        from openapi_schema_validator import (
            OAS30Validator,
            OAS31Validator,
            oas30_format_checker,
            oas31_format_checker,
        )
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        resolver = Registry().with_resource("", DRAFT202012.create_resource(root)).resolver(base_uri="")
        cls: Any = OAS31Validator if v31 else OAS30Validator
        checker = oas31_format_checker if v31 else oas30_format_checker
        validator = cls(schema, _resolver=resolver, format_checker=checker)
        return [(str(error.message), tuple(error.path)) for error in validator.iter_errors(value)]
    except RecursionError:
        raise _CannotCheck("its schema refers to itself without end") from None
    except Exception as exc:  # what the library stops on: a reference it cannot follow, ...
        raise _CannotCheck(" ".join(str(exc).split()) or type(exc).__name__) from None
