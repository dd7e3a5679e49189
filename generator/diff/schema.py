"""Schemas compared by what they mean, not how they are spelled.

A `View` is what the comparison looks at in one schema: its JSON types (and format),
whether null is allowed, its enum, properties and required names (allOf merged), items,
additionalProperties, union variants (oneOf/anyOf), flags, default and constraints.
Spellings that mean the same thing give the same view: 3.0 `nullable: true` and 3.1
`type: [x, "null"]`, a null enum value, a null member of a union (`{type: "null"}`,
`{enum: [null]}`, a `NullEnum` component), an enum behind a `$ref` or inline, `const` or a
one-value enum, a single-member `allOf` wrapper, `integer` beside `number`, 1.0 and 1.

`Comparer.compare` walks two schemas side by side and returns `Change`s relative to
them; it follows `$ref`s on both sides, is memoised per pair of schema nodes and
direction (a component used by a hundred operations is compared once), stops at cycles,
and gives up below MAX_DEPTH levels. Nothing here knows about operations: spec.py places
the changes and names their rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..load import escape_pointer, follow_pointer, unescape_pointer

MAX_DEPTH = 64
#: constraint keyword -> "max" (a smaller value accepts less), "min" (a larger value
#: accepts less) or "pattern"
CONSTRAINTS = {
    "maxLength": "max", "maximum": "max", "exclusiveMaximum": "max", "maxItems": "max",
    "minLength": "min", "minimum": "min", "exclusiveMinimum": "min", "minItems": "min",
    "pattern": "pattern",
}
_SHAPE_KEYS = frozenset({"type", "properties", "items", "enum", "const", "anyOf", "oneOf", "required",
                         "additionalProperties", "format"} | set(CONSTRAINTS))
#: enum values listed in a message before "+N more"
VALUES_SHOWN = 8

Node = tuple[Any, str]  # (schema, its pointer)
_COMPONENT = "/components/schemas/"
_NO_REFS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class View:
    ptr: str
    #: JSON types other than null; None: any value (no type constraint)
    types: frozenset[str] | None = None
    format: str | None = None
    nullable: bool = False
    #: False where null-ness cannot be told (a bare $ref in OpenAPI 3.0, when asked)
    nullable_known: bool = True
    enum: frozenset[str] | None = None  # canonical JSON of the values, null left out
    props: dict[str, Node] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Node | None = None
    additional: Node | None = None
    variants: tuple[tuple[str, View, Node], ...] | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    default: tuple[bool, str] = (False, "")
    constraints: tuple[tuple[str, Any], ...] = ()
    name: str | None = None  # the component it came from

    @property
    def only_null(self) -> bool:
        return self.types is not None and not self.types and self.nullable

    @property
    def is_object(self) -> bool:
        return self.types is not None and "object" in self.types

    def signature(self) -> str:
        if self.types is None:
            return "any"
        names = sorted(self.types) or ["null"]
        shown = "|".join(names)
        return f"{shown}/{self.format}" if self.format else shown


def canonical(value: Any) -> str:
    """A value as canonical JSON: 1.0 and 1 alike, keys sorted."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def show_values(values: list[str]) -> str:
    shown = ", ".join(values[:VALUES_SHOWN])
    more = f", +{len(values) - VALUES_SHOWN} more" if len(values) > VALUES_SHOWN else ""
    return f"[{shown}{more}]"


