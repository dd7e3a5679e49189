"""x-pagination: the generated client walks pages with what it names."""

from __future__ import annotations

from typing import Any

from .context import Context, Property
from .extensions import extension_uses, unknown_keys, written_at
from .index import Operation
from .registry import check, rule

X_PAGINATION = rule("x-pagination", "error", "x-pagination names a known style, response properties that exist and declared query parameters.")

_KEYS = {"style", "items", "count", "next", "has-more", "limit-param", "offset-param", "page-param", "token-param", "next-in", "pages", "count-in", "items-in"}
#: style -> (key naming the query parameter, its default)
_STYLE_PARAMETERS = {"offset": (("limit-param", "limit"), ("offset-param", "offset")), "page": (("page-param", "page"),), "cursor": (),
                     "token": (("token-param", "page_token"),), "after": (("token-param", "starting_after"),), "link": ()}


@check(X_PAGINATION)
def pagination(ctx: Context) -> None:
    for op, spec, pointer in extension_uses(ctx, "x-pagination", X_PAGINATION, dict, may_be_false=True):
        unknown_keys(ctx, X_PAGINATION, spec, _KEYS, pointer, "x-pagination")
        style = spec.get("style", "offset")
        if not isinstance(style, str) or style not in _STYLE_PARAMETERS:
            ctx.report(X_PAGINATION, pointer + "/style", f"x-pagination style {style!r} is not one of {', '.join(_STYLE_PARAMETERS)}")
            continue
        _query_parameters(ctx, op, spec, pointer, style)
        _response_properties(ctx, op, spec, pointer, style)


def _query_parameters(ctx: Context, op: Operation, spec: dict[str, Any], pointer: str, style: str) -> None:
    declared = ctx.query_parameter_names(op)
    for key, default in _STYLE_PARAMETERS[style]:
        name = spec.get(key, default)
        if not isinstance(name, str) or name not in declared:
            ctx.report(
                X_PAGINATION, written_at(pointer, spec, key),
                f"{style} pagination needs the query parameter {name!r}, which {op.label} does not declare",
            )


def _response_properties(ctx: Context, op: Operation, spec: dict[str, Any], pointer: str, style: str) -> None:
    successes = ctx.success_schemas(op)
    if not successes:
        ctx.report(X_PAGINATION, pointer, f"{op.label} has no 2xx JSON response to paginate")
        return
    status, schema, schema_pointer = successes[0]
    properties = ctx.object_properties(schema, schema_pointer)
    if style == "link" and "items" not in spec and _is_array(ctx, Property("", schema, schema_pointer)):
        return  # a bare list, paged by its Link header
    # items has a default; count, next and has-more are checked when written (null: "there is none")
    wanted = [("items", spec.get("items", "results"))]
    wanted += [(key, spec[key]) for key in ("count", "next", "has-more", "next-in", "pages", "count-in", "items-in") if spec.get(key) is not None]
    if style in ("cursor", "token") and "next" not in spec and "has-more" not in spec:
        wanted.append(("next", "next"))  # a cursor can only come from the response
    if "next-in" in spec:  # `next` is a property of that object, not of the answer
        wanted = [(key, name) for key, name in wanted if key != "next"]
    if "count-in" in spec:  # `count` and `pages` are properties of that object
        wanted = [(key, name) for key, name in wanted if key not in ("count", "pages")]
    if "items-in" in spec:  # and `items` of this one
        wanted = [(key, name) for key, name in wanted if key != "items"]
    for key, name in wanted:
        where = written_at(pointer, spec, key)
        if not isinstance(name, str) or name not in properties:
            ctx.report(X_PAGINATION, where, f"the {status} response of {op.label} has no property {name!r} ({key})")
        elif key == "items" and not _is_array(ctx, properties[name]):
            ctx.report(X_PAGINATION, where, f"the items property {name!r} of the {status} response is not an array")


def _is_array(ctx: Context, prop: Property) -> bool:
    schema, _ = ctx.property_schema(prop)
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    return declared == "array" or (isinstance(declared, list) and "array" in declared) or "items" in schema
