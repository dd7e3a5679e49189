"""Which operations answer with a stream, and how a call asks for one.

An operation streams where its success is an event stream (text/event-stream, asked for
wherever it is listed) or JSON values one a line where those are a success's first
choice. Where a success offers JSON beside such a stream and the body has a boolean
`stream` field (OpenAI's chat completions and transcriptions, the LLM servers that copy
them), that field chooses: the method answers JSON, and a stream when it is true; so does
a format field whose values name "sse" (OpenAI's speech: audio, or its events).
"""

from __future__ import annotations

from . import ir


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


def stream_flag(op: ir.Operation) -> ir.BodyField | None:
    """The body field that asks for the stream (ir.BodyField.stream_value: a boolean
    `stream`, or a format that names "sse"), where a success status offers the stream and
    another answer (JSON; for a format, any: OpenAI's speech is audio or events)."""
    if op.body is None or op.body.encoding not in ("json", "form", "multipart"):  # (a field of a form or
        return None  # multipart body too: OpenAI's transcriptions)
    flag = next((f for f in op.body.fields if f.stream_value is not None), None)
    if flag is None:
        return None
    by_status: dict[str, set[str]] = {}
    for r in op.responses:
        if r.status.startswith("2"):
            by_status.setdefault(r.status, set()).add(r.decoding)
    other = {"json"} if flag.stream_value is True else {"json", "binary", "text"}
    both = any(kinds & other and kinds & {"sse", "lines"} for kinds in by_status.values())
    return flag if both else None


def flagged_stream(op: ir.Operation) -> ir.Response | None:
    """The stream a stream_flag asks for: the first event stream of a success, else the
    first JSON values one a line."""
    successes = [r for r in op.responses if r.status.startswith("2")]
    return next((r for r in successes if r.decoding == "sse"), None) or next(
        (r for r in successes if r.decoding == "lines"), None)
