"""Nothing an id or a server sends can harm the user of the client (issue 13).

Over real HTTP on 127.0.0.1 (tests/client/_faults.py), sync and async: ids that would
address another resource are refused before any request; redirects are errors that
name the target, which never hears from the client; plain http to another machine
warns; credentials in the host are refused; a decompression bomb, a trickling server, a
stalled poll and pages that loop or never end are all bounded; errors pickle without the
key. Timings are generous bounds: the machine running this may be busy.
"""

from __future__ import annotations

import pickle
import struct
import time
import tracemalloc
import warnings
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from posthog_api import AsyncPostHog, PostHog, errors
from posthog_api._base_client import Operation, ResponseSpec
from posthog_api._config import InsecureHostWarning
from posthog_api._models import BaseModel
from posthog_api._pagination import MAX_EMPTY_PAGES, PageStyle
from tests.client._faults import (
    PROJECT,
    SECRET_KEY,
    LoopbackBackend,
    Reply,
    Reset,
    Stall,
    TransportBackend,
    Trickle,
    run_async,
)
from tests.client.scenarios import (
    HOGQL,
    INVALID_KEY,
    ONE_QUERY,
    QUERY,
    QUERY_CANCELLED,
    QUERY_STARTED,
    SERVER_ERROR,
    THROTTLED,
    VARIABLE,
    VARIABLE_ID,
    VARIABLES,
)


@pytest.fixture
def server() -> Iterator[LoopbackBackend]:
    backend = LoopbackBackend()
    yield backend
    backend.close()


def real_time_client(server: LoopbackBackend, **options: Any) -> PostHog:
    """A client on the real clock (the scripted ones sleep on a fake one, which deadlines ignore)."""
    return PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=server.url, **options)


def real_time_async_client(server: LoopbackBackend, **options: Any) -> AsyncPostHog:
    return AsyncPostHog(api_key=SECRET_KEY, project_id=PROJECT, host=server.url, **options)


# -- ids that would address another resource (finding 1) ------------------------------------------

DOT_SEGMENTS = [".", "..", "", " "]


@pytest.mark.parametrize("value", DOT_SEGMENTS)
def test_an_id_that_would_address_another_resource_is_refused_before_sending(
    server: LoopbackBackend, value: str
) -> None:
    client = server.client()
    calls: list[Callable[[], object]] = [
        lambda: client.insight_variables.retrieve(value),
        lambda: client.insight_variables.partial_update(value, name="pwned"),
        lambda: client.insight_variables.destroy(value),
        lambda: client.insight_variables.list(project_id=value),
        lambda: client.query.run(query=HOGQL, project_id=value),
    ]
    for call in calls:
        with pytest.raises(errors.InvalidArgumentError, match="would address a different resource"):
            call()
    assert server.requests == []


@pytest.mark.parametrize("value", DOT_SEGMENTS)
def test_the_async_client_refuses_them_too(server: LoopbackBackend, value: str) -> None:
    async def main() -> None:
        async with server.async_client() as client:
            with pytest.raises(errors.InvalidArgumentError):
                await client.insight_variables.partial_update(value, name="pwned")
            with pytest.raises(errors.InvalidArgumentError):
                await client.insight_variables.retrieve(VARIABLE_ID, project_id=value)

    run_async(main())
    assert server.requests == []


@pytest.mark.parametrize("value", [".", ".."])
def test_a_project_id_setting_of_dots_is_refused_at_once(server: LoopbackBackend, value: str) -> None:
    with pytest.raises(errors.ConfigurationError, match="project_id cannot be"):
        PostHog(api_key=SECRET_KEY, project_id=value, host=server.url)
    with pytest.raises(errors.ConfigurationError):
        AsyncPostHog(api_key=SECRET_KEY, project_id=value, host=server.url)
    with pytest.raises(errors.ConfigurationError):
        server.client().with_options(project_id=value)
    assert server.requests == []


