"""`posthog-api mcp` over stdio, driven by the mcp package's client against the mock API:
listing (both modes), a read tool, a query with progress and with cancellation, the
destructive two-step, API errors and a 401, and the API key kept out of everything."""

from __future__ import annotations

import json
import time
from typing import Any

import anyio
import pytest

from tests.mcp._mcp_support import API_KEY, text_of

VARIABLE_ID = "01890000-0000-7000-8000-000000000001"
HOGQL = {"kind": "HogQLQuery", "query": "select event, count() from events group by event"}


def _calls(mock: Any, operation_id: str) -> list[Any]:
    return [c for c in mock.api.calls if c.operation_id == operation_id]


def _listing_size(result: Any) -> int:
    tools = [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in result.tools]
    return len(json.dumps(tools, separators=(",", ":")))


# -- listing ---------------------------------------------------------------------------------


def test_tools_mode_lists_one_tool_per_operation(tools_session: Any) -> None:
    from posthog_api.mcp import _tools

    listed = {t.name: t for t in tools_session.list_tools().tools}
    assert sorted(listed) == sorted(t.name for t in _tools.load())
    # one tool per concept: the 53 seed operations less the 8 deprecated
    # /api/environments/ twins, whose operations their tag's tools already reach
    assert len(listed) == 45
    assert not any(name.startswith("environments_") for name in listed)
    run = listed["query_run"]
    assert run.annotations.read_only_hint is True  # POST, but needs only query:read
    assert "query:read" in run.description and "Runs to completion" in run.description
    assert run.input_schema["required"] == ["query"]
    assert "project_id" in run.input_schema["properties"]  # optional: the server's setting
    listing = listed["insight_variables_list"]
    assert listing.annotations.read_only_hint is True
    assert listing.description.startswith("List insight variables")
    destroy = listed["insight_variables_destroy"]
    assert destroy.annotations.read_only_hint is False
    assert destroy.annotations.destructive_hint is True
    assert "confirm" in destroy.input_schema["properties"]
    update = listed["insight_variables_partial_update"]  # PATCH with x-idempotent
    assert update.annotations.destructive_hint is False
    assert update.annotations.idempotent_hint is True
    assert listed["external_data_sources_reload"].annotations.idempotent_hint is False
    assert all(t.input_schema["type"] == "object" for t in listed.values())
    assert all(len(json.dumps(t.input_schema)) <= 12_000 for t in listed.values())


def test_search_mode_lists_three_small_tools(search_session: Any) -> None:
    result = search_session.list_tools()
    assert [t.name for t in result.tools] == [
        "search_operations",
        "describe_operation",
        "call_operation",
    ]
    assert _listing_size(result) / 4 < 2000  # tokens, estimated as characters / 4


# -- calls -----------------------------------------------------------------------------------


def test_read_tool_returns_a_table_and_the_next_page(tools_session: Any) -> None:
    result = tools_session.call("insight_variables_list", {})
    assert not result.is_error
    text = text_of(result)
    assert text.startswith("results[2]{id,name,")  # TOON: two rows of a five-item list
    assert 'call insight_variables_list with {"page": 2}' in text
    second = tools_session.call("insight_variables_list", {"page": 2})
    assert not second.is_error and "results[2]{" in text_of(second)


def test_query_runs_to_completion_with_progress(tools_session: Any) -> None:
    updates: list[tuple[float, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, message))

    result = tools_session.call("query_run", {"query": HOGQL}, progress_callback=on_progress)
    assert not result.is_error, text_of(result)
    assert "results[3]{event,c}:" in text_of(result)
    assert len(updates) >= 2
    assert [p for p, _ in updates] == sorted(p for p, _ in updates)
    assert any("rows read" in (m or "") for _, m in updates)


def test_cancelled_query_is_cancelled_on_the_server(tools_session: Any, mock: Any) -> None:
    mock.api.polls_before_complete = 10_000  # the query never finishes by itself
    cancels_before = len(_calls(mock, "query_destroy"))
    try:

        async def cancel_after_first_progress() -> int:
            started = anyio.Event()

            async def on_progress(progress: float, total: float | None, message: str | None) -> None:
                started.set()

            async with anyio.create_task_group() as group:

                async def call() -> None:
                    await tools_session.client.call_tool(
                        "query_run", {"query": HOGQL}, progress_callback=on_progress
                    )

                group.start_soon(call)
                with anyio.fail_after(15):
                    await started.wait()
                group.cancel_scope.cancel()  # the client sends notifications/cancelled
            return 0

        tools_session.run(cancel_after_first_progress)
        deadline = time.monotonic() + 15
        while len(_calls(mock, "query_destroy")) == cancels_before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_calls(mock, "query_destroy")) == cancels_before + 1
    finally:
        mock.api.polls_before_complete = 2
    # the server is still there
    assert not tools_session.call("insight_variables_list", {}).is_error


