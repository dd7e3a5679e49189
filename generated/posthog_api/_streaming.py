"""Streamed responses read as they arrive: Server-Sent Events (`text/event-stream`) as
events, and a JSON value a line (JSON Lines, NDJSON, JSON text sequences, grpc-gateway's
server streams) as the values, each read as the operation's type."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

import httpx
import pydantic

from . import _exceptions as errors
from ._base_client import Operation, _response_spec, describe_validation_error, log
from ._models import construct, validate_json, validate_python

__all__ = ["ServerSentEvent", "iter_events", "aiter_events", "iter_values", "aiter_values"]


_E = TypeVar("_E")


@dataclass(frozen=True)
class ServerSentEvent(Generic[_E]):
    """One event of a stream; `data` is the raw text, `json()` decodes it, and `parse()`
    reads it as the type the API document gives each event's data."""

    data: str
    event: str | None = None
    id: str | None = None
    #: the type of the data (None: any JSON), and whether a mismatch raises
    _type: Any = field(default=None, repr=False, compare=False)
    _strict: bool = field(default=False, repr=False, compare=False)

    def json(self) -> Any:
        return json.loads(self.data)

    def parse(self) -> _E:
        """The data, read as the API document describes it: a model where it gives one,
        as a response body is read (leniently, unless the client was made with
        strict_response_validation); its JSON where it gives none. ValueError where the
        data is not JSON (OpenAI's closing `[DONE]`, say)."""
        if self._type is None:
            return cast(_E, self.json())
        try:
            return cast(_E, validate_json(self._type, self.data))
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            if self._strict or first.get("type") == "json_invalid":
                where = ".".join(str(part) for part in first.get("loc", ())) or "data"
                raise ValueError(
                    f"the event's data does not match the API document: {where}: {first.get('msg')}"
                ) from None
        return cast(_E, construct(self._type, json.loads(self.data), lambda where, problem: None))


class _Decoder:
    def __init__(self, type_: Any = None, strict: bool = False) -> None:
        self._fields: dict[str, str] = {}
        self._type = type_
        self._strict = strict

    def event(
        self, data: str, event: str | None = None, id: str | None = None
    ) -> ServerSentEvent[Any]:
        return ServerSentEvent(data, event, id, self._type, self._strict)

    def feed(self, line: str) -> ServerSentEvent[Any] | None:
        line = line.rstrip("\r")
        if not line:
            return self.flush()
        if line.startswith(":"):
            return None
        if line.startswith(("{", "[")) and not self._fields:
            # Some servers stream bare JSON lines without the `data:` prefix.
            return self.event(line)
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data" and "data" in self._fields:
            self._fields["data"] += "\n" + value
        elif name in ("event", "data", "id"):
            self._fields[name] = value
        return None

    def flush(self) -> ServerSentEvent[Any] | None:
        if not self._fields:
            return None
        fields, self._fields = self._fields, {}
        return self.event(fields.get("data", ""), fields.get("event"), fields.get("id"))


def iter_events(
    response: httpx.Response, type_: Any = None, strict: bool = False
) -> Iterator[ServerSentEvent[Any]]:
    """The events of a streamed response, as they arrive, each one's data of `type_`
    (ServerSentEvent.parse); the response is closed at the end. An answer that is no
    event stream is one event of its whole text (see _whole)."""
    decoder = _Decoder(type_, strict)
    try:
        if not _is_event_stream(response):
            whole = _whole(response.read(), response, decoder)
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


async def aiter_events(
    response: httpx.Response, type_: Any = None, strict: bool = False
) -> AsyncIterator[ServerSentEvent[Any]]:
    """iter_events, for the async client."""
    decoder = _Decoder(type_, strict)
    try:
        if not _is_event_stream(response):
            whole = _whole(await response.aread(), response, decoder)
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


def _whole(body: bytes, response: httpx.Response, decoder: _Decoder) -> ServerSentEvent[Any] | None:
    """A server that answers the stream's other form, which a document may offer beside it
    (flightctl's build log: text/plain once the build is done, events while it runs), or
    JSON: its text as the one event's data, rather than lines read as SSE fields and
    dropped. None for an empty body."""
    return decoder.event(response.text) if body else None


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


