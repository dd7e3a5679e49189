"""x-pagination, x-long-running, x-cli, x-sdk-namespace and x-lint-waive."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml, with_queries


def test_long_running_and_cli_spec_is_clean(lint_yaml: LintYaml) -> None:
    assert lint_yaml(with_queries()).findings == []


def test_pagination_style(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("style: offset", "style: pages"))
    assert result.positions("x-pagination") == [result.at("pages")]


def test_pagination_response_properties(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: offset\n        items: entries\n        has-more: more\n"))
    assert result.positions("x-pagination") == [result.at("entries"), result.at("more\n")]
    assert result.messages("x-pagination")[0] == "the 200 response of GET /items/ has no property 'entries' (items)"


def test_pagination_query_parameters(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("style: offset", "style: page"))
    assert result.positions("x-pagination") == [result.at("style: page")]
    assert result.messages("x-pagination") == ["page pagination needs the query parameter 'page', which GET /items/ does not declare"]


def test_pagination_token_and_link_styles(lint_yaml: LintYaml) -> None:
    # a token style names the parameter that takes the token, and where the token is
    result = lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: token\n        next-in: paging\n"))
    assert result.positions("x-pagination") == [result.at("style: token"), result.at("paging")]
    assert result.messages("x-pagination") == [
        "token pagination needs the query parameter 'page_token', which GET /items/ does not declare",
        "the 200 response of GET /items/ has no property 'paging' (next-in)",
    ]
    assert lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: token\n        token-param: offset\n")).findings == []
    assert lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: link\n")).findings == []
    # the counts in an object of the answer: that object, not `count`, is looked for
    counted = lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: offset\n        count-in: totals\n"))
    assert counted.messages("x-pagination") == ["the 200 response of GET /items/ has no property 'totals' (count-in)"]
    embedded = lint_yaml(CLEAN_SPEC.replace("style: offset\n", "style: offset\n        items-in: _embedded\n"))
    assert embedded.messages("x-pagination") == ["the 200 response of GET /items/ has no property '_embedded' (items-in)"]
    # false keeps an operation unpaged; anything else that is no mapping is refused
    assert lint_yaml(CLEAN_SPEC.replace("x-pagination:\n        style: offset\n", "x-pagination: false\n")).findings == []
    refused = lint_yaml(CLEAN_SPEC.replace("x-pagination:\n        style: offset\n", "x-pagination: true\n"))
    assert refused.messages("x-pagination") == ["x-pagination must be a mapping or false"]


def test_long_running_operations_exist(lint_yaml: LintYaml) -> None:
    result = lint_yaml(with_queries().replace("poll: queries_retrieve", "poll: queries_get").replace("cancel: queries_cancel", "cancel: stop"))
    assert result.positions("x-long-running") == [result.at("queries_get"), result.at("stop")]


def test_long_running_status_and_start(lint_yaml: LintYaml) -> None:
    spec = with_queries().replace("status: query_status", "status: state").replace("start: {mode: async}", "start: {speed: async}")
    result = lint_yaml(spec)
    assert result.positions("x-long-running") == [result.after("start: {speed: "), result.at("state")]


def test_long_running_status_fields_and_poll_params(lint_yaml: LintYaml) -> None:
    spec = with_queries().replace("status: query_status\n", "status: query_status\n        complete: done\n")
    spec = spec.replace("poll-params: {show_progress: true}", "poll-params: {verbose: true}")
    result = lint_yaml(spec)
    assert result.positions("x-long-running") == [result.at("done"), result.after("{verbose: ")]


def test_cli_argument_field_and_body(lint_yaml: LintYaml) -> None:
    spec = with_queries().replace("field: /query/sql", "field: /query/sequel").replace("body: {mode: blocking}", "body: {speed: 1}")
    result = lint_yaml(spec)
    assert result.positions("x-cli") == [result.at("/query/sequel"), result.after("body: {speed: ")]
    assert result.messages("x-cli")[0] == "the request body has no field '/query/sequel'"


def test_cli_name_and_wait(lint_yaml: LintYaml) -> None:
    spec = with_queries().replace("- name: run", "- name: ''").replace("    x-long-running:\n", "    x-not-long-running:\n")
    result = lint_yaml(spec)
    assert result.positions("x-cli") == [result.at("name: ''"), result.after("wait: ")]


def test_sdk_namespace(lint_yaml: LintYaml) -> None:
    retrieve = "      operationId: items_retrieve\n"
    result = lint_yaml(CLEAN_SPEC.replace(retrieve, retrieve + "      x-sdk-namespace: envs\n"))
    assert result.positions("x-sdk-namespace") == [result.at("envs")]


def test_server_aliases(lint_yaml: LintYaml) -> None:
    servers = (
        "servers:\n"
        "  - url: https://api.example.com\n"
        "    x-aliases: [https://ingest.example.com, 'ftp://files.example.com', https://API.example.com/]\n"
        "  - url: https://eu.example.com\n"
        "    x-aliases: [https://ingest.example.com]\n"
        "tags:\n"
    )
    result = lint_yaml(CLEAN_SPEC.replace("tags:\n", servers, 1))
    assert result.positions("x-aliases") == [
        result.at("'ftp://files.example.com'"),
        result.at("https://API.example.com/"),
        result.at("https://ingest.example.com", 2),
    ]
    fine = servers.replace(", 'ftp://files.example.com', https://API.example.com/", "").replace(
        "    x-aliases: [https://ingest.example.com]\n", "")
    assert "x-aliases" not in lint_yaml(CLEAN_SPEC.replace("tags:\n", fine, 1)).rules()


def test_lint_waive_shape(lint_yaml: LintYaml) -> None:
    retrieve = "      operationId: items_retrieve\n"
    waivers = "      x-lint-waive:\n        operation-summary: ''\n        no-such-rule: typo\n"
    result = lint_yaml(CLEAN_SPEC.replace(retrieve, retrieve + waivers))
    assert result.positions("x-lint-waive") == [result.at("''"), result.at("typo")]
