"""Properties of the spec-level diff on generated documents: a document compared with
itself has no changes, and what is added from A to B is what is removed from B to A."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diff.spec import Finding, diff_documents
from generator.load import Document

NAMES = st.sampled_from(["a", "b", "c", "d"])
VALUES = st.lists(st.sampled_from(["x", "y", "z"]), min_size=1, max_size=3, unique=True)
PRIMITIVE = st.one_of(
    st.sampled_from([{"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": ["string", "null"]},
                     {"type": "string", "format": "date-time"}, {"type": "number", "maximum": 10}]),
    VALUES.map(lambda values: {"type": "string", "enum": values}),
)


def _object(props: dict[str, Any], required: list[str], nested: dict[str, Any] | None) -> dict[str, Any]:
    properties = dict(props)
    if nested is not None:
        properties["n"] = nested
    return {"type": "object", "properties": properties, "required": sorted(set(required) & set(properties))}


LEAF_OBJECT = st.builds(_object, st.dictionaries(NAMES, PRIMITIVE, max_size=3), st.lists(NAMES, max_size=3), st.none())
OBJECT = st.builds(_object, st.dictionaries(NAMES, PRIMITIVE, max_size=3), st.lists(NAMES, max_size=3),
                   st.one_of(st.none(), LEAF_OBJECT, LEAF_OBJECT.map(lambda o: {"type": "array", "items": o})))
SCHEMA = st.one_of(OBJECT, st.just({"$ref": "#/components/schemas/S1"}), st.just({"$ref": "#/components/schemas/S2"}))
MEDIA = st.lists(st.sampled_from(["application/json", "text/csv"]), min_size=1, max_size=2, unique=True)


def _content(media: list[str], schema: dict[str, Any]) -> dict[str, Any]:
    return {m: {"schema": schema if m == "application/json" else {"type": "string"}} for m in media}


RESPONSE = st.builds(lambda media, schema, body: {"description": "d", **({"content": _content(media, schema)} if body else {})},
                     MEDIA, SCHEMA, st.booleans())
PARAM = st.builds(lambda name, where, required, schema: {"name": name, "in": where, "required": required, "schema": schema},
                  NAMES, st.sampled_from(["query", "header"]), st.booleans(), PRIMITIVE)
OPERATION = st.fixed_dictionaries(
    {
        "responses": st.dictionaries(st.sampled_from(["200", "201", "404"]), RESPONSE, min_size=1, max_size=2),
        "parameters": st.lists(PARAM, max_size=3, unique_by=lambda p: (p["in"], p["name"])),
    },
    optional={
        "operationId": st.sampled_from(["one", "two"]),
        "deprecated": st.booleans(),
        "tags": st.lists(st.sampled_from(["t1", "t2"]), unique=True, max_size=2),
        "requestBody": st.builds(lambda required, media, schema: {"required": required, "content": _content(media, schema)},
                                 st.booleans(), MEDIA, SCHEMA),
        "security": st.sampled_from([[], [{"key": []}], [{"key": ["s:read"]}], [{"key": ["s:read", "s:write"]}]]),
    },
)
PATHS = st.dictionaries(st.sampled_from(["/a", "/b/{id}", "/c"]),
                        st.dictionaries(st.sampled_from(["get", "post", "delete"]), OPERATION, min_size=1, max_size=2),
                        max_size=3)
DOCUMENT = st.builds(
    lambda paths, s1, s2, extra: {
        "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths,
        "security": [{"key": []}],
        "components": {"schemas": {"S1": s1, "S2": s2, **extra},
                       "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}},
    },
    PATHS, OBJECT, LEAF_OBJECT, st.dictionaries(st.sampled_from(["X", "Y"]), LEAF_OBJECT, max_size=2),
)


def _diff(a: dict[str, Any], b: dict[str, Any]) -> list[Finding]:
    return diff_documents(Document(data=a, root_file="a.yaml"), Document(data=b, root_file="b.yaml"))


def _polarity(rule: str) -> tuple[str, int] | None:
    """(what kind of thing, +1 added / -1 removed), for the rules that add or remove one."""
    rule = rule.removesuffix("-without-deprecation").removesuffix("-with-deprecation")
    if rule.startswith("new-") and rule.endswith(("-request-parameter", "-request-property")):
        return rule.split("-", 2)[2], 1
    if rule.startswith("added-") and rule.endswith("-request-body"):
        return "request-body", 1
    if rule.endswith("-added"):
        thing, sign = rule[: -len("-added")], 1
    elif rule.endswith("-removed"):
        thing, sign = rule[: -len("-removed")], -1
    else:
        return None
    thing = {"endpoint": "api", "api-path": "api", "api-operation-id": ""}.get(thing, thing)
    for kind in ("required-", "optional-", "success-", "non-success-"):
        thing = thing.replace(f"response-{kind}", "response-")
    return (thing, sign) if thing else None


def _moves(findings: list[Finding], sign: int) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for f in findings:
        polarity = _polarity(f.rule)
        if polarity is None or polarity[1] != sign:
            continue
        operations = [f.operation]
        if f.rule.startswith("api-path-removed"):  # one finding for the path: its operations
            methods, path = f.operation.split(" ", 1)
            operations = [f"{m} {path}" for m in methods.split("|")]
        detail = "" if f.rule.startswith(("api-path", "api-removed", "endpoint")) else f.detail
        found.update((op, f.where, f.field, polarity[0], detail) for op in operations)
    return found


@settings(max_examples=30, deadline=None)
@given(DOCUMENT)
def test_a_document_has_no_changes_from_itself(a: dict[str, Any]) -> None:
    assert _diff(a, copy.deepcopy(a)) == []


@settings(max_examples=50, deadline=None)
@given(DOCUMENT, DOCUMENT)
def test_added_one_way_is_removed_the_other(a: dict[str, Any], b: dict[str, Any]) -> None:
    forward, backward = _diff(a, b), _diff(b, a)
    assert _moves(forward, 1) == _moves(backward, -1)
    assert _moves(forward, -1) == _moves(backward, 1)
