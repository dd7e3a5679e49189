"""Operations carry what the SDK needs to name, group and document them."""

from __future__ import annotations

import re

from ..load import escape_pointer
from .context import Context, as_dict, as_list
from .registry import check, rule

OPERATION_ID = rule("operation-id", "error", "Every operation has an operationId.")
OPERATION_ID_UNIQUE = rule("operation-id-unique", "error", "No two operations share an operationId.")
OPERATION_ID_CASE = rule("operation-id-snake-case", "warning", "operationIds are snake_case.")
OPERATION_SUMMARY = rule("operation-summary", "warning", "Every operation has a summary.")
OPERATION_DESCRIPTION = rule("operation-description", "warning", "Every operation has a description.")
OPERATION_SINGLE_TAG = rule("operation-single-tag", "warning", "Every operation has exactly one tag (it names the SDK resource).")
OPERATION_TAG_DEFINED = rule("operation-tag-defined", "warning", "An operation's tag is declared in the top-level tags.")
TAG_DESCRIPTION = rule("tag-description", "warning", "Every top-level tag has a description.")
SUCCESS_RESPONSE = rule("operation-success-response", "error", "Every operation has at least one 2xx response.")
ERROR_RESPONSE_DESCRIPTION = rule("error-response-description", "warning", "Every 4xx response has a description.")

_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


def _has_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@check(OPERATION_ID, OPERATION_ID_UNIQUE, OPERATION_ID_CASE)
def operation_ids(ctx: Context) -> None:
    first_use: dict[str, str] = {}
    for op in ctx.index.operations:
        operation_id = op.node.get("operationId")
        if not _has_text(operation_id):
            ctx.report(OPERATION_ID, op.pointer, f"{op.label} has no operationId")
            continue
        assert isinstance(operation_id, str)
        pointer = op.pointer + "/operationId"
        if operation_id in first_use:
            ctx.report(OPERATION_ID_UNIQUE, pointer, f"operationId {operation_id!r} is also used by {first_use[operation_id]}")
        else:
            first_use[operation_id] = op.label
        if not _SNAKE_CASE.match(operation_id):
            ctx.report(OPERATION_ID_CASE, pointer, f"operationId {operation_id!r} is not snake_case")


@check(OPERATION_SUMMARY, OPERATION_DESCRIPTION)
def operation_texts(ctx: Context) -> None:
    for op in ctx.index.operations:
        if not _has_text(op.node.get("summary")):
            ctx.report(OPERATION_SUMMARY, op.pointer, f"{op.label} has no summary")
        if not _has_text(op.node.get("description")):
            ctx.report(OPERATION_DESCRIPTION, op.pointer, f"{op.label} has no description")


@check(OPERATION_SINGLE_TAG, OPERATION_TAG_DEFINED, TAG_DESCRIPTION)
def operation_tags(ctx: Context) -> None:
    declared: set[str] = set()
    for i, tag in enumerate(as_list(ctx.data.get("tags"))):
        if not isinstance(tag, dict):
            continue
        declared.add(str(tag.get("name")))
        if not _has_text(tag.get("description")):
            ctx.report(TAG_DESCRIPTION, f"/tags/{i}", f"tag {tag.get('name')!r} has no description")
    for op in ctx.index.operations:
        tags = op.node.get("tags")
        tags = tags if isinstance(tags, list) else []
        if len(tags) != 1:
            where = op.pointer + "/tags" if "tags" in op.node else op.pointer
            ctx.report(OPERATION_SINGLE_TAG, where, f"{op.label} has {len(tags)} tags; exactly one is expected")
        for i, tag in enumerate(tags):
            if str(tag) not in declared:
                ctx.report(OPERATION_TAG_DEFINED, f"{op.pointer}/tags/{i}", f"tag {tag!r} is not declared in the top-level tags")


@check(SUCCESS_RESPONSE, ERROR_RESPONSE_DESCRIPTION)
def operation_responses(ctx: Context) -> None:
    for op in ctx.index.operations:
        responses = as_dict(op.node.get("responses"))
        if not any(str(status).startswith("2") for status in responses):
            where = op.pointer + "/responses" if "responses" in op.node else op.pointer
            ctx.report(SUCCESS_RESPONSE, where, f"{op.label} has no 2xx response")
        for status, raw in responses.items():
            if not str(status).startswith("4"):
                continue
            response, pointer = ctx.resolve(raw, f"{op.pointer}/responses/{escape_pointer(str(status))}")
            if isinstance(response, dict) and not _has_text(response.get("description")):
                ctx.report(ERROR_RESPONSE_DESCRIPTION, pointer, f"the {status} response has no description")
