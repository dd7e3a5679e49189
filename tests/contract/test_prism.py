"""Contract test against PostHog's published schema (issue 17, item 3).

Prism (pinned in package-lock.json beside this file) serves
../shared/posthog-reference/subset.json, slimmed (prism.py says how and why); every seed
operation is called through the sync and the async client, lenient and strict
(tests/contract/run.py). The contract:

* every request passes Prism's validator, or each of Prism's complaints is a difference
  recorded, with its reason, in spec/upstream-differences.yaml (expect.py);
* every response is read in lenient mode, each field that departs from the curated spec
  being such a recorded difference; where the published schema declares no body, the
  empty body is refused in both modes, and that too is a recorded difference;
* in strict mode the failures are exactly those responses, at a field lenient mode logged.

Prism starts once per session (the `contract` fixture, which pytest-xdist workers share). Without ../shared, npm or node,
the Prism tests are skipped with the reason; the tests of the matching and slimming
below run anyway. docs/contract-prism.md is the table of the run (`make contract-table`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from tests.contract import prism
from tests.contract.expect import (
    Differences,
    normalise,
    request_places,
    response_places,
    strict_field,
)
from tests.contract.harness import Violation, read_verdict
from tests.packages import once_per_session

ROOT = Path(__file__).resolve().parents[2]

# under pytest-xdist with `--dist loadgroup` (make test), one worker runs this file; until
# pytest-xdist#1386 is fixed the group is lost, and the `contract` fixture shares one run
pytestmark = pytest.mark.xdist_group("prism")


def _run_or_reason():
    """The judged run, or why it cannot be had (a string)."""
    from tests.contract.run import Unavailable, run

    try:
        return run()
    except Unavailable as exc:
        return f"contract test against PostHog's published schema skipped: {exc}"


@pytest.fixture(scope="session")
def contract(tmp_path_factory):
    """The run, once per test session, shared by the pytest-xdist workers."""
    result = once_per_session(tmp_path_factory, "contract-prism", lambda _folder: _run_or_reason())
    if isinstance(result, str):
        pytest.skip(result)
    return result


def _problems(contract, *sides: str) -> list[str]:
    return [
        f"{row.operation_id}: {text}"
        for row in contract.rows
        for side, text in row.problems
        if side in sides
    ]


# ---------------------------------------------------------------------------
# The run (needs Prism)
# ---------------------------------------------------------------------------


@pytest.mark.contract
def test_every_seed_operation_is_called_four_times(contract) -> None:
    from tests.client.test_every_operation import OPERATIONS

    assert len(contract.seeds) == 53
    assert {(op.method.upper(), op.path) for op in OPERATIONS.values()} == set(contract.seeds)
    assert len(contract.outcomes) == 4 * 53
    assert {(o.mode, o.strict) for o in contract.outcomes} == {
        ("sync", False),
        ("sync", True),
        ("async", False),
        ("async", True),
    }
    assert _problems(contract, "calls") == []


@pytest.mark.contract
def test_every_request_passes_prism_or_is_a_recorded_difference(contract) -> None:
    assert _problems(contract, "request") == []
    accepted = [row for row in contract.rows if row.accepted]
    refused = [row for row in contract.rows if not row.accepted]
    assert len(accepted) > len(
        refused
    ), "Prism refused most requests: look at docs/contract-prism.md"
    for row in refused:
        assert [why for side, _, why in row.explained if side == "request"], row.operation_id


@pytest.mark.contract
def test_prism_validates_every_request_body(contract) -> None:
    """A JSON string where the published schema wants an object is refused by every
    operation that takes an object body: the validator compiled and ran, so an accepted
    body means something."""
    sent_a_body = {o.operation_id for o in contract.outcomes if o.accepted and o.sent[3]}
    assert sent_a_body and sent_a_body <= set(contract.canaries)
    live = {oid: v.rejected for oid, v in contract.canaries.items()}
    assert live == dict.fromkeys(contract.canaries, "UNPROCESSABLE_ENTITY")
    assert all(
        any(v.code == "type" for v in verdict.request) for verdict in contract.canaries.values()
    )


@pytest.mark.contract
def test_narrowed_unions_only_meet_objects_of_their_kinds(contract) -> None:
    """Slimming step 2 is exact only if every object a request puts in a narrowed union
    says its `kind` (prism.py)."""
    assert contract.stats.unions_pruned > 0
    assert {"query_create", "query_upgrade_create", "endpoints_create"} <= set(contract.premise)
    assert {oid: p for oid, p in contract.premise.items() if p} == {}


@pytest.mark.contract
def test_prism_responses_follow_the_published_schema(contract) -> None:
    """Prism finds nothing wrong with the responses it sends, so they can judge the client."""
    assert _problems(contract, "prism") == []
    assert all(not o.verdict.response for o in contract.outcomes if o.accepted)


@pytest.mark.contract
def test_every_response_parses_leniently_or_is_a_recorded_difference(contract) -> None:
    assert _problems(contract, "lenient") == []
    parsed = [row for row in contract.rows if row.accepted and row.lenient.startswith("yes")]
    empty = [row for row in contract.rows if row.accepted and row.lenient.startswith("no:")]
    assert len(parsed) + len(empty) == sum(row.accepted for row in contract.rows)
    assert all("empty body" in row.lenient for row in empty)
    assert parsed


@pytest.mark.contract
def test_strict_failures_are_exactly_the_recorded_differences(contract) -> None:
    assert _problems(contract, "strict") == []
    for row in contract.rows:
        if not row.accepted:
            continue
        differs = "differ" in row.lenient or "empty body" in row.lenient
        assert row.strict.startswith("fails" if differs else "passes"), (
            row.operation_id,
            row.lenient,
            row.strict,
        )


@pytest.mark.contract
def test_every_recorded_difference_the_run_shows_is_explained(contract) -> None:
    assert contract.differences.unexplained == []  # as tests/spec/test_subset_parity.py
    seen = [why for row in contract.rows for _, _, why in row.explained]
    assert seen and all(why is not None for why in seen)
    assert all(
        why.reason and why.location.startswith("spec/upstream-differences.yaml:") for why in seen
    )


@pytest.mark.contract
def test_the_table_is_current(contract) -> None:
    table = ROOT / "docs" / "contract-prism.md"
    assert table.is_file(), "docs/contract-prism.md is missing: make contract-table"
    assert (
        table.read_text() == contract.table()
    ), "docs/contract-prism.md is stale: make contract-table"


# ---------------------------------------------------------------------------
# The matching and the slimming (no Prism needed)
# ---------------------------------------------------------------------------


def _finding(where: str, field: str, rule: str):
    line = " ".join(p for p in (where, field) if p)
    finding = SimpleNamespace(
        where=where, field=field, rule=rule, line=f"{line}: {rule}" if line else rule
    )
    entry = SimpleNamespace(
        reason=f"because {rule}",
        operation="POST /x",
        location=SimpleNamespace(file="d.yaml", line=7),
    )
    return finding, entry


def test_normalise_reads_engine_pydantic_and_prism_paths_alike() -> None:
    assert normalise(".results[].person<MinimalPerson>.id") == ".results.person.id"
    assert normalise("results[0].person.id") == ".results.person.id"
    assert normalise("results.0.person.id") == ".results.person.id"
    assert normalise(".query<#1>.series[]") == ".query.series"
    assert normalise("") == ""


def test_a_difference_explains_only_its_place_and_kind() -> None:
    differences = Differences.from_findings(
        {
            ("POST", "/x"): [
                _finding("request", ".old", "request-property-removed"),
                _finding("request", ".query", "request-property-type-changed"),
                _finding("request", ".name", "request-property-constraint-loosened"),
                _finding("response 200", ".results[].ttl", "response-property-type-changed"),
                _finding("response 200", ".results", "response-optional-property-added"),
            ]
        }
    )
    extra = Violation(
        ("body",),
        "additionalProperties",
        "Request body must NOT have additional properties; found 'old'",
    )
    [place] = request_places("UNPROCESSABLE_ENTITY", [extra])
    assert (place.where, place.field) == ("request", ".old")
    assert (
        differences.explain("POST", "/x", place).finding == "request .old: request-property-removed"
    )
    assert differences.explain("GET", "/x", place) is None  # another operation
    assert differences.explain("POST", "/y", place) is None

    # the right place with a rule of another kind explains nothing
    [enum] = request_places(
        "UNPROCESSABLE_ENTITY", [Violation(("body", "name"), "enum", "must be equal to one of")]
    )
    assert differences.explain("POST", "/x", enum) is None
    # an enclosing place explains what is inside it only when it changes the shape there
    [inner] = request_places(
        "UNPROCESSABLE_ENTITY", [Violation(("body", "query", "kind"), "enum", "must be equal")]
    )
    assert (
        differences.explain("POST", "/x", inner).finding
        == "request .query: request-property-type-changed"
    )
    [ttl, nested] = response_places(
        200,
        [
            "results[0].ttl: Input should be a valid integer",
            "results[0].other: Input should be a valid integer",
        ],
    )
    assert differences.explain("POST", "/x", ttl).finding.startswith("response 200 .results[].ttl")
    assert differences.explain("POST", "/x", nested) is None  # `.results` only gained a property
    [missing] = response_places(201, ["results[0].ttl: Input should be a valid integer"])
    assert differences.explain("POST", "/x", missing) is None  # another status


def test_prism_complaints_become_places() -> None:
    assert [(p.where, p.field) for p in request_places("NO_PATH_MATCHED_ERROR", [])] == [("", "")]
    assert [(p.where, p.field) for p in request_places("INVALID_CONTENT_TYPE", [])] == [
        ("request", "")
    ]
    places = request_places(
        "UNPROCESSABLE_ENTITY",
        [
            Violation(
                ("body",), "required", "Request body must have required property 'account_id'"
            ),
            Violation((), "required", "Body parameter is required"),
            Violation(("query", "limit"), "type", "must be integer"),
            Violation(
                ("body", "series", "0", "math"),
                "enum",
                "must be equal to one of the allowed values",
            ),
        ],
    )
    assert [(p.where, p.field) for p in places] == [
        ("request", ".account_id"),
        ("request", ""),
        ("parameter query limit", ""),
        ("request", ".series.math"),
    ]
    assert places[1].rules == ("added-required-request-body", "request-body-became-required")
    assert (
        strict_field(
            "200 response does not match the API schema: results.0.ttl: Input (and 2 more)"
        )
        == ".results.ttl"
    )
    assert (
        strict_field(
            "200 response does not match the API schema: body: Input should be a valid array"
        )
        == ""
    )


def test_read_verdict_tells_request_from_response_violations() -> None:
    request = httpx.Request("POST", "http://prism.test/x")
    refused = httpx.Response(
        422,
        request=request,
        headers={"content-type": "application/problem+json"},
        json={
            "type": "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
            "detail": "Your request is not valid",
            "validation": [
                {
                    "location": ["body"],
                    "severity": "Error",
                    "code": "additionalProperties",
                    "message": "Request body must NOT have additional properties; found 'x'",
                }
            ],
        },
    )
    verdict = read_verdict(refused)
    assert verdict.rejected == "UNPROCESSABLE_ENTITY"
    assert verdict.request == [
        Violation(
            ("body",),
            "additionalProperties",
            "Request body must NOT have additional properties; found 'x'",
        )
    ]
    bad_response = [
        {
            "location": ["response", "body", "n"],
            "severity": "Error",
            "code": "type",
            "message": "must be integer",
        }
    ]
    cut = "Too many violations! " + json.dumps(bad_response * 3, separators=(",", ":"))[:-40]
    answered = httpx.Response(200, request=request, json={}, headers={"sl-violations": cut})
    verdict = read_verdict(answered)
    assert verdict.rejected is None and verdict.request == []
    assert verdict.response == ["response.body.n: must be integer"] * 2  # the two whole ones
    in_header = [
        {
            "location": ["request"],
            "severity": "Error",
            "code": 415,
            "message": "No supported content types",
        }
    ]
    assert read_verdict(
        httpx.Response(400, request=request, headers={"sl-violations": json.dumps(in_header)})
    ).rejected
    warned = [
        {
            "location": ["request", "query", "x"],
            "severity": "Warning",
            "code": "type",
            "message": "hm",
        }
    ]
    assert (
        read_verdict(
            httpx.Response(200, request=request, headers={"sl-violations": json.dumps(warned)})
        ).rejected
        is None
    )


def _node(kind: str, **properties):
    return {
        "type": "object",
        "properties": {"kind": {"type": "string", "enum": [kind]}, **properties},
    }


def test_slim_keeps_what_the_requests_meet() -> None:
    doc = {
        "openapi": "3.0.3",
        "paths": {
            "/q/": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Req"},
                                "examples": {"a": {"value": {}}},
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "anyOf": [
                                            {"type": "object"},
                                            {"$ref": "#/components/schemas/A"},
                                        ]
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/other/": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Unused"}
                                }
                            },
                        }
                    }
                }
            },
        },
        "components": {
            "schemas": {
                "Req": {
                    "type": "object",
                    "example": {"query": 1},
                    "properties": {
                        "query": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/A"},
                                {"$ref": "#/components/schemas/B"},
                                {"$ref": "#/components/schemas/C"},
                            ]
                        },
                        "example": {"type": "string"},  # a property so named stays
                        "loose": {"nullable": True, "description": "no type"},
                        "mixed": {"anyOf": [{"type": "object"}, {"type": "string"}]},
                    },
                },
                "A": _node("A"),
                "B": _node("B", only_b={"$ref": "#/components/schemas/OnlyB"}),
                "C": _node("C"),
                "OnlyB": {"type": "string"},
                "Unused": {"type": "string"},
            }
        },
    }
    slim, stats = prism.slim(doc, [("POST", "/q/"), ("GET", "/missing/")], kinds={"C"})
    schemas = slim["components"]["schemas"]
    req = schemas["Req"]["properties"]
    assert req["query"]["anyOf"] == [
        {"$ref": "#/components/schemas/A"},
        {"$ref": "#/components/schemas/C"},
    ]
    assert "B" not in schemas and "OnlyB" not in schemas and "Unused" not in schemas
    assert list(slim["paths"]) == ["/q/"] and stats.missing == [("GET", "/missing/")]
    response = slim["paths"]["/q/"]["post"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    assert response == {"anyOf": [{"type": "object"}]}
    assert req["mixed"]["anyOf"] == [
        {"type": "object"},
        {"type": "string"},
    ]  # a string is not an object
    assert "nullable" not in req["loose"] and "example" in req and "example" not in schemas["Req"]
    assert (
        "examples" not in slim["paths"]["/q/"]["post"]["requestBody"]["content"]["application/json"]
    )
    assert (stats.unions_pruned, stats.branches_removed, stats.open_unions) == (1, 1, 1)
    assert doc["components"]["schemas"]["Req"]["properties"]["query"]["anyOf"][1]["$ref"].endswith(
        "/B"
    )  # a copy

    body_schema = {"$ref": "#/components/schemas/Req"}
    assert prism.check_union_premise(slim, body_schema, {"query": {"kind": "C"}}, stats) == []
    assert prism.check_union_premise(slim, body_schema, {"query": {"x": 1}}, stats) != []
    assert (
        prism.check_union_premise(slim, body_schema, {"query": {"kind": "B"}}, stats) != []
    )  # B was kept out
    assert prism.kinds_in({"a": [{"kind": "X", "b": {"kind": "Y"}}]}) == {"X", "Y"}


def test_no_npm_means_a_skip_with_the_reason(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(
        prism.shutil, "which", lambda name: "/usr/bin/node" if name == "node" else None
    )
    with pytest.raises(prism.PrismUnavailable, match="npm is not installed"):
        prism.ensure_prism(home=tmp_path)
    monkeypatch.setattr(prism.shutil, "which", lambda name: None)
    with pytest.raises(prism.PrismUnavailable, match="node is not installed"):
        prism.ensure_prism(home=tmp_path)


def test_an_unreachable_registry_means_a_skip_within_seconds(tmp_path, monkeypatch) -> None:
    if prism.shutil.which("npm") is None or prism.shutil.which("node") is None:
        pytest.skip("npm or node is not installed")
    monkeypatch.setenv("NPM_CONFIG_REGISTRY", f"http://127.0.0.1:{prism.free_port()}/")
    started = time.monotonic()
    with pytest.raises(prism.PrismUnavailable, match="registry cannot be reached"):
        prism.ensure_prism(home=tmp_path)
    assert time.monotonic() - started < 60
    assert not (prism.install_dir(tmp_path) / ".installed").exists()


def test_prism_is_pinned_by_the_lockfile() -> None:
    lock = json.loads(prism.LOCKFILE.read_text())
    version = prism.prism_version()
    assert lock["packages"][""]["dependencies"]["@stoplight/prism-cli"] == version
    assert lock["packages"]["node_modules/@stoplight/prism-cli"]["version"] == version
    assert all(
        "integrity" in meta
        for name, meta in lock["packages"].items()
        if name and not meta.get("link")
    )
    assert prism.install_dir().name.startswith(f"prism-{version}-")


def test_without_the_shared_material_the_run_says_so(tmp_path, monkeypatch) -> None:
    from tests.contract import run

    monkeypatch.setattr(run, "SUBSET", tmp_path / "subset.json")
    with pytest.raises(run.Unavailable, match=r"subset\.json is absent.*\.\./shared"):
        run.run()
