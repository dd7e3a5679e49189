"""The curated schemas of the seed operations against PostHog's published schema.

../shared/posthog-reference/subset.json is the part of PostHog's own OpenAPI
3.0.3 document that covers the seed operations. For every seed operation that
it has (matched by method and exact path), this test compares the JSON request
body schema and each 2xx JSON response schema: field names, types, enums,
required, nullable, readOnly and writeOnly flags, following `$ref`s on both
sides and descending into nested objects, array items and union variants up to
MAX_DEPTH levels. Both sides are normalised first, so that spellings that mean
the same thing compare equal: 3.0 `nullable: true`, 3.1 `type: [x, 'null']`,
`anyOf`/`oneOf` with a null member or `NullEnum`, `enum` with `null`, enum
`$ref`s vs inline enums, `const` vs a one-value enum, single-`$ref` `allOf`
wrappers.

Every difference is one line, spec value first and subset value second:

    POST /api/projects/{project_id}/query/ request .refresh: nullable true vs false

The test fails on any line that tests/spec/subset_allowlist.yaml does not allow
(and on allow-list entries that no longer match anything). Run this file with
Python to print every difference with the entry that allows it.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
import yaml
from _spec_support import SUBSET_JSON, bundled, operations, require_shared, seed_operations

ALLOWLIST = Path(__file__).with_name("subset_allowlist.yaml")
MAX_DEPTH = 4
JSON_MEDIA = "application/json"
#: how many enum values a difference line lists before summarising
ENUM_SHOWN = 8


# ---------------------------------------------------------------------------
# Normalised schema shapes


@dataclass
class Shape:
    """What the comparison looks at in one schema, whatever its spelling."""

    types: frozenset[str] = frozenset({"any"})
    nullable: bool = False
    enum: tuple[str, ...] | None = None  # JSON-encoded values, sorted; null excluded
    read_only: bool = False
    write_only: bool = False
    properties: dict[str, Any] = field(default_factory=dict)  # raw property schemas
    required: frozenset[str] = frozenset()
    items: Any = None  # raw item schema
    variants: list[tuple[str, Shape]] | None = None  # object unions: (label, shape)
    name: str | None = None  # component the schema came from, if any
    side: Side | None = None
    bare_ref: bool = False  # written as a lone `$ref`, which cannot carry `nullable` in OpenAPI 3.0

    @property
    def is_null(self) -> bool:
        return not self.types and self.nullable

    @property
    def is_object(self) -> bool:
        return "object" in self.types and not self.variants


class Side:
    """One document (the spec or the subset): follows its local `$ref`s and normalises its schemas."""

    def __init__(self, label: str, data: dict[str, Any]) -> None:
        self.label = label
        self.data = data

    def lookup(self, ref: str) -> tuple[Any, str]:
        assert ref.startswith("#/"), f"{self.label}: non-local $ref {ref}"
        node: Any = self.data
        for token in ref[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node, ref.rsplit("/", 1)[-1]

    def shape(self, schema: Any, depth: int = 0) -> Shape:
        if depth > 40:
            raise AssertionError(f"{self.label}: $ref/allOf nesting too deep")
        if not isinstance(schema, dict):
            return Shape(side=self)
        flags = {
            "read_only": schema.get("readOnly") is True,
            "write_only": schema.get("writeOnly") is True,
            "nullable": schema.get("nullable") is True,
        }
        if isinstance(schema.get("$ref"), str):
            target, name = self.lookup(schema["$ref"])
            inner = self.shape(target, depth + 1)
            bare = set(schema) == {"$ref"}
            return _with_flags(replace(inner, name=inner.name or name, bare_ref=bare), **flags)
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            parts = [self.shape(part, depth + 1) for part in schema["allOf"]]
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            if _has_shape(rest):
                parts.append(self.shape(rest, depth + 1))
            merged = parts[0] if len(parts) == 1 else _merge_all(parts)
            return _with_flags(merged, **flags)
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return _with_flags(self._union(schema[key], depth), **flags)
        types: set[str] = set()
        raw_type = schema.get("type")
        if isinstance(raw_type, str):
            types.add(raw_type)
        elif isinstance(raw_type, list):
            types.update(str(t) for t in raw_type)
        enum = None
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if isinstance(values, list):
            if None in values:
                flags["nullable"] = True
            enum = tuple(sorted(json.dumps(_number(v), sort_keys=True) for v in values if v is not None))
            if not enum and not types:
                return Shape(types=frozenset(), nullable=True, side=self, **_only(flags, "read_only", "write_only"))
            if not types:
                types.update(_json_types(values))
        if "null" in types:
            flags["nullable"] = True
            types.discard("null")
            if not types:
                return Shape(types=frozenset(), nullable=True, side=self, **_only(flags, "read_only", "write_only"))
        if not types:
            if "properties" in schema or "additionalProperties" in schema:
                types.add("object")
            elif "items" in schema:
                types.add("array")
            else:
                types.add("any")
        if "number" in types and "integer" in types:
            types.discard("integer")
        if types == {"any"}:
            flags["nullable"] = True  # an unconstrained schema admits null
        return Shape(
            types=frozenset(types),
            enum=enum,
            properties=dict(schema.get("properties") or {}),
            required=frozenset(schema.get("required") or ()),
            items=schema.get("items"),
            side=self,
            **flags,
        )

    def _union(self, members: list[Any], depth: int) -> Shape:
        shapes = [self.shape(m, depth + 1) for m in members]
        nullable = any(s.nullable for s in shapes)
        shapes = [s for s in shapes if not s.is_null]
        if not shapes:
            return Shape(types=frozenset(), nullable=True, side=self)
        if len(shapes) == 1:
            return _with_flags(shapes[0], nullable=nullable)
        if not any("object" in s.types or s.variants for s in shapes):
            enums = [s.enum for s in shapes]
            enum = tuple(sorted(set().union(*enums))) if all(e is not None for e in enums) else None
            items = next((s for s in shapes if s.items is not None), None)
            return Shape(
                types=frozenset().union(*(s.types for s in shapes)),
                nullable=nullable,
                enum=enum,
                items=items.items if items else None,
                side=items.side if items else self,
            )
        variants: list[tuple[str, Shape]] = []
        for index, member in enumerate(shapes):
            if member.variants:  # a union inside a union: flatten it
                variants.extend(member.variants)
            else:
                variants.append((_variant_label(member, index), member))
        types = frozenset().union(*(s.types for s in shapes))
        return Shape(types=types, nullable=nullable, variants=variants, side=self)


def _number(value: Any) -> Any:
    """1.0 and 1 are the same enum value (openapi-generator writes integer enums of number fields as floats)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _json_types(values: list[Any]) -> set[str]:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    return {names.get(type(v), "any") for v in values if v is not None}


