"""The curated spec is clean, and the linter copes with every spec of the shared corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.lint import lint
from generator.lint_config import LintConfig

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_SPECS = sorted(p for p in CORPUS.glob("*") if p.suffix in (".yaml", ".yml", ".json")) if CORPUS.is_dir() else []


def test_curated_spec_has_no_findings() -> None:
    findings = lint(REPO / "spec" / "openapi.yaml")
    assert [f"{f.location}: {f.severity} [{f.code}] {f.message}" for f in findings] == []


@pytest.mark.slow  # a few seconds in all: openapi-spec-validator takes ~1 s on each big spec
@pytest.mark.skipif(not CORPUS_SPECS, reason=f"the shared corpus is not checked out at {CORPUS}")
@pytest.mark.parametrize("spec", CORPUS_SPECS, ids=lambda p: p.name)
def test_corpus_spec_lints_without_crashing(spec: Path) -> None:
    started = time.perf_counter()
    findings = lint(spec, LintConfig())  # Swagger 2.0 ones in their OpenAPI 3.0 form
    assert all(f.location.file and f.code and f.message for f in findings)
    # ~2 s on the biggest (3 MB); a quadratic rule would take minutes
    assert time.perf_counter() - started < 30, "lint must stay linear in the size of the spec"
