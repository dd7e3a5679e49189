"""Server-Sent Events: a streamed `text/event-stream` response as an iterator of events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from . import _exceptions as errors

__all__ = ["ServerSentEvent", "iter_events", "aiter_events"]


@dataclass(frozen=True)
class ServerSentEvent:
    """One event of a stream; `data` is the raw text, `json()` decodes it."""

    data: str
    event: str | None = None
    id: str | None = None

    def json(self) -> Any:
        return json.loads(self.data)


class _Decoder:
    def __init__(self) -> None:
        self._fields: dict[str, str] = {}

    def feed(self, line: str) -> ServerSentEvent | None:
        line = line.rstrip("\r")
        if not line:
            return self.flush()
        if line.startswith(":"):
            return None
        if line.startswith(("{", "[")) and not self._fields:
            # Some servers stream bare JSON lines without the `data:` prefix.
            return ServerSentEvent(data=line)
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data" and "data" in self._fields:
            self._fields["data"] += "\n" + value
        elif name in ("event", "data", "id"):
            self._fields[name] = value
        return None

    def flush(self) -> ServerSentEvent | None:
        if not self._fields:
            return None
        fields, self._fields = self._fields, {}
        return ServerSentEvent(
            data=fields.get("data", ""), event=fields.get("event"), id=fields.get("id")
        )


def iter_events(response: httpx.Response) -> Iterator[ServerSentEvent]:
    """The events of a streamed response, as they arrive; the response is closed at the end.
    An answer that is no event stream is one event of its whole text (see _whole)."""
    decoder = _Decoder()
    try:
        if not _is_event_stream(response):
            whole = _whole(response.read(), response)
            if whole is not None:
                yield whole
            return
        for line in response.iter_lines():
            event = decoder.feed(line)
            if event is not None:
                yield event
        last = decoder.flush()
        if last is not None:
            yield last
    except httpx.TransportError as exc:
        raise _broken_stream(exc, response) from exc
    finally:
        response.close()


async def aiter_events(response: httpx.Response) -> AsyncIterator[ServerSentEvent]:
    """The events of a streamed response, as they arrive; the response is closed at the end.
    An answer that is no event stream is one event of its whole text (see _whole)."""
    decoder = _Decoder()
    try:
        if not _is_event_stream(response):
            whole = _whole(await response.aread(), response)
            if whole is not None:
                yield whole
            return
        async for line in response.aiter_lines():
            event = decoder.feed(line)
            if event is not None:
                yield event
        last = decoder.flush()
        if last is not None:
            yield last
    except httpx.TransportError as exc:
        raise _broken_stream(exc, response) from exc
    finally:
        await response.aclose()


def _is_event_stream(response: httpx.Response) -> bool:
    kind = response.headers.get("content-type")
    return kind is None or "event-stream" in kind.lower()


def _whole(body: bytes, response: httpx.Response) -> ServerSentEvent | None:
    """A server that answers the stream's other form, which a document may offer beside it
    (flightctl's build log: text/plain once the build is done, events while it runs), or
    JSON: its text as the one event's data, rather than lines read as SSE fields and
    dropped. None for an empty body."""
    return ServerSentEvent(data=response.text) if body else None


def _broken_stream(
    exc: httpx.TransportError, response: httpx.Response
) -> errors.APIConnectionError:
    """The stream broke after it started: the same errors as a request that failed outright."""
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(request=response.request)
    reason = str(exc) or type(exc).__name__
    return errors.APIConnectionError(
        f"Connection error while streaming: {reason}", request=response.request
    )
