"""The SDK-level comparison: what a change to the document does to the generated package.

Two parsed APIs (`ir.Api`, what the generator makes of each side) are compared by their
public surface, independent of how the templates print it:

* client methods, `client.<namespace>.<resource>.<method>`, matched by operationId (then
  by method and path, so a changed operationId reads as a renamed method);
* their keyword arguments (path, query and header parameters, body fields, or `body`),
  matched by where they go and their wire name; their types and whether they are needed;
* return types (the success response's type; `Page[item]` for paginated operations);
* models by class name and their fields by wire name; enums and their members by value;
  type aliases;
* the client's settings (its constructor's keyword arguments from the document: the key,
  other credentials, path defaults) and whether a client made without one is refused.

Whether a model is sent (built by callers: a request body or parameter reaches it) or
returned (a response reaches it) decides a few bumps: a new required field breaks
callers only where they build the model; a field that may now be None breaks them only
where they read it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as dc_field

from .. import ir
from ..diagnostics import Location
from ..load import Document
from . import rules
from .locate import Locator
from .spec import normalized_path

BUMP_ORDER = {"patch": 1, "minor": 2, "major": 3}


@dataclass(frozen=True)
class SdkChange:
    rule: str
    subject: str  # client.query.create, models.HogQLQuery, enums.QueryKind
    message: str
    bump: str
    base_pointer: str = ""  # where the operation or schema is in each document ("" if absent)
    head_pointer: str = ""
    base_location: Location = dc_field(default=Location(""), compare=False)
    head_location: Location = dc_field(default=Location(""), compare=False)


def type_str(t: ir.TypeRef | None) -> str:
    """A type as the generated code would annotate it (close enough to compare)."""
    if t is None:
        return "None"
    if t.kind == ir.PRIMITIVE:
        text = t.name
    elif t.kind == ir.LIST:
        text = f"list[{type_str(t.item)}]"
    elif t.kind == ir.MAP:
        text = f"dict[str, {type_str(t.item)}]"
    elif t.kind in (ir.MODEL, ir.ENUM, ir.ALIAS):
        text = t.name
    elif t.kind == ir.UNION:
        text = " | ".join(type_str(v) for v in t.variants)
    elif t.kind == ir.LITERAL:
        text = f"Literal[{t.value!r}]"
    elif t.kind == ir.NONE:
        return "None"
    else:
        text = "Any"
    return f"{text} | None" if t.nullable and text != "Any" else text


def _members(text: str) -> set[str]:
    """The top-level members of a union annotation (brackets respected)."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    found = set(parts)
    if "float" in found:
        found.add("int")
    return found


def accepts_more(new: str, old: str) -> bool:
    """Every value of `old` is a value of `new` (None added, float for int, a union member added, Any)."""
    return new == "Any" or _members(new) >= _members(old)


@dataclass(frozen=True)
class _Arg:
    name: str
    type: str
    required: bool
    pointer: str


def _arguments(op: ir.Operation) -> dict[tuple[str, str], _Arg]:
    """(where, wire name) -> keyword argument, as the generated method takes them."""
    found: dict[tuple[str, str], _Arg] = {}
    for p in op.parameters:
        if p.location == "cookie":
            continue  # not in generated signatures
        required = p.required and not p.client_default
        key_name = p.wire_name.lower() if p.location == "header" else p.wire_name
        found[(p.location, key_name)] = _Arg(p.name, type_str(p.type), required, op.pointer)
    if op.body is not None:
        if op.body.fields:
            for f in op.body.fields:
                found[("body", f.wire_name)] = _Arg(f.name, type_str(f.type), f.required, op.pointer + "/requestBody")
        else:
            found[("body", "")] = _Arg("body", type_str(op.body.type), op.body.required, op.pointer + "/requestBody")
    return found


def _returns(op: ir.Operation) -> str:
    if op.pagination is not None:
        return f"Page[{type_str(op.pagination.item_type)}]"
    for response in op.responses:
        if response.type is not None:
            return type_str(response.type)
    return "None"


def method_paths(api: ir.Api) -> dict[str, ir.Operation]:
    """client.<path> -> the operation behind it, for every method of the package (an
    operation may be behind two: its tag's resource and a deprecated namespace)."""
    namespace_of: dict[int, str] = {}
    for ns in api.namespaces:
        for resource in ns.resources:
            namespace_of[id(resource)] = ns.name
    found: dict[str, ir.Operation] = {}
    for resource in api.resources:
        prefix = f"client.{namespace_of[id(resource)]}." if id(resource) in namespace_of else "client."
        for op in resource.operations:
            found[f"{prefix}{resource.attribute}.{op.name}"] = op
    return found


