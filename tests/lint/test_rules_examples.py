"""example-valid: media type, parameter and schema examples against their schemas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from spec_builders import CLEAN_SPEC, LintYaml, add_schemas

from tests.conftest import ROOT


def test_media_type_example(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("count: 1\n", "count: many\n"))
    assert result.positions("example-valid") == [result.after("count: ")]
    assert result.messages("example-valid") == ["example does not match its schema (at /count): 'many' is not of type 'integer'"]


def test_request_example_may_leave_out_read_only_but_not_other_required(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("example: {name: First}", "example: {kind: small}"))
    assert result.positions("example-valid") == [result.at("{kind: small}")]
    assert result.messages("example-valid") == ["example does not match its schema: 'name' is a required property"]


def test_response_example_must_include_read_only(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("{id: a1, name: First, kind: small}", "{name: First}"))
    assert result.positions("example-valid") == [result.at("{name: First}")]


def test_named_examples_and_parameter_examples(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace(
        "      schema: {type: integer, minimum: 1}\n",
        "      schema: {type: integer, minimum: 1}\n      examples:\n        zero: {value: 0}\n",
    )
    result = lint_yaml(spec)
    assert result.positions("example-valid") == [result.after("zero: {value: ")]


def test_schema_example(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("count: {type: integer}", "count: {type: integer, example: lots}"))
    assert result.positions("example-valid") == [result.at("lots")]


def test_discriminator_picks_the_member_to_check(lint_yaml: LintYaml) -> None:
    # Both members accept any object: without the discriminator oneOf would fail on every example.
    spec = add_schemas(
        CLEAN_SPEC.replace("count: {type: integer}", "count: {type: integer}\n        pet: {$ref: '#/components/schemas/Pet'}"),
        """\
        Pet:
          oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
          discriminator: {propertyName: kind}
          example: {kind: Cat, lives: 9}
        Cat:
          type: object
          required: [kind]
          properties: {kind: {type: string}, lives: {type: integer}}
        Dog:
          type: object
          required: [kind]
          properties: {kind: {type: string}, good: {type: boolean}}
        """,
    )
    assert lint_yaml(spec).findings == []
    result = lint_yaml(spec.replace("lives: 9}", "lives: nine}"))
    assert result.positions("example-valid") == [result.at("nine")]


SPEC_30 = """\
openapi: 3.0.3
info: {title: Old API, version: '1'}
paths: {}
components:
  schemas:
    Note:
      type: object
      properties:
        text: {type: string, nullable: true}
        size: {type: integer, minimum: 0, exclusiveMinimum: true}
      example: {text: null, size: 0}
"""


def test_30_schemas_use_openapi_30_rules(lint_yaml: LintYaml) -> None:
    result = lint_yaml(SPEC_30)
    # nullable admits the null; draft-4 style exclusiveMinimum refuses the 0
    assert result.positions("example-valid") == [result.after("size: ", 2)]


def test_a_pattern_that_can_backtrack_for_ever_is_not_judged(tmp_path: Path) -> None:
    """beezup.com: a URL pattern with a repeat inside a repeat, and a schema example it does
    not match. Python's `re.search` takes an exponential time to say so, and `lint` never
    finished. Examples are judged as the mock server judges them: such a pattern is not
    judged; one that cannot backtrack so is (the slug). Run as a user runs it, with a
    deadline, so that a hang fails instead of stalling the suite."""
    url = r"'^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$'"
    spec = tmp_path / "openapi.yaml"
    spec.write_text(CLEAN_SPEC.replace(
        "        count: {type: integer}\n",
        "        count: {type: integer}\n"
        f"        url: {{type: string, pattern: {url}, example: 'https://www.example.com/a long path that ends with a mark!'}}\n"
        "        slug: {type: string, pattern: '^[a-z]+(-[a-z]+)*$', example: Not A Slug}\n",
    ), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "lint", str(spec), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    found = [(f["rule"], f["message"]) for f in json.loads(run.stdout)["findings"] if f["rule"] == "example-valid"]
    assert found == [("example-valid", "example does not match its schema: 'Not A Slug' does not match '^[a-z]+(-[a-z]+)*$'")]
