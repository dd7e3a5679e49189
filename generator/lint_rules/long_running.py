"""x-long-running: the generated client starts, polls and cancels background jobs with what it names."""

from __future__ import annotations

from typing import Any

from ..load import escape_pointer
from .context import Context, as_dict
from .extensions import extension_uses, unknown_keys, written_at
from .index import Operation
from .registry import check, rule

X_LONG_RUNNING = rule("x-long-running", "error", "x-long-running names existing operations, response properties and request body fields.")

_KEYS = {"start", "status", "id", "complete", "error", "error-message", "results", "progress", "poll", "poll-params", "cancel",
         "max-concurrent"}
#: status fields the client always reads, with their defaults; the others are checked when written
_STATUS_FIELDS = (("id", "id"), ("complete", "complete"))
_OPTIONAL_STATUS_FIELDS = ("error", "error-message", "results", "progress")


@check(X_LONG_RUNNING)
def long_running(ctx: Context) -> None:
    by_id = {str(op.node["operationId"]): op for op in ctx.index.operations if op.node.get("operationId")}
    for op, spec, pointer in extension_uses(ctx, "x-long-running", X_LONG_RUNNING, dict):
        unknown_keys(ctx, X_LONG_RUNNING, spec, _KEYS, pointer, "x-long-running")
        _operations(ctx, spec, pointer, by_id)
        _status(ctx, op, spec, pointer)
        _start(ctx, op, spec, pointer)
        limit = spec.get("max-concurrent")
        if "max-concurrent" in spec and not (isinstance(limit, int) and not isinstance(limit, bool) and limit >= 1):
            ctx.report(X_LONG_RUNNING, f"{pointer}/max-concurrent", "max-concurrent must be a whole number of at least 1")


def _operations(ctx: Context, spec: dict[str, Any], pointer: str, by_id: dict[str, Operation]) -> None:
    """poll (required) and cancel name operations; poll-params are query parameters of the poll."""
    for key in ("poll", "cancel"):
        target = spec.get(key)
        if (key == "poll" or key in spec) and not (isinstance(target, str) and target in by_id):
            ctx.report(X_LONG_RUNNING, written_at(pointer, spec, key), f"{key}: no operation has the operationId {spec.get(key)!r}")
    poll = by_id.get(str(spec.get("poll")))
    if poll is None:
        return
    declared = ctx.query_parameter_names(poll)
    for name in as_dict(spec.get("poll-params")):
        if name not in declared:
            ctx.report(X_LONG_RUNNING, f"{pointer}/poll-params/{escape_pointer(str(name))}", f"{poll.label} has no query parameter {name!r}")


def _status(ctx: Context, op: Operation, spec: dict[str, Any], pointer: str) -> None:
    """The status property is in a 2xx response and holds the fields the client reads."""
    status = spec.get("status", "status")
    if not isinstance(status, str):
        ctx.report(X_LONG_RUNNING, pointer + "/status", "status must name a response property")
        return
    for _, schema, schema_pointer in ctx.success_schemas(op):
        properties = ctx.object_properties(schema, schema_pointer)
        if status in properties:
            fields = ctx.object_properties(*ctx.property_schema(properties[status]))
            break
    else:
        ctx.report(X_LONG_RUNNING, written_at(pointer, spec, "status"), f"no 2xx response of {op.label} has the status property {status!r}")
        return
    wanted = [(key, spec.get(key, default)) for key, default in _STATUS_FIELDS]
    wanted += [(key, spec[key]) for key in _OPTIONAL_STATUS_FIELDS if key in spec]
    for key, name in wanted:
        if not isinstance(name, str) or name not in fields:
            ctx.report(X_LONG_RUNNING, written_at(pointer, spec, key), f"the status object {status!r} has no property {name!r} ({key})")


def _start(ctx: Context, op: Operation, spec: dict[str, Any], pointer: str) -> None:
    """The body fields that make the call return at once exist in the request body."""
    if "start" not in spec:
        return
    if not isinstance(spec["start"], dict):
        ctx.report(X_LONG_RUNNING, pointer + "/start", "start must map request body fields to values")
        return
    body = ctx.request_schema(op)
    fields = ctx.object_properties(*body) if body else {}
    for field in spec["start"]:
        if field not in fields:
            ctx.report(X_LONG_RUNNING, f"{pointer}/start/{escape_pointer(str(field))}", f"the request body of {op.label} has no field {field!r}")
