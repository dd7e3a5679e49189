"""Calls every seed operation through the generated clients against a Prism server and
records, for each, what Prism said about the request and how the client read the
response (tests/contract/expect.py judges the outcomes).

A call is made the way tests/client/test_every_operation.py makes it, from the
operation's fixture (posthog_api/testing/fixtures). The HTTP exchange is recorded below
the client, so Prism's verdict is read from its own answer: a request Prism refuses gets
an application/problem+json body whose `type` is one of Prism's error types
(https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY for a request that does not
match the document, NO_PATH_MATCHED_ERROR for a path it lacks ...), or, where the
document has a response for the error, that response with the reasons in the
`sl-violations` header. The same header lists what Prism finds wrong with the response
it sends (locations starting with "response").
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from tests.client.test_every_operation import OPERATIONS, VIEWS, _call_arguments, _fixture, _target

PRISM_ERRORS = "https://stoplight.io/prism/errors#"
API_KEY = "phx_contract_test"
PROJECT = "12345"


@dataclass(frozen=True)
class Violation:
    """One complaint of Prism's validator."""

    location: tuple[str, ...]  # ("body", "refresh"), ("query", "limit"), ("request",), () ...
    code: str  # ajv's keyword (additionalProperties, required, enum, type ...) or Prism's
    message: str
    severity: str = "Error"

    def __str__(self) -> str:
        where = ".".join(self.location)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Verdict:
    rejected: str | None = None  # Prism's error type when it refused the request
    status: int | None = None
    request: list[Violation] = field(default_factory=list)  # why it refused (or warned)
    response: list[str] = field(default_factory=list)  # what it found wrong with its own response


@dataclass
class Outcome:
    operation_id: str
    mode: str  # sync | async
    strict: bool
    sent: tuple[str, str, str, bytes] = ("", "", "", b"")  # method, path, query, body
    verdict: Verdict = field(default_factory=Verdict)
    error: Exception | None = None  # what the client raised
    differences: list[str] = field(
        default_factory=list
    )  # what lenient reading logged: "field: problem"
    result: Any = None
    exchanges: int = 0

    @property
    def accepted(self) -> bool:
        return self.exchanges > 0 and self.verdict.rejected is None

    @property
    def error_text(self) -> str:
        return f"{type(self.error).__name__}: {self.error}" if self.error is not None else ""

    def summary(self) -> Outcome:
        """A copy without the client's objects (the error raised, the result), which
        cannot all cross a process boundary; what the tests read stays."""
        return replace(self, error=None, result=None)


class _Recorder:
    """The exchanges of the current call (one transport serves every call of a run)."""

    def __init__(self) -> None:
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []


class _SyncRecording(httpx.BaseTransport):
    def __init__(self, recorder: _Recorder) -> None:
        self.inner = httpx.HTTPTransport()
        self.recorder = recorder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.recorder.exchanges.append((request, response))
        return response

    def close(self) -> None:
        self.inner.close()


class _AsyncRecording(httpx.AsyncBaseTransport):
    def __init__(self, recorder: _Recorder) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self.recorder.exchanges.append((request, response))
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class _Differences(logging.Handler):
    """What lenient reading logs (posthog_api's logger, debug level) for the current call."""

    MARK = " differs from the API document at "

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if self.MARK in message:
            self.messages.append(message.split(self.MARK, 1)[1])


@contextlib.contextmanager
def _capture_differences() -> Iterator[_Differences]:
    handler = _Differences()
    logger = logging.getLogger("posthog_api")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _violations(header: str) -> list[dict[str, Any]]:
    """sl-violations: a JSON list, or "Too many violations! [..." cut short."""
    start = header.find("[")
    with contextlib.suppress(ValueError):
        return list(json.loads(header[start:]))
    # cut short: keep the whole objects it still holds
    return [
        json.loads(m.group(0))
        for m in re.finditer(
            r'\{"location":\[[^\]]*\],"severity":"[^"]*",'
            r'"code":[^,]*,"message":"(?:[^"\\]|\\.)*"\}',
            header,
        )
    ]


def _violation(v: dict[str, Any]) -> Violation:
    return Violation(
        tuple(str(p) for p in v.get("location") or ()),
        str(v.get("code", "")),
        str(v.get("message", "")),
        str(v.get("severity", "Error")),
    )


def read_verdict(response: httpx.Response) -> Verdict:
    """Prism's verdict on the request behind `response` and on the response itself."""
    verdict = Verdict(status=response.status_code)
    found = [_violation(v) for v in _violations(response.headers.get("sl-violations", ""))]
    on_request = [v for v in found if not v.location or v.location[0] != "response"]
    verdict.response = [str(v) for v in found if v.location and v.location[0] == "response"]
    verdict.request = on_request
    if "problem+json" in response.headers.get("content-type", ""):
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        kind = str(problem.get("type", ""))
        if kind.startswith(PRISM_ERRORS):
            verdict.rejected = kind[len(PRISM_ERRORS) :]
            listed = [_violation(v) for v in problem.get("validation") or ()]
            verdict.request = listed or [
                Violation((), verdict.rejected, str(problem.get("detail", "")))
            ]
            return verdict
    if any(v.severity.lower() == "error" for v in on_request):
        verdict.rejected = (
            "SL_VIOLATIONS"  # a response of the document, with the reasons in the header
        )
    return verdict