class Schemas:
    """The schemas of one document, viewed on demand and cached by pointer."""

    def __init__(self, data: Any, *, bare_ref_hides_nullable: bool = False):
        self.data = data
        self.bare_ref_hides_nullable = bare_ref_hides_nullable
        self.cache: dict[str, View] = {}
        self.ref_cache: dict[int, frozenset[str]] = {}  # id(node) -> refs inside (the document outlives it)
        self.lookups: dict[str, Node | None] = {}

    def refs(self, node: Any, ptr: str = "") -> frozenset[str]:
        """The local $refs written anywhere inside `node` (each node's set is computed
        once, from its children's)."""
        key = id(node)
        found = self.ref_cache.get(key)
        if found is not None:
            return found
        collected: set[str] = set()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                collected.add(ref)
            for value in node.values():
                if isinstance(value, (dict, list)):
                    collected |= self.refs(value)
        elif isinstance(node, list):
            for value in node:
                if isinstance(value, (dict, list)):
                    collected |= self.refs(value)
        found = self.ref_cache[key] = frozenset(collected) if collected else _NO_REFS
        return found

    def lookup(self, ref: str) -> Node | None:
        if ref in self.lookups:
            return self.lookups[ref]
        found: Node | None = None
        if ref.startswith("#"):
            try:
                found = follow_pointer(self.data, ref[1:]), ref[1:]
            except LookupError:
                found = None
        self.lookups[ref] = found
        return found

    def view(self, node: Any, ptr: str, depth: int = 0, cache: bool = True) -> View:
        if cache:
            found = self.cache.get(ptr)
            if found is not None:
                return found
        result = self._view(node, ptr, depth)
        if result.name is None and ptr.startswith(_COMPONENT) and ptr.count("/") == 3:
            result = replace(result, name=unescape_pointer(ptr[len(_COMPONENT):]))
        if cache:
            self.cache[ptr] = result
        return result

    def _view(self, node: Any, ptr: str, depth: int) -> View:
        if depth > MAX_DEPTH or not isinstance(node, dict):
            if node is False:
                return View(ptr, types=frozenset())
            return View(ptr, nullable=True)
        flags = {
            "nullable": node.get("nullable") is True,
            "read_only": node.get("readOnly") is True,
            "write_only": node.get("writeOnly") is True,
            "deprecated": node.get("deprecated") is True,
        }
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self.lookup(ref)
            if target is None:
                return View(ptr, nullable=True)
            inner = self.view(target[0], target[1], depth + 1)
            name = unescape_pointer(ref.rsplit("/", 1)[-1])
            bare = len(node) == 1
            if bare and inner.name == name and not self.bare_ref_hides_nullable:
                return inner  # the common case: nothing to add to the component's view
            result = _with_flags(inner, **flags)
            known = not (self.bare_ref_hides_nullable and bare)
            default = (True, canonical(node["default"])) if "default" in node else result.default
            return replace(result, name=name, nullable_known=result.nullable_known and known, default=default)
        if isinstance(node.get("allOf"), list) and node["allOf"]:
            parts = [self.view(p, f"{ptr}/allOf/{i}", depth + 1) for i, p in enumerate(node["allOf"])]
            rest = {k: v for k, v in node.items() if k != "allOf"}
            if _SHAPE_KEYS & set(rest):
                parts.append(self.view(rest, ptr, depth + 1, cache=False))
            merged = parts[0] if len(parts) == 1 else _merge_all(parts, ptr)
            if len(parts) == 1 and merged.name is None:
                merged = replace(merged, ptr=ptr)
            if "default" in node:
                merged = replace(merged, default=(True, canonical(node["default"])))
            return _with_flags(merged, **flags)
        for key in ("oneOf", "anyOf"):
            members = node.get(key)
            if isinstance(members, list) and members:
                return _with_flags(self._union(node, key, members, ptr, depth), **flags)
        return self._plain(node, ptr, flags)

    def _plain(self, node: dict[str, Any], ptr: str, flags: dict[str, bool]) -> View:
        types: set[str] = set()
        raw = node.get("type")
        if isinstance(raw, str):
            types.add(raw)
        elif isinstance(raw, list):
            types.update(str(t) for t in raw)
        nullable = flags.pop("nullable")
        if "null" in types:
            nullable = True
            types.discard("null")
        enum: frozenset[str] | None = None
        values = [node["const"]] if "const" in node else node.get("enum")
        if isinstance(values, list):
            if None in values:
                nullable = True
            enum = frozenset(canonical(v) for v in values if v is not None)
            if not types:
                types.update(_json_types(values))
        typed = bool(types) or (raw is not None and not types and nullable)  # `type: 'null'` alone
        if not types:
            if isinstance(node.get("properties"), dict) or "additionalProperties" in node:
                types.add("object")
            elif "items" in node:
                types.add("array")
        if "number" in types and "integer" in types:
            types.discard("integer")
        props: dict[str, Node] = {}
        if isinstance(node.get("properties"), dict):
            props = {name: (schema, f"{ptr}/properties/{escape_pointer(name)}") for name, schema in node["properties"].items()}
        items = (node["items"], f"{ptr}/items") if isinstance(node.get("items"), dict) else None
        additional = node.get("additionalProperties")
        constraints = tuple((k, node[k]) for k in CONSTRAINTS if k in node)
        fmt = node.get("format") if isinstance(node.get("format"), str) else None
        return View(
            ptr,
            types=frozenset(types) if (types or typed or enum is not None) else None,
            format=fmt,
            nullable=nullable or not (types or typed or enum is not None),
            enum=enum,
            props=props,
            required=frozenset(r for r in node.get("required") or () if isinstance(r, str)),
            items=items,
            additional=(additional, f"{ptr}/additionalProperties") if isinstance(additional, dict) and additional else None,
            default=(True, canonical(node["default"])) if "default" in node else (False, ""),
            constraints=constraints,
            read_only=flags["read_only"],
            write_only=flags["write_only"],
            deprecated=flags["deprecated"],
        )

    def _union(self, node: dict[str, Any], key: str, members: list[Any], ptr: str, depth: int) -> View:
        views = [(self.view(m, f"{ptr}/{key}/{i}", depth + 1), (m, f"{ptr}/{key}/{i}")) for i, m in enumerate(members)]
        nullable = any(v.nullable or v.types is None for v, _ in views)
        kept = [(v, n) for v, n in views if not v.only_null]
        if not kept:
            return View(ptr, types=frozenset(), nullable=True)
        if len(kept) == 1:
            return _with_flags(kept[0][0], nullable=nullable)
        scalar = all(v.types is not None and not v.props and not v.variants and "object" not in v.types
                     and "array" not in v.types for v, _ in kept)
        if scalar:
            enums = [v.enum for v, _ in kept]
            return View(
                ptr,
                types=frozenset().union(*(v.types or frozenset() for v, _ in kept)),
                nullable=nullable,
                enum=frozenset().union(*enums) if all(e is not None for e in enums) else None,  # type: ignore[arg-type]
            )
        discriminator = node.get("discriminator")
        tag = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        variants: list[tuple[str, View, Node]] = []
        for index, (v, n) in enumerate(kept):
            if v.variants:  # a union inside a union: flatten
                variants.extend(v.variants)
            else:
                variants.append((self._label(v, tag, index), v, n))
        seen: set[str] = set()
        unique: list[tuple[str, View, Node]] = []
        for index, (label, v, n) in enumerate(variants):
            if label in seen:
                label = f"{label}#{index}"
            seen.add(label)
            unique.append((label, v, n))
        types = frozenset().union(*(v.types or frozenset() for v, _ in kept))
        return View(ptr, types=types, nullable=nullable, variants=tuple(unique))

    def _label(self, v: View, tag: Any, index: int) -> str:
        """A union member's name: its discriminator (or `kind`) value when it has exactly
        one, else the component it came from, else its position."""
        for prop in ([tag] if isinstance(tag, str) else []) + ["kind"]:
            if prop in v.props:
                schema, ptr = v.props[prop]
                pv = self.view(schema, ptr)
                if pv.enum is not None and len(pv.enum) == 1:
                    value = json.loads(next(iter(pv.enum)))
                    return str(value)
        return v.name or f"#{index}"


