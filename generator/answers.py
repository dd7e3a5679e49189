"""Which of an operation's documented answers the client asks for, and so what its
method returns.

A status that lists JSON beside other representations of the same answer (XML in most
documents converted from Swagger 2.0, Kubernetes' YAML and protobuf) is asked for as
JSON alone (openapi.accept_header): a server that negotiates answers JSON, and the
others are no value the method returns, nor one its descriptor reads (a server that
answers XML anyway gets the error that says it is no JSON, the answer on it). A status
that lists no JSON is asked for in every type it lists, and so is one whose other types
a query parameter can ask for (Django REST framework's `?format=csv`).
"""

from __future__ import annotations

import re

from . import ir, openapi

_WORDS = re.compile(r"[./+-]")


def asked_for(op: ir.Operation) -> list[ir.Response]:
    """The operation's responses, less the other representations of a status that lists
    JSON (streams kept: streams.py decides when a method asks for them)."""
    with_json = {r.status for r in op.responses
                 if r.decoding == "json" and r.media_type and openapi.media_base(r.media_type) != "*/*"}
    formats = _formats(op)
    return [r for r in op.responses
            if r.status not in with_json or r.decoding in ("json", "sse", "lines", "none", "location")
            or r.media_type and formats & set(_WORDS.split(openapi.media_base(r.media_type)))]


def _formats(op: ir.Operation) -> set[str]:
    """The values of the query's enums, lower case: a representation a caller may name
    (`format=csv` for text/csv)."""
    found: set[str] = set()
    for p in op.query_params:
        schema = p.schema if isinstance(p.schema, dict) else {}
        values = schema.get("enum")
        if isinstance(values, list):
            found.update(v.lower() for v in values if isinstance(v, str))
    return found - {"json", "application", "text", "vnd"}
