"""BASE and HEAD in, every change out: the spec-level findings, the SDK-level changes and
the version bump they call for."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import semver
from ..diagnostics import Diagnostic
from .sdk import SdkChange, diff_apis, verdict
from .source import Side
from .spec import Finding, Options, diff_documents


@dataclass
class DiffResult:
    base: str  # how each side was named
    head: str
    findings: list[Finding]
    sdk: list[SdkChange] | None = None  # None: the SDK level was not compared
    bump: str | None = None  # what the SDK-level changes call for (None: nothing changed)
    version: str | None = None  # the package's current (last released) version, when known
    package: str | None = None  # the generated package's import name
    #: labels of the two sides in messages: ("base", "head") for diff, ("spec", "upstream")
    sides: tuple[str, str] = ("base", "head")
    #: upstream: findings a recorded difference allows (not reported), and stale entries
    allowed: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: what reading the sides warned of: a $ref to a schema a side does not hold, read as
    #: any value, as `generate` reads it
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def next_version(self) -> str | None:
        if self.version is None:
            return None
        try:
            return semver.next_version(self.version, self.bump)
        except ValueError:
            return None

    @property
    def effective_bump(self) -> str | None:
        if self.version is None:
            return self.bump
        try:
            return semver.effective_bump(self.version, self.bump)
        except ValueError:
            return self.bump

    def counts(self) -> dict[str, int]:
        return {level: sum(f.level == level for f in self.findings) for level in ("breaking", "warning", "info")}

    def fails(self, fail_on: str | None) -> bool:
        """Whether the result fails `--fail-on breaking|warning|info` (SDK major changes are breaking)."""
        if fail_on in (None, "none"):
            return False
        levels = {"breaking": ("breaking",), "warning": ("breaking", "warning"),
                  "info": ("breaking", "warning", "info")}[fail_on]
        if any(f.level in levels for f in self.findings):
            return True
        if self.sdk and any(c.bump == "major" for c in self.sdk):
            return True
        return fail_on == "info" and bool(self.sdk)


def compare(base: Side, head: Side, *, sdk: bool = True, options: Options | None = None) -> DiffResult:
    """Compare two loaded sides. The SDK level parses both (SpecError when a side cannot be)."""
    findings = diff_documents(base.doc, head.doc, options)
    result = DiffResult(base.label, head.label, findings)
    release = head.release or base.release
    if release is not None:
        result.version = release.get("version") if isinstance(release.get("version"), str) else None
    if sdk:
        from ..missing_schemas import parse_standing_in

        (base_api, base_warnings), (head_api, head_warnings) = parse_standing_in(base.doc), parse_standing_in(head.doc)
        result.warnings = base_warnings + head_warnings
        result.sdk = diff_apis(base_api, head_api, base.doc, head.doc,
                               documents_differ=base.doc.data != head.doc.data, spec_changes=len(findings))
        result.bump = verdict(result.sdk)
        result.package = head_api.sdk.package_name
    return result
