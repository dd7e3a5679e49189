"""Which operations answer with a stream, and how a call asks for one.

An operation streams where its success is an event stream (text/event-stream, asked for
wherever it is listed) or JSON values one a line where those are a success's first
choice. Where a success offers JSON beside such a stream and the body has a boolean
`stream` field (OpenAI's chat completions and transcriptions, the LLM servers that copy
them), that field chooses: the method answers JSON, and a stream when it is true; so does
a format field whose values name "sse" (OpenAI's speech: audio, or its events), and an
optional boolean query parameter the stream's media type names (Kubernetes' lists, with
`watch=true`: application/json;stream=watch).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import ir, openapi


def streamed_values(op: ir.Operation) -> ir.Response | None:
    """The answer of JSON values, one a line, that makes the method a stream of them:
    where it is a success's first choice (JSON Lines offered beside JSON are JSON's other
    form) and no event stream is listed."""
    if any(r.decoding == "sse" for r in op.responses):
        return None
    firsts: dict[str, ir.Response] = {}
    for r in op.responses:
        firsts.setdefault(r.status, r)
    return next((r for r in firsts.values() if r.decoding == "lines" and r.status.startswith("2")), None)


@dataclass(frozen=True)
class StreamFlag:
    """The argument that asks for the stream: its name and type, the value that asks, and
    its other values (the overload of the answer that is not the stream)."""

    name: str
    type: ir.TypeRef
    stream_value: Any
    other_values: tuple[Any, ...]
    in_query: bool = False


def stream_flag(op: ir.Operation) -> StreamFlag | None:
    """The argument that asks for the stream, where a success status offers the stream and
    another answer: a body field (ir.BodyField.stream_value: a boolean `stream`, or a
    format that names "sse"; the other answer JSON, or for a format any: OpenAI's speech
    is audio or events), or an optional boolean query parameter named as the stream's
    media type names it (Kubernetes' lists: `watch=true`, application/json;stream=watch)."""
    by_status: dict[str, set[str]] = {}
    for r in op.responses:
        if r.status.startswith("2"):
            by_status.setdefault(r.status, set()).add(r.decoding)

    def offered_beside(other: set[str]) -> bool:
        return any(kinds & other and kinds & {"sse", "lines"} for kinds in by_status.values())

    named = {openapi.stream_parameter(r.media_type) for r in op.responses
             if r.decoding == "lines" and r.status.startswith("2") and r.media_type} - {""}
    query = next((p for p in op.query_params if p.wire_name in named and not p.required
                  and p.type.kind == ir.PRIMITIVE and p.type.name == "bool"), None)
    if query is not None and offered_beside({"json"}):
        return StreamFlag(query.name, query.type, True, (False,), in_query=True)
    if op.body is None or op.body.encoding not in ("json", "form", "multipart"):  # (a field of a form or
        return None  # multipart body too: OpenAI's transcriptions)
    field = next((f for f in op.body.fields if f.stream_value is not None), None)
    if field is None or not offered_beside({"json"} if field.stream_value is True else {"json", "binary", "text"}):
        return None
    return StreamFlag(field.name, field.type, field.stream_value, field.other_values)


def flagged_stream(op: ir.Operation) -> ir.Response | None:
    """The stream a stream_flag asks for: the first event stream of a success, else the
    first JSON values one a line."""
    successes = [r for r in op.responses if r.status.startswith("2")]
    return next((r for r in successes if r.decoding == "sse"), None) or next(
        (r for r in successes if r.decoding == "lines"), None)


def flagged_values(op: ir.Operation, flag: StreamFlag, stream: ir.Response) -> ir.TypeRef:
    """The type of each value of a flagged stream of JSON lines: its schema's, but any JSON
    value where a query flag asks for it and the document gives it the whole answer's
    schema. kube-openapi gives each media type of a list the list's schema, and a watch's
    values are events (`{"type": "ADDED", "object": {...}}`), which no list is; a body's
    `stream` (Ollama's generate) streams values of the whole answer's shape."""
    whole = next((r.type for r in op.responses if r.status == stream.status and r.decoding == "json"), None)
    if stream.type is None or (flag.in_query and stream.type == whole):
        return ir.TypeRef(ir.ANY)
    return stream.type
