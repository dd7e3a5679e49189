"""Path templates and the parameters that fill them."""

from __future__ import annotations

import re
from typing import Any

from ..load import escape_pointer
from .context import Context, as_dict, as_list
from .registry import check, rule

PATH_PARAMS = rule("path-params", "error", "Path template variables and `in: path` parameters match one to one.")
PARAMETER_UNIQUE = rule("parameter-unique", "error", "A parameter list names each parameter (name and location) once.")
PATH_QUERY_STRING = rule("path-query-string", "error", "Paths contain no query string; use `in: query` parameters.")
PATH_TRAILING_SLASH = rule("path-trailing-slash", "warning", "Paths follow the spec's trailing-slash convention (PostHog: every path ends with /).")
PATH_AMBIGUOUS = rule("path-ambiguous", "error", "No two path templates match the same URLs.")

_VARIABLE = re.compile(r"\{([^}/]*)\}")


def _path_pointer(path: str) -> str:
    return "/paths/" + escape_pointer(path)


def _key(param: dict[str, Any]) -> tuple[str, str]:
    name = str(param.get("name"))
    where = str(param.get("in"))
    return (name.lower() if where == "header" else name, where)  # header names ignore case


@check(PATH_PARAMS)
def path_parameters(ctx: Context) -> None:
    checked_items: set[str] = set()
    for op in ctx.index.operations:
        variables = _VARIABLE.findall(op.path)
        for name in sorted({v for v in variables if variables.count(v) > 1}):
            ctx.report(PATH_PARAMS, _path_pointer(op.path), f"{{{name}}} appears more than once in {op.path}")
        declared = {param["name"] for param, _ in ctx.parameters(op) if param["in"] == "path"}
        for name in dict.fromkeys(variables):
            if name not in declared:
                ctx.report(PATH_PARAMS, op.pointer, f"{op.label}: path parameter {{{name}}} is not declared")
        owners = [(op.node, op.pointer)]
        if op.path_item_pointer not in checked_items:  # the path item's own list once, not per method
            checked_items.add(op.path_item_pointer)
            owners.insert(0, (op.path_item, op.path_item_pointer))
        for owner, owner_pointer in owners:
            for i, raw in enumerate(as_list(owner.get("parameters"))):
                param, pointer = ctx.resolve(raw, f"{owner_pointer}/parameters/{i}")
                if isinstance(param, dict) and param.get("in") == "path" and param.get("name") not in variables:
                    ctx.report(PATH_PARAMS, pointer, f"path parameter {param.get('name')!r} does not appear in {op.path}")


@check(PARAMETER_UNIQUE)
def unique_parameters(ctx: Context) -> None:
    owners: dict[str, dict[str, Any]] = {}
    for op in ctx.index.operations:
        owners.setdefault(op.path_item_pointer, op.path_item)
        owners[op.pointer] = op.node
    for owner_pointer, owner in owners.items():
        seen: set[tuple[str, str]] = set()
        for i, raw in enumerate(as_list(owner.get("parameters"))):
            param, _ = ctx.resolve(raw, "")
            if not isinstance(param, dict):
                continue
            key = _key(param)
            if key in seen:
                ctx.report(
                    PARAMETER_UNIQUE, f"{owner_pointer}/parameters/{i}", f"parameter {key[0]!r} in {key[1]} is listed twice"
                )
            seen.add(key)


@check(PATH_QUERY_STRING)
def no_query_strings(ctx: Context) -> None:
    for path in as_dict(ctx.data.get("paths")):
        if "?" in str(path):
            ctx.report(PATH_QUERY_STRING, _path_pointer(str(path)), f"{path} contains a query string")


@check(PATH_TRAILING_SLASH)
def trailing_slashes(ctx: Context) -> None:
    paths = [str(p) for p in as_dict(ctx.data.get("paths")) if str(p) != "/"]
    convention = ctx.options.get("trailing-slash", "auto")
    if convention == "auto":  # the spec's own majority decides; a tie decides nothing
        with_slash = sum(p.endswith("/") for p in paths)
        if with_slash * 2 == len(paths):
            return
        convention = "always" if with_slash * 2 > len(paths) else "never"
    for path in paths:
        if convention == "always" and not path.endswith("/"):
            ctx.report(PATH_TRAILING_SLASH, _path_pointer(path), f"{path} does not end with /")
        elif convention == "never" and path.endswith("/"):
            ctx.report(PATH_TRAILING_SLASH, _path_pointer(path), f"{path} ends with /")


@check(PATH_AMBIGUOUS)
def ambiguous_paths(ctx: Context) -> None:
    first: dict[str, str] = {}
    for path in as_dict(ctx.data.get("paths")):
        shape = _VARIABLE.sub("{}", str(path))
        if shape in first:
            ctx.report(PATH_AMBIGUOUS, _path_pointer(str(path)), f"{path} matches the same URLs as {first[shape]}")
        else:
            first[shape] = str(path)
