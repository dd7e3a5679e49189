"""The project's x- extensions (spec/README.md) are well formed and point at things that exist."""

from __future__ import annotations

from typing import Any

from ..load import escape_pointer, unescape_pointer
from .context import Context, Property, as_dict, as_list
from .index import Operation
from .registry import RULES, check, rule

X_PAGINATION = rule("x-pagination", "error", "x-pagination names a known style, response properties that exist and declared query parameters.")
X_LONG_RUNNING = rule("x-long-running", "error", "x-long-running names existing operations, response properties and request body fields.")
X_CLI = rule("x-cli", "error", "x-cli shortcuts have a name and fill request body fields that exist.")
X_SDK_NAMESPACE = rule("x-sdk-namespace", "error", "x-sdk-namespace names a namespace declared in the root x-sdk.namespaces.")
X_LINT_WAIVE = rule("x-lint-waive", "error", "x-lint-waive maps known rule ids to the reason for waiving them.")

_PAGINATION_KEYS = {"style", "items", "count", "next", "has-more", "limit-param", "offset-param", "page-param"}
_STYLE_PARAMS = {"offset": (("limit-param", "limit"), ("offset-param", "offset")), "page": (("page-param", "page"),), "cursor": ()}
_LONG_RUNNING_KEYS = {"start", "status", "id", "complete", "error", "error-message", "results", "progress", "poll", "poll-params", "cancel"}
_CLI_KEYS = {"name", "help", "argument", "body", "wait"}


def _unknown_keys(ctx: Context, rule_: Any, node: dict[str, Any], known: set[str], pointer: str, what: str) -> None:
    for key in node:
        if key not in known and not str(key).startswith("x-"):
            ctx.report(rule_, f"{pointer}/{escape_pointer(str(key))}", f"{what} has no key {key!r} (known: {', '.join(sorted(known))})")


def _object_properties(ctx: Context, schema: Any, pointer: str) -> dict[str, Property]:
    resolved, resolved_pointer = ctx.resolve(schema, pointer)
    return ctx.properties(resolved, resolved_pointer)


def _is_array(ctx: Context, prop: Property) -> bool:
    schema, _ = ctx.property_schema(prop)
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    return declared == "array" or (isinstance(declared, list) and "array" in declared) or "items" in schema


@check(X_PAGINATION)
def pagination(ctx: Context) -> None:
    for op in ctx.index.operations:
        if "x-pagination" not in op.node:
            continue
        pointer = op.pointer + "/x-pagination"
        spec = op.node["x-pagination"]
        if not isinstance(spec, dict):
            ctx.report(X_PAGINATION, pointer, "x-pagination must be a mapping")
            continue
        _unknown_keys(ctx, X_PAGINATION, spec, _PAGINATION_KEYS, pointer, "x-pagination")
        style = spec.get("style", "offset")
        if style not in _STYLE_PARAMS:
            ctx.report(X_PAGINATION, pointer + "/style", f"x-pagination style {style!r} is not one of offset, page, cursor")
            continue
        query = ctx.query_parameter_names(op)
        for key, default in _STYLE_PARAMS[style]:
            name = spec.get(key, default)
            if name not in query:
                where = f"{pointer}/{key}" if key in spec else pointer
                ctx.report(X_PAGINATION, where, f"{style} pagination needs the query parameter {name!r}, which {op.label} does not declare")
        successes = ctx.success_schemas(op)
        if not successes:
            ctx.report(X_PAGINATION, pointer, f"{op.label} has no 2xx JSON response to paginate")
            continue
        status, schema, schema_pointer = successes[0]
        properties = _object_properties(ctx, schema, schema_pointer)
        wanted = [("items", spec.get("items", "results"))] + [(k, spec[k]) for k in ("count", "next", "has-more") if spec.get(k) is not None]
        if style == "cursor" and "next" not in spec and "has-more" not in spec:
            wanted.append(("next", "next"))
        for key, name in wanted:
            where = f"{pointer}/{key}" if key in spec else pointer
            if not isinstance(name, str) or name not in properties:
                ctx.report(X_PAGINATION, where, f"the {status} response of {op.label} has no property {name!r} ({key})")
            elif key == "items" and not _is_array(ctx, properties[name]):
                ctx.report(X_PAGINATION, where, f"the items property {name!r} of the {status} response is not an array")


