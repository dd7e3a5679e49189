"""[tool.sdkgen.lint] in pyproject.toml, and x-lint-waive in the spec."""

from __future__ import annotations

from pathlib import Path

import pytest
from spec_builders import CLEAN_SPEC, LintYaml

from generator.diagnostics import SpecError
from generator.lint import lint
from generator.lint_config import LintConfig, config_for, load_config

NO_SUMMARY = CLEAN_SPEC.replace("      summary: Get an item\n", "")
RETRIEVE = "      operationId: items_retrieve\n"


def _write(folder: Path, spec: str, pyproject: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if pyproject is not None:
        (folder.parent / "pyproject.toml").write_text(pyproject)
    path = folder / "openapi.yaml"
    path.write_text(spec)
    return path


def test_pyproject_nearest_the_spec_switches_rules_off_and_changes_severities(tmp_path: Path) -> None:
    pyproject = '[tool.sdkgen.lint]\nrules = { "operation-summary" = "error", "operation-description" = "off" }\n'
    spec = _write(tmp_path / "spec", NO_SUMMARY.replace("      description: Reads one item.\n", ""), pyproject)
    findings = lint(spec)
    assert [(f.code, f.severity) for f in findings] == [("operation-summary", "error")]


def test_without_configuration_the_defaults_apply(tmp_path: Path) -> None:
    spec = _write(tmp_path / "spec", NO_SUMMARY, "[project]\nname = 'x'\n")
    assert config_for(spec) == LintConfig(source=str(tmp_path / "pyproject.toml"))
    assert [(f.code, f.severity) for f in lint(spec)] == [("operation-summary", "warning")]


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ('rules = { "no-such-rule" = "off" }', "unknown rule 'no-such-rule'"),
        ('rules = { "operation-summary" = "fatal" }', "is not one of error, warning, info, off"),
        ('trailing-slash = "sometimes"', "trailing-slash = 'sometimes'"),
        ('colour = "blue"', "has no setting 'colour'"),
    ],
)
def test_configuration_mistakes_are_spec_errors(tmp_path: Path, table: str, complaint: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f"[tool.sdkgen.lint]\n{table}\n")
    with pytest.raises(SpecError) as raised:
        load_config(pyproject)
    assert complaint in raised.value.message


def test_waiver_on_the_reported_object(lint_yaml: LintYaml) -> None:
    waiver = "      x-lint-waive:\n        operation-summary: PostHog's docs give this one no summary.\n"
    assert lint_yaml(NO_SUMMARY.replace(RETRIEVE, RETRIEVE + waiver)).findings == []


def test_waiver_on_an_ancestor(lint_yaml: LintYaml) -> None:
    path_item = "  /items/{item_id}/:\n"
    waiver = "    x-lint-waive: {operation-summary: Generated from an old catalogue.}\n"
    assert lint_yaml(NO_SUMMARY.replace(path_item, path_item + waiver)).findings == []


def test_waiver_without_a_reason_does_not_waive(lint_yaml: LintYaml) -> None:
    result = lint_yaml(NO_SUMMARY.replace(RETRIEVE, RETRIEVE + "      x-lint-waive: {operation-summary: ''}\n"))
    assert result.rules() == {"operation-summary", "x-lint-waive"}
    assert result.positions("x-lint-waive") == [result.at("''")]


def test_waiver_for_nothing_is_reported(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace(RETRIEVE, RETRIEVE + "      x-lint-waive: {operation-summary: Not needed.}\n"))
    assert result.positions("unused-waiver") == [result.at("Not needed.")]


def test_waiver_for_a_rule_switched_off_is_not_unused(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace(RETRIEVE, RETRIEVE + "      x-lint-waive: {operation-summary: Not needed.}\n")
    assert lint_yaml(spec, config=LintConfig(rules={"operation-summary": "off"})).findings == []