# -- a JSON value a line -------------------------------------------------------------------


class _Values:
    """Reads the lines of a stream of JSON values into the values, typed as the spec of
    the response's status says. A value is most often one line; one spread over several
    (a server that indents them) is read once its last line is in, and values one after
    another on a line once the stream ends."""

    def __init__(self, response: httpx.Response, operation: Operation[Any], strict: bool) -> None:
        # the status's stream of values, though JSON is listed first (and its name matches
        # application/x-ndjson): a call that asked for the stream reads it
        listed = operation.responses.get(str(response.status_code), ())
        spec = next((s for s in listed if s.decoding == "lines"), None) or _response_spec(
            response, operation
        )
        self._response = response
        self._type = spec.type if spec is not None and spec.decoding in ("lines", "json") else None
        self._member = spec.member if spec is not None else ""
        self._strict = strict
        self._pending: list[str] = []

    def feed(self, line: str) -> list[Any]:
        if not self._pending:
            text = line.strip().lstrip("\x1e")  # (RS: RFC 7464's separator)
            if not text:
                return []
            try:
                data = json.loads(text)
            except ValueError:
                self._pending.append(line)  # the first line of a value spread over several
                return []
            return [self._value(data, text)]
        self._pending.append(line)
        # a value spread over lines ends with a bracket as far in as its first line's (a
        # try at every line would read the value again and again)
        if not line.rstrip().endswith(("}", "]")) or _indent(line) > _indent(self._pending[0]):
            return []
        text = "\n".join(self._pending).strip().lstrip("\x1e")
        try:
            data = json.loads(text)
        except ValueError:
            return []
        self._pending.clear()
        return [self._value(data, text)]

    def finish(self) -> list[Any]:
        text = "\n".join(self._pending)
        self._pending.clear()
        values: list[Any] = []
        decoder = json.JSONDecoder()
        at = 0
        while True:
            while at < len(text) and text[at] in " \t\r\n\x1e":
                at += 1
            if at == len(text):
                return values
            start = at
            try:
                data, at = decoder.raw_decode(text, at)
            except ValueError:
                raise errors.ResponseValidationError(
                    self._response, "the stream holds text that is not JSON", text[at:]
                ) from None
            values.append(self._value(data, text[start:at]))

    def _value(self, data: Any, text: str) -> Any:
        if self._member and isinstance(data, dict) and self._member not in data:
            if data.get("error") is not None:
                raise errors.APIStreamError(self._response, data["error"])
        elif self._member and isinstance(data, dict):
            data = data[self._member]
        if self._type is None:
            return data
        try:
            return validate_python(self._type, data)
        except pydantic.ValidationError as exc:
            if self._strict:
                raise errors.ResponseValidationError(
                    self._response, describe_validation_error(exc, self._response), text
                ) from None
        request = self._response.request
        where = f"{request.method} {request.url.copy_with(query=None)}"

        def note(field: str, problem: str) -> None:
            log.debug(
                f"a value streamed by {where} differs from the API document at {field}: {problem}"
            )

        return construct(self._type, data, note)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def iter_values(response: httpx.Response, operation: Operation[Any], strict: bool) -> Iterator[Any]:
    """The JSON values of a streamed response, one a line, as they arrive, each read as
    the operation's type (`strict`: one that does not match raises, as the client's
    `strict_response_validation` says); the response is closed at the end."""
    values = _Values(response, operation, strict)
    try:
        for line in response.iter_lines():
            yield from values.feed(line)
        yield from values.finish()
    except httpx.TransportError as exc:
        raise _broken_stream(exc, response) from exc
    finally:
        response.close()


async def aiter_values(
    response: httpx.Response, operation: Operation[Any], strict: bool
) -> AsyncIterator[Any]:
    """iter_values, for the async client."""
    values = _Values(response, operation, strict)
    try:
        async for line in response.aiter_lines():
            for value in values.feed(line):
                yield value
        for value in values.finish():
            yield value
    except httpx.TransportError as exc:
        raise _broken_stream(exc, response) from exc
    finally:
        await response.aclose()
