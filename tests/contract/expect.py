"""What the contract run may show, derived from spec/upstream-differences.yaml.

The curated spec differs from PostHog's published schema on purpose, and each such
difference is recorded, with its reason, in spec/upstream-differences.yaml; `sdkgen
upstream` (generator/upstream.py) finds them with the engine of `sdkgen diff` and matches
each to its entry. Here every place where Prism or the client tells the two documents
apart is explained by one of those findings, or the test fails:

* Prism refuses a request: each of its complaints names a place (the operation, the
  body, `.query.kind`, the query parameter `limit` ...) and a kind (a property the
  published schema does not have, a missing required one, an enum ...). It is explained
  by a finding of the same operation at that place whose rule fits the kind (`request
  .data_freshness_seconds: request-property-removed` explains "must NOT have additional
  properties; found 'data_freshness_seconds'"), or by a finding at an enclosing place
  that changes the shape there (a type change, a union, a body removed).
* The client reads a response differently from the published schema (lenient mode logs
  each field, strict mode raises at the first): the same, on the response side
  (`response 200 .results[].recording_ttl: response-property-type-changed` explains
  "results[0].recording_ttl: Input should be a valid integer").

So the set of expected rejections and strict failures is not written here: it is the
part of the differences file that Prism can observe, each entry with its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.contract.harness import Violation

#: Prism error types that mean "the document has no such operation"
NO_OPERATION = {"NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR"}
#: rules whose finding at an enclosing place explains anything inside it
STRUCTURAL = (
    "type-changed",
    "type-generalized",
    "type-specialized",
    "one-of",
    "request-body-removed",
    "response-media-type-removed",
    "response-success-status-added",
)


@dataclass(frozen=True)
class Place:
    """Where a document difference shows: `where` as in the diff engine's findings
    ("" for the operation, "request", "response 200", "parameter query limit") and
    `field`, a dotted path without indices or union tags (".results.person.id")."""

    where: str
    field: str
    rules: tuple[str, ...]  # rule name fragments that can cause it; () for any
    text: str  # what was observed, for messages
    summary: str = ""  # the same in a few words, for the table

    def __str__(self) -> str:
        return " ".join(p for p in (self.where, self.field) if p) or "the operation"


@dataclass(frozen=True)
class Explanation:
    finding: str  # "request .data_freshness_seconds: request-property-removed"
    reason: str
    entry: str  # the entry's key in upstream-differences.yaml: a glob over "METHOD path"
    location: str  # file:line of the pattern that allows the finding


def normalise(path: str) -> str:
    """A field path as the diff engine or pydantic writes it, without indices or union
    tags: ".results[].person<MinimalPerson>.id", "results[0].person.id" and
    "results.0.person.id" all become ".results.person.id"."""
    path = re.sub(r"<[^>]*>", "", path)
    parts = [p for p in re.split(r"[.\[\]]+", path) if p and not p.isdigit()]
    return "".join("." + p for p in parts)


# ---------------------------------------------------------------------------
# What was observed, as places
# ---------------------------------------------------------------------------

_REQUEST_RULES = {
    "additionalProperties": ("request-property-removed",),
    "required": ("new-required-request-property", "request-property-became-required"),
    "enum": ("enum",),
    "type": ("type-changed", "type-generalized", "nullable"),
    "anyOf": ("one-of", "type-changed"),
    "oneOf": ("one-of", "type-changed"),
}
_REQUEST_SUMMARY = {
    "additionalProperties": "not in the published schema",
    "required": "required by the published schema, not sent",
    "enum": "a value the published enum lacks",
    "type": "another type in the published schema",
}


def request_places(rejected: str | None, violations: list[Violation]) -> list[Place]:
    """Where Prism says a request departs from its document."""
    no_body = ("request-body-removed", "request-body-media-type-removed")
    if rejected in NO_OPERATION:
        return [
            Place(
                "",
                "",
                ("api-path-removed", "api-removed"),
                rejected or "",
                (
                    "the published schema lacks this path"
                    if rejected == "NO_PATH_MATCHED_ERROR"
                    else "the published schema lacks this method"
                ),
            )
        ]
    if rejected == "INVALID_CONTENT_TYPE":
        return [Place("request", "", no_body, rejected, "the published schema takes no body")]
    places = []
    for v in violations:
        text = str(v)
        loc = list(v.location)
        if loc[:1] == ["request"] and str(v.code) == "415":
            places.append(Place("request", "", no_body, text, "the published schema takes no body"))
        elif not loc and v.message == "Body parameter is required":
            places.append(
                Place(
                    "request",
                    "",
                    ("added-required-request-body", "request-body-became-required"),
                    text,
                    "the published schema requires a body",
                )
            )
        elif loc[:1] == ["body"]:
            field = normalise(".".join(loc[1:]))
            named = re.search(r"(?:found|required property) '([^']+)'", v.message)
            if v.code in ("additionalProperties", "required") and named:
                field += "." + named.group(1)
            places.append(
                Place(
                    "request",
                    field,
                    _REQUEST_RULES.get(v.code, ("constraint",)),
                    text,
                    f"`{field or 'body'}`: {_REQUEST_SUMMARY.get(v.code, v.code)}",
                )
            )
        elif loc[:1] in (["query"], ["path"], ["header"]) and len(loc) > 1:
            rules = ("request-parameter-removed",) if v.code == "additionalProperties" else ()
            places.append(
                Place(
                    f"parameter {loc[0]} {loc[1]}",
                    "",
                    rules,
                    text,
                    f"{loc[0]} parameter `{loc[1]}`: {v.code}",
                )
            )
        else:
            places.append(
                Place("?", ".".join(loc), (), text, text)
            )  # explained by nothing: the test says so
    return places


def _response_rules(problem: str) -> tuple[str, ...]:
    if problem == "missing" or problem.startswith("Field required"):
        return (
            "required-property-removed",
            "optional-property-removed",
            "property-became-optional",
        )
    if "empty body" in problem:
        return (
            "response-media-type-removed",
            "response-success-status-added",
            "response-success-status-removed",
        )
    if problem.startswith(("Input should be", "expected")):
        return ("type-changed", "type-generalized", "type-specialized", "nullable", "enum")
    return ()


def response_places(status: int, differences: list[str]) -> list[Place]:
    """Where the client found a response to depart from the curated document: each
    "field: problem" lenient mode logged ("body" for the whole body)."""
    places = []
    for line in differences:
        field, _, problem = line.partition(": ")
        field = "" if field == "body" else normalise(field)
        places.append(Place(f"response {status}", field, _response_rules(problem), line))
    return places


def strict_field(message: str) -> str:
    """The field a strict ResponseValidationError names ("... schema: results.0.x: Input ...")."""
    text = message.split("does not match the API schema: ", 1)[-1]
    field = text.split(": ", 1)[0]
    return "" if field == "body" else normalise(field)


# ---------------------------------------------------------------------------
# The recorded differences, by operation
# ---------------------------------------------------------------------------


class Differences:
    """The findings `sdkgen upstream` allows, by operation, each with its entry."""

    def __init__(self, spec: Path, upstream: Path, root: Path) -> None:
        from generator.diff.source import open_side
        from generator.upstream import compare_upstream, differences_path, load_differences

        self.file = differences_path(spec)
        result = compare_upstream(
            open_side(str(spec), str(root)),
            open_side(str(upstream), str(root)),
            load_differences(self.file),
        )
        self.unexplained = [f"{f.operation} {f.line}" for f in result.result.findings]
        self.by_operation: dict[tuple[str, str], list[tuple[Any, Any]]] = defaultdict(list)
        for index, finding in enumerate(result.result.allowed):
            methods, _, path = finding.operation.partition(" ")
            for method in methods.split("|"):
                self.by_operation[(method, path)].append((finding, result.matched[index]))

    @classmethod
    def from_findings(cls, findings: dict[tuple[str, str], list[tuple[Any, Any]]]) -> Differences:
        """For tests of the matching itself."""
        self = cls.__new__(cls)
        self.file, self.unexplained, self.by_operation = (
            Path("upstream-differences.yaml"),
            [],
            defaultdict(list),
        )
        self.by_operation.update(findings)
        return self

    def explain(self, method: str, path: str, place: Place) -> Explanation | None:
        """The recorded difference that explains `place`, or None."""
        best: tuple[int, Any, Any] | None = None
        for finding, entry in self.by_operation.get((method.upper(), path), ()):
            if finding.where != place.where:
                continue
            field = normalise(finding.field)
            if field == place.field:
                fits = not place.rules or any(r in finding.rule for r in place.rules)
                depth = 1000
            elif place.field.startswith(field + ".") or (field == "" and place.field):
                fits = any(r in finding.rule for r in STRUCTURAL)
                depth = field.count(".")
            else:
                continue
            if fits and (best is None or depth > best[0]):
                best = (depth, finding, entry)
        if best is None:
            return None
        _, finding, entry = best
        return Explanation(
            finding.line,
            " ".join(entry.reason.split()),
            entry.operation,
            f"{entry.location.file}:{entry.location.line}",
        )
