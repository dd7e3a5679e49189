"""Retries, errors, pagination, query polling and forward compatibility, through a fault-injecting transport.

Every scenario of scenarios.py runs here in process (an `httpx.MockTransport`
that plays the script); test_loopback.py runs the same ones over real HTTP.
The rest of this file covers what needs no server: configuration, the async
client, raw responses, CSV and Server-Sent Events.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from posthog_api import AsyncPostHog, PostHog, errors
from posthog_api.models import HogQLQueryResponse
from tests.client import scenarios
from tests.client._faults import (
    PROJECT,
    SECRET_KEY,
    Backend,
    Reply,
    Reset,
    TransportBackend,
    run_async,
)
from tests.client.scenarios import (
    HOGQL,
    ONE_QUERY,
    ONE_VARIABLE,
    QUERY,
    QUERY_CANCELLED,
    QUERY_DONE,
    QUERY_RUNNING,
    QUERY_STARTED,
    SERVER_ERROR,
    VARIABLE,
    VARIABLE_ID,
    VARIABLES,
)


@pytest.fixture
def backend() -> Iterator[Backend]:
    backend = TransportBackend()
    yield backend
    backend.close()


@pytest.mark.parametrize("scenario", scenarios.SCENARIOS, ids=lambda s: s.__name__)
def test_scenario(scenario: Callable[[Backend], None], backend: Backend) -> None:
    scenario(backend)


# -- what only a transport can fake ------------------------------------------------------------


def test_a_post_that_never_left_is_sent_again(backend: TransportBackend) -> None:
    """A refused connection means the server never saw the request: even a plain POST may be resent."""
    attempts: list[httpx.Request] = []

    def refuse_once(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if len(attempts) == 1:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return httpx.Response(201, json=VARIABLE)

    client = PostHog(api_key=SECRET_KEY, project_id=PROJECT, http_client=httpx.Client(transport=httpx.MockTransport(refuse_once)))
    backend.time.install(client)
    assert client.insight_variables.create(name="Plan", type="List").id == VARIABLE_ID
    assert len(attempts) == 2


def test_the_server_can_forbid_a_retry(backend: Backend) -> None:
    backend.script(Reply(503, SERVER_ERROR, headers={"x-should-retry": "false"}))
    client = backend.client()
    with pytest.raises(errors.InternalServerError):
        client.insight_variables.retrieve(VARIABLE_ID)
    assert backend.count("GET") == 1


def test_a_page_that_links_to_itself_ends_the_iteration(backend: Backend) -> None:
    loop = {"count": 9, "next": f"https://us.posthog.com{VARIABLES}?page=1", "previous": None, "results": [VARIABLE]}
    backend.script(Reply(200, loop))
    page = backend.client().insight_variables.list(page=1)
    assert len(list(page)) == 1 and not page.has_next_page()
    with pytest.raises(RuntimeError, match="last page"):
        page.get_next_page()
    assert backend.count("GET") == 1


# -- the async client --------------------------------------------------------------------------


def test_async_retries_and_raises_like_the_sync_client(backend: Backend) -> None:
    backend.script(Reply(500, SERVER_ERROR), Reply(200, VARIABLE), Reset())

    async def main() -> None:
        async with backend.async_client() as client:
            variable = await client.insight_variables.retrieve(VARIABLE_ID)
            assert variable.name == "Plan"
            with pytest.raises(errors.APIConnectionError):
                await client.insight_variables.create(name="Plan", type="List")

    run_async(main())
    assert backend.lines == [f"GET {ONE_VARIABLE}"] * 2 + [f"POST {VARIABLES}"]


def test_async_pages(backend: Backend) -> None:
    backend.script(*scenarios._linked_pages(VARIABLES, [VARIABLE] * 5, ["page=2", "page=3", None]))

    async def main() -> list[Any]:
        async with backend.async_client() as client:
            page = await client.insight_variables.list()
            return [variable async for variable in page]

    assert len(run_async(main())) == 5
    assert [r.query for r in backend.requests] == [{}, {"page": "2"}, {"page": "3"}]


def test_async_query_runs_to_completion(backend: Backend) -> None:
    backend.script(Reply(202, QUERY_STARTED), Reply(202, QUERY_RUNNING), Reply(200, QUERY_DONE))

    async def main() -> Any:
        async with backend.async_client() as client:
            return await client.query.run(query=HOGQL)

    assert isinstance(run_async(main()), HogQLQueryResponse)
    assert backend.lines == [f"POST {QUERY}", f"GET {ONE_QUERY}", f"GET {ONE_QUERY}"]


def test_async_query_is_cancelled_with_its_task(backend: Backend) -> None:
    backend.script(Reply(202, QUERY_STARTED))
    backend.otherwise("DELETE", Reply(200, QUERY_CANCELLED))

    async def main() -> None:
        async with backend.async_client() as client:
            waiting = asyncio.Event()

            async def wait_forever(seconds: float) -> None:
                waiting.set()
                await asyncio.Event().wait()

            client._sleep = wait_forever  # type: ignore[assignment]
            task = asyncio.create_task(client.query.run(query=HOGQL))
            await waiting.wait()  # the query started and the client waits to poll it
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    run_async(main())
    assert backend.lines == [f"POST {QUERY}", f"DELETE {ONE_QUERY}"]


# -- configuration -----------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("POSTHOG_PERSONAL_API_KEY", "POSTHOG_HOST", "POSTHOG_PROJECT_ID", "POSTHOG_TIMEOUT",
                 "POSTHOG_MAX_RETRIES", "POSTHOG_DEFAULT_HEADERS", "POSTHOG_LOG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_missing_api_key_fails_at_once_naming_the_variable(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(errors.ConfigurationError, match="POSTHOG_PERSONAL_API_KEY"):
        PostHog(project_id=PROJECT)
    with pytest.raises(errors.ConfigurationError, match="POSTHOG_PERSONAL_API_KEY"):
        AsyncPostHog(api_key="", project_id=PROJECT)


def test_a_missing_project_id_fails_at_once_naming_the_variable(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(errors.ConfigurationError, match="POSTHOG_PROJECT_ID"):
        PostHog(api_key=SECRET_KEY)


def test_every_setting_comes_from_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("POSTHOG_PERSONAL_API_KEY", SECRET_KEY)
    clean_env.setenv("POSTHOG_PROJECT_ID", "77")
    clean_env.setenv("POSTHOG_HOST", "posthog.internal.example.com")
    clean_env.setenv("POSTHOG_TIMEOUT", "12.5")
    clean_env.setenv("POSTHOG_MAX_RETRIES", "5")
    clean_env.setenv("POSTHOG_DEFAULT_HEADERS", '{"X-Team": "growth"}')
    client = PostHog()
    assert (client.api_key, client.project_id) == (SECRET_KEY, "77")
    assert str(client.base_url) == "https://posthog.internal.example.com/"  # self-hosted, scheme added
    assert (client.timeout, client.max_retries) == (12.5, 5)
    assert client._default_headers == {"X-Team": "growth"}


def test_arguments_win_over_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("POSTHOG_HOST", "https://posthog.internal.example.com")
    clean_env.setenv("POSTHOG_MAX_RETRIES", "5")
    client = PostHog(api_key=SECRET_KEY, project_id="1", host="eu", max_retries=0, timeout=None)
    assert str(client.base_url) == "https://eu.posthog.com/"
    assert (client.max_retries, client.timeout) == (0, None)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://us.i.posthog.com", "https://us.posthog.com/"),
        ("https://EU.i.posthog.com/", "https://eu.posthog.com/"),
        ("https://app.posthog.com", "https://us.posthog.com/"),
        ("https://posthog.internal.example.com", "https://posthog.internal.example.com/"),
    ],
)
def test_an_ingestion_host_is_taken_to_mean_its_api_host(clean_env: pytest.MonkeyPatch, given: str, expected: str) -> None:
    """PostHog's docs give us.i.posthog.com to SDKs that capture events; this API lives on
    us.posthog.com (the spec's x-aliases), so a host copied from there still works."""
    clean_env.setenv("POSTHOG_HOST", given)
    assert str(PostHog(api_key=SECRET_KEY, project_id="1").base_url) == expected
    assert str(PostHog(api_key=SECRET_KEY, project_id="1", host=given).base_url) == expected


def test_us_cloud_is_the_default_host(clean_env: pytest.MonkeyPatch) -> None:
    assert str(PostHog(api_key=SECRET_KEY, project_id="1").base_url) == "https://us.posthog.com/"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("POSTHOG_TIMEOUT", "soon"), ("POSTHOG_MAX_RETRIES", "many"), ("POSTHOG_DEFAULT_HEADERS", "X-Team: growth")],
)
def test_a_malformed_setting_names_its_variable(clean_env: pytest.MonkeyPatch, variable: str, value: str) -> None:
    clean_env.setenv(variable, value)
    with pytest.raises(errors.ConfigurationError, match=variable):
        PostHog(api_key=SECRET_KEY, project_id="1")


