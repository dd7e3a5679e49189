"""Spec lint: openapi-spec-validator plus the project's own rules, at source positions.

The rules live in generator/lint_rules/ (one module per area); this module runs
them, applies the configuration and the spec's `x-lint-waive` waivers, and
renders the findings for people (text) and CI systems (json, github, sarif).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .errors import Location, SpecError
from .lint_config import LintConfig, config_for
from .lint_rules import CHECKS, RULES, UNUSED_WAIVER, Context, Report, valid_waivers
from .load import escape_pointer, load
from .validate import check_version

#: findings about waivers cannot themselves be waived
_NOT_WAIVABLE = frozenset({"x-lint-waive", UNUSED_WAIVER.id})


@dataclass(frozen=True, order=True)
class Finding:
    location: Location
    severity: str  # error, warning, info
    rule: str
    message: str
    pointer: str = ""


def lint(spec: Path, config: LintConfig | None = None) -> list[Finding]:
    """Every finding on the spec at `spec`, sorted; raises SpecError when it cannot be read."""
    config = config if config is not None else config_for(Path(spec))
    try:
        doc = load(spec)
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
    findings = [
        Finding(doc.locate_precisely(r.pointer), config.severity(RULES[r.rule]), r.rule, r.message, r.pointer)
        for r in reports
        if config.severity(RULES[r.rule]) != "off"
    ]
    return sorted(findings)


def _unresolved_reference(exc: SpecError, config: LintConfig) -> Finding | None:
    """The loader stops at the first $ref into a missing file or key: a finding rather than a failure."""
    rule = RULES["ref-resolves"]
    # The loader has no error codes; its wording for this case is pinned by a test.
    if "cannot be resolved" in exc.message and exc.location is not None and config.severity(rule) != "off":
        return Finding(exc.location, config.severity(rule), rule.id, exc.message, exc.pointer)
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


# --------------------------------------------------------------------------
# Output


def render_findings(findings: list[Finding], fmt: str) -> str:
    renderers = {"text": _text, "json": _json, "github": _github, "sarif": _sarif}
    return renderers[fmt](sorted(findings))


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {severity: sum(f.severity == severity for f in findings) for severity in ("error", "warning", "info")}


def _position(location: Location) -> str:
    return f"{location.file}:{location.line}:{location.col}" if location.line else location.file


def _text(findings: list[Finding]) -> str:
    lines = [f"{_position(f.location)}: {f.severity} [{f.rule}] {f.message}\n" for f in findings]
    counts = _counts(findings)
    lines.append(
        f"{len(findings)} finding(s): {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info\n"
    )
    return "".join(lines)


def _json(findings: list[Finding]) -> str:
    return json.dumps(
        {
            "findings": [
                {
                    "file": f.location.file,
                    "line": f.location.line,
                    "column": f.location.col,
                    "severity": f.severity,
                    "rule": f.rule,
                    "message": f.message,
                    "pointer": f.pointer,
                }
                for f in findings
            ],
            "counts": _counts(findings),
        },
        indent=2,
    ) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""
    lines = []
    for f in findings:
        command = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = [f"file={_github_escape(f.location.file, True)}"]
        if f.location.line:
            props += [f"line={f.location.line}", f"col={f.location.col}"]
        props.append(f"title={_github_escape(f.rule, True)}")
        lines.append(f"::{command} {','.join(props)}::{_github_escape(f'[{f.rule}] {f.message}')}\n")
    return "".join(lines)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif(findings: list[Finding]) -> str:
    """SARIF 2.1.0, which GitHub code scanning accepts (github/codeql-action/upload-sarif)."""
    rule_ids = sorted(RULES)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [
        {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": RULES[rule_id].summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[rule_id].severity]},
        }
        for rule_id in rule_ids
    ]
    results = []
    for f in findings:
        physical: dict[str, Any] = {"artifactLocation": _artifact(f.location.file)}
        if f.location.line:
            physical["region"] = {"startLine": f.location.line, "startColumn": max(f.location.col, 1)}
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _SARIF_LEVEL.get(f.severity, "note"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": physical}],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "sdkgen-lint", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _artifact(file: str) -> dict[str, str]:
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}

