"""The curated spec against PostHog's published schema, with `sdkgen upstream`'s engine.

../shared/posthog-reference/subset.json is the part of PostHog's own OpenAPI 3.0.3
document that covers the seed operations. `generator.upstream` compares it with the
curated spec (the engine of `sdkgen diff`: operations in the tags the spec covers,
parameters, bodies, responses, fields, types, enums, scopes; schemas after following
`$ref`s and normalising the spellings of null, enums and single-member allOf).

Deliberate differences are product data, spec/upstream-differences.yaml, each with its
reason. This test fails on any difference that file does not allow and on entries that
no longer allow anything. Run this file with Python to print every difference with the
entry that allows it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from _spec_support import ROOT, SPEC, SUBSET_JSON, require_shared

from generator.diff.source import open_side
from generator.diff.spec import Finding, Options, diff_documents
from generator.load import Document
from generator.upstream import Upstream, compare_upstream, differences_path, load_differences

DIFFERENCES = differences_path(SPEC)


@lru_cache(maxsize=1)
def upstream() -> Upstream:
    subset = require_shared(SUBSET_JSON)
    return compare_upstream(open_side(str(SPEC), str(ROOT)), open_side(str(subset), str(ROOT)),
                            load_differences(DIFFERENCES))


def _line(f: Finding) -> str:
    return f"{f.operation} {f.line}".strip()


def test_every_difference_is_explained() -> None:
    unexplained = [_line(f) for f in upstream().result.findings]
    assert not unexplained, (
        f"{len(unexplained)} difference(s) from subset.json are not in {DIFFERENCES.name}; fix the spec, "
        "or record them there with the reason:\n  " + "\n  ".join(unexplained)
    )


def test_differences_file_has_no_stale_entries() -> None:
    stale = [str(d) for d in upstream().stale]
    assert not stale, f"{DIFFERENCES.name} entries that allow nothing any more:\n  " + "\n  ".join(stale)


def test_every_entry_has_a_reason_and_a_place() -> None:
    allowances = load_differences(DIFFERENCES)
    assert allowances
    for a in allowances:
        assert a.reason.strip() and a.location.line > 0, a


def _doc(data: dict[str, Any]) -> Document:
    return Document(data=data, root_file="<memory>")


def test_comparison_normalises_and_detects() -> None:
    """Equivalent spellings compare equal (3.0 nullable and 3.1 type lists, a null union
    member or NullEnum, enum $refs and inline enums, single-$ref allOf); real differences
    are still found."""
    doc30 = {"openapi": "3.0.3", "paths": {"/t": {"post": {"responses": {"200": {"description": "", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/T"}}}}}}}}, "components": {"schemas": {
        "E": {"type": "string", "enum": ["a", "b"]},
        "NullEnum": {"enum": [None]},
        "T": {"type": "object", "required": ["x"], "properties": {
            "x": {"type": "string", "nullable": True},
            "e": {"oneOf": [{"$ref": "#/components/schemas/E"}, {"$ref": "#/components/schemas/NullEnum"}]},
            "w": {"allOf": [{"$ref": "#/components/schemas/E"}], "readOnly": True},
            "n": {"type": "integer"},
        }},
    }}}
    doc31 = {"openapi": "3.1.0", "paths": {"/t": {"post": {"responses": {"200": {"description": "", "content": {
        "application/json": {"schema": {"type": "object", "required": ["x"], "properties": {
            "x": {"type": ["string", "null"]},
            "e": {"anyOf": [{"type": "string", "enum": ["b", "a"]}, {"type": "null"}]},
            "w": {"type": "string", "enum": ["a", "b"], "readOnly": True},
            "n": {"type": ["string", "null"]},
            "only": {"type": "string"},
        }}}}}}}}}}
    found = sorted(f.line for f in diff_documents(_doc(doc31), _doc(doc30), Options()) if f.operation)
    assert found == [
        "response 200 .n: response-property-became-not-nullable",
        "response 200 .n: response-property-type-changed from 'string' to 'integer'",
        "response 200 .only: response-optional-property-removed",
    ]


if __name__ == "__main__":  # print every difference and what allows it
    result = upstream()
    for finding, (index, entry) in zip(result.result.allowed, sorted(result.matched.items()), strict=True):
        assert index >= 0
        print(f"ALLOWED {_line(finding)}\n        by {entry.location}: {entry.reason[:100]}")
    for finding in result.result.findings:
        print(f"NEW     {_line(finding)}")
    for stale in result.stale:
        print(f"STALE   {stale}")
    sys.exit(0)