def test_with_options_changes_a_copy(backend: Backend) -> None:
    backend.script(Reply(503, SERVER_ERROR))
    client = backend.client(default_headers={"X-Team": "growth"})
    impatient = client.with_options(max_retries=0, project_id="99")
    with pytest.raises(errors.InternalServerError):
        impatient.insight_variables.retrieve(VARIABLE_ID)
    assert backend.lines == [f"GET /api/projects/99/insight_variables/{VARIABLE_ID}/"]
    assert backend.requests[0].headers["x-team"] == "growth"
    assert (client.max_retries, client.project_id, impatient.api_key) == (2, PROJECT, SECRET_KEY)
    assert impatient._http is client._http  # one connection pool


# -- raw responses and other content -----------------------------------------------------------


def test_raw_response_gives_status_headers_and_body(backend: Backend) -> None:
    backend.script(Reply(500, SERVER_ERROR), Reply(200, VARIABLE, headers={"X-Request-Id": "req-1"}))
    raw = backend.client().insight_variables.with_raw_response.retrieve(VARIABLE_ID)
    assert (raw.status_code, raw.headers["x-request-id"], raw.retries_taken) == (200, "req-1", 1)
    assert raw.content.startswith(b"{") and raw.parse().name == "Plan"


def test_csv_comes_back_as_text(backend: Backend) -> None:
    csv = "name,count\r\nfree,1843\r\nscale,212\r\n"
    backend.script(Reply(200, csv, content_type="text/csv; charset=utf-8"))
    assert backend.client().persons.values(key="plan", format="csv") == csv
    assert backend.requests[0].query == {"key": "plan", "format": "csv"}


