"""The curated spec against PostHog's published schema (`sdkgen upstream UPSTREAM`).

UPSTREAM is the document PostHog serves at /api/schema/ (or a part of it, such as
../shared/posthog-reference/subset.json). It is compared with `diff`'s engine, the
curated spec as BASE and the upstream document as HEAD, so "added" means PostHog has
something the curated spec does not and "removed" the other way round:

* operations: only those tagged with a tag the curated spec's operations use (PostHog
  tags each operation with its resource and with `environments` or `projects`);
* everything under them: parameters, bodies, responses, fields, types, enums, scopes;
* a lone `$ref` in an OpenAPI 3.0 document cannot say `nullable`, so null-ness is not
  compared there (PostHog's schema is 3.0; its generators drop `nullable` beside `$ref`).

Deliberate differences are data, with a reason each, in `upstream-differences.yaml`
beside the spec's root file (see that file's header for the format). A finding that an
entry allows is not reported; an entry that allows nothing any more is reported as stale
(`upstream-stale-difference`), located in that file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from .diagnostics import INPUT, Diagnostic, Location, SpecError, code

DIFFERENCES_FILE = "upstream-differences.yaml"
STALE = code("upstream-stale-difference", "warning",
             "a recorded difference from the upstream schema that no longer matches any difference")


@dataclass(frozen=True)
class Allowance:
    operation: str  # glob over "METHOD path" ("" and "*" also match document-level findings)
    pattern: str  # glob over the finding's line: "<where> <field>: <rule> <detail>"
    reason: str
    location: Location


def differences_path(spec: str | os.PathLike[str]) -> Path:
    return Path(spec).parent / DIFFERENCES_FILE


def glob(pattern: str, text: str) -> bool:
    """fnmatch with `*` and `?` as the only wildcards: brackets are literal."""
    return fnmatchcase(text, pattern.replace("[", "[[]"))


def load_differences(path: str | os.PathLike[str]) -> list[Allowance]:
    """The entries of a differences file, each located; SpecError when the file is not one."""
    import yaml  # type: ignore[import-untyped, unused-ignore]

    from .load import display_path

    shown = display_path(os.fspath(path))
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read the differences file: {exc}", Location(shown), code=INPUT) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        raise SpecError(f"invalid YAML: {getattr(exc, 'problem', exc)}", where, code=INPUT) from None
    if root is None:
        return []

    def at(node: Any) -> Location:
        return Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)

    def bad(node: Any, message: str) -> SpecError:
        return SpecError(message, at(node), code=INPUT)

    if not isinstance(root, yaml.MappingNode):
        raise bad(root, "expected a mapping of operation globs to lists of entries")
    found: list[Allowance] = []
    for key, value in root.value:
        operation = str(key.value)
        if not isinstance(value, yaml.SequenceNode):
            raise bad(value, f"{operation!r} must map to a list of entries")
        for entry in value.value:
            if not isinstance(entry, yaml.MappingNode):
                raise bad(entry, "an entry is a mapping with diff (or diffs) and reason")
            fields = {str(k.value): v for k, v in entry.value}
            reason_node = fields.get("reason")
            reason = str(reason_node.value).strip() if isinstance(reason_node, yaml.ScalarNode) else ""
            if not reason:
                raise bad(entry, f"an entry of {operation!r} has no reason")
            patterns: list[Any] = []
            if isinstance(fields.get("diff"), yaml.ScalarNode):
                patterns.append(fields["diff"])
            if isinstance(fields.get("diffs"), yaml.SequenceNode):
                patterns.extend(fields["diffs"].value)
            if not patterns:
                raise bad(entry, f"an entry of {operation!r} has no diff or diffs")
            for pattern in patterns:
                if not isinstance(pattern, yaml.ScalarNode) or not str(pattern.value):
                    raise bad(pattern, "a diff pattern is a non-empty string")
                found.append(Allowance(operation, str(pattern.value), reason, at(pattern)))
    return found


def matching(operation: str, line: str, allowances: list[Allowance]) -> Allowance | None:
    for allowance in allowances:
        if glob(allowance.operation, operation) and glob(allowance.pattern, line):
            return allowance
    return None


@dataclass
class Upstream:
    result: Any  # DiffResult: findings not allowed; `allowed` holds the others
    stale: list[Diagnostic]
    allowances: list[Allowance]
    matched: dict[int, Allowance]  # index in result.allowed -> the entry


def covered_tags(data: dict[str, Any]) -> frozenset[str]:
    from .diff.spec import _operations, _tags

    return frozenset(tag for _, _, op in _operations(data).values() for tag in _tags(op))


def compare_upstream(spec: Any, upstream: Any, allowances: list[Allowance]) -> Upstream:
    """Compare the curated spec (a diff Side) with the upstream document (a Side)."""
    from .diff.engine import DiffResult
    from .diff.spec import Options, diff_documents

    options = Options(tags=covered_tags(spec.doc.data), bare_ref_hides_nullable=True)
    findings = diff_documents(spec.doc, upstream.doc, options)
    shown, allowed = [], []
    used: set[Allowance] = set()
    for f in findings:
        hit = matching(f.operation, f.line, allowances)
        if hit is None:
            shown.append(f)
        else:
            allowed.append((f, hit))
            used.add(hit)
    result = DiffResult(spec.label, upstream.label, shown, sides=("spec", "upstream"))
    result.allowed = [f for f, _ in allowed]
    stale = [
        Diagnostic(a.location, STALE.severity, STALE.id, f"{a.operation} :: {a.pattern} allows nothing any more; "
                   "remove it (or fix the pattern)", "")
        for a in allowances if a not in used
    ]
    if allowed:
        result.notes.append(f"{len(allowed)} difference(s) allowed by {len(used)} recorded entr(ies) with reasons")
    return Upstream(result, stale, allowances, {i: hit for i, (_, hit) in enumerate(allowed)})
