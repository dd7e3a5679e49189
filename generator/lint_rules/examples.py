"""Examples match their schemas: they become the fixtures of the generated mock server."""

from __future__ import annotations

from typing import Any

from ..load import escape_pointer
from .context import Context, as_dict, as_list
from .example_schema import ExampleValidator
from .registry import check, rule

EXAMPLE_VALID = rule("example-valid", "error", "Every example (media type, parameter, schema) validates against its schema.")

_MAX_MESSAGE = 240


def _examples(ctx: Context, holder: dict[str, Any], pointer: str) -> list[tuple[Any, str]]:
    """(value, pointer) of a media type's or parameter's `example` and `examples`."""
    found = [(holder["example"], pointer + "/example")] if "example" in holder else []
    for name, raw in as_dict(holder.get("examples")).items():
        example, example_pointer = ctx.resolve(raw, f"{pointer}/examples/{escape_pointer(str(name))}")
        if isinstance(example, dict) and "value" in example:
            found.append((example["value"], example_pointer + "/value"))
    return found


def _sites(ctx: Context) -> list[tuple[str, str, Any, str]]:
    """(schema pointer, usage, example value, example pointer) for every example in the document."""
    sites = []
    for holder in ctx.index.media_types + ctx.index.parameters:
        if "schema" in holder.node:
            schema_pointer = holder.pointer + "/schema"
            sites += [(schema_pointer, holder.usage, v, p) for v, p in _examples(ctx, holder.node, holder.pointer)]
    for schema in ctx.index.schemas:
        node = schema.node
        if "$ref" in node and ctx.version == "3.0":
            continue  # 3.0 ignores everything next to a $ref, examples included
        if "example" in node:
            sites.append((schema.pointer, "", node["example"], schema.pointer + "/example"))
        if ctx.version == "3.1":
            sites += [(schema.pointer, "", v, f"{schema.pointer}/examples/{i}") for i, v in enumerate(as_list(node.get("examples")))]
    return sites


def _where(path: Any) -> str:
    return "".join("/" + escape_pointer(str(part)) for part in path)


@check(EXAMPLE_VALID)
def examples_match_schemas(ctx: Context) -> None:
    validator = ExampleValidator(ctx)
    for schema_pointer, usage, value, example_pointer in _sites(ctx):
        try:
            error = validator.first_error(schema_pointer, usage, value)
        except RecursionError:
            ctx.report(EXAMPLE_VALID, example_pointer, "the example cannot be checked: its schema refers to itself endlessly")
            continue
        except Exception as exc:  # a broken schema (bad pattern, dangling $ref): other rules name the cause
            detail = " ".join(str(exc).split())[:_MAX_MESSAGE]
            ctx.report(EXAMPLE_VALID, example_pointer, f"the example cannot be checked: {detail}")
            continue
        if error is None:
            continue
        inside = _where(error.absolute_path)
        message = " ".join(error.message.split())
        if len(message) > _MAX_MESSAGE:
            message = message[: _MAX_MESSAGE - 3] + "..."
        at = f" (at {inside})" if inside else ""
        ctx.report(EXAMPLE_VALID, example_pointer + inside, f"example does not match its schema{at}: {message}")
