"""The spec-level comparison of two bundled documents.

Operations are matched by method and path template (parameter names aside, so renaming
`{id}` to `{name}` is no change of path); parameters by where they go and their name
(path parameters by position); request bodies and responses by media type, comparing the
preferred common media type's schema (JSON first); security by the set of schemes of each
requirement. Each change is a `Finding` of a rule in rules.RULES, located on both sides:
the JSON pointer as if $refs were inlined (`/paths/~1a/get/requestBody/content/
application~1json/schema/properties/name`) and the node where it is written (a component
in another file, say), which is what file:line:col points at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from typing import Any

from ..diagnostics import Location
from ..load import Document, escape_pointer, follow_pointer
from . import rules
from .locate import Locator
from .schema import Change, Comparer, Schemas, show_values

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_PARAM = re.compile(r"\{[^}/]*\}")
_JSON = re.compile(r"^application/([\w.+-]+\+)?json\b|^\*/\*$")


@dataclass(frozen=True)
class Finding:
    rule: str
    operation: str  # "GET /a/{id}", "" when the change is not about one operation
    where: str  # "request", "response 200", "parameter query limit", "security", "" (the operation)
    field: str  # ".results[].name", "" for the whole subject
    message: str
    detail: str  # the changed values, for matching and messages
    base_pointer: str  # as if $refs were inlined
    head_pointer: str
    base_node: str  # where the node is written (after $refs), for locations
    head_node: str
    base_location: Location = dc_field(default=Location(""), compare=False)
    head_location: Location = dc_field(default=Location(""), compare=False)

    @property
    def level(self) -> str:
        return rules.RULES[self.rule].level

    @property
    def line(self) -> str:
        """The finding in one line, for allow-lists: `response 200 .count: response-optional-property-added`."""
        subject = " ".join(part for part in (self.where, self.field) if part)
        text = f"{subject}: {self.rule}" if subject else self.rule
        return f"{text} {self.detail}" if self.detail else text


@dataclass
class Options:
    #: compare only operations whose tags meet these (None: all); the others are left out
    tags: frozenset[str] | None = None
    #: a bare `$ref` cannot carry `nullable` in OpenAPI 3.0: do not compare null-ness there
    bare_ref_hides_nullable: bool = False


def normalized_path(path: str) -> str:
    return _PARAM.sub("{}", path)


def _operations(data: dict[str, Any]) -> dict[tuple[str, str], tuple[str, dict[str, Any], dict[str, Any]]]:
    """(METHOD, normalised path) -> (path, path item, operation)."""
    found: dict[tuple[str, str], tuple[str, dict[str, Any], dict[str, Any]]] = {}
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return found
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                found.setdefault((method.upper(), normalized_path(str(path))), (str(path), item, op))
    return found


def _deref(data: Any, node: Any, ptr: str) -> tuple[Any, str]:
    for _ in range(32):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")):
            break
        try:
            node, ptr = follow_pointer(data, node["$ref"][1:]), node["$ref"][1:]
        except LookupError:
            return None, ptr
    return node, ptr


def _tags(op: dict[str, Any]) -> list[str]:
    return [str(t) for t in op.get("tags") or [] if isinstance(t, (str, int))]


class SpecDiff:
    def __init__(self, base: Document, head: Document, options: Options | None = None):
        self.base = base
        self.head = head
        self.options = options or Options()
        hide = self.options.bare_ref_hides_nullable
        self.base_schemas = Schemas(base.data, bare_ref_hides_nullable=hide and base.version.startswith("3.0"))
        self.head_schemas = Schemas(head.data, bare_ref_hides_nullable=hide and head.version.startswith("3.0"))
        self.comparer = Comparer(self.base_schemas, self.head_schemas)
        self.findings: list[Finding] = []

    # -- helpers ---------------------------------------------------------------------

    def add(self, rule: str, operation: str, where: str, message: str, base_pointer: str, head_pointer: str,
            *, field: str = "", detail: str = "", base_node: str | None = None, head_node: str | None = None) -> None:
        assert rule in rules.RULES, rule
        self.findings.append(Finding(
            rule, operation, where, field, message, detail, base_pointer, head_pointer,
            base_node if base_node is not None else base_pointer,
            head_node if head_node is not None else head_pointer,
        ))

    def covered(self, op: dict[str, Any]) -> bool:
        return self.options.tags is None or bool(self.options.tags & set(_tags(op)))

    # -- the walk ---------------------------------------------------------------------

    def run(self) -> list[Finding]:
        before = _operations(self.base.data)
        after = _operations(self.head.data)
        head_paths = {key[1] for key in after}
        removed_paths: dict[str, list[tuple[str, str]]] = {}
        for key in sorted(before.keys() - after.keys()):
            if key[1] not in head_paths:
                removed_paths.setdefault(key[1], []).append(key)
        for _, keys in sorted(removed_paths.items()):
            path = before[keys[0]][0]
            ops = [before[k][2] for k in keys]
            if not any(self.covered(op) for op in ops):
                continue
            deprecated = all(op.get("deprecated") is True for op in ops)
            rule = "api-path-removed-with-deprecation" if deprecated else "api-path-removed-without-deprecation"
            ptr = "/paths/" + escape_pointer(path)
            methods = "|".join(k[0] for k in keys)
            self.add(rule, f"{methods} {path}", "", f"removed the path {path} ({', '.join(k[0] for k in keys)})", ptr, "/paths")
        for key in sorted(before.keys() - after.keys()):
            if key[1] not in head_paths:
                continue
            path, _, op = before[key]
            if not self.covered(op):
                continue
            name = f"{key[0]} {path}"
            rule = "api-removed-with-deprecation" if op.get("deprecated") is True else "api-removed-without-deprecation"
            head_path = next(after[k][0] for k in after if k[1] == key[1])
            self.add(rule, name, "", f"removed the operation {name}", self._op_ptr(path, key[0]),
                     "/paths/" + escape_pointer(head_path))
        for key in sorted(after.keys() - before.keys()):
            path, _, op = after[key]
            if not self.covered(op):
                continue
            name = f"{key[0]} {path}"
            same_path = next((before[k][0] for k in before if k[1] == key[1]), None)
            base_ptr = "/paths/" + escape_pointer(same_path) if same_path is not None else "/paths"
            self.add("endpoint-added", name, "", f"added the operation {name}", base_ptr, self._op_ptr(path, key[0]))
        for key in sorted(before.keys() & after.keys()):
            if not (self.covered(before[key][2]) or self.covered(after[key][2])):
                continue
            self.operation(key[0], before[key], after[key])
        if self.options.tags is None:
            self.components()
        return self.findings

    @staticmethod
    def _op_ptr(path: str, method: str) -> str:
        return f"/paths/{escape_pointer(path)}/{method.lower()}"

    def operation(self, method: str, b: tuple[str, dict[str, Any], dict[str, Any]],
                  h: tuple[str, dict[str, Any], dict[str, Any]]) -> None:
        (b_path, b_item, b_op), (h_path, h_item, h_op) = b, h
        name = f"{method} {h_path}"
        bp, hp = self._op_ptr(b_path, method), self._op_ptr(h_path, method)
        was, now = b_op.get("deprecated") is True, h_op.get("deprecated") is True
        if now and not was:
            self.add("endpoint-deprecated", name, "", "the operation was deprecated", bp, hp + "/deprecated")
        elif was and not now:
            self.add("endpoint-reactivated", name, "", "the operation is no longer deprecated", bp + "/deprecated", hp)
        b_id, h_id = b_op.get("operationId"), h_op.get("operationId")
        if b_id != h_id:
            if b_id is not None:
                what = f"changed the operationId from '{b_id}' to '{h_id}'" if h_id is not None else f"removed the operationId '{b_id}'"
                self.add("api-operation-id-removed", name, "", what, bp + "/operationId", hp + ("/operationId" if h_id else ""),
                         detail=f"'{b_id}' -> '{h_id}'")
            else:
                self.add("api-operation-id-added", name, "", f"added the operationId '{h_id}'", bp, hp + "/operationId")
        b_tags, h_tags = _tags(b_op), _tags(h_op)
        for tag in sorted(set(b_tags) - set(h_tags)):
            self.add("api-tag-removed", name, "", f"removed the tag '{tag}'", bp + "/tags", hp + ("/tags" if h_tags else ""), detail=f"'{tag}'")
        for tag in sorted(set(h_tags) - set(b_tags)):
            self.add("api-tag-added", name, "", f"added the tag '{tag}'", bp + ("/tags" if b_tags else ""), hp + "/tags", detail=f"'{tag}'")
        self.parameters(name, b_path, h_path, (b_item, bp, b_op), (h_item, hp, h_op))
        self.request_body(name, b_op, h_op, bp, hp)
        self.responses(name, b_op, h_op, bp, hp)
        self.security(name, b_op, h_op, bp, hp)

    # -- parameters ---------------------------------------------------------------------

    def _params(self, data: dict[str, Any], path: str, item: dict[str, Any], op_ptr: str, op: dict[str, Any]
                ) -> dict[tuple[str, str], tuple[dict[str, Any], str, str]]:
        """(in, key) -> (parameter, pointer as written, its name); path parameters keyed by position."""
        order = [m[1:-1] for m in _PARAM.findall(path)]
        found: dict[tuple[str, str], tuple[dict[str, Any], str, str]] = {}
        item_ptr = op_ptr.rsplit("/", 1)[0]
        for base_ptr, params in ((item_ptr, item.get("parameters")), (op_ptr, op.get("parameters"))):
            if not isinstance(params, list):
                continue
            for index, raw in enumerate(params):
                param, ptr = _deref(data, raw, f"{base_ptr}/parameters/{index}")
                if not isinstance(param, dict):
                    continue
                where, pname = str(param.get("in") or ""), str(param.get("name") or "")
                if where == "path" and pname in order:
                    key = (where, f"#{order.index(pname)}")
                elif where == "header":
                    key = (where, pname.lower())
                else:
                    key = (where, pname)
                found[key] = (param, f"{base_ptr}/parameters/{index}", pname)
        return found

    def parameters(self, name: str, b_path: str, h_path: str, b: tuple[dict[str, Any], str, dict[str, Any]],
                   h: tuple[dict[str, Any], str, dict[str, Any]]) -> None:
        before = self._params(self.base.data, b_path, *b)
        after = self._params(self.head.data, h_path, *h)
        for key in sorted(before.keys() | after.keys()):
            if key not in after:
                param, ptr, pname = before[key]
                self.add("request-parameter-removed", name, f"parameter {key[0]} {pname}",
                         f"removed the {key[0]} parameter '{pname}'", ptr, h[1], head_node=h[1])
                continue
            if key not in before:
                param, ptr, pname = after[key]
                required = param.get("required") is True
                rule = "new-required-request-parameter" if required else "new-optional-request-parameter"
                what = "required" if required else "optional"
                self.add(rule, name, f"parameter {key[0]} {pname}", f"added the {what} {key[0]} parameter '{pname}'", b[1], ptr)
                continue
            (bp, bptr, _), (hp, hptr, hname) = before[key], after[key]
            where = f"parameter {key[0]} {hname}"
            label = f"{key[0]} parameter '{hname}'"
            was, now = bp.get("required") is True, hp.get("required") is True
            if now and not was:
                self.add("request-parameter-became-required", name, where, f"the {label} became required", bptr, hptr)
            elif was and not now:
                self.add("request-parameter-became-optional", name, where, f"the {label} became optional", bptr, hptr)
            if hp.get("deprecated") is True and bp.get("deprecated") is not True:
                self.add("request-parameter-deprecated", name, where, f"the {label} was deprecated", bptr, hptr)
            elif bp.get("deprecated") is True and hp.get("deprecated") is not True:
                self.add("request-parameter-reactivated", name, where, f"the {label} is no longer deprecated", bptr, hptr)
            b_style, h_style = _serialization(bp), _serialization(hp)
            if b_style != h_style:
                self.add("request-parameter-serialization-changed", name, where,
                         f"the {label} is serialised differently (style/explode {_show(b_style)} -> {_show(h_style)})",
                         bptr, hptr, detail=f"{_show(b_style)} -> {_show(h_style)}")
            b_schema, h_schema = bp.get("schema"), hp.get("schema")
            if isinstance(b_schema, dict) and isinstance(h_schema, dict):
                changes = self.comparer.compare((b_schema, bptr + "/schema"), (h_schema, hptr + "/schema"), "request")
                self.place(changes, name, where, label, "request-parameter", "request-parameter",
                           bptr + "/schema", hptr + "/schema")

    # -- request bodies -----------------------------------------------------------------

    def request_body(self, name: str, b_op: dict[str, Any], h_op: dict[str, Any], bp: str, hp: str) -> None:
        b_body, b_ptr = _deref(self.base.data, b_op.get("requestBody"), bp + "/requestBody")
        h_body, h_ptr = _deref(self.head.data, h_op.get("requestBody"), hp + "/requestBody")
        b_has, h_has = isinstance(b_body, dict), isinstance(h_body, dict)
        if not b_has and not h_has:
            return
        if not b_has:
            required = h_body.get("required") is True
            rule = "added-required-request-body" if required else "added-optional-request-body"
            self.add(rule, name, "request", f"added {'a required' if required else 'an optional'} request body", bp, hp + "/requestBody", head_node=h_ptr)
            return
        if not h_has:
            self.add("request-body-removed", name, "request", "removed the request body", bp + "/requestBody", hp, base_node=b_ptr)
            return
        was, now = b_body.get("required") is True, h_body.get("required") is True
        if now and not was:
            self.add("request-body-became-required", name, "request", "the request body became required", bp + "/requestBody", hp + "/requestBody", base_node=b_ptr, head_node=h_ptr)
        elif was and not now:
            self.add("request-body-became-optional", name, "request", "the request body became optional", bp + "/requestBody", hp + "/requestBody", base_node=b_ptr, head_node=h_ptr)
        self.content(name, "request", "request body", b_body.get("content"), h_body.get("content"),
                     (bp + "/requestBody/content", b_ptr + "/content"), (hp + "/requestBody/content", h_ptr + "/content"),
                     "request-body-media-type-added", "request-body-media-type-removed", "request", "request-body", "request-property")

    def content(self, name: str, where: str, label: str, b_content: Any, h_content: Any, b_ptrs: tuple[str, str],
                h_ptrs: tuple[str, str], added_rule: str, removed_rule: str, direction: str, root: str, nested: str) -> None:
        b_media = b_content if isinstance(b_content, dict) else {}
        h_media = h_content if isinstance(h_content, dict) else {}
        for media in sorted(b_media.keys() - h_media.keys()):
            self.add(removed_rule, name, where, f"the {label} no longer has the media type {media}",
                     f"{b_ptrs[0]}/{escape_pointer(media)}", h_ptrs[0] if h_media else h_ptrs[0].rsplit("/", 1)[0],
                     detail=media, base_node=f"{b_ptrs[1]}/{escape_pointer(media)}")
        for media in sorted(h_media.keys() - b_media.keys()):
            self.add(added_rule, name, where, f"the {label} has a new media type {media}",
                     b_ptrs[0] if b_media else b_ptrs[0].rsplit("/", 1)[0], f"{h_ptrs[0]}/{escape_pointer(media)}",
                     detail=media, head_node=f"{h_ptrs[1]}/{escape_pointer(media)}")
        common = [m for m in b_media if m in h_media]
        if not common:
            return
        media = sorted(common, key=lambda m: (0 if _JSON.match(m.split(";")[0].strip().lower()) else 1, common.index(m)))[0]
        b_obj, h_obj = b_media[media], h_media[media]
        if not (isinstance(b_obj, dict) and isinstance(h_obj, dict)):
            return
        b_schema, h_schema = b_obj.get("schema"), h_obj.get("schema")
        if b_schema is None or h_schema is None:
            return
        token = "/" + escape_pointer(media) + "/schema"
        changes = self.comparer.compare((b_schema, b_ptrs[1] + token), (h_schema, h_ptrs[1] + token), direction)
        self.place(changes, name, where, label, root, nested, b_ptrs[0] + token, h_ptrs[0] + token)

    def place(self, changes: list[Change], name: str, where: str, label: str, root: str, nested: str,
              b_base: str, h_base: str) -> None:
        """Findings from schema changes found under the schemas at b_base / h_base."""
        direction = "request" if root.startswith("request") else "response"
        for c in changes:
            subject = root if not c.field else nested
            rule, message = _schema_rule(c, subject, direction, label)
            if rule is None:
                continue
            self.add(rule, name, where, message, b_base + c.base_suffix, h_base + c.head_suffix,
                     field=c.field, detail=c.detail, base_node=c.base_ptr, head_node=c.head_ptr)

    # -- responses ----------------------------------------------------------------------

    def responses(self, name: str, b_op: dict[str, Any], h_op: dict[str, Any], bp: str, hp: str) -> None:
        b_resp = b_op.get("responses") if isinstance(b_op.get("responses"), dict) else {}
        h_resp = h_op.get("responses") if isinstance(h_op.get("responses"), dict) else {}
        assert isinstance(b_resp, dict) and isinstance(h_resp, dict)
        b_codes = {str(k).upper(): k for k in b_resp}
        h_codes = {str(k).upper(): k for k in h_resp}
        for status in sorted(b_codes.keys() - h_codes.keys()):
            success = status.startswith("2")
            rule = "response-success-status-removed" if success else "response-non-success-status-removed"
            self.add(rule, name, f"response {status}", f"removed the {'success' if success else 'error'} response {status}",
                     f"{bp}/responses/{escape_pointer(str(b_codes[status]))}", hp + "/responses", detail=status)
        for status in sorted(h_codes.keys() - b_codes.keys()):
            success = status.startswith("2")
            rule = "response-success-status-added" if success else "response-non-success-status-added"
            self.add(rule, name, f"response {status}", f"added the {'success' if success else 'error'} response {status}",
                     bp + "/responses", f"{hp}/responses/{escape_pointer(str(h_codes[status]))}", detail=status)
        for status in sorted(b_codes.keys() & h_codes.keys()):
            if not status.startswith("2"):
                continue
            b_key, h_key = str(b_codes[status]), str(h_codes[status])
            b_r, b_ptr = _deref(self.base.data, b_resp[b_codes[status]], f"{bp}/responses/{escape_pointer(b_key)}")
            h_r, h_ptr = _deref(self.head.data, h_resp[h_codes[status]], f"{hp}/responses/{escape_pointer(h_key)}")
            if not (isinstance(b_r, dict) and isinstance(h_r, dict)):
                continue
            b_logical = f"{bp}/responses/{escape_pointer(b_key)}"
            h_logical = f"{hp}/responses/{escape_pointer(h_key)}"
            self.content(name, f"response {status}", f"response {status}", b_r.get("content"), h_r.get("content"),
                         (b_logical + "/content", b_ptr + "/content"), (h_logical + "/content", h_ptr + "/content"),
                         "response-media-type-added", "response-media-type-removed", "response", "response-body",
                         "response-property")

    # -- security ------------------------------------------------------------------------

    def _security(self, data: dict[str, Any], op: dict[str, Any], op_ptr: str) -> tuple[dict[frozenset[str], set[str]], str]:
        if "security" in op:
            raw, ptr = op.get("security"), op_ptr + "/security"
        else:
            raw, ptr = data.get("security"), "/security"
        found: dict[frozenset[str], set[str]] = {}
        if not isinstance(raw, list) or not raw:
            return {frozenset(): set()}, ptr
        for requirement in raw:
            if isinstance(requirement, dict):
                schemes = frozenset(str(k) for k in requirement)
                scopes = found.setdefault(schemes, set())
                for values in requirement.values():
                    scopes.update(str(v) for v in values or [] if isinstance(v, (str, int)))
        return found, ptr

    def security(self, name: str, b_op: dict[str, Any], h_op: dict[str, Any], bp: str, hp: str) -> None:
        before, b_ptr = self._security(self.base.data, b_op, bp)
        after, h_ptr = self._security(self.head.data, h_op, hp)
        for schemes in sorted(before.keys() - after.keys(), key=sorted):
            shown = " + ".join(sorted(schemes)) or "none"
            what = "the operation now requires authentication" if not schemes else f"removed the security requirement {shown}"
            self.add("api-security-removed", name, "security", what, b_ptr, h_ptr, detail=shown)
        for schemes in sorted(after.keys() - before.keys(), key=sorted):
            shown = " + ".join(sorted(schemes)) or "none"
            what = "the operation no longer requires authentication" if not schemes else f"added the security requirement {shown}"
            self.add("api-security-added", name, "security", what, b_ptr, h_ptr, detail=shown)
        for schemes in sorted(before.keys() & after.keys(), key=sorted):
            shown = " + ".join(sorted(schemes))
            added, removed = sorted(after[schemes] - before[schemes]), sorted(before[schemes] - after[schemes])
            if added:
                self.add("api-security-scope-added", name, "security", f"the {shown} requirement needs the scope(s) {', '.join(added)}",
                         b_ptr, h_ptr, detail=", ".join(added))
            if removed:
                self.add("api-security-scope-removed", name, "security", f"the {shown} requirement no longer needs the scope(s) {', '.join(removed)}",
                         b_ptr, h_ptr, detail=", ".join(removed))

    # -- components -------------------------------------------------------------------------

    def components(self) -> None:
        def section(data: dict[str, Any], name: str) -> dict[str, Any]:
            components = data.get("components")
            found = components.get(name) if isinstance(components, dict) else None
            return found if isinstance(found, dict) else {}

        b_schemas, h_schemas = section(self.base.data, "schemas"), section(self.head.data, "schemas")
        for schema in sorted(b_schemas.keys() - h_schemas.keys()):
            self.add("api-schema-removed", "", "", f"removed the component schema {schema}",
                     "/components/schemas/" + escape_pointer(schema), "/components/schemas" if h_schemas else "", detail=schema)
        for schema in sorted(h_schemas.keys() - b_schemas.keys()):
            self.add("api-schema-added", "", "", f"added the component schema {schema}",
                     "/components/schemas" if b_schemas else "", "/components/schemas/" + escape_pointer(schema), detail=schema)
        b_sec, h_sec = section(self.base.data, "securitySchemes"), section(self.head.data, "securitySchemes")
        for scheme in sorted(b_sec.keys() - h_sec.keys()):
            self.add("api-security-component-removed", "", "", f"removed the security scheme {scheme}",
                     "/components/securitySchemes/" + escape_pointer(scheme), "/components/securitySchemes" if h_sec else "", detail=scheme)
        for scheme in sorted(h_sec.keys() - b_sec.keys()):
            self.add("api-security-component-added", "", "", f"added the security scheme {scheme}",
                     "/components/securitySchemes" if b_sec else "", "/components/securitySchemes/" + escape_pointer(scheme), detail=scheme)
        for scheme in sorted(b_sec.keys() & h_sec.keys()):
            b, h = b_sec[scheme], h_sec[scheme]
            if not (isinstance(b, dict) and isinstance(h, dict)):
                continue
            b_kind = (b.get("type"), str(b.get("scheme") or "").lower() or None, b.get("in"), b.get("name"))
            h_kind = (h.get("type"), str(h.get("scheme") or "").lower() or None, h.get("in"), h.get("name"))
            if b_kind != h_kind:
                ptr = "/components/securitySchemes/" + escape_pointer(scheme)
                self.add("api-security-component-type-changed", "", "", f"the security scheme {scheme} changed from {_show(b_kind)} to {_show(h_kind)}",
                         ptr, ptr, detail=scheme)


def _serialization(param: dict[str, Any]) -> tuple[str, bool]:
    """A parameter's style and explode, defaults filled in (OpenAPI 3: simple for path and
    header, form for query and cookie; explode only for form)."""
    style = param.get("style")
    if not isinstance(style, str):
        style = "simple" if param.get("in") in ("path", "header") else "form"
    explode = param.get("explode")
    return style, explode if isinstance(explode, bool) else style == "form"


def _show(values: tuple[Any, ...]) -> str:
    return "/".join("-" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in values)


_PROPERTY_RULES: dict[tuple[str, str, bool], str] = {
    ("property-added", "request", True): "new-required-request-property",
    ("property-added", "request", False): "new-optional-request-property",
    ("property-added", "response", True): "response-required-property-added",
    ("property-added", "response", False): "response-optional-property-added",
    ("property-removed", "request", True): "request-property-removed",
    ("property-removed", "request", False): "request-property-removed",
    ("property-removed", "response", True): "response-required-property-removed",
    ("property-removed", "response", False): "response-optional-property-removed",
}

_MESSAGES: dict[str, str] = {
    "type-changed": "the type/format of {subject} changed {detail}",
    "type-generalized": "the type/format of {subject} was widened {detail}",
    "type-specialized": "the type/format of {subject} was narrowed {detail}",
    "became-nullable": "{subject} became nullable",
    "became-not-nullable": "{subject} is no longer nullable",
    "enum-value-added": "{subject} gained the enum value(s) {detail}",
    "enum-value-removed": "{subject} lost the enum value(s) {detail}",
    "became-enum": "{subject} became an enum {detail}",
    "became-not-enum": "{subject} is no longer an enum (was {detail})",
    "default-value-changed": "the default of {subject} changed {detail}",
    "constraint-tightened": "a constraint of {subject} was tightened: {detail}",
    "constraint-loosened": "a constraint of {subject} was loosened: {detail}",
    "one-of-added": "{subject} gained the union variant {detail}",
    "one-of-removed": "{subject} lost the union variant {detail}",
}


def _schema_rule(c: Change, subject: str, direction: str, label: str) -> tuple[str | None, str]:
    """The rule of a schema change under a subject (request-property, ...), and its message."""
    prop = f"'{c.field.lstrip('.')}'" if c.field else ""
    if c.change in ("property-added", "property-removed"):
        rule = _PROPERTY_RULES[(c.change, direction, c.required)]
        kind = "required" if c.required else "optional"
        if c.change == "property-added":
            return rule, f"added the {kind} property {prop} to the {label}"
        return rule, f"removed the {kind} property {prop} from the {label}"
    if c.change in ("property-became-required", "property-became-optional", "property-deprecated"):
        what = c.change.split("-", 1)[1].replace("-", " ").replace("deprecated", "was deprecated")
        return f"{direction}-{c.change}", f"the property {prop} of the {label} {what}"
    rule = rules.rule_for(subject, c.change)
    if rule not in rules.RULES:
        return None, ""
    text = f"the property {prop} of the {label}" if c.field else f"the {label}"
    return rule, " ".join(_MESSAGES[c.change].format(subject=text, detail=c.detail).split())


def diff_documents(base: Document, head: Document, options: Options | None = None) -> list[Finding]:
    """Every spec-level change from base to head, located on both sides."""
    return locate_findings(SpecDiff(base, head, options).run(), base, head)


def locate_findings(findings: list[Finding], base: Document, head: Document) -> list[Finding]:
    in_base, in_head = Locator(base), Locator(head)
    return [replace(f, base_location=in_base(f.base_node), head_location=in_head(f.head_node)) for f in findings]


def iter_lines(findings: list[Finding]) -> Iterator[str]:
    for f in findings:
        yield f"{f.operation} {f.line}" if f.operation else f.line


__all__ = ["Finding", "Options", "diff_documents", "iter_lines", "locate_findings", "normalized_path", "show_values"]
