"""Output formats and the `lint` command's exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from spec_builders import CLEAN_SPEC, Linted

from generator.cli import main
from generator.diagnostics import CODES, Location
from generator.diagnostics import Diagnostic as Finding
from generator.diagnostics import render as render_findings
from generator.lint import lint
from generator.lint_config import LintConfig
from generator.lint_rules import RULES

FINDINGS = [
    Finding(Location("spec/paths/b.yaml", 7, 3), "warning", "operation-summary", "GET /b/ has no summary", "/paths/~1b~1/get"),
    Finding(Location("spec/openapi.yaml", 12, 5), "error", "operation-id", "GET /a/ has no operationId, really", "/paths/~1a~1/get"),
    Finding(Location("spec/openapi.yaml", 3, 1), "info", "tag-description", "tag 'a' has no description", "/tags/0"),
]


def test_text_is_sorted_with_a_count_line() -> None:
    assert render_findings(FINDINGS, "text").splitlines() == [
        "spec/openapi.yaml:3:1: info [tag-description] tag 'a' has no description",
        "spec/openapi.yaml:12:5: error [operation-id] GET /a/ has no operationId, really",
        "spec/paths/b.yaml:7:3: warning [operation-summary] GET /b/ has no summary",
        "3 finding(s): 1 error(s), 1 warning(s), 1 info",
    ]


def test_json() -> None:
    data = json.loads(render_findings(FINDINGS, "json"))
    assert data["counts"] == {"error": 1, "warning": 1, "info": 1}
    assert data["findings"][1] == {
        "file": "spec/openapi.yaml", "line": 12, "column": 5, "severity": "error", "rule": "operation-id",
        "message": "GET /a/ has no operationId, really", "pointer": "/paths/~1a~1/get",
    }


def test_github_annotations() -> None:
    lines = render_findings(FINDINGS, "github").splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)$")
    parsed = [pattern.match(line).groups() for line in lines]  # type: ignore[union-attr]
    assert parsed[1] == ("error", "spec/openapi.yaml", "12", "5", "operation-id", "[operation-id] GET /a/ has no operationId, really")
    assert [p[0] for p in parsed] == ["notice", "error", "warning"]


def test_sarif_for_code_scanning() -> None:
    log = json.loads(render_findings(FINDINGS, "sarif"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(CODES) and set(RULES) <= set(CODES)
    result = run["results"][1]
    assert result["ruleId"] == "operation-id" and rules[result["ruleIndex"]]["id"] == "operation-id"
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "spec/openapi.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 12, "startColumn": 5},
    }
    assert run["results"][0]["level"] == "note"


def test_every_rule_has_an_id_a_default_severity_and_a_summary() -> None:
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id)
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary and "\n" not in rule.summary


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.output


def test_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(CLEAN_SPEC)
    warned = tmp_path / "warned.yaml"
    warned.write_text(CLEAN_SPEC.replace("      summary: Get an item\n", ""))
    broken = tmp_path / "broken.yaml"
    broken.write_text(CLEAN_SPEC.replace("operationId: items_create", "operationId: items_list"))
    assert _cli(str(clean))[0] == 0
    assert _cli(str(warned))[0] == 0
    assert _cli(str(broken))[0] == 1
    code, output = _cli(str(tmp_path / "missing.yaml"))
    assert code == 2 and "file not found" in output and "Traceback" not in output


def test_cli_config_option(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(CLEAN_SPEC.replace("      summary: Get an item\n", ""))
    config = tmp_path / "lint.toml"
    config.write_text('[tool.sdkgen.lint]\nrules = { "operation-summary" = "error" }\n')
    code, output = _cli(str(spec), "--config", str(config), "--format", "github")
    assert code == 1 and output.startswith("::error ")
    config.write_text('[tool.sdkgen.lint]\nrules = { "operation-summary" = "loud" }\n')
    code, output = _cli(str(spec), "--config", str(config))
    assert code == 2 and "'loud' is not one of" in output


def test_every_rule_is_exercised_by_a_test() -> None:
    sources = "".join(path.read_text() for path in Path(__file__).parent.glob("test_*.py"))
    untested = [rule_id for rule_id in RULES if f'"{rule_id}"' not in sources]
    assert untested == []


def test_json_specs_get_lines_and_columns(tmp_path: Path) -> None:
    """A JSON spec is read with the json module (fast, no positions); lint finds the
    positions of its findings by reading the file again as YAML, only when it has some."""
    data = yaml.safe_load(CLEAN_SPEC)
    first = next(iter(data["paths"].values()))
    operation = next(v for k, v in first.items() if k in ("get", "post"))
    operation["operationId"] = "NotSnake"
    spec = tmp_path / "openapi.json"
    text = json.dumps(data, indent=2)
    spec.write_text(text)
    findings = [f for f in lint(spec, LintConfig()) if f.code == "operation-id-snake-case"]
    assert len(findings) == 1
    linted = Linted(text, findings)
    line, col = linted.after('"operationId": ')
    assert (findings[0].location.line, findings[0].location.col) == (line, col)
    github = render_findings(findings, "github")
    assert f"line={line},col={col}" in github
