"""Fixtures of the lint tests: lint YAML text written under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from spec_builders import Linted, LintYaml

from generator.lint import lint
from generator.lint_config import LintConfig


@pytest.fixture
def lint_yaml(tmp_path: Path) -> LintYaml:
    """Write the spec (and any extra files) under tmp_path and lint it with default settings."""

    def run(text: str, files: dict[str, str] | None = None, config: LintConfig | None = None) -> Linted:
        for name, content in (files or {}).items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(content)
        spec = tmp_path / "openapi.yaml"
        spec.write_text(text)
        return Linted(text, lint(spec, config or LintConfig()))

    return run