def _json_types(values: list[Any]) -> set[str]:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    return {names.get(type(v), "string") for v in values if v is not None}


def _with_flags(v: View, *, nullable: bool = False, read_only: bool = False, write_only: bool = False,
                deprecated: bool = False) -> View:
    if not (nullable and not v.nullable) and not (read_only and not v.read_only) \
            and not (write_only and not v.write_only) and not (deprecated and not v.deprecated):
        return v
    return replace(v, nullable=v.nullable or nullable, read_only=v.read_only or read_only,
                   write_only=v.write_only or write_only, deprecated=v.deprecated or deprecated)


def _merge_all(parts: list[View], ptr: str) -> View:
    typed = [p for p in parts if p.types is not None]
    types: frozenset[str] | None = None
    for p in typed:
        assert p.types is not None
        types = p.types if types is None else (types & p.types) or types | p.types
    props: dict[str, Node] = {}
    constraints: dict[str, Any] = {}
    for p in parts:
        props.update(p.props)
        constraints.update(dict(p.constraints))
    return View(
        ptr,
        types=types,
        format=next((p.format for p in parts if p.format), None),
        nullable=all(p.nullable for p in typed) if typed else True,
        enum=next((p.enum for p in parts if p.enum is not None), None),
        props=props,
        required=frozenset().union(*(p.required for p in parts)),
        items=next((p.items for p in parts if p.items is not None), None),
        additional=next((p.additional for p in parts if p.additional is not None), None),
        variants=next((p.variants for p in parts if p.variants), None),
        read_only=any(p.read_only for p in parts),
        write_only=any(p.write_only for p in parts),
        deprecated=any(p.deprecated for p in parts),
        default=next((p.default for p in parts if p.default[0]), (False, "")),
        constraints=tuple(sorted(constraints.items())),
        name=next((p.name for p in parts if p.name), None),
    )


