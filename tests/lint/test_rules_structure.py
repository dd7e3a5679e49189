"""oas-schema, ref-resolves, ref-siblings."""

from __future__ import annotations

import re

from spec_builders import CLEAN_SPEC, LintYaml

SPEC_30 = """\
openapi: 3.0.3
info: {title: Old API, version: '1'}
paths: {}
components:
  schemas:
    Holder:
      type: object
      properties:
        value:
          $ref: '#/components/schemas/Value'
          description: ignored in 3.0
    Value: {type: string}
"""


def test_oas_schema_reports_validator_problems_at_the_node(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("  version: '1.0'\n", ""))
    assert result.positions("oas-schema") == [result.at("title: Test API")]
    # the validator's own words (quoted the JSON way by the jsonschema-rs backend, the
    # Python way by the jsonschema one)
    assert re.search(r"""["']version["'] is a required property""", result.messages("oas-schema")[0])


def test_ref_resolves_local_reference(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("schemas/ItemPage'", "schemas/Missing'"))
    assert result.positions("ref-resolves") == [result.at("$ref: '#/components/schemas/Missing'")]
    assert "oas-schema" not in result.rules()  # the validator is not run on a broken document


def test_ref_resolves_reference_into_another_file(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace("$ref: '#/components/schemas/ItemPage'", "$ref: 'schemas.yaml#/Missing'")
    result = lint_yaml(spec, files={"schemas.yaml": "Present: {type: string}\n"})
    assert [(f.code, f.location.line, f.location.col) for f in result.findings] == [
        ("ref-resolves", *result.at("$ref: 'schemas.yaml#/Missing'"))
    ]


def test_ref_siblings_are_ignored_in_30(lint_yaml: LintYaml) -> None:
    result = lint_yaml(SPEC_30)
    assert result.positions("ref-siblings") == [result.at("ignored in 3.0")]


def test_ref_siblings_31_allows_summary_and_description_only(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace(
        "        - $ref: '#/components/parameters/Offset'\n",
        "        - $ref: '#/components/parameters/Offset'\n          description: fine in 3.1\n          required: false\n",
    ).replace(  # a 3.1 schema $ref is JSON Schema: siblings are allowed there
        "            $ref: '#/components/schemas/Item'\n", "            $ref: '#/components/schemas/Item'\n            description: fine\n", 1
    )
    result = lint_yaml(spec)
    assert result.positions("ref-siblings") == [result.at("false")]


def test_findings_point_into_the_split_files(lint_yaml: LintYaml) -> None:
    item_component = (
        "    Item:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string, readOnly: true}\n"
        "        name: {type: string}\n        kind:\n          type: [string, 'null']\n          enum: [small, large, null]\n"
    )
    assert item_component in CLEAN_SPEC
    root = CLEAN_SPEC.replace(item_component, "").replace("'#/components/schemas/Item'", "'schemas/items.yaml#/Item'")
    item = "# Items\nItem:\n  type: object\n  required: [id, name, colour]\n  properties:\n    id: {type: string, readOnly: true}\n    name: {type: string}\n"
    result = lint_yaml(root, files={"schemas/items.yaml": item})
    [finding] = [f for f in result.findings if f.code == "schema-required-defined"]
    assert (finding.location.line, finding.location.col) == (4, item.splitlines()[3].index("colour") + 1)
    assert finding.location.file.endswith("schemas/items.yaml")
