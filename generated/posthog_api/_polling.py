"""Run a long-running job to completion: start it, poll its status, cancel on timeout.

PostHog's asynchronous queries work this way: `POST query/` with
`refresh: "async"` answers 202 with a status object; `GET query/{id}/` answers
202 while the query runs and 200 with the results when it is done; `DELETE
query/{id}/` cancels it. The field names come from the spec's `x-long-running`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pydantic

from . import errors
from ._base_client import RAW_RESPONSE_HEADER, APIResponse, AsyncAPIClient, Operation, SyncAPIClient
from ._models import validate_python
from ._types import NotGiven

__all__ = ["LongRunningSpec", "Progress", "run_to_completion", "async_run_to_completion"]

FIRST_POLL_DELAY = 0.2
MAX_POLL_DELAY = 2.0
POLL_BACKOFF = 1.5


@dataclass(frozen=True)
class LongRunningSpec:
    start: Operation
    poll: Operation
    cancel: Operation | None
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


@dataclass(frozen=True)
class Progress:
    """Where a running job is, as the server reports it."""

    job_id: str
    elapsed: float  # seconds since the job was started by this call
    rows_read: int | None = None
    bytes_read: int | None = None
    estimated_rows_total: int | None = None
    raw: Any = None


ProgressCallback = Callable[[Progress], None]


def _status_of(body: Any, spec: LongRunningSpec) -> dict[str, Any] | None:
    if isinstance(body, dict) and isinstance(body.get(spec.status), dict):
        status: dict[str, Any] = body[spec.status]
        return status
    return None


def _progress(
    status: dict[str, Any], spec: LongRunningSpec, job_id: str, started: float
) -> Progress:
    raw = status.get(spec.progress)
    data = raw if isinstance(raw, dict) else {}
    return Progress(
        job_id=job_id,
        elapsed=time.monotonic() - started,
        rows_read=data.get("rows_read"),
        bytes_read=data.get("bytes_read"),
        estimated_rows_total=data.get("estimated_rows_total"),
        raw=raw,
    )


def _finished(status: dict[str, Any], spec: LongRunningSpec, job_id: str, response: Any) -> Any:
    if status.get(spec.error):
        message = status.get(spec.error_message) or "the job failed without a message"
        raise errors.LongRunningError(
            f"Query {job_id} failed: {message}", job_id=job_id, status=status
        )
    try:
        return validate_python(spec.result_type, status.get(spec.results))
    except pydantic.ValidationError as exc:
        raise errors.ResponseValidationError(
            response, f"results of job {job_id}: {exc.errors()[0].get('msg')}"
        ) from None


def _start_body(spec: LongRunningSpec, body: Mapping[str, object]) -> dict[str, object]:
    """The caller's body, with the fields that start the job in the background where the caller left them out."""
    given = {k: v for k, v in body.items() if not isinstance(v, NotGiven)}
    return {**spec.start_fields, **given}


def _json(response: APIResponse[Any]) -> Any:
    try:
        return response.http_response.json()
    except ValueError:
        raise errors.ResponseValidationError(response.http_response, "invalid JSON") from None


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
    """Start the job, poll until it completes, return its typed result."""
    started = time.monotonic()
    raw_headers = {**(extra_headers or {}), RAW_RESPONSE_HEADER: "true"}
    first: APIResponse[Any] = client.request(
        spec.start, path=path, body=_start_body(spec, body), extra_headers=raw_headers
    )
    data = _json(first)
    status = _status_of(data, spec)
    if status is None or (
        first.status_code != 202 and status.get(spec.complete) and status.get(spec.results) is None
    ):
        # Answered at once (a cached or blocking run): the body is the result itself.
        return first.parse()
    job_id = str(status.get(spec.id))
    delay = FIRST_POLL_DELAY
    try:
        while not status.get(spec.complete):
            if on_progress is not None:
                on_progress(_progress(status, spec, job_id, started))
            if wait_timeout is not None and time.monotonic() - started + delay > wait_timeout:
                raise errors.LongRunningTimeoutError(
                    f"Query {job_id} did not finish within {wait_timeout:g}s; it was cancelled",
                    job_id=job_id,
                    status=status,
                )
            client._sleep(delay)
            delay = min(delay * POLL_BACKOFF, MAX_POLL_DELAY)
            polled: APIResponse[Any] = client.request(
                spec.poll,
                path={**path, spec.id_param: job_id},
                query=spec.poll_query,
                extra_headers=raw_headers,
            )
            status = _status_of(_json(polled), spec) or {}
            first = polled
        return _finished(status, spec, job_id, first.http_response)
    except (errors.LongRunningTimeoutError, KeyboardInterrupt):
        _cancel(client, spec, path, job_id, extra_headers)
        raise


def _cancel(
    client: SyncAPIClient,
    spec: LongRunningSpec,
    path: Mapping[str, object],
    job_id: str,
    extra_headers: Mapping[str, str] | None,
) -> None:
    if spec.cancel is None:
        return
    try:
        client.request(
            spec.cancel, path={**path, spec.id_param: job_id}, extra_headers=extra_headers
        )
    except errors.APIError:
        pass  # best effort: the job may have finished meanwhile


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
    started = time.monotonic()
    raw_headers = {**(extra_headers or {}), RAW_RESPONSE_HEADER: "true"}
    first: APIResponse[Any] = await client.request(
        spec.start, path=path, body=_start_body(spec, body), extra_headers=raw_headers
    )
    data = _json(first)
    status = _status_of(data, spec)
    if status is None or (
        first.status_code != 202 and status.get(spec.complete) and status.get(spec.results) is None
    ):
        return first.parse()
    job_id = str(status.get(spec.id))
    delay = FIRST_POLL_DELAY
    try:
        while not status.get(spec.complete):
            if on_progress is not None:
                on_progress(_progress(status, spec, job_id, started))
            if wait_timeout is not None and time.monotonic() - started + delay > wait_timeout:
                raise errors.LongRunningTimeoutError(
                    f"Query {job_id} did not finish within {wait_timeout:g}s; it was cancelled",
                    job_id=job_id,
                    status=status,
                )
            await client._sleep(delay)
            delay = min(delay * POLL_BACKOFF, MAX_POLL_DELAY)
            polled: APIResponse[Any] = await client.request(
                spec.poll,
                path={**path, spec.id_param: job_id},
                query=spec.poll_query,
                extra_headers=raw_headers,
            )
            status = _status_of(_json(polled), spec) or {}
            first = polled
        return _finished(status, spec, job_id, first.http_response)
    except (errors.LongRunningTimeoutError, asyncio.CancelledError, KeyboardInterrupt):
        if spec.cancel is not None:
            try:
                await client.request(
                    spec.cancel, path={**path, spec.id_param: job_id}, extra_headers=extra_headers
                )
            except errors.APIError:
                pass
        raise
