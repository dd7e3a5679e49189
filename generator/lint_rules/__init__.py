"""The lint rules: each module registers the rules of one area and the checks that report them."""

from __future__ import annotations

from . import examples, extensions, markdown, operations, paths, schemas, security, structure  # noqa: F401  (registers)
from .context import Context, Report
from .extensions import valid_waivers
from .registry import CHECKS, RULES, SEVERITIES, UNUSED_WAIVER, Rule

__all__ = ["CHECKS", "RULES", "SEVERITIES", "UNUSED_WAIVER", "Context", "Report", "Rule", "valid_waivers"]