def _record(
    outcome: Outcome,
    recorder: _Recorder,
    result: Any,
    exc: Exception | None,
    differences: list[str],
) -> Outcome:
    outcome.exchanges = len(recorder.exchanges)
    if recorder.exchanges:
        request, response = recorder.exchanges[0]
        outcome.sent = (
            request.method,
            request.url.path,
            request.url.query.decode(),
            request.content,
        )
        outcome.verdict = read_verdict(response)
    outcome.error = exc
    outcome.result = result
    outcome.differences = list(differences)
    return outcome


def _client_kwargs(url: str, strict: bool) -> dict[str, Any]:
    # retries off: one request per call, so that Prism's answer is the one recorded
    return {
        "api_key": API_KEY,
        "project_id": PROJECT,
        "host": url,
        "max_retries": 0,
        "timeout": 120.0,
        "strict_response_validation": strict,
    }


def run_sync(url: str, strict: bool, operation_ids: list[str]) -> list[Outcome]:
    from posthog_api import PostHog

    recorder = _Recorder()
    outcomes = []
    with (
        _capture_differences() as log,
        PostHog(
            **_client_kwargs(url, strict),
            http_client=httpx.Client(transport=_SyncRecording(recorder)),
        ) as client,
    ):
        for operation_id in operation_ids:
            op = OPERATIONS[operation_id]
            args, kwargs, _path, _query, _body = _call_arguments(op, _fixture(operation_id))
            recorder.exchanges.clear()
            log.messages.clear()
            result: Any = None
            exc: Exception | None = None
            try:
                result = _target(client, op)(*args, **kwargs)
                if VIEWS[operation_id].stream:
                    result = list(result)
            except Exception as e:  # noqa: BLE001 - every failure is an outcome
                exc = e
            outcomes.append(
                _record(Outcome(operation_id, "sync", strict), recorder, result, exc, log.messages)
            )
    return outcomes


def run_async(url: str, strict: bool, operation_ids: list[str]) -> list[Outcome]:
    from posthog_api import AsyncPostHog

    recorder = _Recorder()

    async def run(log: _Differences) -> list[Outcome]:
        outcomes = []
        async with AsyncPostHog(
            **_client_kwargs(url, strict),
            http_client=httpx.AsyncClient(transport=_AsyncRecording(recorder)),
        ) as client:
            for operation_id in operation_ids:
                op = OPERATIONS[operation_id]
                args, kwargs, _path, _query, _body = _call_arguments(op, _fixture(operation_id))
                recorder.exchanges.clear()
                log.messages.clear()
                result: Any = None
                exc: Exception | None = None
                try:
                    result = await _target(client, op)(*args, **kwargs)
                    if VIEWS[operation_id].stream:
                        result = [event async for event in result]
                except Exception as e:  # noqa: BLE001 - every failure is an outcome
                    exc = e
                outcomes.append(
                    _record(
                        Outcome(operation_id, "async", strict), recorder, result, exc, log.messages
                    )
                )
        return outcomes

    with _capture_differences() as log:
        return asyncio.run(run(log))


def run_all(url: str, operation_ids: list[str] | None = None) -> list[Outcome]:
    """Every seed operation, through the sync and the async client, lenient and strict."""
    ids = sorted(OPERATIONS) if operation_ids is None else operation_ids
    outcomes = []
    for strict in (False, True):
        outcomes += run_sync(url, strict, ids)
        outcomes += run_async(url, strict, ids)
    return outcomes


def canaries(url: str, document: dict[str, Any]) -> dict[str, Verdict]:
    """For each seed operation whose served document takes a JSON object body: Prism's
    verdict on a JSON string sent instead. A rejection proves that Prism validates that
    body (it silently validates nothing when its validator cannot compile the schema),
    so that "accepted" means something."""
    from tests.contract.prism import resolve

    verdicts = {}
    with httpx.Client(timeout=120.0) as http:
        for operation_id in sorted(OPERATIONS):
            op = OPERATIONS[operation_id]
            item = document["paths"].get(op.path, {}).get(op.method.lower())
            content = ((item or {}).get("requestBody") or {}).get("content", {})
            schema = resolve(document, (content.get("application/json") or {}).get("schema"))
            if not isinstance(schema, dict) or schema.get("type") != "object":
                continue
            _args, _kwargs, path, _query, _body = _call_arguments(op, _fixture(operation_id))
            response = http.request(
                op.method.upper(),
                url + path,
                content=b'"canary"',
                headers={"content-type": "application/json", "authorization": f"Bearer {API_KEY}"},
            )
            verdicts[operation_id] = read_verdict(response)
    return verdicts
