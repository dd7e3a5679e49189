"""Run a long-running job to completion: start it, poll its status, cancel on timeout.

PostHog's asynchronous queries work this way: `POST query/` with
`refresh: "async"` answers 202 with a status object; `GET query/{id}/` answers
202 while the query runs, 200 with the results when it is done and 400 (with
the same status object) when it failed; `DELETE query/{id}/` cancels it. The
field names come from the spec's `x-long-running`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import pydantic

from . import _exceptions as errors
from . import _settings as settings
from ._base_client import (
    RAW_RESPONSE_HEADER,
    APIResponse,
    AsyncAPIClient,
    Operation,
    SyncAPIClient,
    _BaseClient,
    _wants_raw,
    _without_raw,
    describe_validation_error,
    json_text,
)
from ._models import construct, validate_python
from ._types import NotGiven

__all__ = ["LongRunningSpec", "Progress", "run_to_completion", "async_run_to_completion"]

log = logging.getLogger(settings.PACKAGE)

#: seconds before the first poll; each wait is POLL_BACKOFF times the last, up to MAX_POLL_DELAY
FIRST_POLL_DELAY = 0.2
MAX_POLL_DELAY = 2.0
POLL_BACKOFF = 1.5
#: seconds the cancel request may take: it runs while the caller is waiting to get control back
CANCEL_TIMEOUT = 10.0
#: how often an asyncio task waiting for a job slot looks again
SLOT_POLL_INTERVAL = 0.05


@dataclass(frozen=True)
class LongRunningSpec:
    start: Operation[Any]
    poll: Operation[Any]
    cancel: Operation[Any] | None
    id_param: str  # the poll and cancel operations' path parameter that takes the job id
    start_fields: Mapping[str, object]
    poll_query: Mapping[str, object]
    status: str
    id: str
    complete: str
    error: str
    error_message: str
    results: str
    progress: str
    result_type: Any
    #: how many such jobs the server runs at once for one account (None: no limit)
    max_concurrent: int | None = None


class _Slots:
    """A count of jobs in flight, shared by the threads and asyncio tasks of a process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_use = 0
        self._ready = threading.Condition()

    def try_acquire(self) -> bool:
        with self._ready:
            if self.in_use < self.limit:
                self.in_use += 1
                return True
            return False

    def acquire(self) -> None:
        with self._ready:
            self._ready.wait_for(lambda: self.in_use < self.limit)
            self.in_use += 1

    async def acquire_async(self) -> None:
        # Polled rather than waited on in a thread: a cancelled task then holds nothing.
        while not self.try_acquire():
            await asyncio.sleep(SLOT_POLL_INTERVAL)

    def release(self) -> None:
        with self._ready:
            self.in_use -= 1
            self._ready.notify()


_slots: dict[tuple[object, ...], _Slots] = {}
_slots_lock = threading.Lock()


def _slots_for(client: _BaseClient, spec: LongRunningSpec) -> _Slots | None:
    """The job slots of the account `client` works on: per server and path defaults
    (PostHog's project), shared by every client of the process."""
    limit = client.max_concurrent_jobs or spec.max_concurrent
    if limit is None:
        return None
    key = (str(client.base_url), tuple(sorted(client._path_defaults.items())), limit)
    with _slots_lock:
        found = _slots.get(key)
        if found is None:
            found = _slots[key] = _Slots(limit)
        return found


@dataclass(frozen=True)
class Progress:
    """Where a running job is, as the server reports it."""

    job_id: str
    elapsed: float  # seconds since the job was started by this call
    rows_read: int | None = None
    bytes_read: int | None = None
    estimated_rows_total: int | None = None
    raw: Any = None  # the server's whole progress object


ProgressCallback = Callable[[Progress], None]


