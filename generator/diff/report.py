"""A diff's result printed: text (default), markdown (a pull-request comment or a changelog
section), json, github (workflow annotations) and sarif.

Findings become Diagnostics, printed by the one renderer every stage uses: the location
is the HEAD side's (for `upstream`, the curated spec's, which is what one edits), the
JSON pointer is the logical one (as if $refs were inlined), and the other side's
location is in the message (and in its own fields in json).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..diagnostics import Diagnostic, Location, render
from . import rules
from .engine import DiffResult
from .sdk import BUMP_ORDER, SdkChange
from .spec import Finding

FORMATS = ("text", "markdown", "json", "github", "sarif")
#: rows per level in markdown before "... and N more" (a PR comment holds 65,536 characters)
MARKDOWN_ROWS = 60


def _other(location: Location) -> str:
    return str(location) if location.file else ""


def group(findings: list[Finding]) -> list[tuple[Finding, list[Finding]]]:
    """Findings of one change written in one place (a property of a component that many
    operations use, say): (the first, all of them), in a stable order."""
    groups: dict[tuple[str, str, str, str], list[Finding]] = {}
    for f in sorted(findings, key=_finding_order):
        groups.setdefault((f.rule, f.head_node, f.base_node, f.detail), []).append(f)
    return [(members[0], members) for members in groups.values()]


def finding_diagnostic(f: Finding, primary: str = "head", members: list[Finding] | None = None) -> Diagnostic:
    """`primary` names the side whose location the diagnostic points at (head, or base for upstream)."""
    rule = rules.RULES[f.rule]
    location, pointer = (f.head_location, f.head_pointer) if primary == "head" else (f.base_location, f.base_pointer)
    other = f.base_location if primary == "head" else f.head_location
    text = f"{f.operation}: {f.message}" if f.operation else f.message
    if members and len(members) > 1:
        operations = len({m.operation for m in members})
        text += f" (also at {len(members) - 1} more place(s); {operations} operation(s) in all)"
    # the other side's place, unless the thing is new there (then it is only where it would go)
    if not (rule.kind == "existence" and rule.action == "add") or primary != "head":
        shown = _other(other)
        if shown:
            text += f" ({'base' if primary == 'head' else 'upstream'}: {shown})"
    return Diagnostic(location, rules.SEVERITY_OF_LEVEL[rule.level], f.rule, text, pointer)


def sdk_diagnostic(c: SdkChange) -> Diagnostic:
    location = c.head_location if c.head_location.file else c.base_location
    text = f"{c.bump}: {c.message}"
    return Diagnostic(location, rules.SEVERITY_OF_BUMP[c.bump], c.rule, text, c.head_pointer or c.base_pointer)


def diagnostics(result: DiffResult, primary: str = "head") -> list[Diagnostic]:
    """One diagnostic per change and place (see `group`), then one per SDK change."""
    found = [finding_diagnostic(f, primary, members) for f, members in group(result.findings)]
    found += [sdk_diagnostic(c) for c in result.sdk or []]
    return found


def render_result(result: DiffResult, fmt: str, *, primary: str = "head", extra: Iterable[Diagnostic] = ()) -> str:
    extra = list(extra)
    if fmt == "text":
        return _text(result, primary, extra)
    if fmt == "markdown":
        return markdown(result, extra=extra)
    if fmt == "json":
        return _json(result, primary, extra)
    return render(diagnostics(result, primary) + extra, fmt)


# -- text -----------------------------------------------------------------------------


def verdict_line(result: DiffResult) -> str:
    if result.sdk is None:
        return ""
    if result.bump is None:
        return "SDK: no change, no new version"
    part = result.effective_bump
    text = f"SDK version bump: {result.bump}"
    if part != result.bump:
        text += f" (a {part} bump while the version is 0.x)"
    if result.version and result.next_version:
        text += f", {result.version} -> {result.next_version}"
    return text


def summary_line(result: DiffResult) -> str:
    n = result.counts()
    what = "difference(s)" if result.sides == ("spec", "upstream") else "spec change(s)"
    places = len(group(result.findings))
    text = (f"{len(result.findings)} {what} at {places} place(s): {n['breaking']} breaking, {n['warning']} warning(s), "
            f"{n['info']} info")
    if result.sdk is not None:
        text += f"; {len(result.sdk)} SDK change(s)"
    return text


def _text(result: DiffResult, primary: str, extra: list[Diagnostic]) -> str:
    spec_level = [finding_diagnostic(f, primary, members) for f, members in group(result.findings)]
    lines = [render(spec_level + extra, "text", summary=False)]
    if result.sdk:
        lines.append(f"SDK changes ({result.package or 'package'}):\n")
        for c in sorted(result.sdk, key=_sdk_order):
            lines.append(f"  {c.bump:5}  {c.message} [{c.rule}]\n")
    for note in result.notes:
        lines.append(note + "\n")
    lines.append(summary_line(result) + "\n")
    verdict = verdict_line(result)
    if verdict:
        lines.append(verdict + "\n")
    return "".join(lines)


def _sdk_order(c: SdkChange) -> tuple[int, str, str, str]:
    return (-BUMP_ORDER[c.bump], c.subject, c.rule, c.message)


def _finding_order(f: Finding) -> tuple[str, str, str, str, str]:
    return (f.operation, f.where, f.field, f.rule, f.detail)


# -- json -------------------------------------------------------------------------------


def _where(location: Location, pointer: str) -> dict[str, object]:
    return {"file": location.file, "line": location.line, "column": location.col, "pointer": pointer}


def _json(result: DiffResult, primary: str, extra: list[Diagnostic]) -> str:
    findings = []
    for f in sorted(result.findings, key=lambda f: (finding_diagnostic(f, primary), _finding_order(f))):
        d = finding_diagnostic(f, primary)
        rule = rules.RULES[f.rule]
        findings.append({
            "file": d.location.file, "line": d.location.line, "column": d.location.col, "severity": d.severity,
            "rule": f.rule, "message": d.message, "pointer": d.pointer,
            "level": rule.level, "area": rule.area, "kind": rule.kind, "action": rule.action,
            "direction": rule.direction, "operation": f.operation, "where": f.where, "field": f.field,
            "detail": f.detail,
            "base": _where(f.base_location, f.base_pointer), "head": _where(f.head_location, f.head_pointer),
        })
    data: dict[str, object] = {
        "base": result.base,
        "head": result.head,
        "findings": findings,
        "counts": result.counts(),
    }
    if extra:
        data["problems"] = json.loads(render(extra, "json"))["findings"]
    if result.sdk is not None:
        data["sdk"] = {
            "package": result.package,
            "changes": [
                {"rule": c.rule, "bump": c.bump, "subject": c.subject, "message": c.message,
                 "base": _where(c.base_location, c.base_pointer), "head": _where(c.head_location, c.head_pointer)}
                for c in sorted(result.sdk, key=_sdk_order)
            ],
            "bump": result.bump,
            "effective_bump": result.effective_bump,
            "version": result.version,
            "next_version": result.next_version if result.version else None,
        }
    if result.allowed:
        data["allowed"] = len(result.allowed)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# -- markdown ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'")


def _code(text: str) -> str:
    return f"`{text.replace('`', chr(39))}`" if text else ""


def markdown(result: DiffResult, *, title: str | None = None, extra: Iterable[Diagnostic] = ()) -> str:
    """A pull-request comment: the verdict, then the changes by level (info folded)."""
    lines = [f"### {title or 'API changes'}: {_code(result.base)} → {_code(result.head)}", ""]
    n = result.counts()
    verdict = verdict_line(result)
    if verdict:
        lines.append(f"**{verdict}**")
        lines.append("")
    if not result.findings and not result.sdk:
        lines.append("No changes.")
        lines.append("")
    else:
        places = len(group(result.findings))
        lines.append(f"{n['breaking']} breaking, {n['warning']} warning(s), {n['info']} info"
                     f" ({len(result.findings)} finding(s) at {places} place(s) in the spec).")
        lines.append("")
    titles = {"breaking": "Breaking changes", "warning": "Warnings", "info": "Other changes"}
    for level in ("breaking", "warning", "info"):
        chosen = [(f, members) for f, members in group(result.findings) if f.level == level]
        if not chosen:
            continue
        rows = ["| operation | where | change | rule | location |", "| --- | --- | --- | --- | --- |"]
        for f, members in chosen[:MARKDOWN_ROWS]:
            where = " ".join(p for p in (f.where, f.field) if p)
            more = f" (+{len(members) - 1} more place(s))" if len(members) > 1 else ""
            rows.append(f"| {_code(f.operation) or '(document)'} | {_cell(where)} | {_cell(f.message + more)} | "
                        f"{_code(f.rule)} | {_cell(str(f.head_location))} |")
        if len(chosen) > MARKDOWN_ROWS:
            rows.append(f"| … | | and {len(chosen) - MARKDOWN_ROWS} more (`--format json` lists them all) | | |")
        count = sum(len(members) for _, members in chosen)
        counted = f"{count}" if count == len(chosen) else f"{count} at {len(chosen)} place(s)"
        if level == "info":
            lines += [f"<details><summary>{titles[level]} ({counted})</summary>", "", *rows, "", "</details>", ""]
        else:
            lines += [f"#### {titles[level]} ({counted})", "", *rows, ""]
    if result.sdk:
        lines += [f"#### SDK ({_code(result.package or 'package')})", "", "| bump | change | rule |", "| --- | --- | --- |"]
        changes = sorted(result.sdk, key=_sdk_order)
        for c in changes[:MARKDOWN_ROWS * 2]:
            lines.append(f"| {c.bump} | {_cell(c.message)} | {_code(c.rule)} |")
        if len(changes) > MARKDOWN_ROWS * 2:
            lines.append(f"| … | and {len(changes) - MARKDOWN_ROWS * 2} more | |")
        lines.append("")
    problems = list(extra)
    if problems:
        lines += ["#### Problems", ""]
        lines += [f"- {_cell(str(d))}" for d in sorted(problems)]
        lines.append("")
    for note in result.notes:
        lines += [note, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