def test_destructive_tool_runs_in_two_steps(tools_session: Any, mock: Any) -> None:
    deletes = len(_calls(mock, "insight_variables_destroy"))
    first = tools_session.call("insight_variables_destroy", {"id": VARIABLE_ID})
    assert not first.is_error
    text = text_of(first)
    assert text.startswith(f"Not done yet: this would send DELETE /api/projects/1/insight_variables/{VARIABLE_ID}/")
    assert len(_calls(mock, "insight_variables_destroy")) == deletes  # nothing sent
    token = json.loads(text.split('"confirm": ', 1)[1].split(" ", 1)[0])

    other = tools_session.call(
        "insight_variables_destroy", {"id": "01890000-0000-7000-8000-000000000002", "confirm": token}
    )
    assert other.is_error and "other arguments" in text_of(other)  # bound to the arguments

    done = tools_session.call("insight_variables_destroy", {"id": VARIABLE_ID, "confirm": token})
    assert not done.is_error, text_of(done)
    assert len(_calls(mock, "insight_variables_destroy")) == deletes + 1

    again = tools_session.call("insight_variables_destroy", {"id": VARIABLE_ID, "confirm": token})
    assert again.is_error and "used already" in text_of(again)  # one use
    assert len(_calls(mock, "insight_variables_destroy")) == deletes + 1


def test_api_error_is_one_line_tool_error(tools_session: Any, mock: Any) -> None:
    mock.api.respond(
        "insight_variables_retrieve",
        404,
        {"type": "invalid_request", "code": "not_found", "detail": "Not found.", "attr": None},
    )
    result = tools_session.call("insight_variables_retrieve", {"id": VARIABLE_ID})
    assert result.is_error
    assert text_of(result) == "Error 404: Not found."


def test_bad_arguments_are_a_tool_error(tools_session: Any) -> None:
    result = tools_session.call("insight_variables_retrieve", {})
    assert result.is_error
    assert text_of(result).startswith("Invalid arguments: arguments: 'id' is a required property")
    unknown = tools_session.call("insight_variables_retrieve", {"id": VARIABLE_ID, "colour": "red"})
    assert unknown.is_error and "unknown argument colour" in text_of(unknown)


def test_401_is_a_tool_error_naming_the_setting(tools_session: Any, mock: Any) -> None:
    mock.api.respond(
        "insight_variables_list",
        401,
        {"type": "authentication_error", "code": "invalid_personal_api_key", "detail": "Invalid Personal API key."},
    )
    result = tools_session.call("insight_variables_list", {})
    assert result.is_error
    assert text_of(result) == "Error 401: Invalid Personal API key. (check POSTHOG_PERSONAL_API_KEY)"


def test_the_api_key_never_comes_back(tools_session: Any, mock: Any) -> None:
    # A server that echoes what it was sent: the key must still not reach the agent.
    mock.api.respond("insight_variables_list", 400, {"detail": f"Bad key {API_KEY} for this project"})
    result = tools_session.call("insight_variables_list", {})
    assert result.is_error and API_KEY not in text_of(result)
    assert "[redacted]" in text_of(result)
    mock.api.respond("insight_variables_retrieve", 200, {"id": VARIABLE_ID, "name": API_KEY})
    echoed = tools_session.call("insight_variables_retrieve", {"id": VARIABLE_ID})
    assert API_KEY not in text_of(echoed)
    log = tools_session.stderr()
    assert "insight_variables" in log  # --debug logged the requests
    assert API_KEY not in log


# -- search mode -----------------------------------------------------------------------------


def test_search_describe_and_call(search_session: Any, mock: Any) -> None:
    found = text_of(search_session.call("search_operations", {"query": "list insight variables"}))
    assert found.splitlines()[0].startswith("insight_variables_list: List insight variables")
    described = search_session.call("describe_operation", {"name": "query_run"})
    assert '"required":["query"]' in text_of(described).replace(" ", "")
    called = search_session.call("call_operation", {"name": "query_run", "arguments": {"query": HOGQL}})
    assert not called.is_error and "results[3]{event,c}:" in text_of(called)
    missing = search_session.call("describe_operation", {"name": "no_such_thing"})
    assert missing.is_error and "search_operations" in text_of(missing)


def test_search_mode_destructive_two_step(search_session: Any, mock: Any) -> None:
    deletes = len(_calls(mock, "insight_variables_destroy"))
    call = {"name": "insight_variables_destroy", "arguments": {"id": VARIABLE_ID}}
    first = text_of(search_session.call("call_operation", call))
    assert first.startswith("Not done yet") and "call_operation again" in first
    token = json.loads(first.split('"confirm": ', 1)[1].split(" ", 1)[0])
    done = search_session.call("call_operation", {**call, "confirm": token})
    assert not done.is_error
    assert len(_calls(mock, "insight_variables_destroy")) == deletes + 1


@pytest.mark.parametrize("query", ["", "zzzz"])
def test_search_without_matches_says_so(search_session: Any, query: str) -> None:
    result = search_session.call("search_operations", {"query": query})
    assert not result.is_error
