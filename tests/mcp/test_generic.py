"""The MCP runtime in this process: filters, search, result shaping, confirmation tokens;
and the same generator's server for other APIs (corpus specs), listed in both modes."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp")

import anyio  # noqa: E402
from mcp import Client  # noqa: E402

from posthog_api.mcp import _confirm, _results, _tools  # noqa: E402
from posthog_api.mcp.server import McpApp, Options  # noqa: E402
from tests.conftest import need_corpus  # noqa: E402

#: the search mode's listing stays under this many estimated tokens (characters / 4)
SEARCH_BUDGET_TOKENS = 2000


def _names(app: McpApp) -> list[str]:
    return [t.name for t in app.tools]


# -- filters and search --------------------------------------------------------------------


def test_read_only_keeps_only_tools_that_change_nothing() -> None:
    app = McpApp(Options(read_only=True))
    assert app.tools and all(t.read_only for t in app.tools)
    assert "query_run" in _names(app)  # needs only query:read
    assert not any(t.method == "DELETE" for t in app.tools)
    assert "insight_variables_partial_update" not in _names(app)


def test_tags_and_tool_patterns_select_tools() -> None:
    by_tag = McpApp(Options(tags=["Insight_Variables"]))  # tags match whatever the case
    assert len(by_tag.tools) == 5 and all(t.group == "insight_variables" for t in by_tag.tools)
    by_name = McpApp(Options(tools=["query_run,insight_variables_*"]))
    assert "query_run" in _names(by_name)
    assert {t.group for t in by_name.tools} == {"query", "insight_variables"}
    assert McpApp(Options(tools=["nothing_like_this"])).tools == []


def test_search_ranks_names_and_titles_first() -> None:
    tools = _tools.load()
    assert _tools.search(tools, "run query", 3)[0].name in ("query_run", "environments_query_run")
    assert _tools.search(tools, "delete insight variable", 1)[0].name == "insight_variables_destroy"
    assert _tools.search(tools, "recordings", 10)
    assert all("session_recordings" in t.name for t in _tools.search(tools, "recording", 5))


def test_a_server_reads_the_schemas_of_the_tools_it_offers_and_no_others(monkeypatch: pytest.MonkeyPatch) -> None:
    # a big API's input schemas are most of its table (Microsoft Graph: 23 MB of 29):
    # a server of some of the tools, or one that finds them by words, reads only theirs
    read: list[str] = []
    real = _tools._details.__wrapped__
    monkeypatch.setattr(_tools, "_details", lambda file: read.append(file) or real(file))
    by_tag = McpApp(Options(tags=["insight_variables"]))
    listed = by_tag.listed()
    assert {tool.name for tool in listed} == {t.name for t in by_tag.tools}
    assert all(tool.input_schema["type"] == "object" for tool in listed)
    assert set(read) == {"insight_variables.json"}
    read.clear()
    search = McpApp(Options(mode="search"))
    search.listed()
    assert "query_run" in search.search_text("run a query", 5)
    assert read == []
    found = anyio.run(search.call, "describe_operation", {"name": "query_run"}, _no_progress)
    assert "Arguments (JSON schema)" in found.content[0].text
    assert set(read) == {"query.json"}


def test_a_server_of_more_tools_than_clients_take_says_so_and_what_to_do(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from posthog_api.mcp import server

    monkeypatch.setattr(server, "MANY_TOOLS", 40)  # the curated API has 60 tools
    server.warn_about_the_tools(McpApp(Options()))
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"{len(_tools.load())} tools: many clients take at most 40")
    assert "--mode search" in warning and "--tags" in warning
    caplog.clear()
    for fewer in (Options(mode="search"), Options(tags=["query"])):
        server.warn_about_the_tools(McpApp(fewer))
    assert caplog.records == []
    server.warn_about_the_tools(McpApp(Options(tools=["nothing_like_this"])))
    assert "there are no tools" in caplog.records[0].getMessage()


# -- results ---------------------------------------------------------------------------------


def test_query_results_become_a_table_cut_with_a_note() -> None:
    data = {"columns": ["event", "count"], "results": [[f"event {i}", i] for i in range(1000)]}
    text = _results.shape(data, max_chars=600, more="narrow the query")
    assert text.startswith("results[")
    assert len(text.split("\n[")[0]) <= 600
    note = text.rsplit("\n", 1)[1]
    assert note.startswith("[showing ") and "of 1,000 rows" in note and "narrow the query" in note
    csv_text = _results.shape(data, max_chars=10_000, table_format="csv")
    assert csv_text.splitlines()[:2] == ["event,count", "event 0,0"]


def test_json_is_cut_to_size_and_says_how() -> None:
    data = {"name": "x" * 5000, "items": [{"deep": {"list": list(range(500))}}]}
    text = _results.shape(data, max_chars=1000)
    body, note = text.rsplit("\n", 1)
    assert len(body) <= 1000 and json.loads(body)["name"].endswith("…")
    assert note.startswith("[cut to fit 1,000 characters")
    assert _results.shape(None, max_chars=100) == "Done (no content)."


def test_a_model_is_shown_with_the_fields_the_server_sent() -> None:
    """Not the model's every field with null for those it lacks: a sparse object of a big
    API (Microsoft Graph's user declares over a hundred) spent the agent's tokens on nulls."""
    from posthog_api.models import InsightVariable

    sent = {"id": "01890000-0000-7000-8000-000000000001", "name": "Plan", "type": "String", "code_name": None}
    variable = InsightVariable.model_validate(sent)
    assert len(InsightVariable.model_fields) > len(sent)
    assert json.loads(_results.shape(variable, max_chars=10_000)) == sent  # a null it sent is kept


def test_a_binary_answer_is_described_not_shown_as_garbled_text() -> None:
    pdf = b"%PDF-1.7\n\x00\xff\xfe" + bytes(range(256)) * 40
    assert _results.shape(pdf, max_chars=1000) == (
        "Binary content (10,252 bytes), which is not text and is not shown here: "
        "the API's Python client or CLI saves it to a file."
    )
    assert _results.shape("ünïcode text".encode(), max_chars=1000) == "ünïcode text"


def test_confirmation_tokens_expire_and_bind_arguments() -> None:
    now = [0.0]
    tokens = _confirm.Confirmations(ttl=10, clock=lambda: now[0])
    token = tokens.issue("t", {"id": 1})
    assert tokens.redeem("t", {"id": 2}, token) is not None
    now[0] = 11
    assert "expired" in (tokens.redeem("t", {"id": 1}, token) or "")
    fresh = tokens.issue("t", {"id": 1})
    assert tokens.redeem("t", {"id": 1}, fresh) is None
    assert tokens.redeem("t", {"id": 1}, fresh) is not None


def test_a_missing_api_key_is_a_tool_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSTHOG_PERSONAL_API_KEY", raising=False)
    app = McpApp(Options())

    async def call() -> Any:
        return await app.call("insight_variables_list", {}, _no_progress)

    result = anyio.run(call)
    assert result.is_error
    assert "POSTHOG_PERSONAL_API_KEY" in result.content[0].text


async def _no_progress(progress: float, message: str) -> None:
    return None


# -- other APIs -------------------------------------------------------------------------------

CORPUS_SPECS = ["oai-petstore-expanded.json", "notion.json", "spotify.yaml"]


def _generate(spec: Path, out: Path) -> str:
    """The package for `spec`, rendered (not formatted: the tests only import it)."""
    from generator.load import load
    from generator.parse import parse
    from generator.render import render

    api = parse(load(spec))
    for path, text in render(api).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return api.sdk.package_name


async def _listing_sizes(app: McpApp) -> tuple[int, list[Any]]:
    async with Client(app.server()) as client:
        result = await client.list_tools()
    tools = [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in result.tools]
    return len(json.dumps(tools, separators=(",", ":"))), result.tools


@pytest.mark.parametrize("name", CORPUS_SPECS)
def test_corpus_specs_serve_their_tools_in_both_modes(name: str, tmp_path: Path) -> None:
    corpus = need_corpus()
    package = _generate(corpus / name, tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        server = importlib.import_module(f"{package}.mcp.server")
        operations = len(json.loads((tmp_path / package / "testing" / "spec.json").read_text())["operations"])
        tools_app = server.McpApp(server.Options())
        size, listed = anyio.run(_listing_sizes, tools_app)
        assert len(listed) == operations
        assert len({t.name for t in listed}) == operations
        assert all(len(t.name) <= 64 and t.input_schema["type"] == "object" for t in listed)
        search_size, search_listed = anyio.run(_listing_sizes, server.McpApp(server.Options(mode="search")))
        assert [t.name for t in search_listed] == ["search_operations", "describe_operation", "call_operation"]
        assert search_size / 4 < SEARCH_BUDGET_TOKENS
        found = server.McpApp(server.Options()).search_text(listed[0].title or listed[0].name, 5)
        assert listed[0].name in found
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[module]


def test_without_the_mcp_extra_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import posthog_api.mcp
    from posthog_api.cli import build

    monkeypatch.setitem(sys.modules, "posthog_api.mcp.server", None)  # import fails as if absent
    monkeypatch.delattr(posthog_api.mcp, "server", raising=False)
    result = CliRunner().invoke(build(), ["mcp"])
    assert result.exit_code == 2
    assert "pip install 'posthog-api[mcp]'" in result.output


def _fixture_arguments(tool: Any, request: dict[str, Any]) -> dict[str, Any]:
    """A tool's arguments for an operation's fixture request (path, query and body)."""
    by_place = {(a["in"], a["wire"]): a["input"] for a in tool.call["args"]}
    arguments: dict[str, Any] = {}
    for place in ("path", "query"):
        for wire, value in request[place].items():
            arguments[by_place[(place, wire)]] = value
    body = request.get("body")
    if body is not None and tool.call["body"] == "fields":
        arguments.update({by_place.get(("body", wire), wire): value for wire, value in body.items()})
    elif body is not None and tool.call["body"] == "whole":
        arguments[by_place[("body", "")]] = body
    return arguments


def test_every_operation_through_the_mcp_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each tool called with its operation's fixture arguments answers without an error."""
    from posthog_api.testing._mock import load_fixture
    from posthog_api.testing.server import MockServer

    with MockServer() as mock:
        monkeypatch.setenv("POSTHOG_PERSONAL_API_KEY", "phx_every_operation")
        monkeypatch.setenv("POSTHOG_HOST", mock.url)
        monkeypatch.setenv("POSTHOG_PROJECT_ID", "1")
        app = McpApp(Options(allow_destructive=True))

        async def call_all() -> list[str]:
            failures = []
            for tool in app.tools:
                arguments = _fixture_arguments(tool, load_fixture(tool.operation_id)["request"])
                result = await app.call(tool.name, arguments, _no_progress)
                if result.is_error:
                    failures.append(f"{tool.name}: {result.content[0].text}")
            await app.aclose()
            return failures

        assert anyio.run(call_all) == []
        assert {c.operation_id for c in mock.api.calls} >= {t.operation_id for t in app.tools}


def test_a_stream_reads_as_its_events_data_or_its_values_as_json() -> None:
    """A stream tool's text: each event's data as sent, each streamed value as the JSON it
    came as (not its Python repr), cut where the stream goes on past the limit."""
    from posthog_api import ServerSentEvent
    from posthog_api.models import InsightVariable

    async def values(items: list[Any]) -> Any:
        for item in items:
            yield item

    app = McpApp(Options(max_result_chars=1000))
    variable = InsightVariable.model_validate({"id": "v1", "name": "Plan", "type": "String"})
    assert anyio.run(app.stream_text, values([variable, {"n": 1}])) == (
        '{"id": "v1", "name": "Plan", "type": "String"}\n{"n": 1}')
    events = [ServerSentEvent(data='{"delta": "a"}'), ServerSentEvent(data="x" * 2000)]
    text = anyio.run(app.stream_text, values(events))
    assert text.startswith('{"delta": "a"}\n') and text.endswith("[cut: the stream went on; stopped reading it]")