def test_server_sent_events_come_back_as_an_iterator(backend: Backend) -> None:
    stream = 'data: {"answer": null}\n\n: keep-alive\n\nevent: done\ndata: {"answer": {"kind": "TrendsQuery"}}\n\n'
    backend.script(Reply(200, stream, content_type="text/event-stream"))
    events = list(backend.client().query.chat(messages=[{"role": "user", "content": "DAU?"}]))
    assert [e.json() for e in events] == [{"answer": None}, {"answer": {"kind": "TrendsQuery"}}]
    assert events[1].event == "done"
    assert backend.requests[0].headers["accept"] == "text/event-stream"
    # each event's data read as the document's QueryChatEvent (its stream's contentSchema)
    first = events[0].parse()
    assert type(first).__name__ == "QueryChatEvent" and first.answer is None
    assert events[1].parse().answer is not None


def test_a_stream_that_breaks_raises_a_connection_error(backend: Backend) -> None:
    class BreaksAfterOneEvent(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b'data: {"answer": null}\n\n'
            raise httpx.ReadError("[Errno 104] Connection reset by peer")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=BreaksAfterOneEvent())

    client = PostHog(api_key=SECRET_KEY, project_id=PROJECT, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    events = client.query.chat(messages=[{"role": "user", "content": "DAU?"}])
    assert next(events).json() == {"answer": None}
    with pytest.raises(errors.APIConnectionError, match="while streaming"):
        next(events)