def _usage(api: ir.Api) -> tuple[set[str], set[str]]:
    """(names of models/enums/aliases callers send, names the API returns), transitively."""
    refs: dict[str, set[str]] = {}
    for model in api.models:
        names: set[str] = set()
        for f in model.fields:
            names |= f.type.referenced_names()
        if model.additional is not None:
            names |= model.additional.referenced_names()
        refs[model.name] = names
    for alias in api.aliases:
        names = alias.type.referenced_names()
        for variant in alias.variants:
            names |= variant.type.referenced_names()
        refs[alias.name] = names
    sent: set[str] = set()
    returned: set[str] = set()
    for op in api.operations:
        for p in op.parameters:
            sent |= p.type.referenced_names()
        if op.body is not None:
            sent |= op.body.type.referenced_names()
            for body_field in op.body.fields:
                sent |= body_field.type.referenced_names()
        for r in op.responses:
            if r.type is not None:
                returned |= r.type.referenced_names()

    def close(start: set[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(start)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(refs.get(name, ()))
        return seen

    return close(sent), close(returned)


def _settings(api: ir.Api) -> dict[str, bool]:
    """The client's settings from the document, by keyword argument: whether a client
    made without it is refused (the key and what its way wants, where it is the only way;
    a path default). The settings every client has (timeout, retries, ...) are left out."""
    sdk = api.sdk
    only_way = not any(c.alternative for c in sdk.credentials)
    found = {"api_key": sdk.auth_scheme != "none" and only_way}
    found.update({c.name: not c.alternative and only_way for c in sdk.credentials})
    found.update({sdk.path_default_arguments.get(wire, wire): True for wire in sdk.path_defaults})
    return found


class SdkDiff:
    def __init__(self, base: ir.Api, head: ir.Api):
        self.base = base
        self.head = head
        self.changes: list[SdkChange] = []
        self.base_sent, self.base_returned = _usage(base)
        self.head_sent, self.head_returned = _usage(head)

    def add(self, rule: str, subject: str, message: str, base_pointer: str = "", head_pointer: str = "",
            bump: str | None = None) -> None:
        default = rules.SDK_RULES[rule].bump
        self.changes.append(SdkChange(rule, subject, message, bump or default, base_pointer, head_pointer))

    def run(self) -> list[SdkChange]:
        self.settings()
        self.methods()
        self.models()
        self.enums()
        self.aliases()
        return self.changes

    # -- the client's settings --------------------------------------------------------

    def settings(self) -> None:
        before, after = _settings(self.base), _settings(self.head)
        for name in sorted(before.keys() - after.keys()):
            self.add("sdk-setting-removed", f"client.{name}", f"the client's setting {name} was removed")
        for name in sorted(after.keys() - before.keys()):
            required = after[name]
            self.add("sdk-setting-added-required" if required else "sdk-setting-added", f"client.{name}",
                     f"the client gained the {'required' if required else 'optional'} setting {name}")
        for name in sorted(before.keys() & after.keys()):
            if before[name] != after[name]:
                rule = "sdk-setting-became-required" if after[name] else "sdk-setting-became-optional"
                self.add(rule, f"client.{name}", f"the client's setting {name} became "
                         f"{'required' if after[name] else 'optional'}")

    # -- methods -------------------------------------------------------------------------

    def methods(self) -> None:
        """Methods are what users call: compared by their path on the client. A path that
        went away while its operation (by operationId, else by method and route) shows up
        at a new path is a rename."""
        before, after = method_paths(self.base), method_paths(self.head)
        pairs = [(path, path) for path in sorted(before.keys() & after.keys())]
        removed = sorted(before.keys() - after.keys())
        added = sorted(after.keys() - before.keys())
        for key in (lambda op: op.operation_id, lambda op: (op.method, normalized_path(op.path))):
            by_key = {key(after[path]): path for path in added}
            still_removed = []
            for path in removed:
                moved = by_key.pop(key(before[path]), None)
                if moved is None:
                    still_removed.append(path)
                else:
                    pairs.append((path, moved))
                    added.remove(moved)
            removed = still_removed
        for path in removed:
            op = before[path]
            self.add("sdk-method-removed", path, f"removed {path}() ({op.method.upper()} {op.path})", op.pointer, "")
        for path in added:
            op = after[path]
            self.add("sdk-method-added", path, f"added {path}() ({op.method.upper()} {op.path})", "", op.pointer)
        for b_path, h_path in sorted(pairs):
            b_op, h_op = before[b_path], after[h_path]
            if b_path != h_path:
                self.add("sdk-method-renamed", h_path, f"{b_path}() is now {h_path}()", b_op.pointer, h_op.pointer)
            self.method(h_path, b_op, h_op)

    def method(self, path: str, b_op: ir.Operation, h_op: ir.Operation) -> None:
        before, after = _arguments(b_op), _arguments(h_op)
        for key in sorted(before.keys() - after.keys()):
            arg = before[key]
            self.add("sdk-parameter-removed", path, f"{path}(): removed the argument {arg.name}", arg.pointer, h_op.pointer)
        for key in sorted(after.keys() - before.keys()):
            arg = after[key]
            if arg.required:
                self.add("sdk-parameter-added-required", path, f"{path}(): new required argument {arg.name}: {arg.type}",
                         b_op.pointer, arg.pointer)
            else:
                self.add("sdk-parameter-added-optional", path, f"{path}(): new optional argument {arg.name}: {arg.type}",
                         b_op.pointer, arg.pointer)
        for key in sorted(before.keys() & after.keys()):
            b, h = before[key], after[key]
            if b.name != h.name:
                self.add("sdk-parameter-renamed", path, f"{path}(): the argument {b.name} is now {h.name}", b.pointer, h.pointer)
            if b.type != h.type:
                if accepts_more(h.type, b.type):
                    self.add("sdk-parameter-widened", path, f"{path}(): {h.name} accepts {h.type} (was {b.type})", b.pointer, h.pointer)
                else:
                    self.add("sdk-parameter-retyped", path, f"{path}(): {h.name} is now {h.type} (was {b.type})", b.pointer, h.pointer)
            if h.required and not b.required:
                self.add("sdk-parameter-became-required", path, f"{path}(): the argument {h.name} is now required", b.pointer, h.pointer)
            elif b.required and not h.required:
                self.add("sdk-parameter-became-optional", path, f"{path}(): the argument {h.name} is now optional", b.pointer, h.pointer)
        b_ret, h_ret = _returns(b_op), _returns(h_op)
        if b_ret != h_ret:
            narrower = accepts_more(b_ret, h_ret)
            self.add("sdk-return-type-changed", path, f"{path}() returns {h_ret} (was {b_ret})", b_op.pointer, h_op.pointer,
                     bump="minor" if narrower else None)

    # -- models, enums, aliases -----------------------------------------------------------

    def models(self) -> None:
        before = {m.name: m for m in self.base.models}
        after = {m.name: m for m in self.head.models}
        for name in sorted(before.keys() - after.keys()):
            self.add("sdk-model-removed", f"models.{name}", f"removed the model {name}", before[name].pointer, "")
        for name in sorted(after.keys() - before.keys()):
            self.add("sdk-model-added", f"models.{name}", f"added the model {name}", "", after[name].pointer)
        for name in sorted(before.keys() & after.keys()):
            self.model(name, before[name], after[name])

    def model(self, name: str, b: ir.Model, h: ir.Model) -> None:
        subject = f"models.{name}"
        sent = name in self.head_sent or name in self.base_sent
        returned = name in self.head_returned or name in self.base_returned
        before = {f.wire_name: f for f in b.fields}
        after = {f.wire_name: f for f in h.fields}
        for wire in sorted(before.keys() - after.keys()):
            self.add("sdk-model-field-removed", subject, f"{name}.{before[wire].name} was removed", b.pointer, h.pointer)
        for wire in sorted(after.keys() - before.keys()):
            f = after[wire]
            if f.required and not f.has_default and sent:
                self.add("sdk-model-field-added-required", subject, f"{name} has a new required field {f.name}: {type_str(f.type)}",
                         b.pointer, h.pointer)
            else:
                kind = "required" if f.required else "optional"
                self.add("sdk-model-field-added", subject, f"{name} has a new {kind} field {f.name}: {type_str(f.type)}",
                         b.pointer, h.pointer)
        for wire in sorted(before.keys() & after.keys()):
            bf, hf = before[wire], after[wire]
            if bf.name != hf.name:
                self.add("sdk-model-field-renamed", subject, f"{name}.{bf.name} is now {name}.{hf.name}", b.pointer, h.pointer)
            b_type, h_type = type_str(bf.type), type_str(hf.type)
            if b_type != h_type:
                wider = accepts_more(h_type, b_type)
                self.add("sdk-model-field-retyped", subject, f"{name}.{hf.name} is now {h_type} (was {b_type})",
                         b.pointer, h.pointer, bump="minor" if wider and not returned else None)
            if bf.required and not hf.required:
                self.add("sdk-model-field-became-optional", subject, f"{name}.{hf.name} is now optional",
                         b.pointer, h.pointer, bump=None if returned else "minor")
            elif hf.required and not bf.required:
                self.add("sdk-model-field-became-required", subject, f"{name}.{hf.name} is now required",
                         b.pointer, h.pointer, bump=None if sent else "minor")

    def enums(self) -> None:
        before = {e.name: e for e in self.base.enums}
        after = {e.name: e for e in self.head.enums}
        for name in sorted(before.keys() - after.keys()):
            self.add("sdk-enum-removed", f"enums.{name}", f"removed the enum {name}", before[name].pointer, "")
        for name in sorted(after.keys() - before.keys()):
            self.add("sdk-enum-added", f"enums.{name}", f"added the enum {name}", "", after[name].pointer)
        for name in sorted(before.keys() & after.keys()):
            b, h = before[name], after[name]
            b_members = {repr(m.value): m.name for m in b.members}
            h_members = {repr(m.value): m.name for m in h.members}
            subject = f"enums.{name}"
            for value in sorted(b_members.keys() - h_members.keys()):
                self.add("sdk-enum-member-removed", subject, f"{name}.{b_members[value]} ({value}) was removed", b.pointer, h.pointer)
            for value in sorted(h_members.keys() - b_members.keys()):
                self.add("sdk-enum-member-added", subject, f"{name}.{h_members[value]} ({value}) was added", b.pointer, h.pointer)
            for value in sorted(b_members.keys() & h_members.keys()):
                if b_members[value] != h_members[value]:
                    self.add("sdk-enum-member-renamed", subject,
                             f"{name}.{b_members[value]} ({value}) is now {name}.{h_members[value]}", b.pointer, h.pointer)

    def aliases(self) -> None:
        before = {a.name: a for a in self.base.aliases}
        after = {a.name: a for a in self.head.aliases}
        for name in sorted(before.keys() - after.keys()):
            self.add("sdk-alias-removed", f"types.{name}", f"removed the type {name}", before[name].pointer, "")
        for name in sorted(after.keys() - before.keys()):
            self.add("sdk-alias-added", f"types.{name}", f"added the type {name}", "", after[name].pointer)
        for name in sorted(before.keys() & after.keys()):
            b_type, h_type = type_str(before[name].type), type_str(after[name].type)
            b_variants = sorted(type_str(v.type) for v in before[name].variants)
            h_variants = sorted(type_str(v.type) for v in after[name].variants)
            if b_type != h_type or b_variants != h_variants:
                self.add("sdk-alias-retyped", f"types.{name}", f"the type {name} is now {h_type} (was {b_type})",
                         before[name].pointer, after[name].pointer)


def diff_apis(base: ir.Api, head: ir.Api, base_doc: Document | None = None, head_doc: Document | None = None,
              *, documents_differ: bool = False, spec_changes: int = 0) -> list[SdkChange]:
    """Every SDK-level change from base to head; `sdk-regenerated` (patch) when the
    documents differ but the package's interface does not."""
    changes = SdkDiff(base, head).run()
    if not changes and documents_differ:
        what = f"{spec_changes} spec-level change(s)" if spec_changes else "descriptions, examples or other details"
        changes.append(SdkChange("sdk-regenerated", "package", f"the document changed ({what}) without changing the "
                                 "package's interface", "patch"))
    if base_doc is not None and head_doc is not None:
        in_base, in_head = Locator(base_doc), Locator(head_doc)
        changes = [replace(c, base_location=in_base(c.base_pointer) if c.base_pointer else Location(""),
                           head_location=in_head(c.head_pointer or c.base_pointer or ""))
                   for c in changes]
    return changes


def verdict(changes: list[SdkChange]) -> str | None:
    """The bump the changes call for: the largest of theirs (None: no change)."""
    return max((c.bump for c in changes), key=BUMP_ORDER.__getitem__, default=None)
