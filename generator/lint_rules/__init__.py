"""The lint rules: each module registers the rules of one area and the checks that report them."""

from __future__ import annotations

from . import (  # noqa: F401  (importing a module registers its rules)
    cli_shortcuts,
    examples,
    extensions,
    long_running,
    markdown,
    operations,
    pagination,
    paths,
    schemas,
    security,
    structure,
    text,
)
from .context import Context, Report
from .extensions import UNUSED_WAIVER, valid_waivers
from .registry import CHECKS, RULES, SEVERITIES, Rule

__all__ = ["CHECKS", "RULES", "SEVERITIES", "UNUSED_WAIVER", "Context", "Report", "Rule", "valid_waivers"]
