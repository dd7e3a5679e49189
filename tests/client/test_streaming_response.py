"""`with_streaming_response` (issue 17, item 5), over real HTTP on 127.0.0.1 against the
generated mock server: the request goes out when the block is entered, the body is read
only when asked for (bytes, lines or the parsed value), and the connection is released
when the block ends, with both clients."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator

import pytest

from posthog_api import AsyncPostHog, PostHog, errors
from posthog_api.models import HogQLQueryResponse
from posthog_api.testing import MockAPI
from posthog_api.testing.server import MockServer
from tests.client._faults import PROJECT, SECRET_KEY, FakeTime
from tests.client.scenarios import HOGQL, VARIABLE_ID


@pytest.fixture
def server() -> Iterator[MockServer]:
    server = MockServer(api=MockAPI(page_size=2, polls_before_complete=1))
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _sync(server: MockServer) -> PostHog:
    client = PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=server.url, timeout=10)
    FakeTime().install(client)
    return client


def _async(server: MockServer) -> AsyncPostHog:
    client = AsyncPostHog(api_key=SECRET_KEY, project_id=PROJECT, host=server.url, timeout=10)
    FakeTime().install(client)
    return client


def test_the_body_is_read_only_when_asked_and_released_at_the_end(server: MockServer) -> None:
    client = _sync(server)
    with client.insight_variables.with_streaming_response.retrieve(VARIABLE_ID) as response:
        assert len(server.api.calls) == 1  # sent on entry
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        assert not response.http_response.is_stream_consumed  # nothing read yet
        text = "".join(response.iter_lines())
        with pytest.raises(errors.SDKError, match="already streamed"):
            response.parse()  # streamed bodies are not kept
    assert json.loads(text)["id"] == VARIABLE_ID
    assert response.http_response.is_closed
    with client.insight_variables.with_streaming_response.retrieve(VARIABLE_ID) as response:
        variable = response.parse()
        assert json.loads(response.read())["name"] == variable.name  # read whole, kept
    assert variable.id == VARIABLE_ID and variable.name


def test_a_list_gives_its_first_page_and_the_page_walks_the_rest(server: MockServer) -> None:
    client = _sync(server)
    with client.insight_variables.with_streaming_response.list() as response:
        first = json.loads(response.read())
        page = response.parse()
    assert len(first["results"]) == 2
    assert len(list(page)) == 5  # the mock serves five, two a page
    assert [c.query.get("page") for c in server.api.calls_to("insight_variables_list")] == [None, "2", "3"]


def test_run_gives_the_last_polls_response_and_the_typed_result(server: MockServer) -> None:
    client = _sync(server)
    with client.query.with_streaming_response.run(query=HOGQL) as response:
        assert response.status_code == 200
        result = response.parse()
    assert isinstance(result, HogQLQueryResponse) and result.results
    calls = [c.operation_id for c in server.api.calls]
    assert calls[0] == "query_create" and calls[-1] == "query_retrieve"


def test_an_error_status_raises_on_entry(server: MockServer) -> None:
    server.api.respond("insight_variables_retrieve", 404, {"type": "invalid_request", "code": "not_found",
                                                          "detail": "Not found.", "attr": None})
    client = _sync(server)
    with pytest.raises(errors.NotFoundError):
        with client.insight_variables.with_streaming_response.retrieve(VARIABLE_ID):
            pytest.fail("the block must not run")


def test_async_streams_and_parses(server: MockServer) -> None:
    async def scenario() -> tuple[bytes, str, object, bool]:
        client = _async(server)
        async with client.insight_variables.with_streaming_response.retrieve(VARIABLE_ID) as response:
            unread = not response.http_response.is_stream_consumed
            variable = await response.parse()
            chunks = [chunk async for chunk in response.iter_bytes()]  # the body, kept
        async with client.insight_variables.with_streaming_response.list() as listing:
            page = await listing.parse()
            names = [item.name async for item in page]
        await client.close()
        assert unread and response.http_response.is_closed
        return b"".join(chunks), variable.id, len(names), listing.status_code == 200

    body, variable_id, count, ok = asyncio.run(scenario())
    assert json.loads(body)["id"] == VARIABLE_ID == variable_id
    assert count == 5 and ok