# ---------------------------------------------------------------------------
# Comparing


@dataclass(frozen=True)
class Change:
    """One difference between two schemas, relative to where the comparison started.

    `change` is a schema-family change (`type-changed`, `enum-value-added`, ...) or one
    of the property changes `property-added`, `property-removed`,
    `property-became-required`, `property-became-optional`, `property-deprecated`.
    """

    change: str
    field: str  # ".results[].name", "" for the schema itself
    base_suffix: str  # JSON pointer below the starting schema, as if $refs were inlined
    head_suffix: str
    base_ptr: str  # where the node is in the base document (after $refs)
    head_ptr: str
    detail: str = ""  # what changed, for the message: "from 'string' to 'integer'"
    required: bool = False  # property-added / property-removed: was (is) it required

    def under(self, field_prefix: str, base_prefix: str, head_prefix: str) -> Change:
        return replace(self, field=field_prefix + self.field, base_suffix=base_prefix + self.base_suffix,
                       head_suffix=head_prefix + self.head_suffix)


def _covers(a: View, b: View) -> bool:
    """Every value of b's types is one of a's (any covers all; number covers integer;
    a format-less type covers the same type with a format)."""
    if a.types is None:
        return True
    if b.types is None:
        return False
    for t in b.types:
        if t in a.types or (t == "integer" and "number" in a.types):
            if a.format is None or a.format == b.format:
                continue
        return False
    return True


