"""Operation ids, texts, tags and responses."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml


def test_clean_spec_has_no_findings(lint_yaml: LintYaml) -> None:
    assert lint_yaml(CLEAN_SPEC).findings == []


def test_operation_id_missing(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("      operationId: items_retrieve\n", ""))
    assert result.positions("operation-id") == [result.at("tags: [items]", 3)]


def test_operation_id_unique(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("operationId: items_create", "operationId: items_list"))
    assert result.positions("operation-id-unique") == [result.at("items_list", 2)]
    assert result.messages("operation-id-unique") == ["operationId 'items_list' is also used by GET /items/"]


def test_operation_id_snake_case(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("operationId: items_list", "operationId: listItems"))
    assert result.positions("operation-id-snake-case") == [result.at("listItems")]


def test_operation_summary_and_description(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace("      summary: Get an item\n", "").replace("      description: Reads one item.\n", "")
    result = lint_yaml(spec)
    assert result.positions("operation-summary") == [result.at("operationId: items_retrieve")]
    assert result.positions("operation-description") == [result.at("operationId: items_retrieve")]


def test_operation_single_tag_and_tag_defined(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("tags: [items]\n      summary: Get", "tags: [items, other]\n      summary: Get"))
    assert result.positions("operation-single-tag") == [result.at("[items, other]")]
    assert result.positions("operation-tag-defined") == [result.at("other]")]


def test_tag_description(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("    description: Things we keep.\n", ""))
    assert result.positions("tag-description") == [result.at("name: items")]


def test_operation_success_response(lint_yaml: LintYaml) -> None:
    retrieve_200 = """\
        '200':
          description: The item.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
        '404':"""
    assert retrieve_200 in CLEAN_SPEC
    result = lint_yaml(CLEAN_SPEC.replace(retrieve_200, "        '404':"))
    assert result.positions("operation-success-response") == [result.at("'404':")]


def test_error_response_description(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("description: No such item.", "description: ''"))
    assert result.positions("error-response-description") == [result.at("description: ''")]