def _only(flags: dict[str, bool], *keys: str) -> dict[str, bool]:
    return {k: flags[k] for k in keys}


def _has_shape(schema: dict[str, Any]) -> bool:
    return bool({"type", "properties", "items", "enum", "const", "anyOf", "oneOf", "required"} & set(schema))


def _with_flags(shape: Shape, read_only: bool = False, write_only: bool = False, nullable: bool = False) -> Shape:
    return replace(
        shape,
        read_only=shape.read_only or read_only,
        write_only=shape.write_only or write_only,
        nullable=shape.nullable or nullable,
    )


def _merge_all(parts: list[Shape]) -> Shape:
    merged = parts[0]
    for part in parts[1:]:
        merged = replace(
            merged,
            types=(merged.types & part.types) or (merged.types - {"any"}) | (part.types - {"any"}) or merged.types,
            properties={**merged.properties, **part.properties},
            required=merged.required | part.required,
            nullable=merged.nullable and part.nullable,
            read_only=merged.read_only or part.read_only,
            write_only=merged.write_only or part.write_only,
            enum=merged.enum or part.enum,
            items=merged.items if merged.items is not None else part.items,
            name=merged.name or part.name,
        )
    return merged


def _variant_label(shape: Shape, index: int) -> str:
    """A union member's label: its `kind` value when it has exactly one, else its component name."""
    kind = shape.properties.get("kind")
    if kind is not None and shape.side is not None:
        kind_shape = shape.side.shape(kind)
        if kind_shape.enum and len(kind_shape.enum) == 1:
            return json.loads(kind_shape.enum[0])
    return shape.name or f"#{index + 1}"


# ---------------------------------------------------------------------------
# Comparison


def _fmt_types(types: frozenset[str]) -> str:
    return "|".join(sorted(types)) or "null"


def _fmt_values(values: list[str]) -> str:
    shown = ", ".join(values[:ENUM_SHOWN])
    return f"[{shown}{f', +{len(values) - ENUM_SHOWN} more' if len(values) > ENUM_SHOWN else ''}]"