def _operations_by_id(ctx: Context) -> dict[str, Operation]:
    return {str(op.node.get("operationId")): op for op in ctx.index.operations if op.node.get("operationId")}


@check(X_LONG_RUNNING)
def long_running(ctx: Context) -> None:
    by_id: dict[str, Operation] | None = None
    for op in ctx.index.operations:
        if "x-long-running" not in op.node:
            continue
        by_id = by_id if by_id is not None else _operations_by_id(ctx)
        pointer = op.pointer + "/x-long-running"
        spec = op.node["x-long-running"]
        if not isinstance(spec, dict):
            ctx.report(X_LONG_RUNNING, pointer, "x-long-running must be a mapping")
            continue
        _unknown_keys(ctx, X_LONG_RUNNING, spec, _LONG_RUNNING_KEYS, pointer, "x-long-running")
        for key in ("poll", "cancel"):
            if key == "cancel" and key not in spec:
                continue
            target = spec.get(key)
            if target not in by_id:
                where = f"{pointer}/{key}" if key in spec else pointer
                ctx.report(X_LONG_RUNNING, where, f"{key}: no operation has the operationId {target!r}")
        status = spec.get("status", "status")
        status_schemas = [
            props[status] for _, schema, schema_pointer in ctx.success_schemas(op)
            if status in (props := _object_properties(ctx, schema, schema_pointer))
        ]
        if not status_schemas:
            ctx.report(X_LONG_RUNNING, f"{pointer}/status" if "status" in spec else pointer, f"no 2xx response of {op.label} has the status property {status!r}")
        else:
            status_props = _object_properties(ctx, *ctx.property_schema(status_schemas[0]))
            fields = [("id", "id"), ("complete", "complete")] + [(k, spec[k]) for k in ("error", "error-message", "results", "progress") if k in spec]
            for key, default in fields:
                name = spec.get(key, default)
                if name not in status_props:
                    where = f"{pointer}/{key}" if key in spec else pointer
                    ctx.report(X_LONG_RUNNING, where, f"the status object {status!r} has no property {name!r} ({key})")
        start = spec.get("start")
        if start is not None:
            body = ctx.request_schema(op)
            body_props = _object_properties(ctx, *body) if body else {}
            for field in as_dict(start) if isinstance(start, dict) else [None]:
                if field is None:
                    ctx.report(X_LONG_RUNNING, pointer + "/start", "start must map request body fields to values")
                elif field not in body_props:
                    ctx.report(X_LONG_RUNNING, f"{pointer}/start/{escape_pointer(str(field))}", f"the request body of {op.label} has no field {field!r}")
        poll = by_id.get(str(spec.get("poll")))
        if poll is not None:
            poll_query = ctx.query_parameter_names(poll)
            for name in as_dict(spec.get("poll-params")):
                if name not in poll_query:
                    ctx.report(X_LONG_RUNNING, f"{pointer}/poll-params/{escape_pointer(str(name))}", f"{poll.label} has no query parameter {name!r}")


def _field_exists(ctx: Context, schema: Any, schema_pointer: str, field: str) -> str | None:
    """None when the JSON pointer `field` names a property path in the schema; else what is missing."""
    if not field.startswith("/"):
        return f"{field!r} is not a JSON pointer (it starts with /)"
    current: tuple[Any, str] = (schema, schema_pointer)
    walked = ""
    for token in field.split("/")[1:]:
        name = unescape_pointer(token)
        properties = _object_properties(ctx, *current)
        if name not in properties:
            return f"the request body has no field {walked + '/' + token!r}"
        current = ctx.property_schema(properties[name])
        walked += "/" + token
    return None