class Comparer:
    """Compares schemas of a base and a head document, in one direction at a time."""

    def __init__(self, base: Schemas, head: Schemas):
        self.base = base
        self.head = head
        self.memo: dict[tuple[str, str, str], list[Change]] = {}
        self.active: set[tuple[str, str, str]] = set()
        self.same: dict[tuple[str, str], bool] = {}
        self.same_pending: set[tuple[str, str]] = set()
        self.same_assumed: list[tuple[str, str]] = []

    def identical(self, b: Node, h: Node) -> bool:
        """The two schemas are written alike and every $ref in them leads to schemas that
        are written alike: nothing to compare (the fast path of an unchanged document).

        Equality is decided coinductively (a pair being decided counts as alike), so a True
        found while another pair is pending is kept only if the outermost answer is True."""
        key = (b[1], h[1])
        known = self.same.get(key)
        if known is not None:
            return known
        if key in self.same_pending:
            return True
        if b[0] != h[0]:
            self.same[key] = False
            return False
        outermost = not self.same_pending
        self.same_pending.add(key)
        result = True
        try:
            for ref in sorted(self.base.refs(b[0])):
                target_b, target_h = self.base.lookup(ref), self.head.lookup(ref)
                if target_b is None or target_h is None:
                    result = target_b is None and target_h is None
                elif not self.identical(target_b, target_h):
                    result = False
                if not result:
                    break
        finally:
            self.same_pending.discard(key)
        self.same[key] = result
        if result:
            self.same_assumed.append(key)
        if outermost:
            if not result:
                for assumed in self.same_assumed:
                    if self.same.get(assumed) is True:
                        del self.same[assumed]
            self.same_assumed = []
        return result

    def compare(self, b: Node, h: Node, direction: str, depth: int = 0) -> list[Change]:
        key = (b[1], h[1], direction)
        found = self.memo.get(key)
        if found is not None:
            return found
        if key in self.active or depth > MAX_DEPTH:
            return []
        if self.identical(b, h):
            self.memo[key] = []
            return []
        self.active.add(key)
        try:
            result = self._compare(self.base.view(*b), self.head.view(*h), direction, depth)
        finally:
            self.active.discard(key)
        self.memo[key] = result
        return result

    def _compare(self, bv: View, hv: View, direction: str, depth: int) -> list[Change]:
        out: list[Change] = []
        request = direction == "request"

        def add(change: str, detail: str = "") -> None:
            out.append(Change(change, "", "", "", bv.ptr, hv.ptr, detail))

        if bv.variants or hv.variants:
            if bv.types is not None and hv.types is not None and bv.nullable_known and hv.nullable_known:
                self._nullability(bv, hv, request, add)
            out += self._variants(bv, hv, direction, depth)
            return out
        same_type = bv.signature() == hv.signature()
        if not same_type:
            widened = _covers(hv, bv) if request else _covers(bv, hv)
            name = ("type-generalized" if request else "type-specialized") if widened else "type-changed"
            add(name, f"from '{bv.signature()}' to '{hv.signature()}'")
        if bv.types is not None and hv.types is not None and bv.nullable_known and hv.nullable_known:
            self._nullability(bv, hv, request, add)
        if bv.enum != hv.enum and (same_type or (bv.types or set()) & (hv.types or set())):
            if bv.enum is None:
                add("became-enum", show_values(sorted(hv.enum or ())))
            elif hv.enum is None:
                add("became-not-enum", show_values(sorted(bv.enum)))
            else:
                added, removed = sorted(hv.enum - bv.enum), sorted(bv.enum - hv.enum)
                if added:
                    add("enum-value-added", show_values(added))
                if removed:
                    add("enum-value-removed", show_values(removed))
        if request and bv.default != hv.default:
            before = bv.default[1] if bv.default[0] else "none"
            after = hv.default[1] if hv.default[0] else "none"
            add("default-value-changed", f"from {before} to {after}")
        if bv.constraints != hv.constraints:
            self._constraints(bv, hv, add)
        if bv.is_object and hv.is_object:
            out += self._properties(bv, hv, direction, depth)
        if bv.items is not None and hv.items is not None:
            out += [c.under("[]", "/items", "/items") for c in self.compare(bv.items, hv.items, direction, depth + 1)]
        if bv.additional is not None and hv.additional is not None:
            out += [c.under("{}", "/additionalProperties", "/additionalProperties")
                    for c in self.compare(bv.additional, hv.additional, direction, depth + 1)]
        return out

    @staticmethod
    def _nullability(bv: View, hv: View, request: bool, add: Any) -> None:
        if bv.nullable and not hv.nullable:
            add("became-not-nullable")
        elif hv.nullable and not bv.nullable:
            add("became-nullable")

    @staticmethod
    def _constraints(bv: View, hv: View, add: Any) -> None:
        before, after = dict(bv.constraints), dict(hv.constraints)
        for key, sense in CONSTRAINTS.items():
            b, h = before.get(key), after.get(key)
            if b == h:
                continue
            if sense == "pattern":
                tighter = h is not None
            elif isinstance(b, (int, float, type(None))) and isinstance(h, (int, float, type(None))) \
                    and not isinstance(b, bool) and not isinstance(h, bool):
                if h is None:
                    tighter = False
                elif b is None:
                    tighter = True
                else:
                    tighter = h < b if sense == "max" else h > b
            else:  # 3.0 boolean exclusiveMaximum / exclusiveMinimum
                tighter = bool(h)
            shown_b = "none" if b is None else json.dumps(b)
            shown_h = "none" if h is None else json.dumps(h)
            add("constraint-tightened" if tighter else "constraint-loosened", f"{key} from {shown_b} to {shown_h}")

    def _properties(self, bv: View, hv: View, direction: str, depth: int) -> list[Change]:
        out: list[Change] = []
        request = direction == "request"

        def visible(schemas: Schemas, props: dict[str, Node]) -> dict[str, tuple[Node, View]]:
            shown: dict[str, tuple[Node, View]] = {}
            for name, node in props.items():
                pv = schemas.view(*node)
                if (request and pv.read_only) or (not request and pv.write_only):
                    continue
                shown[name] = (node, pv)
            return shown

        before = visible(self.base, bv.props)
        after = visible(self.head, hv.props)
        for name in sorted(before.keys() | after.keys()):
            token = "/properties/" + escape_pointer(name)
            field_name = "." + name
            if name not in before:
                node, _ = after[name]
                out.append(Change("property-added", field_name, "", token, bv.ptr, node[1], required=name in hv.required))
                continue
            if name not in after:
                node, _ = before[name]
                out.append(Change("property-removed", field_name, token, "", node[1], hv.ptr, required=name in bv.required))
                continue
            (b_node, b_view), (h_node, h_view) = before[name], after[name]
            was, now = name in bv.required, name in hv.required
            if was != now:
                out.append(Change("property-became-required" if now else "property-became-optional",
                                  field_name, token, token, b_node[1], h_node[1]))
            if h_view.deprecated and not b_view.deprecated:
                out.append(Change("property-deprecated", field_name, token, token, b_node[1], h_node[1]))
            out += [c.under(field_name, token, token) for c in self.compare(b_node, h_node, direction, depth + 1)]
        return out

    def _variants(self, bv: View, hv: View, direction: str, depth: int) -> list[Change]:
        def members(v: View, schemas: Schemas) -> tuple[tuple[str, View, Node], ...]:
            if v.variants:
                return v.variants
            return ((v.name or "#0", v, (None, v.ptr)),)

        out: list[Change] = []
        before = {label: (view, node) for label, view, node in members(bv, self.base)}
        after = {label: (view, node) for label, view, node in members(hv, self.head)}
        if not bv.variants or not hv.variants:
            # a union on one side only: the plain side counts as a one-member union
            if not (before.keys() & after.keys()):
                sig_b, sig_h = _union_signature(bv), _union_signature(hv)
                out.append(Change("type-changed", "", "", "", bv.ptr, hv.ptr, f"from '{sig_b}' to '{sig_h}'"))
                return out
        for label in sorted(before.keys() | after.keys()):
            shown = f"<{label}>"
            if label not in after:
                view, node = before[label]
                out.append(Change("one-of-removed", "", "", "", view.ptr, hv.ptr, f"'{label}'"))
                continue
            if label not in before:
                view, node = after[label]
                out.append(Change("one-of-added", "", "", "", bv.ptr, view.ptr, f"'{label}'"))
                continue
            (b_view, b_node), (h_view, h_node) = before[label], after[label]
            b_suffix = b_node[1][len(bv.ptr):] if b_node[1].startswith(bv.ptr) else ""
            h_suffix = h_node[1][len(hv.ptr):] if h_node[1].startswith(hv.ptr) else ""
            if b_node[0] is None or h_node[0] is None:  # the plain side: compare the views directly
                inner = self._compare(b_view, h_view, direction, depth + 1)
            else:
                inner = self.compare(b_node, h_node, direction, depth + 1)
            out += [c.under(shown, b_suffix, h_suffix) for c in inner]
        return out


def _union_signature(v: View) -> str:
    if v.variants:
        return "oneOf[" + ", ".join(label for label, _, _ in v.variants) + "]"
    return v.name or v.signature()