def compare(ours: Shape, theirs: Shape, path: str, depth: int, seen: frozenset[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(field path, difference) pairs between a spec shape and a subset shape."""
    here = path or "."
    if ours.types != theirs.types:
        yield here, f"type {_fmt_types(ours.types)} vs {_fmt_types(theirs.types)}"
    if ours.nullable != theirs.nullable:
        note = " (subset: lone $ref)" if theirs.bare_ref and not theirs.nullable else ""
        yield here, f"nullable {str(ours.nullable).lower()} vs {str(theirs.nullable).lower()}{note}"
    if ours.read_only != theirs.read_only:
        yield here, f"readOnly {str(ours.read_only).lower()} vs {str(theirs.read_only).lower()}"
    if ours.write_only != theirs.write_only:
        yield here, f"writeOnly {str(ours.write_only).lower()} vs {str(theirs.write_only).lower()}"
    if ours.enum != theirs.enum and ours.types == theirs.types:
        if ours.enum is None or theirs.enum is None:
            yield here, f"enum {'none' if ours.enum is None else 'values'} vs {'none' if theirs.enum is None else 'values'}"
        else:
            extra = sorted(set(ours.enum) - set(theirs.enum))
            missing = sorted(set(theirs.enum) - set(ours.enum))
            if extra:
                yield here, f"enum values only in spec {_fmt_values(extra)}"
            if missing:
                yield here, f"enum values only in subset {_fmt_values(missing)}"
    if depth >= MAX_DEPTH:
        return
    pair = (ours.name or "", theirs.name or "")
    if ours.name and theirs.name:
        if pair in seen:
            return
        seen = seen | {pair}
    if ours.variants or theirs.variants:
        yield from _compare_variants(ours, theirs, path, depth, seen)
        return
    if {ours.types, theirs.types} == {frozenset({"object"}), frozenset({"array"})}:
        yield from _compare_object_with_list(ours, theirs, path, depth, seen)
        return
    if ours.is_object and theirs.is_object and (ours.properties or theirs.properties):
        assert ours.side is not None and theirs.side is not None
        for name in sorted(set(ours.properties) | set(theirs.properties)):
            sub = f"{path}.{name}"
            if name not in theirs.properties:
                yield sub, "only in spec" + _flags_there(ours, name)
            elif name not in ours.properties:
                yield sub, "only in subset" + _flags_there(theirs, name)
            else:
                if (name in ours.required) != (name in theirs.required):
                    yield sub, f"required {str(name in ours.required).lower()} vs {str(name in theirs.required).lower()}"
                yield from compare(
                    ours.side.shape(ours.properties[name]), theirs.side.shape(theirs.properties[name]), sub, depth + 1, seen
                )
    if "array" in ours.types and "array" in theirs.types and ours.items is not None and theirs.items is not None:
        assert ours.side is not None and theirs.side is not None
        yield from compare(ours.side.shape(ours.items), theirs.side.shape(theirs.items), f"{path}[]", depth + 1, seen)


def _flags_there(shape: Shape, name: str) -> str:
    """` (required, readOnly there)`: what the side that has a property says about it."""
    assert shape.side is not None
    prop = shape.side.shape(shape.properties[name])
    flags = [flag for flag, on in (("required", name in shape.required), ("readOnly", prop.read_only), ("writeOnly", prop.write_only)) if on]
    return f" ({', '.join(flags)} there)" if flags else ""


def _compare_object_with_list(ours: Shape, theirs: Shape, path: str, depth: int, seen: frozenset[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """One side is a single object, the other a list of (or a page of) such objects: compare the items."""
    assert ours.side is not None and theirs.side is not None
    spec_is_list = "array" in ours.types
    listed, single = (ours, theirs) if spec_is_list else (theirs, ours)
    assert listed.side is not None and single.side is not None
    item = listed.side.shape(listed.items) if listed.items is not None else Shape()
    if not item.is_object:
        return
    target, where = single, f"{path}[]"
    if not set(item.properties) & set(single.properties) and "results" in single.properties:
        page = single.side.shape(single.properties["results"])  # a paginated envelope around the items
        if page.items is None:
            return
        target, where = single.side.shape(page.items), f"{path}.results[]"
    if not set(item.properties) & set(target.properties):
        return
    pair = (item, target) if spec_is_list else (target, item)
    yield from compare(pair[0], pair[1], where, depth + 1, seen)


def _compare_variants(ours: Shape, theirs: Shape, path: str, depth: int, seen: frozenset[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    here = path or "."
    if not (ours.variants and theirs.variants):
        which = "spec" if ours.variants else "subset"
        count = len(ours.variants or theirs.variants or [])
        yield here, f"union of {count} variants only in {which}"
        return
    mine = dict(ours.variants)
    others = dict(theirs.variants)
    subset_side = theirs.side
    assert subset_side is not None
    for label in sorted(mine):
        other = others.get(label)
        if other is None and label in (subset_side.data.get("components", {}).get("schemas") or {}):
            # an anonymous subset union whose members are copies of the named component
            other = subset_side.shape({"$ref": f"#/components/schemas/{label}"})
        if other is None:
            yield f"{path or '.'}<{label}>", "variant only in spec"
            continue
        yield from compare(mine[label], other, f"{path or '.'}<{label}>", depth + 1, seen)
    unmatched = sorted(set(others) - set(mine))
    if unmatched:
        yield here, f"{len(unmatched)} of {len(others)} union variants only in subset"


# ---------------------------------------------------------------------------
# Operations


def _json_schema(body: Any) -> Any:
    if not isinstance(body, dict):
        return None
    media = (body.get("content") or {}).get(JSON_MEDIA)
    return media.get("schema") if isinstance(media, dict) else None


def _deref_object(side: Side, node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        node, _ = side.lookup(node["$ref"])
    return node


def operation_differences(method: str, path: str, ours_op: dict[str, Any], theirs_op: dict[str, Any], spec: Side, subset: Side) -> list[str]:
    lines: list[str] = []
    prefix = f"{method} {path}"

    def add(where: str, field_path: str | None, what: str) -> None:
        lines.append(f"{prefix} {where}{' ' + field_path if field_path else ''}: {what}")

    ours_body = _deref_object(spec, ours_op.get("requestBody"))
    theirs_body = _deref_object(subset, theirs_op.get("requestBody"))
    ours_req, theirs_req = _json_schema(ours_body), _json_schema(theirs_body)
    if ours_req is not None and theirs_req is not None:
        a, b = bool(ours_body.get("required")), bool(theirs_body.get("required"))
        if a != b:
            add("request", None, f"body required {str(a).lower()} vs {str(b).lower()}")
        for field_path, what in compare(spec.shape(ours_req), subset.shape(theirs_req), "", 0, frozenset()):
            add("request", field_path, what)
    elif ours_req is not None or theirs_req is not None:
        add("request", None, f"body only in {'spec' if ours_req is not None else 'subset'}")

    ours_responses = {c: _deref_object(spec, r) for c, r in (ours_op.get("responses") or {}).items() if c.startswith("2")}
    theirs_responses = {c: _deref_object(subset, r) for c, r in (theirs_op.get("responses") or {}).items() if c.startswith("2")}
    for code in sorted(set(ours_responses) | set(theirs_responses)):
        if code not in theirs_responses:
            add(f"response {code}", None, "only in spec")
            continue
        if code not in ours_responses:
            add(f"response {code}", None, "only in subset")
            continue
        ours_schema, theirs_schema = _json_schema(ours_responses[code]), _json_schema(theirs_responses[code])
        if ours_schema is not None and theirs_schema is not None:
            for field_path, what in compare(spec.shape(ours_schema), subset.shape(theirs_schema), "", 0, frozenset()):
                add(f"response {code}", field_path, what)
        elif ours_schema is not None or theirs_schema is not None:
            add(f"response {code}", None, f"body only in {'spec' if ours_schema is not None else 'subset'}")
    return lines


def all_differences() -> tuple[list[str], list[str]]:
    """(every difference line, sorted; seed operations the subset lacks)."""
    subset_data = json.loads(require_shared(SUBSET_JSON).read_text(encoding="utf-8"))
    spec_data = bundled().data
    spec, subset = Side("spec", spec_data), Side("subset", subset_data)
    ours = {(m, p): op for m, p, op in operations(spec_data)}
    theirs = {(m, p): op for m, p, op in operations(subset_data)}
    lines: list[str] = []
    not_in_subset: list[str] = []
    for method, path in sorted(seed_operations()):
        if (method, path) not in theirs:
            not_in_subset.append(f"{method} {path}")
            continue
        if (method, path) not in ours:
            continue  # test_operations reports it
        lines += operation_differences(method, path, ours[(method, path)], theirs[(method, path)], spec, subset)
    return sorted(set(lines)), not_in_subset


# ---------------------------------------------------------------------------
# The allow-list


@dataclass(frozen=True)
class Allowance:
    operation: str  # glob over "METHOD path"
    pattern: str  # glob over the rest of the line
    reason: str


def _glob(pattern: str, text: str) -> bool:
    """fnmatch with `*` and `?` as the only wildcards: brackets in field paths are literal."""
    return fnmatchcase(text, pattern.replace("[", "[[]"))


def load_allowlist() -> list[Allowance]:
    raw = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or {}
    assert isinstance(raw, dict), f"{ALLOWLIST.name}: expected a mapping of operation globs to entries"
    allowances = []
    for operation, entries in raw.items():
        assert isinstance(entries, list), f"{ALLOWLIST.name}: {operation!r} must map to a list of entries"
        for entry in entries:
            reason = str(entry.get("reason") or "").strip()
            patterns = entry.get("diffs") or [entry.get("diff")]
            assert reason, f"{ALLOWLIST.name}: an entry of {operation!r} ({patterns}) has no reason"
            for pattern in patterns:
                assert isinstance(pattern, str) and pattern, f"{ALLOWLIST.name}: bad diff pattern in {operation!r}"
                allowances.append(Allowance(str(operation), pattern, reason))
    return allowances


def match(line: str, allowances: list[Allowance]) -> Allowance | None:
    method, path, rest = line.split(" ", 2)
    for allowance in allowances:
        if _glob(allowance.operation, f"{method} {path}") and _glob(allowance.pattern, rest):
            return allowance
    return None


# ---------------------------------------------------------------------------
# Tests


@pytest.fixture(scope="module")
def differences() -> list[str]:
    lines, not_in_subset = all_differences()
    if not_in_subset:
        warnings.warn(
            "seed operations not in subset.json (not compared): " + ", ".join(not_in_subset), stacklevel=1
        )
    return lines


def test_every_difference_is_allowed(differences: list[str]) -> None:
    allowances = load_allowlist()
    unexplained = [line for line in differences if match(line, allowances) is None]
    assert not unexplained, (
        f"{len(unexplained)} difference(s) from subset.json are not in {ALLOWLIST.name}; fix the spec, "
        "or allow them with the reason:\n  " + "\n  ".join(unexplained)
    )


def test_allowlist_has_no_stale_entries(differences: list[str]) -> None:
    allowances = load_allowlist()
    used = {match(line, allowances) for line in differences}
    stale = [f"{a.operation} :: {a.pattern}" for a in allowances if a not in used]
    assert not stale, f"{ALLOWLIST.name} entries that allow nothing any more:\n  " + "\n  ".join(stale)


def test_comparison_normalises_and_detects() -> None:
    """The comparison treats equivalent spellings alike and still reports real differences."""
    doc30 = {"components": {"schemas": {
        "E": {"type": "string", "enum": ["a", "b"]},
        "NullEnum": {"enum": [None]},
        "T": {"type": "object", "required": ["x"], "properties": {
            "x": {"type": "string", "nullable": True},
            "e": {"oneOf": [{"$ref": "#/components/schemas/E"}, {"$ref": "#/components/schemas/NullEnum"}]},
            "w": {"allOf": [{"$ref": "#/components/schemas/E"}], "readOnly": True},
            "n": {"type": "integer"},
        }},
    }}}
    doc31 = {"components": {"schemas": {"T": {"type": "object", "required": ["x"], "properties": {
        "x": {"type": ["string", "null"]},
        "e": {"anyOf": [{"type": "string", "enum": ["b", "a"]}, {"type": "null"}]},
        "w": {"type": "string", "enum": ["a", "b"], "readOnly": True},
        "n": {"type": ["string", "null"]},
        "only": {"type": "string"},
    }}}}}
    ref = {"$ref": "#/components/schemas/T"}
    found = sorted(compare(Side("spec", doc31).shape(ref), Side("subset", doc30).shape(ref), "", 0, frozenset()))
    assert found == [
        (".n", "nullable true vs false"),
        (".n", "type string vs integer"),
        (".only", "only in spec"),
    ]


if __name__ == "__main__":  # print every difference and what allows it
    all_lines, missing = all_differences()
    allowed = load_allowlist()
    for item in all_lines:
        hit = match(item, allowed)
        print(("ALLOWED " if hit else "NEW     ") + item)
    for op in missing:
        print(f"NOT IN SUBSET {op}")
    sys.exit(0)