def test_an_id_that_is_not_text_is_refused_before_sending(server: LoopbackBackend) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates (sys.argv): no request can carry them."""
    client = server.client()
    with pytest.raises(errors.InvalidArgumentError, match="cannot be sent as given"):
        client.insight_variables.retrieve("abc\udcff")
    with pytest.raises(errors.InvalidArgumentError):
        client.insight_variables.create(name="\udcfe", type="List")
    assert server.requests == []


# -- redirects (finding 5) ----------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_redirect_names_its_target_which_never_hears_from_the_client(server: LoopbackBackend, status: int) -> None:
    target = LoopbackBackend()
    try:
        location = f"{target.url}/api/projects/{PROJECT}/insight_variables/{VARIABLE_ID}/"
        server.script(Reply(status, headers={"Location": location}), Reply(status, headers={"Location": location}))
        with pytest.raises(errors.RedirectError) as caught:
            server.client().insight_variables.retrieve(VARIABLE_ID)
        assert caught.value.location == location and location in str(caught.value)

        async def main() -> None:
            async with server.async_client() as client:
                with pytest.raises(errors.RedirectError):
                    await client.insight_variables.partial_update(VARIABLE_ID, name="x")

        run_async(main())
        assert target.requests == []  # the key was never sent there
        assert server.count("GET") == 1 and server.count("PATCH") == 1  # neither followed nor retried
    finally:
        target.close()


def test_not_modified_is_its_own_error_not_a_redirect(server: LoopbackBackend) -> None:
    """A 304 answers a conditional request (If-None-Match): the caller's copy is current.
    It is no redirect, and its message does not say to check the host."""
    server.script(Reply(304, headers={"ETag": '"v1"'}))
    with pytest.raises(errors.NotModifiedError) as caught:
        server.client().insight_variables.retrieve(VARIABLE_ID, extra_headers={"If-None-Match": '"v1"'})
    assert not isinstance(caught.value, errors.RedirectError) and caught.value.status_code == 304
    assert "If-None-Match" in str(caught.value) and "host" not in str(caught.value)
    assert server.count("GET") == 1


# -- the host setting ---------------------------------------------------------------------------


def _insecure_warnings(make: Callable[[], object]) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    return [w for w in caught if issubclass(w.category, InsecureHostWarning)]


def test_plain_http_to_another_machine_warns_once() -> None:
    host = "http://posthog.plain-http-once.com"  # a name no other test uses: the warning is once per process

    def make_two() -> None:
        client = PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=host)
        client.with_options(max_retries=0)
        AsyncPostHog(api_key=SECRET_KEY, project_id=PROJECT, host=host)

    [warning] = _insecure_warnings(make_two)
    assert "posthog.plain-http-once.com is reached over plain http" in str(warning.message)
    assert SECRET_KEY not in str(warning.message)
    assert warning.filename == __file__  # it points at the caller's line


@pytest.mark.parametrize(
    "host", ["http://localhost:8010", "http://127.0.0.1:8000", "http://[::1]:8000", "http://posthog.test", "https://eu.posthog.com"]
)
def test_this_machine_and_https_do_not_warn(host: str) -> None:
    assert _insecure_warnings(lambda: PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=host)) == []


@pytest.mark.parametrize("host", ["https://admin:hunter2-pw@posthog.example.com", "https://hunter2-pw@posthog.example.com"])
def test_credentials_in_the_host_are_refused_and_not_repeated(host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(errors.ConfigurationError) as caught:
        PostHog(api_key=SECRET_KEY, project_id=PROJECT, host=host)
    assert "must not contain a user name or password" in str(caught.value)
    assert "hunter2" not in str(caught.value) and "hunter2" not in repr(caught.value)
    monkeypatch.setenv("POSTHOG_HOST", host)
    with pytest.raises(errors.ConfigurationError) as from_env:
        AsyncPostHog(api_key=SECRET_KEY, project_id=PROJECT)
    assert "hunter2" not in str(from_env.value)


# -- what a server sends: size, time, pages (findings 7 and 8) ------------------------------------


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """About 0.5 MB of gzip that inflates to 500 MB of zeros: one fully flushed deflate
    block of 1 MB of zeros, 500 times (each starts afresh, so the copies are identical),
    between a gzip header and a trailer with the right CRC and length."""
    block = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    flushed = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(500):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    body = header + flushed * 500 + compressor.flush() + struct.pack("<II", crc, 500 * len(block) % 2**32)
    assert 400_000 < len(body) < 600_000
    assert zlib.decompressobj(31).decompress(body, 3 * len(block)) == bytes(3 * len(block))
    return body


def test_a_decompression_bomb_stops_at_max_response_bytes(server: LoopbackBackend, gzip_bomb: bytes) -> None:
    server.script(*[Reply(200, gzip_bomb, headers={"Content-Encoding": "gzip"})] * 2)
    client = server.client()
    client.max_response_bytes = 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(errors.ResponseTooLargeError, match="larger than 1,048,576 bytes"):
            client.insight_variables.retrieve(VARIABLE_ID)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024, f"{peak / 1e6:.0f} MB at the peak"  # each raw chunk inflates on its own

    async def main() -> None:
        async with server.async_client() as async_client:
            async_client.max_response_bytes = 1024 * 1024
            with pytest.raises(errors.ResponseTooLargeError):
                await async_client.insight_variables.retrieve(VARIABLE_ID)

    run_async(main())
    assert server.count("GET") == 2  # not retried: the answer would be the same


def test_the_default_size_cap_is_generous_and_configurable(server: LoopbackBackend) -> None:
    client = server.client()
    assert client.max_response_bytes == 200 * 1024 * 1024
    client.max_response_bytes = 10
    assert client.with_options(max_retries=0).max_response_bytes == 10


@pytest.mark.parametrize("headers", [False, True], ids=["body", "status-line-and-headers"])
def test_a_trickling_server_cannot_outlast_the_timeout(server: LoopbackBackend, headers: bool) -> None:
    """One byte every 0.15 s answers every socket read in time; the timeout still ends the call."""
    slow = Trickle(Reply(200, VARIABLE), interval=0.15, headers=headers)
    server.script(slow, slow, slow)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        real_time_client(server, timeout=0.5, max_retries=0).insight_variables.retrieve(VARIABLE_ID)
    assert time.monotonic() - started < 4

    async def main() -> None:
        async with real_time_async_client(server, timeout=0.5, max_retries=0) as client:
            await client.insight_variables.retrieve(VARIABLE_ID)

    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        run_async(main())
    assert time.monotonic() - started < 4
    # A POST that may have reached the server is not sent again, even with retries left.
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        real_time_client(server, timeout=0.5).insight_variables.create(name="Plan", type="List")
    assert time.monotonic() - started < 4
    assert server.lines == [f"GET /api/projects/{PROJECT}/insight_variables/{VARIABLE_ID}/"] * 2 + [f"POST {VARIABLES}"]


def _stalled_poll(server: LoopbackBackend) -> None:
    server.script(Reply(202, QUERY_STARTED))
    server.otherwise("GET", Stall())
    server.otherwise("DELETE", Reply(200, QUERY_CANCELLED))


def test_wait_timeout_bounds_a_query_whose_poll_stalls(server: LoopbackBackend) -> None:
    _stalled_poll(server)
    client = real_time_client(server, timeout=60)  # the request timeout alone would wait a minute
    started = time.monotonic()
    with pytest.raises(errors.LongRunningTimeoutError, match="did not finish within 2s; it was cancelled"):
        client.query.run(query=HOGQL, wait_timeout=2)
    assert time.monotonic() - started < 10
    assert server.lines[0] == f"POST {QUERY}" and server.lines[-1] == f"DELETE {ONE_QUERY}"


def test_wait_timeout_bounds_the_async_run_too(server: LoopbackBackend) -> None:
    _stalled_poll(server)

    async def main() -> None:
        async with real_time_async_client(server, timeout=60) as client:
            await client.query.run(query=HOGQL, wait_timeout=1)

    started = time.monotonic()
    with pytest.raises(errors.LongRunningTimeoutError):
        run_async(main())
    assert time.monotonic() - started < 10
    assert server.lines[-1] == f"DELETE {ONE_QUERY}"


def test_wait_timeout_bounds_the_start_of_a_query(server: LoopbackBackend) -> None:
    server.script(Stall())
    started = time.monotonic()
    with pytest.raises(errors.LongRunningTimeoutError, match="did not start within 1s"):
        real_time_client(server, timeout=60).query.run(query=HOGQL, wait_timeout=1)
    assert time.monotonic() - started < 10
    assert server.lines == [f"POST {QUERY}"]


def _page(items: list[dict[str, Any]], link: str | None) -> Reply:
    return Reply(200, {"count": 99, "next": link and f"https://us.posthog.com{VARIABLES}?{link}", "previous": None,
                       "results": items})


def test_pages_that_link_back_end_the_walk() -> None:
    backend = TransportBackend()
    try:
        backend.script(_page([VARIABLE], "page=2"), _page([VARIABLE], "page=1"), _page([VARIABLE], "page=2"))
        assert len(list(backend.client().insight_variables.list(page=1))) == 2  # A, B; not A again
        assert [r.query for r in backend.requests] == [{"page": "1"}, {"page": "2"}]

        async def main() -> int:
            async with backend.async_client() as client:
                return len([item async for item in await client.insight_variables.list(page=1)])

        backend.requests.clear()
        backend.script(_page([VARIABLE], "page=2"), _page([VARIABLE], "page=1"))
        assert run_async(main()) == 2 and len(backend.requests) == 2
    finally:
        backend.close()


def test_a_run_of_empty_pages_that_link_onwards_ends_the_walk() -> None:
    backend = TransportBackend()
    try:
        backend.script(*[_page([], f"page={n + 2}") for n in range(20)])
        assert list(backend.client().insight_variables.list()) == []
        assert len(backend.requests) == MAX_EMPTY_PAGES == 3
    finally:
        backend.close()


# -- envelope fields named like model attributes ------------------------------------------------


class Item(BaseModel):
    id: int


ENVELOPE_FIELDS = ["json", "schema", "copy", "dict", "class", "page-items", "model_fields", "results"]


def _envelope_model(items_field: str) -> type[BaseModel]:
    return pydantic.create_model(  # type: ignore[call-overload, no-any-return]
        "Envelope",
        __base__=BaseModel,
        items_=(list[Item], pydantic.Field(default_factory=list, alias=items_field)),
        next_=(str | None, pydantic.Field(default=None, alias="next")),
        has_more=(bool | None, pydantic.Field(default=None, alias="has-more")),
    )


def _paged(handler: Callable[[httpx.Request], httpx.Response]) -> PostHog:
    return PostHog(api_key=SECRET_KEY, project_id=PROJECT, http_client=httpx.Client(transport=httpx.MockTransport(handler)))


@pytest.mark.parametrize("field", ENVELOPE_FIELDS)
def test_envelope_fields_are_read_by_wire_name(field: str) -> None:
    """An items field called `json` is the field, not BaseModel.json; `page-items` is found by its alias."""
    envelope = _envelope_model(field)
    operation = Operation("things_list", "get", "/api/things/", responses={"200": (ResponseSpec("json", envelope),)})
    style: PageStyle[Item] = PageStyle("page", items=field, count=None, next="next")

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        link = "https://us.posthog.com/api/things/?page=2" if page == 1 else None
        return httpx.Response(200, json={field: [{"id": page * 10}, {"id": page * 10 + 1}], "next": link})

    page = _paged(handler).request_page(operation, style)
    assert [item.id for item in page.items] == [10, 11]
    assert [item.id for item in page] == [10, 11, 20, 21]


def test_a_has_more_field_with_a_dash_is_followed() -> None:
    envelope = _envelope_model("results")
    operation = Operation("things_list", "get", "/api/things/", responses={"200": (ResponseSpec("json", envelope),)})
    style: PageStyle[Item] = PageStyle("offset", items="results", count=None, next=None, has_more="has-more")
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        seen.append(request.url.params.get("offset"))
        return httpx.Response(200, json={"results": [{"id": offset}, {"id": offset + 1}], "has-more": offset < 4})

    assert [item.id for item in _paged(handler).request_page(operation, style)] == [0, 1, 2, 3, 4, 5]
    assert seen == [None, "2", "4"]


# -- errors keep the key out of pickles ---------------------------------------------------------

ERRORS = {
    "status": (Reply(401, INVALID_KEY), errors.AuthenticationError),
    "rate limit": (Reply(429, THROTTLED, headers={"Retry-After": "3600"}), errors.RateLimitError),
    "server": (Reply(500, SERVER_ERROR), errors.InternalServerError),
    "redirect": (Reply(302, headers={"Location": "https://elsewhere.example.com/"}), errors.RedirectError),
    "contract": (Reply(201, {"id": 1}), errors.ResponseValidationError),
    "connection": (Reset(), errors.APIConnectionError),
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_an_error_pickles_without_the_key_and_loads_back(server: LoopbackBackend, name: str) -> None:
    step, error_class = ERRORS[name]
    server.script(step)
    with pytest.raises(error_class) as caught:
        server.client().insight_variables.create(name="Plan", type="List")
    error = caught.value
    assert error.request is not None and SECRET_KEY in str(error.request.headers.get("authorization"))
    data = pickle.dumps(error)
    assert SECRET_KEY.encode() not in data
    loaded = pickle.loads(data)
    assert type(loaded) is error_class and str(loaded) == str(error) and loaded.request is None
    if isinstance(error, errors.APIStatusError):
        assert (loaded.status_code, loaded.body, loaded.response) == (error.status_code, error.body, None)


def test_a_timeout_error_pickles_without_the_key(server: LoopbackBackend) -> None:
    server.script(Stall())
    with pytest.raises(errors.APITimeoutError) as caught:
        server.client(timeout=0.2, max_retries=0).insight_variables.retrieve(VARIABLE_ID)
    assert SECRET_KEY.encode() not in pickle.dumps(caught.value)
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)
