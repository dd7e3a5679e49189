"""Spec lint: openapi-spec-validator plus the project's own rules, at source positions.

The rules live in generator/lint_rules/ (one module per area); this module runs
them and applies the configuration and the spec's `x-lint-waive` waivers. Findings
are diagnostics (generator/diagnostics.py prints them for people and CI systems).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .diagnostics import REF, Diagnostic, SpecError
from .lint_config import LintConfig, config_for
from .lint_rules import CHECKS, RULES, UNUSED_WAIVER, Context, Report, valid_waivers
from .load import Refused, escape_pointer, load
from .validate import check_version

#: findings about waivers cannot themselves be waived
_NOT_WAIVABLE = frozenset({"x-lint-waive", UNUSED_WAIVER.id})


def lint(
    spec: Path, config: LintConfig | None = None, allow_ref_roots: Iterable[str | os.PathLike[str]] = ()
) -> list[Diagnostic]:
    """Every finding on the spec at `spec`, sorted; raises SpecError when it cannot be read
    (and for input the loader refuses: a $ref outside the allowed folders, a limit passed)."""
    config = config if config is not None else config_for(Path(spec))
    try:
        doc = load(spec, allow_ref_roots)
    except Refused:
        raise
    except SpecError as exc:
        finding = _unresolved_reference(exc, config)
        if finding is None:
            raise
        return [finding]
    context = Context(doc, check_version(doc), config.options)
    for check in CHECKS:
        if any(config.severity(rule) != "off" for rule in check.rules):
            check.run(context)
    reports = list(dict.fromkeys(context.reports))  # one finding per place and message
    kept, unused = _apply_waivers(reports, context.index.waivers, config)
    reports = kept + unused
    reports = [r for r in reports if config.severity(RULES[r.rule]) != "off"]
    locations = doc.locate_all_precisely(r.pointer for r in reports)
    findings = [
        Diagnostic(where, config.severity(RULES[r.rule]), r.rule, doc.as_written(r.message), r.pointer)
        for r, where in zip(reports, locations, strict=True)
    ]
    return sorted(findings)


def _unresolved_reference(exc: SpecError, config: LintConfig) -> Diagnostic | None:
    """The loader stops at the first $ref into a missing file or key: a finding rather than a failure."""
    rule = RULES["ref-resolves"]
    first = exc.diagnostics[0]
    if first.code == REF.id and config.severity(rule) != "off":
        return Diagnostic(first.location, config.severity(rule), rule.id, first.message, first.pointer)
    return None


def _apply_waivers(reports: list[Report], waivers: dict[str, Any], config: LintConfig) -> tuple[list[Report], list[Report]]:
    """(reports not waived, reports of waivers that waived nothing)."""
    by_pointer = {pointer: valid_waivers(value) for pointer, value in waivers.items()}
    used: set[tuple[str, str]] = set()
    kept = []
    for report in reports:
        waiver = None if report.rule in _NOT_WAIVABLE else _waiver_for(report, by_pointer)
        if waiver is None:
            kept.append(report)
        else:
            used.add(waiver)
    unused = [
        Report(UNUSED_WAIVER.id, f"{pointer}/x-lint-waive/{escape_pointer(rule_id)}", f"nothing here is reported by {rule_id!r}; remove the waiver")
        for pointer, entries in by_pointer.items()
        for rule_id in entries
        if (pointer, rule_id) not in used and config.severity(RULES[rule_id]) != "off"
    ]
    return kept, unused


def _waiver_for(report: Report, by_pointer: dict[str, dict[str, str]]) -> tuple[str, str] | None:
    """The (object pointer, rule) of the waiver on the reported node or its nearest waiving ancestor."""
    pointer = report.pointer
    while True:
        if report.rule in by_pointer.get(pointer, ()):
            return pointer, report.rule
        if not pointer:
            return None
        pointer = pointer.rsplit("/", 1)[0]
