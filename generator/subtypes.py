"""Polymorphic schemas made into Python subclasses.

A schema with a discriminator that other schemas extend (`allOf: [{$ref: Pet}, ...]`) is a
base: Bitbucket's `object` (every resource, told apart by `type`), Microsoft Graph's
`entity` (`@odata.type`), Azure's bases with `x-ms-discriminator-value` subtypes (2,939
subtypes in 91 documents of the APIs.guru directory). A field typed by the base holds any
of them, so each extending model becomes a subclass of its base, and the base gets a
table of discriminator values that the runtime reads an object by (PolymorphicModel).

A model is made a subclass only where Python allows it: it extends one base of a family,
and each field it redefines is one mypy accepts in a subclass (the same type or a
narrower one, no None where the base has none). Otherwise it stays a class of its own,
read as before, and the document is told why.

A schema that extends one other with no discriminator (`NewPet: allOf: [{$ref: Pet},
...]`, 3,551 schemas of 350 directory documents) is made its subclass too, under the same
rules, so that a NewPet goes where a Pet does; where it cannot be, nothing is lost and
nothing is said.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import ir
from .diagnostics import AMBIGUOUS, Code
from .load import escape_pointer, unescape_pointer
from .openapi import Resolver, UnresolvedRef
from .views import default_of

_SCHEMAS = "/components/schemas/"

Warn = Callable[[str, str, Code], None]


def link(models: list[ir.Model], enums: list[ir.Enum], schemas: Any, resolver: Resolver, warn: Warn) -> list[ir.Model]:
    """Set `base`, `inherited`, `discriminator` and `subtypes` on the component models of
    polymorphic families in `schemas` (the document's components/schemas); return the
    models in an order where every base comes before the classes extending it."""
    if not isinstance(schemas, dict):
        return models
    at = {m.pointer: m for m in models if m.pointer.startswith(_SCHEMAS)}
    raw: dict[str, dict[str, Any]] = {}
    for name, schema in schemas.items():
        model = at.get(_SCHEMAS + escape_pointer(str(name)))
        if model is not None and isinstance(schema, dict):
            raw[model.name] = schema
    if not any("allOf" in schema for schema in raw.values()):
        return models  # most documents: no schema extends another
    family = _Family(at, raw, {e.name: e for e in enums}, resolver, warn)
    if any(_property_of(schema) for schema in raw.values()):
        for name in raw:
            family.member(name)
        for name, schema in raw.items():
            prop = _property_of(schema)
            if prop and family.in_family.get(name):
                family.tabulate(family.by_name[name], prop)
    for name in raw:
        family.extend_plainly(name)
    return _bases_first(models)


def _property_of(schema: dict[str, Any]) -> str | None:
    """The discriminator's property name of a schema that has one."""
    discriminator = schema.get("discriminator")
    prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    return prop if isinstance(prop, str) and prop else None


class _Family:
    """Which models extend which, found from each one's allOf."""

    def __init__(self, at: dict[str, ir.Model], raw: dict[str, dict[str, Any]], enums: dict[str, ir.Enum],
                 resolver: Resolver, warn: Warn) -> None:
        self.at = at
        self.by_name = {m.name: m for m in at.values()}
        self.raw = raw
        self.enums = enums
        self.resolver = resolver
        self.warn = warn
        self.in_family: dict[str, bool] = {}
        self.children: dict[str, list[str]] = {}

    def extended(self, name: str) -> list[str]:
        """The component models the allOf of `name` names, in its order."""
        found: list[str] = []
        parts = self.raw[name].get("allOf")
        model = self.by_name[name]
        for index, part in enumerate(parts if isinstance(parts, list) else []):
            if not (isinstance(part, dict) and isinstance(part.get("$ref"), str)):
                continue
            try:
                _, pointer = self.resolver.resolve(part, f"{model.pointer}/allOf/{index}")
            except UnresolvedRef:
                continue  # the parse has said so
            target = self.at.get(pointer)
            if target is not None and target.name in self.raw and target.name != name and target.name not in found:
                found.append(target.name)
        return found

    def member(self, name: str, visiting: frozenset[str] = frozenset()) -> bool:
        """Whether `name` is in a polymorphic family (a base, or a subclass of one); links
        it to the base it extends on the way."""
        known = self.in_family.get(name)
        if known is not None:
            return known
        if name in visiting:  # allOf in a circle: none of it is a subclass
            return False
        model = self.by_name[name]
        bases = [b for b in self.extended(name) if self.member(b, visiting | {name})]
        linked = False
        if len(bases) > 1:
            self.warn(model.pointer + "/allOf", f"{model.name} extends {' and '.join(bases)}, each with subclasses of "
                      "its own; a class has one base here, so it is read as a class of its own", AMBIGUOUS)
        elif bases:
            base = self.by_name[bases[0]]
            problem = self.unfit(model, base)
            if problem:
                self.warn(model.pointer, f"{model.name} extends {base.name} but {problem}, which a subclass cannot "
                          f"do; it is read as a class of its own, not as a {base.name}", AMBIGUOUS)
            else:
                self.adopt(model, base)
                model.base = base.name
                model.inherited = [f.name for f in model.fields if self.same(f, base)]
                self.children.setdefault(base.name, []).append(name)
                linked = True
        self.in_family[name] = linked or _property_of(self.raw[name]) is not None
        return self.in_family[name]

    def extend_plainly(self, name: str) -> None:
        """Make `name` a subclass of the one model its allOf extends where that base has no
        discriminator (`NewPet: allOf: [{$ref: Pet}, {properties: ...}]`), so that a NewPet
        goes where a Pet does. Quietly not where Python would refuse the subclass: nothing
        is lost then, the class is what it was."""
        model = self.by_name[name]
        if model.base or _property_of(self.raw[name]) or self.in_family.get(name):
            return  # linked already, or a polymorphic base (whose class is another kind)
        bases = self.extended(name)
        if len(bases) != 1:
            return
        base: ir.Model | None = self.by_name[bases[0]]
        while base is not None:  # allOf in a circle: none of it is a subclass
            if base.name == name:
                return
            base = self.by_name.get(base.base) if base.base else None
        base = self.by_name[bases[0]]
        if self.unfit(model, base) is None:
            self.adopt(model, base)
            model.base = base.name
            model.inherited = [f.name for f in model.fields if self.same(f, base)]
            self.children.setdefault(base.name, []).append(name)

    def same(self, f: ir.Field, base: ir.Model) -> bool:
        """Whether `base` declares field `f` as it is (then the subclass need not)."""
        mine = next((b for b in base.fields if b.wire_name == f.wire_name), None)
        return mine is not None and (mine.name, mine.type, mine.required, mine.read_only, mine.write_only,
                                     mine.has_default, mine.default) == (f.name, f.type, f.required, f.read_only,
                                                                         f.write_only, f.has_default, f.default)

    def unfit(self, model: ir.Model, base: ir.Model) -> str | None:
        """Why `model` cannot be a Python subclass of `base` (mypy and pydantic would refuse
        a field it redefines), or None."""
        fields = {f.wire_name: f for f in model.fields}
        names = {f.name: f for f in base.fields}
        for theirs in base.fields:
            same_wire = fields.get(theirs.wire_name)
            if same_wire is None:
                return f"has no property {theirs.wire_name!r}"
            if same_wire.name != theirs.name:
                return f"names property {theirs.wire_name!r} {same_wire.name}, not {theirs.name}"
            if not self.narrows(same_wire, theirs):
                return f"redefines property {theirs.wire_name!r} as another type"
        for mine in model.fields:
            same_name = names.get(mine.name)
            if same_name is not None and same_name.wire_name != mine.wire_name:
                return f"has a field {mine.name} for another property"
        if model.additional != base.additional:
            return "types its additional properties otherwise"
        return None

    def narrows(self, mine: ir.Field, theirs: ir.Field) -> bool:
        """Whether field `mine`'s annotation is one mypy accepts where a base has `theirs`'s
        (or will be, once `adopt` gives it the base's enum)."""
        if mine.type.kind == ir.ANY:  # annotated Any, which mypy takes in place of anything
            return True
        if self.admits_none(mine) and not self.admits_none(theirs):
            return False
        child, parent = mine.type.with_nullable(False), theirs.type.with_nullable(False)
        if child == parent or parent.kind == ir.ANY or self.within(child, parent):
            return True
        if parent.kind == ir.PRIMITIVE and parent.name in ("str", "int"):
            if child.kind == ir.LITERAL:
                return type(child.value) is {"str": str, "int": int}[parent.name]
            enum = self.enums.get(child.name) if child.kind == ir.ENUM else None
            return enum is not None and enum.value_type == parent.name
        return parent.kind == ir.PRIMITIVE and parent.name == "float" and child == ir.TypeRef(ir.PRIMITIVE, "int")

    def within(self, child: ir.TypeRef, parent: ir.TypeRef) -> bool:
        """Whether `child` is an enum or a literal whose values are all the base's enum's:
        a subtype that names its own discriminator value (`product: enum [ASR]` where the
        base has `product: Product`, Nexmo's reports), written with the base's enum."""
        base_enum = self.enums.get(parent.name) if parent.kind == ir.ENUM else None
        if base_enum is None:
            return False
        allowed = {member.value for member in base_enum.members}
        if child.kind == ir.LITERAL:
            return child.value in allowed
        own = self.enums.get(child.name) if child.kind == ir.ENUM else None
        return own is not None and all(member.value in allowed for member in own.members)

    def adopt(self, model: ir.Model, base: ir.Model) -> None:
        """Give each field of `model` whose values lie `within` the base's enum that enum,
        as a subclass must (mypy refuses another enum class or a literal there)."""
        theirs = {f.wire_name: f for f in base.fields}
        for f in model.fields:
            parent = theirs.get(f.wire_name)
            if parent is not None and f.type.kind != ir.ANY and self.within(f.type.with_nullable(False),
                                                                          parent.type.with_nullable(False)):
                f.type = parent.type.with_nullable(f.type.nullable)

    def admits_none(self, f: ir.Field) -> bool:
        """Whether the field's annotation takes None (as render.field_hint writes it)."""
        return f.type.nullable or f.type.kind in (ir.NONE, ir.ANY) or (
            (not f.required or f.write_only) and default_of(f, self.enums).kind == "none")

    def descendants(self, name: str) -> list[str]:
        found: list[str] = []
        todo = list(reversed(self.children.get(name, [])))
        while todo:
            child = todo.pop()
            found.append(child)
            todo.extend(reversed(self.children.get(child, [])))
        return found

    def tabulate(self, model: ir.Model, prop: str) -> None:
        """The base's table: each discriminator value -> the subclass it names. The values
        are those of its mapping (and its bases' mappings of the same property) that name a
        subclass, then, for a subclass no mapping names, its `x-ms-discriminator-value` or
        its schema's name (OpenAPI's implicit mapping)."""
        below = {self.by_name[n].pointer: n for n in self.descendants(model.name)}
        if not below:
            return
        table: dict[str, str] = {}
        mapped: set[str] = set()
        ancestor: ir.Model | None = model
        while ancestor is not None:
            schema = self.raw.get(ancestor.name, {})
            mapping = schema.get("discriminator", {}).get("mapping") if _property_of(schema) == prop else None
            for value, target in (mapping or {}).items() if isinstance(mapping, dict) else ():
                if not isinstance(target, str):
                    continue
                ref = target if target.startswith("#") else "#" + _SCHEMAS + target
                try:
                    _, pointer = self.resolver.resolve({"$ref": ref}, ancestor.pointer + "/discriminator")
                except UnresolvedRef:
                    continue  # the parse has said so, for the mapping of a union; a base's is ours
                if pointer in below:
                    table.setdefault(str(value), below[pointer])
                    mapped.add(below[pointer])
            ancestor = self.by_name.get(ancestor.base) if ancestor.base else None
        for pointer, name in below.items():
            if name not in mapped:
                value = self.raw[name].get("x-ms-discriminator-value")
                table.setdefault(value if isinstance(value, str) else unescape_pointer(pointer[len(_SCHEMAS):]), name)
        model.discriminator = prop
        model.subtypes = table


def _bases_first(models: list[ir.Model]) -> list[ir.Model]:
    """`models` in their order, but for a subclass placed after its base."""
    by_name = {m.name: m for m in models}
    placed: set[str] = set()
    ordered: list[ir.Model] = []
    for model in models:
        chain = []
        current: ir.Model | None = model
        while current is not None and current.name not in placed:
            chain.append(current)
            placed.add(current.name)
            current = by_name.get(current.base) if current.base else None
        ordered.extend(reversed(chain))
    return ordered
