"""The document is valid OpenAPI and its references work."""

from __future__ import annotations

from ..load import escape_pointer
from ..validate import OAS_SCHEMA as VALIDATION
from ..validate import validate
from .context import Context
from .registry import adopt, check, rule

OAS_SCHEMA = adopt(VALIDATION)
REF_RESOLVES = rule("ref-resolves", "error", "Every $ref points at something that exists.")
REF_SIBLINGS = rule("ref-siblings", "error", "A $ref has no sibling keys that the OpenAPI version ignores.")

# OpenAPI 3.1 Reference Objects may carry these; its schemas are JSON Schema 2020-12,
# where $ref is an ordinary keyword and every sibling counts.
_REFERENCE_SIBLINGS_31 = frozenset({"summary", "description"})


def _unresolved(ctx: Context) -> list[tuple[str, str]]:
    return [
        (site.pointer + "/$ref", site.node["$ref"]) for site in ctx.index.refs if ctx.lookup(site.node["$ref"]) is None
    ]


@check(REF_RESOLVES)
def references_resolve(ctx: Context) -> None:
    for pointer, ref in _unresolved(ctx):
        ctx.report(REF_RESOLVES, pointer, f"$ref {ref!r} does not resolve{ctx.resolver.suggestion(ref)}")


@check(OAS_SCHEMA)
def document_is_valid(ctx: Context) -> None:
    if _unresolved(ctx):
        return  # the validator cannot work through broken references; ref-resolves names them
    for problem in validate(ctx.doc):
        ctx.report(OAS_SCHEMA, problem.pointer, problem.message)


@check(REF_SIBLINGS)
def no_ignored_ref_siblings(ctx: Context) -> None:
    for site in ctx.index.refs:
        if ctx.version == "3.1" and site.kind == "schema":
            continue
        allowed = _REFERENCE_SIBLINGS_31 if ctx.version == "3.1" else frozenset()
        extra = [key for key in site.node if key != "$ref" and key != "x-lint-waive" and key not in allowed]
        if extra:
            keys = ", ".join(f"`{key}`" for key in extra)
            ctx.report(
                REF_SIBLINGS,
                f"{site.pointer}/{escape_pointer(extra[0])}",
                f"{keys} next to $ref {'is' if len(extra) == 1 else 'are'} ignored in OpenAPI {ctx.version}",
            )
