"""The catalogue of lint rules and the checks that produce their findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import CODES, SEVERITIES, Code, code

if TYPE_CHECKING:
    from .context import Context

#: a lint rule is a diagnostic code (its default severity may be changed in pyproject.toml)
Rule = Code


@dataclass(frozen=True)
class Check:
    rules: tuple[Rule, ...]  # the rules it may report; it is skipped when all are off
    run: Callable[[Context], None]


#: the lint rules (diagnostic codes that a lint check reports)
RULES: dict[str, Rule] = {}
CHECKS: list[Check] = []


def rule(rule_id: str, severity: str, summary: str) -> Rule:
    RULES[rule_id] = code(rule_id, severity, summary)
    return RULES[rule_id]


def adopt(existing: Code) -> Rule:
    """A code another stage reports (validation) that lint reports too."""
    RULES[existing.id] = existing
    return existing


__all__ = ["CHECKS", "CODES", "RULES", "SEVERITIES", "Check", "Rule", "adopt", "rule"]


def check(*rules: Rule) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register a check function that reports findings of `rules`."""

    def register(run: Callable[[Context], None]) -> Callable[[Context], None]:
        CHECKS.append(Check(rules, run))
        return run

    return register
