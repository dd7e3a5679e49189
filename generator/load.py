"""Load an OpenAPI document from YAML or JSON, split across files or not.

The result is one bundled document: `$ref`s into other files are replaced by
references to named components (for schemas, parameters, responses, ...) or
inlined (path items), the way `redocly bundle` does it. Every node of the
bundled document keeps the file, line and column it came from, so later stages
can point people at the split file they edit rather than at a bundled copy.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from .diagnostics import REF, Location, SpecError

try:  # libyaml's C parser is several times faster; fall back when absent
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """YAML 1.2-ish scalars: timestamps stay strings, only true/false are booleans."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SpecLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Document:
    """A bundled OpenAPI document and where each of its nodes came from."""

    data: dict[str, Any]
    root_file: str
    #: JSON pointer in `data` -> where that node is written in the sources
    locations: dict[str, Location] = field(default_factory=dict)
    #: every file read, relative to the working directory where possible
    files: list[str] = field(default_factory=list)
    #: data subtrees (examples, enums, extensions) copied as they are: JSON pointer in
    #: `data` -> (file shown, that file's positions, pointer in that file); their inner
    #: nodes are located on demand, which spares the loader a walk over all the data
    data_sources: dict[str, tuple[str, dict[str, tuple[int, int]], str]] = field(default_factory=dict)
    #: the root file's text when it is JSON (read with the json module, which keeps no
    #: positions): locate_precisely finds lines in it on demand
    json_root_text: str | None = field(default=None, repr=False)
    _json_positions: dict[str, tuple[int, int]] | None = field(default=None, repr=False)

    def locate_precisely(self, pointer: str) -> Location:
        """locate(), with a line and column in a JSON root file too: the file is parsed
        again with positions the first time one is asked for (a quarter of a second for
        a few megabytes, so only where positions matter: lint findings)."""
        found = self.locate(pointer)
        if found.line or self.json_root_text is None or found.file != self.root_file:
            return found
        if self._json_positions is None:
            self._json_positions = _json_positions(self.json_root_text, self.root_file)
        probe = pointer
        while probe not in self._json_positions and probe:
            probe = probe.rsplit("/", 1)[0]
        line_col = self._json_positions.get(probe)
        return Location(self.root_file, *line_col) if line_col else found

    def locate(self, pointer: str) -> Location:
        """The location of a pointer, or of its nearest located ancestor."""
        probe = pointer
        while True:
            source = self.data_sources.get(probe)
            if source is not None:
                shown, positions, src_probe = source
                src_probe += pointer[len(probe):]
                while src_probe not in positions and src_probe != source[2]:
                    src_probe = src_probe.rsplit("/", 1)[0]
                line_col = positions.get(src_probe)
                return Location(shown, *line_col) if line_col else Location(shown)
            found = self.locations.get(probe)
            if found is not None:
                return found
            if not probe:
                return Location(self.root_file)
            probe = probe.rsplit("/", 1)[0]

    @property
    def version(self) -> str:
        return str(self.data.get("openapi") or self.data.get("swagger") or "")


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


def follow_pointer(root: Any, pointer: str) -> Any:
    """The node at JSON pointer `pointer` ("" is the root); LookupError names the first missing token."""
    node = root
    for token in pointer.split("/")[1:] if pointer else []:
        key = unescape_pointer(token)
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            raise LookupError(key)
    return node