@check(X_CLI)
def cli_shortcuts(ctx: Context) -> None:
    for op in ctx.index.operations:
        if "x-cli" not in op.node:
            continue
        pointer = op.pointer + "/x-cli"
        shortcuts = op.node["x-cli"]
        if not isinstance(shortcuts, list):
            ctx.report(X_CLI, pointer, "x-cli must be a list of shortcuts")
            continue
        body = ctx.request_schema(op)
        names: set[str] = set()
        for i, shortcut in enumerate(shortcuts):
            where = f"{pointer}/{i}"
            if not isinstance(shortcut, dict):
                ctx.report(X_CLI, where, "an x-cli shortcut must be a mapping")
                continue
            _unknown_keys(ctx, X_CLI, shortcut, _CLI_KEYS, where, "an x-cli shortcut")
            name = shortcut.get("name")
            if not isinstance(name, str) or not name.strip():
                ctx.report(X_CLI, where, "an x-cli shortcut needs a name")
            elif name in names:
                ctx.report(X_CLI, where + "/name", f"x-cli shortcut {name!r} is defined twice")
            names.add(str(name))
            if shortcut.get("wait") and "x-long-running" not in op.node:
                ctx.report(X_CLI, where + "/wait", f"wait needs x-long-running on {op.label}")
            argument = shortcut.get("argument")
            if argument is not None and not (isinstance(argument, dict) and isinstance(argument.get("name"), str)):
                ctx.report(X_CLI, where + "/argument", "argument must be a mapping with a name and a body field")
            fields = [(where + "/argument/field", argument.get("field"))] if isinstance(argument, dict) and "field" in argument else []
            fields += [(f"{where}/body/{escape_pointer(str(k))}", "/" + escape_pointer(str(k))) for k in as_dict(shortcut.get("body"))]
            for field_pointer, field in fields:
                if body is None:
                    ctx.report(X_CLI, field_pointer, f"{op.label} has no JSON request body to fill")
                    break
                missing = _field_exists(ctx, body[0], body[1], str(field)) if isinstance(field, str) else "the field must be a JSON pointer string"
                if missing:
                    ctx.report(X_CLI, field_pointer, missing)


@check(X_SDK_NAMESPACE)
def sdk_namespaces(ctx: Context) -> None:
    declared = as_dict(as_dict(ctx.data.get("x-sdk")).get("namespaces"))
    for op in ctx.index.operations:
        if "x-sdk-namespace" in op.node:
            namespace = op.node["x-sdk-namespace"]
            if not isinstance(namespace, str) or namespace not in declared:
                ctx.report(X_SDK_NAMESPACE, op.pointer + "/x-sdk-namespace", f"namespace {namespace!r} is not declared in x-sdk.namespaces")


@check(X_LINT_WAIVE)
def waiver_shapes(ctx: Context) -> None:
    for pointer, waivers in ctx.index.waivers.items():
        where = pointer + "/x-lint-waive"
        if not isinstance(waivers, dict):
            ctx.report(X_LINT_WAIVE, where, "x-lint-waive must map rule ids to reasons")
            continue
        for rule_id, reason in waivers.items():
            at = f"{where}/{escape_pointer(str(rule_id))}"
            if rule_id not in RULES:
                ctx.report(X_LINT_WAIVE, at, f"x-lint-waive names an unknown rule {rule_id!r}")
            elif not isinstance(reason, str) or not reason.strip():
                ctx.report(X_LINT_WAIVE, at, f"the waiver of {rule_id!r} gives no reason")


def valid_waivers(waivers: Any) -> dict[str, str]:
    """The entries of an x-lint-waive value that actually waive something."""
    return {
        str(rule_id): reason
        for rule_id, reason in as_dict(waivers).items()
        if rule_id in RULES and isinstance(reason, str) and reason.strip()
    }
