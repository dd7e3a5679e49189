"""The templates emit black's own layout: black leaves every piece of the curated and the
golden specs' output as it is. black.format_str formats a text twice when the first pass
changed it, so a template edit that breaks this doubles the formatting time of what it
touches (bench/black_stability.py shows the changes for any spec)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.format import black_changes
from generator.load import load
from generator.parse import parse
from generator.render import render

ROOT = Path(__file__).resolve().parents[2]
SPECS = [ROOT / "spec" / "openapi.yaml", ROOT / "tests" / "golden" / "petstore" / "openapi.yaml",
         ROOT / "tests" / "golden" / "coverage" / "openapi.yaml"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.parent.name if p.parent.name != "spec" else "curated")
def test_black_leaves_every_rendered_piece_as_it_is(spec: Path) -> None:
    report = black_changes(render(parse(load(spec))))
    changed = {path: diffs for path, (_, diffs) in report.items() if diffs}
    shown = [
        f"{path}:\n" + "\n".join(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1))
        for path, diffs in changed.items()
        for before, after in diffs[:1]
    ]
    assert not changed, "black changes rendered code:\n" + "\n".join(shown)
    assert sum(n for n, _ in report.values()) > 20  # the check looked at real output
