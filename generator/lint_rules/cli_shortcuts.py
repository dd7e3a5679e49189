"""x-cli: shortcut commands of the generated CLI fill request body fields that exist."""

from __future__ import annotations

from typing import Any

from ..load import escape_pointer, unescape_pointer
from .context import Context, as_dict
from .extensions import extension_uses, unknown_keys
from .index import Operation
from .registry import check, rule

X_CLI = rule("x-cli", "error", "x-cli shortcuts have a unique name and fill request body fields that exist.")

_KEYS = {"name", "help", "argument", "body", "wait"}


@check(X_CLI)
def cli_shortcuts(ctx: Context) -> None:
    for op, shortcuts, pointer in extension_uses(ctx, "x-cli", X_CLI, list):
        names: set[str] = set()
        for i, shortcut in enumerate(shortcuts):
            where = f"{pointer}/{i}"
            if not isinstance(shortcut, dict):
                ctx.report(X_CLI, where, "an x-cli shortcut must be a mapping")
                continue
            unknown_keys(ctx, X_CLI, shortcut, _KEYS, where, "an x-cli shortcut")
            name = shortcut.get("name")
            if not isinstance(name, str) or not name.strip():
                ctx.report(X_CLI, where, "an x-cli shortcut needs a name")
            elif name in names:
                ctx.report(X_CLI, where + "/name", f"x-cli shortcut {name!r} is defined twice")
            names.add(str(name))
            if shortcut.get("wait") and "x-long-running" not in op.node:
                ctx.report(X_CLI, where + "/wait", f"wait needs x-long-running on {op.label}")
            _body_fields(ctx, op, shortcut, where)


def _body_fields(ctx: Context, op: Operation, shortcut: dict[str, Any], where: str) -> None:
    """argument.field and the keys of body name fields of the JSON request body."""
    argument = shortcut.get("argument")
    if argument is not None and not (isinstance(argument, dict) and isinstance(argument.get("name"), str)):
        ctx.report(X_CLI, where + "/argument", "argument must be a mapping with a name and a body field")
    fields = [(where + "/argument/field", argument["field"])] if isinstance(argument, dict) and "field" in argument else []
    fields += [(f"{where}/body/{escape_pointer(str(key))}", "/" + escape_pointer(str(key))) for key in as_dict(shortcut.get("body"))]
    if not fields:
        return
    body = ctx.request_schema(op)
    if body is None:
        ctx.report(X_CLI, fields[0][0], f"{op.label} has no JSON request body to fill")
        return
    for field_pointer, field in fields:
        missing = _missing_field(ctx, body, field) if isinstance(field, str) else "the field must be a JSON pointer string"
        if missing:
            ctx.report(X_CLI, field_pointer, missing)


def _missing_field(ctx: Context, body: tuple[Any, str], field: str) -> str | None:
    """None when the JSON pointer `field` is a path of properties in the body schema; else what is missing."""
    if not field.startswith("/"):
        return f"{field!r} is not a JSON pointer (it starts with /)"
    current = body
    walked = ""
    for token in field.split("/")[1:]:
        walked += "/" + token
        properties = ctx.object_properties(*current)
        if unescape_pointer(token) not in properties:
            return f"the request body has no field {walked!r}"
        current = ctx.property_schema(properties[unescape_pointer(token)])
    return None
