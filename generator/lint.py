"""Spec lint: openapi-spec-validator plus the project's own rules, with source positions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import Location
from .load import load
from .validate import check_version, validate


@dataclass(frozen=True, order=True)
class Finding:
    location: Location
    severity: str  # error, warning, info
    rule: str
    message: str
    pointer: str = ""


def lint(spec: Path) -> list[Finding]:
    doc = load(spec)
    check_version(doc)
    findings = [Finding(p.location, "error", "oas-schema", p.message, p.pointer) for p in validate(doc)]
    return sorted(findings)


def render_findings(findings: list[Finding], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [
                {"file": f.location.file, "line": f.location.line, "column": f.location.col, "severity": f.severity,
                 "rule": f.rule, "message": f.message, "pointer": f.pointer}
                for f in findings
            ],
            indent=2,
        ) + "\n"
    if fmt == "github":
        level = {"error": "error", "warning": "warning"}
        return "".join(
            f"::{level.get(f.severity, 'notice')} file={f.location.file},line={f.location.line},col={f.location.col},"
            f"title={f.rule}::{f.message}\n"
            for f in findings
        )
    lines = [f"{f.location}: {f.severity} [{f.rule}] {f.message}\n" for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    lines.append(f"{len(findings)} finding(s): {errors} error(s), {warnings} warning(s)\n")
    return "".join(lines)
