"""The contract run judged, per operation, and written as a markdown table
(docs/contract-prism.md; regenerate with `make contract-table`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tests.contract.expect import (
    Differences,
    Explanation,
    Place,
    request_places,
    response_places,
    strict_field,
)
from tests.contract.harness import Outcome


@dataclass
class Row:
    operation_id: str
    method: str
    path: str
    accepted: bool = False
    request: str = ""
    lenient: str = ""
    strict: str = ""
    explained: list[tuple[str, Place, Explanation | None]] = field(
        default_factory=list
    )  # (side, place, why)
    #: what breaks the contract, by side: calls (the four calls agree), request, prism (its
    #: response follows its document), lenient, strict
    problems: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, side: str, text: str) -> None:
        self.problems.append((side, text))

    def explain(
        self, differences: Differences, side: str, places: list[Place]
    ) -> list[Explanation]:
        found = []
        for place in places:
            why = differences.explain(self.method, self.path, place)
            self.explained.append((side, place, why))
            if why is None:
                self.problem(
                    "request" if side == "request" else "lenient",
                    f"{place.text!r} at {place} is not a recorded difference "
                    f"(spec/upstream-differences.yaml) of {self.method} {self.path}",
                )
            else:
                found.append(why)
        return found


def _error_name(outcome: Outcome) -> str:
    return type(outcome.error).__name__ if outcome.error is not None else ""


def _kind(value: object) -> str:
    """The type of a result, the same for the sync and async flavours (SyncPage, AsyncPage)."""
    name = type(value).__name__
    return "None" if value is None else name.removeprefix("Sync").removeprefix("Async")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def judge(
    operation_id: str, method: str, path: str, outcomes: list[Outcome], differences: Differences
) -> Row:
    """One operation's four calls (sync and async, lenient and strict) against the contract."""
    from posthog_api import errors
    from posthog_api._exceptions import error_class

    row = Row(operation_id, method.upper(), path)
    by = {(o.mode, o.strict): o for o in outcomes}
    if sorted(by) != [("async", False), ("async", True), ("sync", False), ("sync", True)]:
        row.problem("calls", f"expected one call per client and mode, got {sorted(by)}")
        return row
    first = by[("sync", False)]
    for o in outcomes:
        if o.exchanges != 1:
            row.problem(
                "calls",
                f"{o.mode} {'strict' if o.strict else 'lenient'}: {o.exchanges} requests, "
                f"expected 1 ({o.error_text})",
            )
        if o.sent != first.sent:
            row.problem("calls", f"{o.mode} sent {o.sent!r}, sync sent {first.sent!r}")
        if (o.verdict.rejected, o.verdict.request) != (
            first.verdict.rejected,
            first.verdict.request,
        ):
            row.problem(
                "calls", f"Prism's verdict differs between calls: {o.verdict} / {first.verdict}"
            )
    if row.problems:
        return row

    verdict = first.verdict
    status = verdict.status or 0
    row.accepted = verdict.rejected is None
    if not row.accepted:
        places = request_places(verdict.rejected, verdict.request)
        row.explain(differences, "request", places)
        row.request = f"no ({status} {verdict.rejected}): " + "; ".join(p.summary for p in places)
        expected = error_class(status) if status >= 400 else None
        for o in outcomes:
            if expected is None or type(o.error) is not expected:
                row.problem(
                    "lenient" if not o.strict else "strict",
                    f"{o.mode}: Prism answered {status}; the client raised {o.error_text or 'nothing'}, "
                    f"expected {getattr(expected, '__name__', '?')}",
                )
        row.lenient = f"n/a (the client raised {_error_name(first)} for the {status})"
        row.strict = f"n/a ({_error_name(by[('sync', True)])}, as lenient)"
        return row

    row.request = "yes" + (f" ({len(verdict.request)} warning(s))" if verdict.request else "")
    for warning in verdict.request:
        row.problem("request", f"Prism accepted the request with a warning: {warning}")
    if verdict.response:
        row.problem(
            "prism",
            f"Prism's response breaks its own document, so it cannot judge the client: "
            f"{verdict.response[:3]}",
        )

    # lenient: the body is read whatever it holds; what differs is logged field by field
    for mode in ("sync", "async"):
        lenient, strict = by[(mode, False)], by[(mode, True)]
        if mode == "async":
            if (_error_name(lenient), lenient.differences, _kind(lenient.result)) != (
                _error_name(by[("sync", False)]),
                by[("sync", False)].differences,
                _kind(by[("sync", False)].result),
            ):
                row.problem(
                    "calls",
                    "the async client read the response differently from the sync client: "
                    f"{lenient.error_text or lenient.differences} / "
                    f"{by[('sync', False)].error_text or by[('sync', False)].differences}",
                )
            if (_error_name(strict), str(strict.error)) != (
                _error_name(by[("sync", True)]),
                str(by[("sync", True)].error),
            ):
                row.problem(
                    "calls",
                    f"strict async: {strict.error_text}; strict sync: {by[('sync', True)].error_text}",
                )
            continue
        if lenient.error is not None:
            if not (
                isinstance(lenient.error, errors.ResponseValidationError)
                and "empty body" in str(lenient.error)
            ):
                row.problem("lenient", f"the client raised {lenient.error_text}")
                continue
            row.explain(differences, "response", response_places(status, ["body: empty body"]))
            row.lenient = f"no: {status} with an empty body"
            if type(strict.error) is not type(lenient.error):
                row.problem(
                    "strict",
                    f"{strict.error_text or 'no error'}, where lenient raised {lenient.error_text}",
                )
            row.strict = f"fails: {status} with an empty body"
            continue
        places = response_places(status, lenient.differences)
        row.explain(differences, "response", places)
        shown = sorted({p.field or "the body" for p in places})
        row.lenient = (
            "yes" if not places else f"yes; {len(shown)} field(s) differ: " + ", ".join(shown)
        )
        if not places:
            if strict.error is not None:
                row.problem(
                    "strict", f"{strict.error_text}, where lenient reading found no difference"
                )
            elif _kind(strict.result) != _kind(lenient.result):
                row.problem(
                    "strict",
                    f"strict returned {_kind(strict.result)}, lenient {_kind(lenient.result)}",
                )
            row.strict = f"passes ({_kind(strict.result)})"
            continue
        if not isinstance(strict.error, errors.ResponseValidationError):
            row.problem(
                "strict", f"{strict.error_text or 'no error'}, where lenient reading found {shown}"
            )
            continue
        named = strict_field(str(strict.error))
        if named not in {p.field for p in places}:
            row.problem(
                "strict", f"failed at {named!r}, which lenient reading did not log ({shown})"
            )
        row.strict = "fails: " + _short(
            str(strict.error).split("does not match the API schema: ", 1)[-1], 80
        )
    return row


