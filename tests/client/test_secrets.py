"""The API key never appears in a log line, an exception message or a repr.

Every failure scenario runs again, on both backends, with `POSTHOG_LOG=debug`
and every logger captured at DEBUG (the client's, httpx's and httpcore's).
Then each log line, each exception the scenarios saw (with its causes) and the
clients' reprs are searched for the key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest

import posthog_api._base_client as base_client
from posthog_api import errors
from tests.client import scenarios
from tests.client._faults import (
    SECRET_KEY,
    Backend,
    LoopbackBackend,
    Reply,
    TransportBackend,
    backend_named,
)
from tests.client.scenarios import VARIABLE_ID, expect


@pytest.fixture
def debug_logging(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """POSTHOG_LOG=debug as a user would set it, and everything captured at DEBUG; undone afterwards."""
    monkeypatch.setenv("POSTHOG_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    logger = base_client.log
    handlers, level = list(logger.handlers), logger.level
    yield caplog
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture(params=["transport", "loopback"])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    yield from backend_named(request.param)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it was raised from or during."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _assert_no_key(backend: Backend, caplog: pytest.LogCaptureFixture) -> None:
    lines = [record.getMessage() for record in caplog.records]
    leaks = [line for line in lines if SECRET_KEY in line]
    assert not leaks, f"the API key is in {len(leaks)} log line(s), e.g. {leaks[0]!r}"
    for error in backend.errors:
        for exc in _chain(error):
            assert SECRET_KEY not in str(exc), f"the API key is in the message of {exc!r}"
            assert SECRET_KEY not in repr(exc)
    for client in backend.clients:
        assert SECRET_KEY not in repr(client)


@pytest.mark.parametrize("scenario", scenarios.SCENARIOS, ids=lambda s: s.__name__)
def test_no_scenario_leaks_the_key(
    scenario: Callable[[Backend], None], backend: Backend, debug_logging: pytest.LogCaptureFixture
) -> None:
    scenario(backend)
    _assert_no_key(backend, debug_logging)
    # The scenario was logged, key redacted: otherwise this test would prove nothing.
    ours = [r.getMessage() for r in debug_logging.records if r.name == "posthog_api"]
    requests = [line for line in ours if line.startswith("request ")]
    assert requests and all("'authorization': '<redacted>'" in line for line in requests)
    assert all("\n" not in line for line in ours)  # one event, one line


@pytest.mark.parametrize("backend_class", [TransportBackend, LoopbackBackend], ids=["transport", "loopback"])
def test_a_server_echoing_the_key_does_not_leak_it(
    backend_class: type[Backend], debug_logging: pytest.LogCaptureFixture
) -> None:
    """A proxy that quotes the Authorization header back must not put the key in our logs or errors."""
    backend = backend_class()
    try:
        echo = {"detail": f"Bearer {SECRET_KEY} is not a valid token", "code": "invalid_token"}
        backend.script(Reply(401, echo))
        client = backend.client()
        error = expect(backend, errors.AuthenticationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
        assert str(error) == "401 invalid_token: Bearer <redacted> is not a valid token"
        _assert_no_key(backend, debug_logging)
    finally:
        backend.close()


def test_reprs_do_not_show_the_key() -> None:
    backend = TransportBackend()
    try:
        client = backend.client()
        assert repr(client) == f"PostHog(base_url='{backend.url}/', api_key='<redacted>')"
        assert SECRET_KEY not in repr(client.with_options(max_retries=0))
    finally:
        backend.close()