class _Job:
    """One run of a job as it is polled: its id, last status and deadline.

    The sync and async loops share it, so each of them only does the I/O.
    """

    def __init__(
        self,
        spec: LongRunningSpec,
        path: Mapping[str, object],
        clock: Callable[[], float],
        wait_timeout: float | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.spec = spec
        self.path = path
        self.clock = clock
        self.started = clock()
        self.wait_timeout = wait_timeout
        self.on_progress = on_progress
        self.id = ""
        self.status: dict[str, Any] = {}
        self.response: httpx.Response | None = None
        self.last: APIResponse[Any] | None = None  # the last poll's answer
        self._delay = FIRST_POLL_DELAY

    def start_body(self, body: Mapping[str, object]) -> dict[str, object]:
        """The caller's body, with the fields that start the job in the background where the
        caller left them out."""
        given = {k: v for k, v in body.items() if not isinstance(v, NotGiven)}
        return {**self.spec.start_fields, **given}

    def begin(self, first: APIResponse[Any]) -> bool:
        """Read the start call's answer; True when it is the final result itself (a cached or
        blocking run)."""
        status = _status_of(_json(first.http_response), self.spec)
        if status is None:
            return True
        if (
            first.status_code != 202
            and status.get(self.spec.complete)
            and status.get(self.spec.results) is None
        ):
            return True  # a finished result that merely carries its status along
        job_id = status.get(self.spec.id)
        if not isinstance(job_id, (str, int)) or isinstance(job_id, bool):
            raise errors.ResponseValidationError(
                first.http_response, f"{self.spec.status}.{self.spec.id}: missing"
            )
        self.id = str(job_id)
        self.status, self.response = status, first.http_response
        return False

    @property
    def complete(self) -> bool:
        return bool(self.status.get(self.spec.complete))

    @property
    def job_path(self) -> dict[str, object]:
        return {**self.path, self.spec.id_param: self.id}

    def report_progress(self) -> None:
        if self.on_progress is None:
            return
        raw = self.status.get(self.spec.progress)
        data = raw if isinstance(raw, dict) else {}
        self.on_progress(
            Progress(
                job_id=self.id,
                elapsed=self.clock() - self.started,
                rows_read=data.get("rows_read"),
                bytes_read=data.get("bytes_read"),
                estimated_rows_total=data.get("estimated_rows_total"),
                raw=raw,
            )
        )

    def next_delay(self) -> float:
        """Seconds to wait before the next poll; raises LongRunningTimeoutError once the
        deadline has passed."""
        delay = self._delay
        self._delay = min(self._delay * POLL_BACKOFF, MAX_POLL_DELAY)
        if self.wait_timeout is None:
            return delay
        remaining = self.wait_timeout - (self.clock() - self.started)
        if remaining <= 0:
            raise self.timed_out()
        return min(delay, remaining)

    @property
    def deadline(self) -> float | None:
        """When waiting ends (on `clock`): every poll, retries included, ends by then."""
        return None if self.wait_timeout is None else self.started + self.wait_timeout

    def not_started(self) -> errors.LongRunningTimeoutError:
        """The error when `wait_timeout` (which bounds the whole call) ran out before the
        request that starts the job was answered."""
        return errors.LongRunningTimeoutError(
            f"The query did not start within {self.wait_timeout:g}s "
            "(the request to start it had no answer)",
            status=None,
        )

    def timed_out(self) -> errors.LongRunningTimeoutError:
        return errors.LongRunningTimeoutError(
            f"Query {self.id} did not finish within {self.wait_timeout:g}s; it was cancelled",
            job_id=self.id,
            status=self.status,
        )

    def accept(self, polled: APIResponse[Any]) -> None:
        self.last = polled
        self.status = _status_of(_json(polled.http_response), self.spec) or {}
        self.response = polled.http_response

    def failure_in(self, exc: errors.APIStatusError) -> errors.LongRunningError | None:
        """The job's own error when an error status carries a failed job's status (PostHog
        answers 400)."""
        status = _status_of(exc.body, self.spec)
        if status is None or not status.get(self.spec.error):
            return None
        self.status = status
        return self.failure()

    def failure(self) -> errors.LongRunningError:
        message = self.status.get(self.spec.error_message)
        text = " ".join(str(message).split()) if message else "it failed without an error message"
        return errors.LongRunningError(
            f"Query {self.id} failed: {text}",
            job_id=self.id,
            status=self.status,
            error_message=message,
        )

    def result(self, strict: bool) -> Any:
        """The finished job's typed result; raises the job's error if it failed. A result
        that does not match the document raises when `strict`, else is read leniently."""
        if self.status.get(self.spec.error):
            raise self.failure()
        results = self.status.get(self.spec.results)
        try:
            return validate_python(self.spec.result_type, results)
        except pydantic.ValidationError as exc:
            assert self.response is not None  # set by begin() before any result exists
            if strict:
                problem = describe_validation_error(exc, self.response)
                raise errors.ResponseValidationError(
                    self.response, f"results of query {self.id}: {problem}"
                ) from None

        def note(field: str, problem: str) -> None:
            log.debug(
                f"results of query {self.id} differ from the API document at {field}: {problem}"
            )

        return construct(self.spec.result_type, results, note)


def _status_of(body: Any, spec: LongRunningSpec) -> dict[str, Any] | None:
    if isinstance(body, dict) and isinstance(body.get(spec.status), dict):
        status: dict[str, Any] = body[spec.status]
        return status
    return None


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(json_text(response))
    except ValueError:
        raise errors.ResponseValidationError(response, "the body is not valid JSON") from None


def _answer(want_raw: bool, response: APIResponse[Any], value: Any) -> Any:
    """The result, or (for `with_raw_response`) the last response with the result as its parse()."""
    if not want_raw:
        return value
    return APIResponse(response.http_response, lambda: value, response.retries_taken)


def _raw(extra_headers: Mapping[str, str] | None) -> dict[str, str]:
    """Ask `request` for the whole response: polling needs the status code and the raw
    status object."""
    return {**(extra_headers or {}), RAW_RESPONSE_HEADER: "true"}


def _run(
    client: SyncAPIClient,
    spec: LongRunningSpec,
    *,
    path: Mapping[str, object],
    body: Mapping[str, object],
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
    extra_headers: Mapping[str, str] | None = None,
) -> Any:
    """Start the job, poll until it completes, return its typed result.

    The job is cancelled on the server when `wait_timeout` passes or the caller
    presses Ctrl-C; the error (or KeyboardInterrupt) is raised after that.
    """
    want_raw, extra_headers = _wants_raw(extra_headers), _without_raw(extra_headers)
    job = _Job(spec, path, client._clock, wait_timeout, on_progress)
    try:
        first: APIResponse[Any] = client.request(
            spec.start,
            path=path,
            body=job.start_body(body),
            extra_headers=_raw(extra_headers),
            deadline=job.deadline,
        )
    except errors.APITimeoutError as exc:
        if job.deadline is not None and client._clock() >= job.deadline:
            raise job.not_started() from exc
        raise
    try:
        if job.begin(first):
            return _answer(want_raw, first, first.parse())
        try:
            while not job.complete:
                job.report_progress()
                client._sleep(job.next_delay())
                job.accept(_poll(client, job, extra_headers))
        except (errors.LongRunningTimeoutError, KeyboardInterrupt):
            _cancel(client, job, extra_headers)
            raise
        return _answer(want_raw, job.last or first, job.result(client.strict_response_validation))
    except errors.APIError as exc:
        client._redact_error(exc)
        raise


def _poll(
    client: SyncAPIClient, job: _Job, extra_headers: Mapping[str, str] | None
) -> APIResponse[Any]:
    try:
        polled: APIResponse[Any] = client.request(
            job.spec.poll,
            path=job.job_path,
            query=job.spec.poll_query,
            extra_headers=_raw(extra_headers),
            deadline=job.deadline,
        )
    except errors.APITimeoutError as exc:
        if job.deadline is not None and client._clock() >= job.deadline:
            raise job.timed_out() from exc
        raise
    except errors.APIStatusError as exc:
        failure = job.failure_in(exc)
        if failure is None:
            raise
        raise failure from exc
    return polled


def _cancel(client: SyncAPIClient, job: _Job, extra_headers: Mapping[str, str] | None) -> None:
    if job.spec.cancel is None:
        return
    try:
        client.request(
            job.spec.cancel, path=job.job_path, extra_headers=extra_headers, timeout=CANCEL_TIMEOUT
        )
    except errors.APIError as exc:
        # Best effort: the job may have finished meanwhile; the caller's own error matters more.
        log.warning(client._redact(f"could not cancel query {job.id}: {exc}"))


async def _async_run(
    client: AsyncAPIClient,
    spec: LongRunningSpec,
    *,
    path: Mapping[str, object],
    body: Mapping[str, object],
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
    extra_headers: Mapping[str, str] | None = None,
) -> Any:
    """Start the job, poll until it completes, return its typed result (see `run_to_completion`).

    Cancelling the awaiting task cancels the job on the server too.
    """
    want_raw, extra_headers = _wants_raw(extra_headers), _without_raw(extra_headers)
    job = _Job(spec, path, client._clock, wait_timeout, on_progress)
    try:
        first: APIResponse[Any] = await client.request(
            spec.start,
            path=path,
            body=job.start_body(body),
            extra_headers=_raw(extra_headers),
            deadline=job.deadline,
        )
    except errors.APITimeoutError as exc:
        if job.deadline is not None and client._clock() >= job.deadline:
            raise job.not_started() from exc
        raise
    try:
        if job.begin(first):
            return _answer(want_raw, first, first.parse())
        try:
            while not job.complete:
                job.report_progress()
                await client._sleep(job.next_delay())
                job.accept(await _async_poll(client, job, extra_headers))
        except (errors.LongRunningTimeoutError, asyncio.CancelledError, KeyboardInterrupt):
            await _async_cancel(client, job, extra_headers)
            raise
        return _answer(want_raw, job.last or first, job.result(client.strict_response_validation))
    except errors.APIError as exc:
        client._redact_error(exc)
        raise


async def _async_poll(
    client: AsyncAPIClient, job: _Job, extra_headers: Mapping[str, str] | None
) -> APIResponse[Any]:
    try:
        polled: APIResponse[Any] = await client.request(
            job.spec.poll,
            path=job.job_path,
            query=job.spec.poll_query,
            extra_headers=_raw(extra_headers),
            deadline=job.deadline,
        )
    except errors.APITimeoutError as exc:
        if job.deadline is not None and client._clock() >= job.deadline:
            raise job.timed_out() from exc
        raise
    except errors.APIStatusError as exc:
        failure = job.failure_in(exc)
        if failure is None:
            raise
        raise failure from exc
    return polled


async def _async_cancel(
    client: AsyncAPIClient, job: _Job, extra_headers: Mapping[str, str] | None
) -> None:
    if job.spec.cancel is None:
        return
    try:
        await client.request(
            job.spec.cancel, path=job.job_path, extra_headers=extra_headers, timeout=CANCEL_TIMEOUT
        )
    except errors.APIError as exc:
        log.warning(client._redact(f"could not cancel query {job.id}: {exc}"))


def run_to_completion(
    client: SyncAPIClient,
    spec: LongRunningSpec,
    *,
    path: Mapping[str, object],
    body: Mapping[str, object],
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
    extra_headers: Mapping[str, str] | None = None,
) -> Any:
    """Start the job, poll until it completes, return its typed result.

    The job is cancelled on the server when `wait_timeout` passes or the caller
    presses Ctrl-C; the error (or KeyboardInterrupt) is raised after that. When the API
    limits how many such jobs run at once, this waits for a free slot first.
    """
    slots = _slots_for(client, spec)
    if slots is not None:
        slots.acquire()
    try:
        return _run(
            client,
            spec,
            path=path,
            body=body,
            wait_timeout=wait_timeout,
            on_progress=on_progress,
            extra_headers=extra_headers,
        )
    finally:
        if slots is not None:
            slots.release()


async def async_run_to_completion(
    client: AsyncAPIClient,
    spec: LongRunningSpec,
    *,
    path: Mapping[str, object],
    body: Mapping[str, object],
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
    extra_headers: Mapping[str, str] | None = None,
) -> Any:
    """The async twin of `run_to_completion`: cancelling the awaiting task cancels the
    job on the server too."""
    slots = _slots_for(client, spec)
    if slots is not None:
        await slots.acquire_async()
    try:
        return await _async_run(
            client,
            spec,
            path=path,
            body=body,
            wait_timeout=wait_timeout,
            on_progress=on_progress,
            extra_headers=extra_headers,
        )
    finally:
        if slots is not None:
            slots.release()
