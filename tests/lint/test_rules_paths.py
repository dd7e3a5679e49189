"""Path templates, path parameters and duplicate parameters."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml, add_paths

from generator.lint_config import LintConfig


def _path(path: str, operation_id: str) -> str:
    return f"""\
{path}:
  get:
    operationId: {operation_id}
    tags: [items]
    summary: Something
    description: Something else.
    responses:
      '204':
        description: Nothing.
"""


def test_path_params_declared_and_used(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("/items/{item_id}/:", "/items/{id}/:"))
    assert sorted(result.positions("path-params")) == [result.at("name: item_id"), result.at("operationId: items_retrieve")]
    assert "path parameter {id} is not declared" in " ".join(result.messages("path-params"))


def test_parameter_unique(lint_yaml: LintYaml) -> None:
    limit = "        - $ref: '#/components/parameters/Limit'\n"
    result = lint_yaml(CLEAN_SPEC.replace(limit, limit * 2))
    assert result.positions("parameter-unique") == [result.at("$ref: '#/components/parameters/Limit'", 2)]


def test_path_query_string(lint_yaml: LintYaml) -> None:
    result = lint_yaml(add_paths(CLEAN_SPEC, _path("/search/?q=1", "search")))
    assert result.positions("path-query-string") == [result.at("get:\n      operationId: search")]


def test_path_trailing_slash_follows_the_majority(lint_yaml: LintYaml) -> None:
    result = lint_yaml(add_paths(CLEAN_SPEC, _path("/things", "things_list")))
    assert result.positions("path-trailing-slash") == [result.at("get:\n      operationId: things_list")]


def test_path_trailing_slash_configured_never(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC, config=LintConfig(trailing_slash="never"))
    assert len(result.positions("path-trailing-slash")) == 2


def test_path_ambiguous(lint_yaml: LintYaml) -> None:
    spec = add_paths(CLEAN_SPEC, _path("/items/{other_id}/", "items_other") + _path("/items/latest/", "items_latest"))
    result = lint_yaml(spec)
    # /items/latest/ is not ambiguous: a literal segment wins over a template
    assert result.positions("path-ambiguous") == [result.at("get:\n      operationId: items_other")]
    assert result.messages("path-ambiguous") == ["/items/{other_id}/ matches the same URLs as /items/{item_id}/"]
