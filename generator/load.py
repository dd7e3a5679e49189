"""Load an OpenAPI document from YAML or JSON, split across files or not.

The result is one bundled document: `$ref`s into other files are replaced by
references to named components (for schemas, parameters, responses, ...) or
inlined (path items), the way `redocly bundle` does it. Every node of the
bundled document keeps the file, line and column it came from, so later stages
can point people at the split file they edit rather than at a bundled copy.
"""

from __future__ import annotations

import json
import json.scanner
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .diagnostics import CODES, INPUT, LIMIT, REF, Location, SpecError

#: Limits on what the loader reads. No real spec comes near them (the biggest we know
#: nest 22 levels deep and use no YAML aliases; Microsoft Graph beta is 47 MB as
#: published and 74 MB indented, and generates in 1.6 GB); a hostile document stops at
#: them with one located error instead of exhausting memory or the stack.
MAX_FILE_BYTES = 128 * 1024 * 1024  # one file
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all the files of one spec
MAX_DEPTH = 128  # mappings and lists inside one another
MAX_ALIAS_NODES = 200_000  # nodes YAML aliases may add to a document beyond its own


class Refused(SpecError):
    """Input the loader will not read, whatever the command: a $ref outside the folders
    it may read, a file that is not a regular file, a document over a limit. (lint turns
    a $ref to a missing file or key into a finding; never one of these.)"""


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
    #: bytes read, all files together
    size: int = 0
    #: pointer in `data` -> pointer in the document as written, where the two differ (a
    #: Swagger 2.0 document is read as its OpenAPI 3.0 form: swagger2.py; an OpenAPI 3.2
    #: media type `$ref` is inlined); below such a pointer the two have the same shape
    origin: dict[str, str] = field(default_factory=dict)
    #: what the document was written as, when it was converted ("Swagger 2.0")
    converted_from: str = ""
    _json_positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def locate_precisely(self, pointer: str) -> Location:
        """locate(), with a line and column in a JSON root file too (see locate_all_precisely)."""
        return self.locate_all_precisely([pointer])[0]

    def locate_all_precisely(self, pointers: Iterable[str]) -> list[Location]:
        """locate() of each pointer, with a line and column in a JSON root file too: the
        text is read again down to the nodes asked for (everything else is skipped at the
        json module's speed), so ask for all of them at once (lint findings)."""
        pointers = [self.written(pointer) for pointer in pointers]
        found = [self._locate_written(pointer) for pointer in pointers]
        text = self.json_root_text
        if text is None:
            return found
        wanted = [p for p, where in zip(pointers, found, strict=True) if not where.line and where.file == self.root_file]
        missing = {p for p in wanted if p not in self._json_positions}
        if missing:
            self._json_positions.update(json_positions(text, missing))
        for i, (pointer, where) in enumerate(zip(pointers, found, strict=True)):
            if where.line or where.file != self.root_file:
                continue
            probe = pointer
            while probe not in self._json_positions and probe:
                probe = probe.rsplit("/", 1)[0]
            line_col = self._json_positions.get(probe)
            if line_col:
                found[i] = Location(self.root_file, *line_col)
        return found

    def written(self, pointer: str) -> str:
        """Where the node at `pointer` of `data` is in the document as written (see origin)."""
        origin = self.origin
        if not origin:
            return pointer
        probe = pointer
        while True:
            found = origin.get(probe)
            if found is not None:
                return found + pointer[len(probe):]
            if not probe:
                return pointer
            probe = probe.rsplit("/", 1)[0]

    def locate(self, pointer: str) -> Location:
        """The location of a pointer, or of its nearest located ancestor (a `$ref` is
        located at the object that holds it, where the reader sees `$ref:`)."""
        return self._locate_written(self.written(pointer))

    def _locate_written(self, pointer: str) -> Location:
        if pointer.endswith("/$ref"):
            pointer = pointer[: -len("/$ref")]
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

    def as_written(self, message: str) -> str:
        """`message` with the `$ref`s it quotes as the document writes them (a converted
        Swagger 2.0 document's `#/definitions/Pet`, where the parse read `#/components/schemas/Pet`)."""
        if not self.converted_from:
            return message
        from .swagger2 import written_refs

        return written_refs(message)

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


