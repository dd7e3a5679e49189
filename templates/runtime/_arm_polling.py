"""Azure's long-running operations (`x-ms-long-running-operation`), waited for.

An Azure Resource Manager operation that takes a while answers at once (201 or 202, or
200 with a provisioning state still running) and says where to watch it, as AutoRest's
clients read it:

- an `Azure-AsyncOperation` (or `Operation-Location`) header: a status monitor, whose
  body's `status` becomes Succeeded, Failed or Canceled; the result is then fetched
  from the resource itself (PUT, PATCH), from the `Location` header (POST), or is the
  monitor's last body (a POST with no Location, a DELETE), as the document's
  `final-state-via` says;
- else a `Location` header: it answers 202 while the operation runs, then its result;
- else, for a PUT or PATCH, the resource: its `properties.provisioningState`.

This module decides what to fetch and what an answer means; the clients send the
requests (with their retries) and wait between them.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from . import _exceptions as errors

__all__ = [
    "Watch",
    "watch",
    "state",
    "failed_at_once",
    "shown",
    "failure",
    "delay",
    "on_poll",
    "RUNNING",
    "SUCCEEDED",
    "FAILED",
]

RUNNING, SUCCEEDED, FAILED = "running", "succeeded", "failed"
_DONE = {"succeeded": SUCCEEDED, "failed": FAILED, "canceled": FAILED, "cancelled": FAILED}
#: told what each poll found (`shown`), where someone is watching: the CLI on a terminal
on_poll: contextvars.ContextVar[Callable[[str], None] | None] = contextvars.ContextVar(
    "on_poll", default=None
)
#: seconds between polls where the server does not say (Retry-After): the first, the
#: factor each next one grows by, and the longest (azure-core waits 30 s every time)
FIRST_DELAY, BACKOFF, LONGEST_DELAY = 1.0, 2.0, 30.0


@dataclass(frozen=True)
class Watch:
    """What to poll (`url`) and how to read it (`kind`: "status", "location" or
    "resource"), and, for a status monitor, where the result is once it succeeds
    (`result`: a URL to fetch; None where the last poll's answer is the result: the
    monitor's own body, a Location's last answer, the resource)."""

    url: httpx.URL
    kind: str
    result: httpx.URL | None = None


def watch(request: httpx.Request, response: httpx.Response, final_state_via: str) -> Watch | None:
    """How to follow the operation `request` started, from its first `response`; None
    when that response is its end."""
    method = request.method.upper()
    headers = response.headers
    monitor = headers.get("azure-asyncoperation") or headers.get("operation-location")
    location = headers.get("location")
    if monitor:
        result: httpx.URL | None = None  # None: the monitor's last answer is the result
        if final_state_via == "location" and location:
            result = request.url.join(location)
        elif final_state_via == "original-uri" or (
            final_state_via != "azure-async-operation" and method in ("PUT", "PATCH")
        ):
            result = request.url
        elif not final_state_via and method == "POST" and location:
            result = request.url.join(location)
        return Watch(request.url.join(monitor), "status", result)
    if location and response.status_code == 202:
        return Watch(request.url.join(location), "location")
    if method in ("PUT", "PATCH") and response.status_code in (200, 201):
        if _provisioning_state(response) not in (None, SUCCEEDED, FAILED):
            return Watch(request.url, "resource")
    return None


def failed_at_once(request: httpx.Request, response: httpx.Response) -> bool:
    """Whether a PUT's or PATCH's first answer says the resource's change failed already
    (its provisioningState Failed or Canceled), which AutoRest's clients raise on."""
    return request.method.upper() in ("PUT", "PATCH") and _provisioning_state(response) == FAILED


def state(followed: Watch, response: httpx.Response) -> str:
    """RUNNING, SUCCEEDED or FAILED, as a poll's (successful) answer says; a status
    monitor's answer with no status raises LongRunningError."""
    if followed.kind == "location":
        return RUNNING if response.status_code == 202 else SUCCEEDED
    if followed.kind == "resource":
        found = _provisioning_state(response)
        return RUNNING if found not in (None, SUCCEEDED, FAILED) else found or SUCCEEDED
    status = _body(response).get("status")
    if not isinstance(status, str):  # (polled again, it would be polled for ever)
        raise errors.LongRunningError(
            f"the operation's status monitor ({followed.url}) answered with no status",
            status=_body(response) or None,
        )
    return _DONE.get(status.lower(), RUNNING)


def shown(followed: Watch, response: httpx.Response) -> str:
    """What a poll's answer says of the operation, in a word or two: the monitor's status,
    the resource's provisioning state, or "running"/"done" for a Location."""
    if followed.kind == "status":
        status = _body(response).get("status")
        return str(status) if status else "running"
    if followed.kind == "resource":
        found = _body(response).get("properties")
        found = found.get("provisioningState") if isinstance(found, dict) else None
        return str(found or _body(response).get("provisioningState") or "running")
    return "running" if response.status_code == 202 else "done"


def failure(response: httpx.Response) -> errors.LongRunningError:
    """The error for an operation that failed or was canceled, with the server's reason
    (`status` is the last body the server sent)."""
    body = _body(response)
    properties = body.get("properties")
    ended = body.get("status") or (
        properties.get("provisioningState") if isinstance(properties, dict) else None
    )
    error = body.get("error")
    error = error if isinstance(error, dict) else {}
    message = " ".join(str(error.get("message") or "").split())
    code = str(error.get("code") or "")
    reason = f"{code}: {message}" if code and message else code or message
    return errors.LongRunningError(
        f"the operation ended {ended or 'Failed'}" + (f": {reason}" if reason else ""),
        status=body or None,
        error_message=reason or None,
    )


def delay(asked: float | None, polls: int) -> float:
    """Seconds to wait before the next poll: what the server asked (Retry-After), else
    a backoff from the number of polls made."""
    if asked is not None:
        return max(0.0, min(asked, 3600.0))
    return float(min(FIRST_DELAY * BACKOFF**polls, LONGEST_DELAY))


def _provisioning_state(response: httpx.Response) -> str | None:
    """The body's `properties.provisioningState` (or top-level `provisioningState`) as
    SUCCEEDED, FAILED or the running state it names; None where it has none."""
    body = _body(response)
    properties = body.get("properties")
    found = properties.get("provisioningState") if isinstance(properties, dict) else None
    found = found if isinstance(found, str) else body.get("provisioningState")
    if not isinstance(found, str):
        return None
    return _DONE.get(found.lower(), found)


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = json.loads(response.content) if response.content else None
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