def display_path(path: str) -> str:
    """A path relative to the working directory when that is shorter."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # different drive on Windows
        return path
    return rel if not rel.startswith(".." + os.sep + "..") else path


# --------------------------------------------------------------------------
# Reading one file


@dataclass
class _File:
    path: str  # absolute
    shown: str  # as printed in messages
    data: Any
    positions: dict[str, tuple[int, int]]  # pointer -> (line, col)
    json_text: str | None = None  # a JSON file's text: positions are found only when asked


def _read_file(path: str) -> _File:
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise SpecError("file not found", Location(shown)) from None
    except OSError as exc:
        raise SpecError(f"cannot read file: {exc.strerror}", Location(shown)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(f"not UTF-8 text (byte {exc.start})", Location(shown)) from None
    if path.endswith(".json") or text.lstrip()[:1] in ("{", "["):
        try:
            return _File(path, shown, json.loads(text), {}, text)
        except json.JSONDecodeError as exc:
            if path.endswith(".json"):
                raise SpecError(f"invalid JSON: {exc.msg}", Location(shown, exc.lineno, exc.colno)) from None
    positions: dict[str, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=_SpecLoader)
        data = _to_python(node, "", positions, shown) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise SpecError(f"invalid YAML: {problem}", Location(shown, line, col)) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"invalid YAML: {exc}", Location(shown)) from None
    return _File(path, shown, data, positions)


_scalar_loader = _SpecLoader("")


def _json_positions(text: str, shown: str) -> dict[str, tuple[int, int]]:
    """pointer -> (line, col) in a JSON text, read as YAML (JSON is YAML's flow style);
    empty when that fails: messages then give the file and the pointer, as before."""
    positions: dict[str, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=_SpecLoader)
        if node is not None:
            _to_python(node, "", positions, shown)
    except (yaml.YAMLError, SpecError, RecursionError, ValueError):
        return {}
    return positions


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


def _to_python(node: yaml.Node, pointer: str, positions: dict[str, tuple[int, int]], shown: str) -> Any:
    """The value of a composed node, noting the (line, column) of it and of every node in
    it under its JSON pointer. Called for tens of thousands of nodes on a big spec, so
    string scalars (most of them) are taken in place rather than by a call each."""
    mark = node.start_mark
    positions[pointer] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise SpecError(
                    "YAML merge keys (<<) are not supported in specs",
                    Location(shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise SpecError(
                    "mapping keys must be plain scalars",
                    Location(shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                )
            key = str(key_node.value)
            if key in result:
                raise SpecError(
                    f"duplicate key {key!r}",
                    Location(shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                )
            child = pointer + "/" + (escape_pointer(key) if "~" in key or "/" in key else key)
            if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
                mark = value_node.start_mark
                positions[child] = (mark.line + 1, mark.column + 1)
                result[key] = value_node.value
            else:
                result[key] = _to_python(value_node, child, positions, shown)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, f"{pointer}/{index}", positions, shown) for index, item in enumerate(node.value)
        ]
    if node.tag == _STR:
        return node.value
    try:
        construct = _scalar_loader.yaml_constructors.get(node.tag)
        if construct is None:  # an explicit tag: let PyYAML say what it makes of it
            return _scalar_loader.construct_object(node, deep=True)
        return construct(_scalar_loader, node)
    except yaml.YAMLError as exc:
        raise SpecError(
            f"invalid scalar: {exc}", Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)
        ) from None


# --------------------------------------------------------------------------
# What kind of OpenAPI object sits where: needed to know what a $ref becomes.

_SCHEMA_ONE = frozenset(
    "items additionalProperties not contains propertyNames if then else unevaluatedItems "
    "unevaluatedProperties additionalItems contentSchema".split()
)
_SCHEMA_LIST = frozenset("allOf anyOf oneOf prefixItems".split())
_SCHEMA_MAP = frozenset("properties patternProperties $defs definitions dependentSchemas".split())
_OPERATIONS = frozenset("get put post delete options head patch trace".split())

#: container kind -> {key: child kind}; "*" applies to every key
_CHILDREN: dict[str, dict[str, str]] = {
    "root": {"paths": "paths", "webhooks": "paths", "components": "components"},
    "paths": {"*": "pathItem"},
    "pathItem": {"parameters": "parameterList", **{m: "operation" for m in _OPERATIONS}},
    "operation": {
        "parameters": "parameterList",
        "requestBody": "requestBody",
        "responses": "responses",
        "callbacks": "callbackMap",
    },
    "parameterList": {"*": "parameter"},
    "parameter": {"schema": "schema", "content": "content", "examples": "exampleMap"},
    "header": {"schema": "schema", "content": "content", "examples": "exampleMap"},
    "requestBody": {"content": "content"},
    "responses": {"*": "response"},
    "response": {"headers": "headerMap", "content": "content", "links": "linkMap"},
    "content": {"*": "mediaType"},
    "mediaType": {"schema": "schema", "examples": "exampleMap", "encoding": "encodingMap"},
    "encodingMap": {"*": "encoding"},
    "encoding": {"headers": "headerMap"},
    "exampleMap": {"*": "example"},
    "headerMap": {"*": "header"},
    "linkMap": {"*": "link"},
    "callbackMap": {"*": "callback"},
    "callback": {"*": "pathItem"},
    "schemaMap": {"*": "schema"},
    "schemaList": {"*": "schema"},
    "components": {
        "schemas": "schemaMap",
        "parameters": "parameterMap",
        "responses": "responseMap",
        "requestBodies": "requestBodyMap",
        "headers": "headerMap",
        "examples": "exampleMap",
        "links": "linkMap",
        "callbacks": "callbackMap",
        "pathItems": "pathItemMap",
    },
    "parameterMap": {"*": "parameter"},
    "responseMap": {"*": "response"},
    "requestBodyMap": {"*": "requestBody"},
    "pathItemMap": {"*": "pathItem"},
}

#: object kind -> the components section a referenced one is hoisted into
_HOIST = {
    "schema": "schemas",
    "parameter": "parameters",
    "response": "responses",
    "requestBody": "requestBodies",
    "header": "headers",
    "example": "examples",
    "link": "links",
    "callback": "callbacks",
}


def child_kind(kind: str | None, key: str) -> str | None:
    """The kind of OpenAPI object under `key` of a `kind` object (None: plain data)."""
    if kind is None or key.startswith("x-"):
        return None  # extensions are data
    if kind == "schema":
        if key in _SCHEMA_ONE:
            return "schema"
        if key in _SCHEMA_LIST:
            return "schemaList"
        if key in _SCHEMA_MAP:
            return "schemaMap"
        return None  # enum, default, example(s), const...: data
    table = _CHILDREN.get(kind)
    if table is None:
        return None
    return table.get(key) or table.get("*")


# --------------------------------------------------------------------------
# Bundling


class _Bundler:
    def __init__(self, root_path: str):
        self.root_path = os.path.abspath(root_path)
        self.files: dict[str, _File] = {}
        self.locations: dict[str, Location] = {}
        #: (kind section, name) -> (file, pointer) it came from
        self.hoisted: dict[tuple[str, str], tuple[str, str]] = {}
        self.hoisted_by_target: dict[tuple[str, str, str], str] = {}
        self.components: dict[str, dict[str, Any]] = {}
        self.data_sources: dict[str, tuple[str, dict[str, tuple[int, int]], str]] = {}

    def file(self, path: str) -> _File:
        loaded = self.files.get(path)
        if loaded is None:
            loaded = self.files[path] = _read_file(path)
        return loaded

    def location(self, src: _File, pointer: str) -> Location:
        line, col = src.positions.get(pointer, (0, 0))
        return Location(src.shown, line, col)

    def bundle(self) -> Document:
        root = self.file(self.root_path)
        if not isinstance(root.data, dict):
            raise SpecError("the document must be a mapping at the top level", Location(root.shown, 1, 1))
        data = self.walk(root.data, "root", root, "", "")
        if self.components:
            components = data.setdefault("components", {})
            if not isinstance(components, dict):
                raise SpecError("components must be a mapping", self.location(root, "/components"))
            for section in sorted(self.components):
                target = components.setdefault(section, {})
                for name in sorted(self.components[section]):
                    target[name] = self.components[section][name]
        files = [self.files[p].shown for p in self.files]
        return Document(
            data=data, root_file=root.shown, locations=self.locations, files=files, data_sources=self.data_sources,
            json_root_text=root.json_text,
        )

    def walk(self, node: Any, kind: str | None, src: _File, src_ptr: str, out_ptr: str) -> Any:
        """Copy `node` (from `src` at `src_ptr`) to the bundled tree at `out_ptr`."""
        line_col = src.positions.get(src_ptr)
        if line_col is not None:
            self.locations[out_ptr] = Location(src.shown, *line_col)
        elif out_ptr not in self.locations:
            self.locations[out_ptr] = Location(src.shown)
        if isinstance(node, dict):
            if "$ref" in node and kind is not None and isinstance(node["$ref"], str):
                return self.reference(node, kind, src, src_ptr, out_ptr)
            out: dict[str, Any] = {}
            for key, value in node.items():
                child = child_kind(kind, key) if kind else None
                key_ptr = "/" + escape_pointer(key)
                if kind == "schema" and key == "discriminator" and isinstance(value, dict):
                    out[key] = self.discriminator(value, src, src_ptr + key_ptr, out_ptr + key_ptr)
                elif child is None:
                    out[key] = self.copy_data(value, src, src_ptr + key_ptr, out_ptr + key_ptr)
                else:
                    out[key] = self.walk(value, child, src, src_ptr + key_ptr, out_ptr + key_ptr)
            return out
        if isinstance(node, list):
            child = child_kind(kind, "*") if kind in ("parameterList", "schemaList") else None
            if kind == "schema":  # draft-4 tuple `items: [...]`
                child = "schema"
            return [
                self.walk(item, child, src, f"{src_ptr}/{i}", f"{out_ptr}/{i}") if child else item
                for i, item in enumerate(node)
            ]
        return node

    def copy_data(self, value: Any, src: _File, src_ptr: str, out_ptr: str) -> Any:
        """Data (examples, enums, extensions) is copied as is; where it came from is noted
        (see Document.data_sources)."""
        line_col = src.positions.get(src_ptr)
        if line_col is not None:
            self.locations[out_ptr] = Location(src.shown, *line_col)
        if isinstance(value, (dict, list)) and src.positions:
            self.data_sources[out_ptr] = (src.shown, src.positions, src_ptr)
        return value

    def discriminator(self, value: dict[str, Any], src: _File, src_ptr: str, out_ptr: str) -> dict[str, Any]:
        out = dict(self.copy_data(value, src, src_ptr, out_ptr))
        mapping = value.get("mapping")
        if isinstance(mapping, dict) and src.path != self.root_path:
            out["mapping"] = {
                key: self.rewrite_ref(
                    target, "schema", src, f"{src_ptr}/mapping/{escape_pointer(key)}", f"{out_ptr}/mapping/{key}"
                )
                if isinstance(target, str) and ("#" in target or "/" in target or "." in target)
                else target
                for key, target in mapping.items()
            }
        return out

    def split_ref(self, ref: str, src: _File, src_ptr: str) -> tuple[str, str]:
        file_part, _, fragment = ref.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", file_part) and not file_part.startswith("file://"):
            raise SpecError(f"remote $ref {ref!r} is not supported; download it next to the spec", self.location(src, src_ptr), code=REF)
        if file_part.startswith("file://"):
            file_part = file_part[len("file://") :]
        path = os.path.normpath(os.path.join(os.path.dirname(src.path), unquote(file_part))) if file_part else src.path
        if fragment and not fragment.startswith("/"):
            raise SpecError(f"$ref {ref!r}: only JSON-pointer fragments are supported", self.location(src, src_ptr), code=REF)
        return path, fragment

    def resolve(self, path: str, pointer: str, ref: str, src: _File, src_ptr: str) -> tuple[_File, Any]:
        try:
            target_file = self.file(path)
        except SpecError as exc:
            raise SpecError(f"$ref {ref!r} cannot be resolved: {exc.message}", self.location(src, src_ptr), code=REF) from None
        try:
            return target_file, follow_pointer(target_file.data, pointer)
        except LookupError as missing:
            message = f"$ref {ref!r} cannot be resolved: no {missing.args[0]!r} in {target_file.shown}"
            raise SpecError(message, self.location(src, src_ptr), code=REF) from None

    def rewrite_ref(self, ref: str, kind: str, src: _File, src_ptr: str, out_ptr: str) -> str:
        """The bundled form of a $ref string found in `src` (hoisting its target)."""
        path, pointer = self.split_ref(ref, src, src_ptr)
        if path == self.root_path:
            self.resolve(path, pointer, ref, src, src_ptr)
            return "#" + pointer
        section = _HOIST[kind]
        name = unescape_pointer(pointer.rsplit("/", 1)[-1]) if pointer else Path(path).stem
        known = self.hoisted_by_target.get((section, path, pointer))
        if known is not None:
            return f"#/components/{section}/{escape_pointer(known)}"
        target_file, target = self.resolve(path, pointer, ref, src, src_ptr)
        previous = self.hoisted.get((section, name))
        root_components = self.file(self.root_path).data.get("components") or {}
        if previous is not None or name in (root_components.get(section) or {}):
            raise SpecError(
                f"$ref {ref!r}: a different {kind} named {name!r} already exists; component names must be unique",
                self.location(src, src_ptr),
            )
        self.hoisted[(section, name)] = (path, pointer)
        self.hoisted_by_target[(section, path, pointer)] = name
        target_ptr = f"/components/{section}/{escape_pointer(name)}"
        bucket = self.components.setdefault(section, {})
        bucket[name] = None  # reserve: recursive schemas refer back to it
        bucket[name] = self.walk(target, kind, target_file, pointer, target_ptr)
        return "#" + target_ptr

    def reference(self, node: dict[str, Any], kind: str, src: _File, src_ptr: str, out_ptr: str) -> Any:
        ref = node["$ref"]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if src.path == self.root_path and ref.startswith("#"):
            out: dict[str, Any] = {"$ref": ref}
        elif kind in _HOIST:
            out = {"$ref": self.rewrite_ref(ref, kind, src, src_ptr, out_ptr)}
        else:  # path items and the like are inlined where they are used
            path, pointer = self.split_ref(ref, src, src_ptr + "/$ref")
            target_file, target = self.resolve(path, pointer, ref, src, src_ptr)
            if path == src.path and pointer and src_ptr.startswith(pointer):
                raise SpecError(f"$ref {ref!r} refers to itself", self.location(src, src_ptr), code=REF)
            inlined = self.walk(target, kind, target_file, pointer, out_ptr)
            if isinstance(inlined, dict):
                inlined = {**inlined, **{k: self.walk(v, None, src, f"{src_ptr}/{escape_pointer(k)}", f"{out_ptr}/{escape_pointer(k)}") for k, v in siblings.items()}}
            return inlined
        for key, value in siblings.items():
            child = child_kind(kind, key)
            key_ptr = "/" + escape_pointer(key)
            out[key] = (
                self.walk(value, child, src, src_ptr + key_ptr, out_ptr + key_ptr)
                if child
                else self.copy_data(value, src, src_ptr + key_ptr, out_ptr + key_ptr)
            )
        return out


def load(path: str | os.PathLike[str]) -> Document:
    """Read and bundle the document at `path`; raises SpecError with a location."""
    return _Bundler(os.fspath(path)).bundle()
