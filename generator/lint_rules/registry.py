"""The catalogue of lint rules and the checks that produce their findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Context

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the default; pyproject.toml may change it or switch the rule off
    summary: str  # one line, shown in SARIF and `--format json`


@dataclass(frozen=True)
class Check:
    rules: tuple[Rule, ...]  # the rules it may report; it is skipped when all are off
    run: Callable[[Context], None]


RULES: dict[str, Rule] = {}
CHECKS: list[Check] = []


def rule(rule_id: str, severity: str, summary: str) -> Rule:
    assert severity in SEVERITIES and rule_id not in RULES, rule_id
    RULES[rule_id] = Rule(rule_id, severity, summary)
    return RULES[rule_id]


def check(*rules: Rule) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register a check function that reports findings of `rules`."""

    def register(run: Callable[[Context], None]) -> Callable[[Context], None]:
        CHECKS.append(Check(rules, run))
        return run

    return register