def markdown(rows: list[Row], *, header: str) -> str:
    """The table, then every recorded difference it cites: the entry, its reason and the
    findings of that entry the run observed."""
    notes: dict[tuple[str, str], int] = {}  # (entry key, reason) -> number
    lines_of: dict[int, list[str]] = defaultdict(list)
    findings: dict[int, list[str]] = defaultdict(list)
    cited: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        for side, _place, why in row.explained:
            if why is None:
                continue
            number = notes.setdefault((why.entry, why.reason), len(notes) + 1)
            if why.finding not in findings[number]:
                findings[number].append(why.finding)
            if why.location not in lines_of[number]:
                lines_of[number].append(why.location)
            if number not in cited[row.operation_id][side]:
                cited[row.operation_id][side].append(number)

    def refs(row: Row, side: str) -> str:
        return "".join(f" [[{n}]](#d{n})" for n in cited[row.operation_id][side])

    lines = [
        header.rstrip("\n"),
        "",
        "| operation | request accepted | response parsed (lenient) | strict |",
        "|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            f"`{row.operation_id}`<br>{row.method} `{row.path}`",
            row.request + refs(row, "request"),
            row.lenient + refs(row, "response"),
            row.strict,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "## The recorded differences cited above",
        "",
        "Each is an entry of spec/upstream-differences.yaml, with the findings of `sdkgen upstream`"
        " (the curated spec as base, the published schema as head) it allows that the run observed.",
        "",
    ]
    for (entry, reason), number in notes.items():
        files = sorted({x.rsplit(":", 1)[0] for x in lines_of[number]})
        numbers = ", ".join(sorted({x.rsplit(":", 1)[1] for x in lines_of[number]}, key=int))
        lines.append(
            f'{number}. <a id="d{number}"></a>`"{entry}"` ({", ".join(files)}, line {numbers}): {reason}'
        )
        lines.extend(f"   - `{finding}`" for finding in findings[number])
    return "\n".join(lines) + "\n"
