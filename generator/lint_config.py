"""Lint settings from `[tool.sdkgen.lint]` in the pyproject.toml nearest the spec.

    [tool.sdkgen.lint]
    rules = { "unused-component" = "off", "path-trailing-slash" = "error" }
    trailing-slash = "always"   # auto (the spec's majority decides), always or never
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from .diagnostics import Location, SpecError
from .lint_rules import RULES, Rule

SEVERITIES = ("error", "warning", "info", "off")
TRAILING_SLASH = ("auto", "always", "never")
_KEYS = {"rules", "trailing-slash"}


@dataclass(frozen=True)
class LintConfig:
    rules: dict[str, str] = field(default_factory=dict)  # rule id -> severity or "off"
    trailing_slash: str = "auto"
    source: str = ""  # the file it was read from, if any

    def severity(self, rule: Rule) -> str:
        return self.rules.get(rule.id, rule.severity)

    @property
    def options(self) -> dict[str, Any]:
        """What the checks may read."""
        return {"trailing-slash": self.trailing_slash}


def nearest_pyproject(spec: Path) -> Path | None:
    start = Path(spec).resolve().parent
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(pyproject: Path) -> LintConfig:
    """The settings in `pyproject`; a mistake there is a SpecError naming the file."""
    where = Location(str(pyproject))
    try:
        with open(pyproject, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise SpecError(f"cannot read lint configuration: {exc.strerror}", where) from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"invalid TOML: {exc}", where) from None
    table = data.get("tool", {}).get("sdkgen", {}).get("lint", {})
    if not isinstance(table, dict):
        raise SpecError("[tool.sdkgen.lint] must be a table", where)
    for key in table:
        if key not in _KEYS:
            raise SpecError(f"[tool.sdkgen.lint] has no setting {key!r} (known: {', '.join(sorted(_KEYS))})", where)
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise SpecError("[tool.sdkgen.lint] rules must be a table of rule id = severity", where)
    for rule_id, severity in rules.items():
        if rule_id not in RULES:
            raise SpecError(f"[tool.sdkgen.lint] rules: unknown rule {rule_id!r}", where)
        if severity not in SEVERITIES:
            raise SpecError(f"[tool.sdkgen.lint] rules: {rule_id} = {severity!r} is not one of {', '.join(SEVERITIES)}", where)
    trailing_slash = table.get("trailing-slash", "auto")
    if trailing_slash not in TRAILING_SLASH:
        raise SpecError(f"[tool.sdkgen.lint] trailing-slash = {trailing_slash!r} is not one of {', '.join(TRAILING_SLASH)}", where)
    return LintConfig(dict(rules), trailing_slash, str(pyproject))


def config_for(spec: Path) -> LintConfig:
    """The configuration that applies to `spec`: the nearest pyproject.toml's, else the defaults."""
    pyproject = nearest_pyproject(spec)
    return load_config(pyproject) if pyproject else LintConfig()
