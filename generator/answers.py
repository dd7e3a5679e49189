"""Which of an operation's documented answers the client asks for, and so what its
method returns.

A status that lists JSON beside other representations of the same answer (XML in most
documents converted from Swagger 2.0, Kubernetes' YAML and protobuf) is asked for as
JSON alone (openapi.accept_header): a server that negotiates answers JSON, and the
others are no value the method returns, nor one its descriptor reads (a server that
answers XML anyway gets the error that says it is no JSON, the answer on it). A status
that lists no JSON is asked for in every type it lists, and so is one whose other types
a query parameter can ask for (Django REST framework's `?format=csv`).

A status that lists JSON beside another document, not another notation of the same
answer (loket.nl's payslip as PDF, an export as CSV or a spreadsheet, an avatar as an
image), offers that document through the method's `accept` argument (`offered`): the
method asks for JSON unless the caller names another, and is typed by overloads to
return the text or the bytes of what was named. Where the document has an Accept
parameter of its own, the caller names the type there, and the method may return any
document listed.
"""

from __future__ import annotations

import re

from . import ir, openapi

_WORDS = re.compile(r"[./+-]")


def asked_for(op: ir.Operation) -> list[ir.Response]:
    """The operation's responses, less the other representations of a status that lists
    JSON (streams kept: streams.py decides when a method asks for them). Where the
    document gives the operation an Accept parameter of its own (loket.nl's), the caller
    may ask for any document it lists, and the method returns what comes."""
    with_json = {r.status for r in op.responses
                 if r.decoding == "json" and r.media_type and openapi.media_base(r.media_type) != "*/*"}
    formats = _formats(op)
    chooses = any(p.location == "header" and p.wire_name.lower() == "accept" and p.name != op.accept_param
                  for p in op.parameters)
    return [r for r in op.responses
            if r.status not in with_json or r.decoding in ("json", "sse", "lines", "none", "location")
            or r.media_type and formats & set(_WORDS.split(openapi.media_base(r.media_type)))
            or chooses and _document(r)]


def offered(op: ir.Operation) -> list[ir.Response]:
    """The documents besides JSON a status that lists JSON offers, which asked_for leaves
    out (a PDF, a CSV: not another notation of the same answer), one per media type, in
    the document's order; [] where a stream or a query's `format` decides the answer."""
    if any(r.decoding in ("sse", "lines") for r in op.responses):
        return []
    asked = {id(r) for r in asked_for(op)}
    found: dict[str, ir.Response] = {}
    for r in op.responses:
        if id(r) not in asked and _document(r) and r.media_type:
            found.setdefault(r.media_type.strip(), r)
    return list(found.values())


#: the words of a media type that say it is the answer in another notation (a server
#: that negotiates sends JSON when asked): XML, YAML, protobuf, JSON of another name
#: (`application/json+sarif`) and the like; HTML, for a browser
_NOTATION_WORDS = frozenset({"xml", "yaml", "protobuf", "msgpack", "cbor", "smile", "html", "xhtml", "javascript", "json"})
#: media types that are such a notation, or none a typed client reads
_NOTATIONS = frozenset({"text/plain", "application/x-www-form-urlencoded", "application/x-ms-application"})


def _document(r: ir.Response) -> bool:
    """Whether a success is a document of its own that an Accept header can ask for (a
    PDF, a CSV, an image, an archive), not the answer in another notation; nor data the
    document describes as such under a binary type that names no kind of file (GitHub's
    `application/vnd.github.object`, an octet-stream a converter gave the JSON's schema)."""
    if not r.status.startswith("2") or r.decoding not in ("text", "binary") or not r.media_type:
        return False
    media = r.media_type.strip()
    base = openapi.media_base(media)
    if openapi.header_media(media) != media or base == "*/*" or base in _NOTATIONS or base.startswith("multipart/") \
            or not _NOTATION_WORDS.isdisjoint(re.split(r"[/+.-]", base)):
        return False
    return r.decoding == "text" or not _structured(r.schema) or _file_type(base)


#: the words of a media type that name a kind of file (a converter from Swagger 2.0 gives
#: each the JSON's schema, so that a schema cannot tell: Traccar's reports as xlsx)
_FILE_WORDS = frozenset({"pdf", "zip", "gzip", "x-tar", "tar", "csv", "sheet", "spreadsheetml", "ms-excel", "excel",
                         "xlsx", "opendocument", "msword", "wordprocessingml", "presentationml", "dicom"})


def _file_type(base: str) -> bool:
    return base.startswith(("image/", "audio/", "video/", "font/")) \
        or not _FILE_WORDS.isdisjoint(re.split(r"[/+.]", base))


def _structured(schema: object) -> bool:
    """Whether a schema describes data (an object, a list, a named schema) rather than a
    file's bytes or a text."""
    if not isinstance(schema, dict):
        return False
    return "$ref" in schema or schema.get("type") in ("object", "array") or "properties" in schema or "items" in schema


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
