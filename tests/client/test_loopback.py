"""The same failure scenarios over real HTTP on 127.0.0.1, plus the generated mock server.

Here connection resets are real RSTs, read timeouts are real (short) socket
timeouts and every byte goes through httpx's own HTTP/1.1 stack, so the
mapping from socket failures to the client's errors is tested as users meet it.
The second half drives `posthog_api.testing.server.MockServer`, which checks
each request against the spec before answering.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from posthog_api import PostHog, errors
from posthog_api.models import HogQLQueryResponse
from posthog_api.testing import READ_ONLY_KEY, MockAPI
from posthog_api.testing.server import MockServer
from tests.client import scenarios
from tests.client._faults import PROJECT, SECRET_KEY, Backend, FakeTime, LoopbackBackend
from tests.client.scenarios import HOGQL, INVALID_KEY, SERVER_ERROR, THROTTLED, VARIABLE_ID


@pytest.fixture
def backend() -> Iterator[Backend]:
    backend = LoopbackBackend()
    yield backend
    backend.close()


@pytest.mark.parametrize("scenario", scenarios.SCENARIOS, ids=lambda s: s.__name__)
def test_scenario(scenario: Callable[[Backend], None], backend: Backend) -> None:
    scenario(backend)


def test_a_refused_connection_is_retried_then_raised() -> None:
    backend = LoopbackBackend()
    url = backend.url
    backend.close()  # nothing listens on the port any more
    client = PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=url)
    time = FakeTime()
    time.install(client)
    with pytest.raises(errors.APIConnectionError, match="Connection error: "):
        client.insight_variables.create(name="Plan", type="List")
    assert len(time.sleeps) == 2  # never sent, so even this POST was tried three times
    client.close()


# -- the generated mock server -----------------------------------------------------------------


@pytest.fixture
def mock_server() -> Iterator[MockServer]:
    server = MockServer(api=MockAPI(page_size=2))
    # Served here rather than by `with server:` for a short poll interval, so shutdown() is quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _client(server: MockServer, api_key: str = SECRET_KEY) -> tuple[PostHog, FakeTime]:
    client = PostHog(api_key=api_key, project_id=PROJECT, host=server.url, timeout=10)
    time = FakeTime()
    time.install(client)
    return client, time


def test_mock_server_query_runs_to_completion(mock_server: MockServer) -> None:
    client, time = _client(mock_server)
    result = client.query.run(query=HOGQL, on_progress=lambda p: None)
    assert isinstance(result, HogQLQueryResponse) and result.results
    api = mock_server.api
    assert [c.operation_id for c in api.calls] == ["query_create", "query_retrieve", "query_retrieve", "query_retrieve"]
    assert all(c.status == 202 for c in api.calls[:-1]) and api.calls[-1].status == 200
    assert len(time.sleeps) == 3


def test_mock_server_query_cancelled_on_timeout(mock_server: MockServer) -> None:
    mock_server.api.polls_before_complete = 1000
    client, _ = _client(mock_server)
    with pytest.raises(errors.LongRunningTimeoutError):
        client.query.run(query=HOGQL, wait_timeout=2)
    assert mock_server.api.calls[-1].operation_id == "query_destroy"


def test_mock_server_pages(mock_server: MockServer) -> None:
    client, _ = _client(mock_server)
    with pytest.warns(DeprecationWarning):
        assert len(list(client.environments.endpoints.list(limit=2))) == 5
    assert len(list(client.insight_variables.list())) == 5
    api = mock_server.api
    assert [c.query.get("offset") for c in api.calls_to("environments_endpoints_retrieve")] == [None, "2", "4"]
    assert [c.query.get("page") for c in api.calls_to("insight_variables_list")] == [None, "2", "3"]


def test_mock_server_rate_limit_then_success(mock_server: MockServer) -> None:
    mock_server.api.respond("insight_variables_retrieve", 429, THROTTLED, headers={"Retry-After": "3"})
    client, time = _client(mock_server)
    assert client.insight_variables.retrieve(VARIABLE_ID).name
    assert time.sleeps == [3.0] and len(mock_server.api.calls) == 2


def test_mock_server_post_not_repeated_after_a_server_error(mock_server: MockServer) -> None:
    mock_server.api.respond("insight_variables_create", 500, SERVER_ERROR)
    client, _ = _client(mock_server)
    with pytest.raises(errors.InternalServerError):
        client.insight_variables.create(name="Plan", type="List")
    assert len(mock_server.api.calls) == 1


def test_mock_server_invalid_key(mock_server: MockServer) -> None:
    client, _ = _client(mock_server, api_key="phx_invalid")
    with pytest.raises(errors.AuthenticationError) as caught:
        client.insight_variables.retrieve(VARIABLE_ID)
    assert caught.value.code == INVALID_KEY["code"] and len(mock_server.api.calls) == 1


def test_mock_server_missing_scope(mock_server: MockServer) -> None:
    client, _ = _client(mock_server, api_key=READ_ONLY_KEY)
    with pytest.raises(errors.PermissionDeniedError) as caught:
        client.insight_variables.create(name="Plan", type="List")
    assert caught.value.missing_scope == "insight_variable:write"
    assert "insight_variable:write" in str(caught.value)
    assert len(mock_server.api.calls) == 1