def _shorten(text: str, limit: int = 200) -> str:
    """A value quoted in a message: never more than `limit` characters of it."""
    return text if len(text) <= limit else text[:limit] + "..."


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
    size: int = 0  # bytes read
    #: whether some `$ref` does not start with `#` (None: not looked at yet)
    refers_out: bool | None = None


def _kind_of_file(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _read_bytes(path: str, shown: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES. What the path names is
    checked before it is opened (a FIFO would block, /dev/zero never end) and again on
    the open descriptor (it may have been swapped in between)."""
    where = Location(shown)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SpecError("file not found", where) from None
    except (OSError, ValueError) as exc:
        raise SpecError(f"cannot read file: {getattr(exc, 'strerror', None) or exc}", where) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{_kind_of_file(info.st_mode)}: specs are read from regular files only", where)
    _check_size(info.st_size, where)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SpecError(f"cannot read file: {exc.strerror}", where) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused("not a regular file: specs are read from regular files only", where)
        raw = handle.read(MAX_FILE_BYTES + 1)
    _check_size(len(raw), where)
    return raw


def _check_size(size: int, where: Location) -> None:
    if size > MAX_FILE_BYTES:
        raise Refused(
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the most one spec file may be",
            where, code=LIMIT,
        )


def _read_file(path: str) -> _File:
    shown = display_path(path)
    raw = _read_bytes(path, shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(f"not UTF-8 text (byte {exc.start})", Location(shown)) from None
    looks_like_json = text.lstrip()[:1] in ("{", "[")
    json_error: SpecError | None = None
    if path.endswith(".json") or looks_like_json:
        try:
            data = json.loads(text)
        except RecursionError:
            raise _too_deep(text, shown) from None
        except json.JSONDecodeError as exc:
            json_error = SpecError(f"invalid JSON: {exc.msg}", Location(shown, exc.lineno, exc.colno))
            if looks_like_json:  # broken JSON: JSON's own error is the one that helps
                raise json_error from None
            # else YAML in a file named .json (swagger-parser, Redocly and Spectral read
            # it too): read as YAML below, and if that fails too, JSON's error stands
        else:
            too_deep, refers_out = _depth_and_refs(data, MAX_DEPTH)
            if too_deep:
                raise _too_deep(text, shown)
            json_file = _File(path, shown, data, {}, text, len(raw), refers_out)
            _check_text(json_file, text)
            return json_file
    from .load_yaml import read_yaml  # here: a JSON document need not import PyYAML (10 ms)

    try:
        data, positions = read_yaml(text, shown)
    except SpecError:
        if json_error is not None:
            raise json_error from None
        raise
    yaml_file = _File(path, shown, data, positions, None, len(raw))
    _check_text(yaml_file, text)
    return yaml_file


def _depth_and_refs(data: Any, limit: int) -> tuple[bool, bool]:
    """Whether lists and mappings nest more than `limit` levels, and whether some `$ref`
    string does not start with `#` (see _refers_out): one walk, level by level, without
    recursion (a walk of a big document costs as much as reading it)."""
    level: list[Any] = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    refers_out = False
    while level:
        depth += 1
        if depth > limit:
            return True, refers_out
        below = []
        for node in level:
            if type(node) is dict:
                if not refers_out:
                    ref = node.get("$ref")
                    refers_out = type(ref) is str and not ref.startswith("#")
                node = node.values()
            for child in node:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
    return False, refers_out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in `text`."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(text: str, shown: str) -> Refused:
    """The error for a JSON text that nests too deeply, at the bracket that goes one level too far."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                where = Location(shown, *_line_col(text, token.start()))
                return Refused(f"the document nests more than {MAX_DEPTH} levels deep", where, code=LIMIT)
        elif char in "]}":
            depth -= 1
    return Refused(f"the document nests more than {MAX_DEPTH} levels deep", Location(shown), code=LIMIT)


#: an escape that may make a lone UTF-16 surrogate: JSON's \\uD800, YAML's \\uD800 or \\U0000D800
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(src: _File, text: str) -> None:
    """Refuse a string that is not Unicode text: a lone surrogate (which only an escape
    can write) cannot be encoded as UTF-8, so it would fail later, in some other stage."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    found = _first_surrogate(src.data)
    if found is None:
        return
    pointer, value = found
    line, col = src.positions.get(pointer, (0, 0))
    bad = _SURROGATE.search(value)
    assert bad is not None
    escape = re.search(rf"\\(?:u|U0000){ord(bad.group()):04x}", text, re.IGNORECASE)
    if not line and escape is not None:  # libyaml refuses the escape, so JSON gives no positions
        line, col = _line_col(text, escape.start())
    raise SpecError(
        f"a string contains \\u{ord(bad.group()):04x}, a lone UTF-16 surrogate, which is not Unicode text",
        Location(src.shown, line, col), pointer, code=INPUT,
    )


def _first_surrogate(data: Any) -> tuple[str, str] | None:
    """(pointer, text) of the first key or string holding a surrogate code point."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return pointer, node
        elif isinstance(node, dict):
            for key, value in node.items():
                child = f"{pointer}/{escape_pointer(str(key))}"
                if isinstance(key, str) and _SURROGATE.search(key):
                    return child, key
                stack.append((value, child))
        elif isinstance(node, list):
            stack.extend((item, f"{pointer}/{index}") for index, item in enumerate(node))
    return None



#: json's C scanner: (the value at an index, where it ends)
_JSON_SCAN: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def json_positions(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(line, col) of the nodes at `pointers` (and of the nodes on the way to them) in a
    valid JSON text. Objects and lists are entered only on the way to a pointer; any
    other value is skipped by the json module's C scanner, so a few findings in a big
    document cost little more than one pass of the C parser."""
    paths: set[str] = {""}
    for pointer in pointers:
        while pointer not in paths:
            paths.add(pointer)
            pointer = pointer.rsplit("/", 1)[0]
    offsets: dict[str, int] = {}
    space = _JSON_SPACE.match

    def value(at: int, pointer: str) -> int:
        """Note where the value starting at `at` is; return where it ends."""
        offsets[pointer] = at
        opener = text[at]
        if pointer not in paths or opener not in "{[":
            end: int = _JSON_SCAN(text, at)[1]
            return end
        at = space(text, at + 1).end()  # type: ignore[union-attr]
        closer = "}" if opener == "{" else "]"
        index = 0
        while text[at] != closer:
            if opener == "{":
                key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                at = space(text, space(text, at).end() + 1).end()  # type: ignore[union-attr]
                child = f"{pointer}/{escape_pointer(key)}"
            else:
                child = f"{pointer}/{index}"
                index += 1
            at = space(text, value(at, child)).end()  # type: ignore[union-attr]
            if text[at] == ",":
                at = space(text, at + 1).end()  # type: ignore[union-attr]
        return at + 1

    try:
        value(space(text).end(), "")  # type: ignore[union-attr]
    except (ValueError, IndexError, RecursionError):  # not valid JSON after all: no positions
        return {}
    result: dict[str, tuple[int, int]] = {}
    line, counted, line_start = 1, 0, 0
    for pointer, at in sorted(offsets.items(), key=lambda item: item[1]):
        newlines = text.count("\n", counted, at)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted, at) + 1
        counted = at
        result[pointer] = (line, at - line_start + 1)
    return result


_SCHEMA_ONE = frozenset(
    "items additionalProperties not contains propertyNames if then else unevaluatedItems "
    "unevaluatedProperties additionalItems contentSchema".split()
)
_SCHEMA_LIST = frozenset("allOf anyOf oneOf prefixItems".split())
_SCHEMA_MAP = frozenset("properties patternProperties $defs definitions dependentSchemas".split())
_OPERATIONS = frozenset("get put post delete options head patch trace query".split())

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
        # a scheme is named by the requirements, so one in another file is inlined here
        "securitySchemes": "securitySchemeMap",
    },
    "parameterMap": {"*": "parameter"},
    "responseMap": {"*": "response"},
    # Swagger 2.0's layout: a bundle of it is then converted (swagger2.py)
    "root2": {"paths": "paths2", "definitions": "schemaMap", "parameters": "parameterMap2", "responses": "responseMap2"},
    "paths2": {"*": "pathItem2"},
    "pathItem2": {"parameters": "parameterList2", **{m: "operation2" for m in _OPERATIONS}},
    "operation2": {"parameters": "parameterList2", "responses": "responses2"},
    "parameterList2": {"*": "parameter2"},
    "parameterMap2": {"*": "parameter2"},
    "parameter2": {"schema": "schema"},
    "responses2": {"*": "response2"},
    "responseMap2": {"*": "response2"},
    "response2": {"schema": "schema"},
    "requestBodyMap": {"*": "requestBody"},
    "pathItemMap": {"*": "pathItem"},
    "securitySchemeMap": {"*": "securityScheme"},
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
#: the same in Swagger 2.0, whose sections are the document's own keys
_HOIST_2 = {"schema": "definitions", "parameter2": "parameters", "response2": "responses"}


def child_kind(kind: str | None, key: str) -> str | None:
    """The kind of OpenAPI object under `key` of a `kind` object (None: plain data)."""
    if kind is None or key.startswith("x-"):
        # extensions are data, but for AutoRest's paths of a Swagger 2.0 document
        return "paths2" if kind == "root2" and key == "x-ms-paths" else None
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
    def __init__(self, root_path: str, allow_ref_roots: Iterable[str | os.PathLike[str]] = ()):
        self.root_path = os.path.abspath(root_path)
        #: the folders $refs may read files in: the root file's own, and those allowed explicitly
        self.ref_roots = [os.path.realpath(os.path.dirname(self.root_path))] + [
            os.path.realpath(os.fspath(folder)) for folder in allow_ref_roots
        ]
        self.total_bytes = 0
        self.files: dict[str, _File] = {}
        self.locations: dict[str, Location] = {}
        #: (kind section, name) -> (file, pointer) it came from
        self.hoisted: dict[tuple[str, str], tuple[str, str]] = {}
        self.hoisted_by_target: dict[tuple[str, str, str], str] = {}
        self.components: dict[str, dict[str, Any]] = {}
        self.data_sources: dict[str, tuple[str, dict[str, tuple[int, int]], str]] = {}
        #: files a $ref may read (confine found them in an allowed folder)
        self.confined: set[str] = set()
        #: the root is Swagger 2.0: sections are top-level keys, not under `components`
        self.swagger2 = False

    def file(self, path: str) -> _File:
        loaded = self.files.get(path)
        if loaded is None:
            loaded = _read_file(path)
            self.total_bytes += loaded.size
            if self.total_bytes > MAX_TOTAL_BYTES:
                raise Refused(
                    f"the spec's files add up to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB, "
                    "the most one spec may be",
                    Location(loaded.shown), code=LIMIT,
                )
            self.files[path] = loaded
        return loaded

    def confine(self, path: str, ref: str, src: _File, src_ptr: str) -> None:
        """Refuse a $ref to a file outside the folders it may read (symbolic links are
        followed before the check, so a link cannot lead out either)."""
        if path in self.confined:
            return
        real = os.path.realpath(path)
        for root in self.ref_roots:
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                self.confined.add(path)  # the same file again needs no second look
                return
        raise Refused(
            f"$ref {_shorten(ref)!r} leads outside the spec's folder {display_path(self.ref_roots[0])}; "
            "$refs may only read files there (--allow-ref-root DIR allows another folder)",
            self.location(src, src_ptr), code=REF,
        )

    def location(self, src: _File, pointer: str) -> Location:
        line, col = src.positions.get(pointer, (0, 0))
        return Location(src.shown, line, col)

    def bundle(self) -> Document:
        root = self.file(self.root_path)
        if not isinstance(root.data, dict):
            raise SpecError("the document must be a mapping at the top level", Location(root.shown, 1, 1))
        refers_out = root.refers_out if root.refers_out is not None else _refers_out(root.data)
        if not refers_out:
            # One file: the bundle is the file itself, its nodes located by its own positions.
            sources = {"": (root.shown, root.positions, "")} if root.positions else {}
            return Document(data=root.data, root_file=root.shown, files=[root.shown], data_sources=sources,
                            json_root_text=root.json_text, size=self.total_bytes)
        self.swagger2 = str(root.data.get("swagger", "")).strip() == "2.0"
        data = self.walk(root.data, "root2" if self.swagger2 else "root", root, "", "")
        if self.components:
            components = data if self.swagger2 else data.setdefault("components", {})
            if not isinstance(components, dict):
                raise SpecError("components must be a mapping", self.location(root, "/components"))
            for section in sorted(self.components):
                target = components.setdefault(section, {})
                for name in sorted(self.components[section]):
                    target[name] = self.components[section][name]
        files = [self.files[p].shown for p in self.files]
        return Document(
            data=data, root_file=root.shown, locations=self.locations, files=files, data_sources=self.data_sources,
            json_root_text=root.json_text, size=self.total_bytes,
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
            child = child_kind(kind, "*") if kind in ("parameterList", "schemaList", "parameterList2") else None
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
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", file_part) and not file_part.startswith("file:"):
            raise SpecError(
                f"remote $ref {_shorten(ref)!r} is not supported; download it next to the spec",
                self.location(src, src_ptr), code=REF,
            )
        if file_part.startswith("file:"):
            file_part = re.sub(r"^file:(//(localhost)?)?", "", file_part)
        path = os.path.normpath(os.path.join(os.path.dirname(src.path), unquote(file_part))) if file_part else src.path
        if fragment and not fragment.startswith("/"):
            raise SpecError(
                f"$ref {_shorten(ref)!r}: only JSON-pointer fragments are supported", self.location(src, src_ptr), code=REF
            )
        if path != src.path:
            self.confine(path, ref, src, src_ptr)
        return path, fragment

    def resolve(self, path: str, pointer: str, ref: str, src: _File, src_ptr: str) -> tuple[_File, Any]:
        try:
            target_file = self.file(path)
        except Refused as exc:
            if exc.location is not None and exc.location.line:
                raise  # located in the file itself (too deep, too many aliases): that is where to look
            code = CODES.get(exc.diagnostics[0].code, REF)
            message = f"$ref {_shorten(ref)!r} cannot be followed: {exc.message}"
            raise Refused(message, self.location(src, src_ptr), code=code) from None
        except SpecError as exc:
            message = f"$ref {_shorten(ref)!r} cannot be resolved: {exc.message}"
            raise SpecError(message, self.location(src, src_ptr), code=REF) from None
        try:
            return target_file, follow_pointer(target_file.data, pointer)
        except LookupError as missing:
            key = _shorten(str(missing.args[0]))
            message = f"$ref {_shorten(ref)!r} cannot be resolved: no {key!r} in {target_file.shown}"
            raise SpecError(message, self.location(src, src_ptr), code=REF) from None

    def rewrite_ref(self, ref: str, kind: str, src: _File, src_ptr: str, out_ptr: str) -> str:
        """The bundled form of a $ref string found in `src` (hoisting its target)."""
        if self.swagger2 and "#" not in ref:
            ref = self.short_ref(ref, kind)
        path, pointer = self.split_ref(ref, src, src_ptr)
        if path == self.root_path:
            self.resolve(path, pointer, ref, src, src_ptr)
            return "#" + pointer
        section = _HOIST_2[kind] if self.swagger2 else _HOIST[kind]
        home = "" if self.swagger2 else "/components"
        name = unescape_pointer(pointer.rsplit("/", 1)[-1]) if pointer else Path(path).stem
        known = self.hoisted_by_target.get((section, path, pointer))
        if known is not None:
            return f"#{home}/{section}/{escape_pointer(known)}"
        target_file, target = self.resolve(path, pointer, ref, src, src_ptr)
        name = self.unique_name(section, name, path)
        self.hoisted[(section, name)] = (path, pointer)
        self.hoisted_by_target[(section, path, pointer)] = name
        target_ptr = f"{home}/{section}/{escape_pointer(name)}"
        bucket = self.components.setdefault(section, {})
        bucket[name] = None  # reserve: recursive schemas refer back to it
        bucket[name] = self.walk(target, kind, target_file, pointer, target_ptr)
        return "#" + target_ptr

    def short_ref(self, ref: str, kind: str) -> str:
        """Swagger 2.0's tools took a `$ref` that is a bare name (`Pet`, a leftover of
        Swagger 1.2) or a pointer with no `#` (`/definitions/Pet`) as naming the root
        document's section; so does this, where no file is meant (no dot or slash, or the
        pointer's section)."""
        section = _HOIST_2.get(kind)
        if section is None:
            return ref
        if ref.startswith(f"/{section}/"):
            return "#" + ref
        if ref and "/" not in ref and "." not in ref:
            return f"#/{section}/{ref}"
        return ref

    def taken(self, section: str, name: str) -> bool:
        root = self.file(self.root_path).data
        components = root if self.swagger2 else root.get("components")
        in_root = components.get(section) if isinstance(components, dict) else None
        return (section, name) in self.hoisted or (isinstance(in_root, dict) and name in in_root)

    def unique_name(self, section: str, name: str, path: str) -> str:
        """`name`, or when another component has it (two files may each define a `version`
        schema), the file's stem and `name` (then a number): the same spec always gets the
        same names."""
        if not self.taken(section, name):
            return name
        stem, folder = (re.sub(r"[^A-Za-z0-9._-]+", "_", part) for part in (Path(path).stem, Path(path).parent.name))
        base = f"{stem}_{name}" if stem and stem != name else f"{folder or 'file'}_{name}"
        candidate, number = base, 2
        while self.taken(section, candidate):
            candidate, number = f"{base}_{number}", number + 1
        return candidate

    def reference(self, node: dict[str, Any], kind: str, src: _File, src_ptr: str, out_ptr: str) -> Any:
        ref = node["$ref"]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if src.path == self.root_path and ref.startswith("#"):
            out: dict[str, Any] = {"$ref": ref}
        elif kind in (_HOIST_2 if self.swagger2 else _HOIST):
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


def _refers_out(data: Any) -> bool:
    """Whether some `$ref` string of the document does not start with `#` (it may name
    another file, or this one by its path): then the document needs bundling."""
    level = [data]
    while level:
        below = []
        for node in level:
            if type(node) is dict:
                ref = node.get("$ref")
                if type(ref) is str and not ref.startswith("#"):
                    return True
                node = node.values()
            for child in node:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
    return False


def load(path: str | os.PathLike[str], allow_ref_roots: Iterable[str | os.PathLike[str]] = ()) -> Document:
    """Read and bundle the document at `path`; raises SpecError with a location.

    `$ref`s may read files in the root file's folder (and below) only, and in the
    folders of `allow_ref_roots`; every file read must be a regular file within the
    size limits (see MAX_FILE_BYTES and the others)."""
    doc = _Bundler(os.fspath(path), allow_ref_roots).bundle()
    if "swagger" in doc.data:
        from .swagger2 import convert, is_swagger2  # here: an OpenAPI document need not import it

        if is_swagger2(doc.data):
            return convert(doc)
    components = doc.data.get("components")
    if isinstance(components, dict) and isinstance(components.get("mediaTypes"), dict) and components["mediaTypes"]:
        _inline_media_types(doc, components["mediaTypes"])
    return doc


_MEDIA_TYPE_REF = "#/components/mediaTypes/"


def _inline_media_types(doc: Document, media_types: dict[str, Any]) -> None:
    """OpenAPI 3.2's reusable media types: each `$ref` to one in a `content` map is
    replaced by what it names (every stage reads a content entry as a media type object),
    located where the component is written."""
    origin: dict[str, str] = {}
    stack: list[tuple[Any, str]] = [(doc.data.get("paths"), "/paths"), (doc.data.get("webhooks"), "/webhooks"),
                                    (doc.data.get("components"), "/components")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, list):
            stack.extend((item, f"{pointer}/{i}") for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        content = node.get("content")
        if isinstance(content, dict):
            for media, entry in content.items():
                target, name, hops = entry, "", 0
                while isinstance(target, dict) and isinstance(target.get("$ref"), str) \
                        and target["$ref"].startswith(_MEDIA_TYPE_REF) and hops < 32:
                    name = unescape_pointer(target["$ref"][len(_MEDIA_TYPE_REF):])
                    target, hops = media_types.get(name), hops + 1
                if name and isinstance(target, dict):
                    content[media] = target
                    origin[f"{pointer}/content/{escape_pointer(media)}"] = "/components/mediaTypes/" + escape_pointer(name)
        for key, value in node.items():
            if isinstance(value, (dict, list)) and not key.startswith("x-"):
                stack.append((value, f"{pointer}/{escape_pointer(key)}"))
    doc.origin.update({new: doc.written(old) for new, old in origin.items()})
