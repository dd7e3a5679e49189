"""Pages the document does not declare but shows in the well-known ways: a list
operation whose query takes a token its answer gives back (Google's `pageToken` and
`nextPageToken`, Kubernetes' `continue` in its list's `metadata`), whose answer's Link header leads to the next page (GitHub's), whose
query takes the id of the last item seen while the answer says there are more (Stripe's
`starting_after` and `has_more`, OpenAI's `after`, Anthropic's `after_id`), whose answer links to the next page (a `next`
field, at its top or in one of its objects: JSON:API's `links.next`, Twilio's
`meta.next_page_url`, OData's `@odata.nextLink`, HAL's `_links.next.href`), or whose query takes an `offset` or a
`page` while the answer counts every item (`total`) or every page (`pages`). Without an
extension saying so, the caller had to follow these by hand.

Each is recognised only where the names and the shapes agree (the parameter is an
optional one of the query; the answer, in JSON alone, holds exactly one list of items, or
its HAL `_embedded` object does, or it is the list); `x-pagination: false` on the operation keeps it unpaged. Offsets and
page numbers are walked only to the total the answer gives, and not guessed without
one: an API that ignores them would be walked for ever. A page never follows more than the query of a
link (the runtime's _pagination.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from . import answers, ir, streams

#: query parameters that take a token of the next page (compared without case or `_`, `-`)
_TOKEN_PARAMETERS = frozenset({"pagetoken", "cursor", "nexttoken", "continuationtoken", "marker", "pagecursor",
                               "starttoken", "startcursor", "nextpagetoken", "nextcursor", "continue",
                               "paginationtoken"})
#: properties of an answer that hold the next page's token
_NEXT_FIELDS = frozenset({"nextpagetoken", "nexttoken", "nextcursor", "nextmarker", "continuationtoken",
                          "nextpagecursor", "nextcontinuationtoken"})
#: a token parameter whose answer carries it under the same name (AWS's `NextToken`,
#: Square's `cursor`, Kubernetes' `continue` in its list's `metadata`); a `marker` is
#: echoed back as it was sent (S3's), not the next one
_SAME_NAME = frozenset({"nexttoken", "cursor", "continuationtoken", "pagetoken", "nextpagetoken", "nextcursor",
                        "continue"})
#: fields of an answer that hold the next page's link, in the order they are looked for (a
#: value that is no link, a page number or a token, ends the walk at run time)
_NEXT_LINKS = ("next", "nextlink", "odatanextlink", "nextpageurl", "nextpageuri", "nexturl", "nextpagelink",
               "nexthref", "nextpage")
#: fields of an answer that count every item of the list, in the order they are looked
#: for (a `count` that is the page's, not the list's, ends the walk after the first page)
_TOTALS = ("total", "totalcount", "totalresults", "totalitems", "totalrecords", "totalhits", "totalelements",
           "totalsize", "count")
#: fields of an answer that count its pages
_PAGE_COUNTS = ("totalpages", "pages", "lastpage", "pagecount", "numpages", "totalpagecount", "pagestotal")
#: query parameters that say how many items a page holds
_LIMITS = ("limit", "pagesize", "perpage", "maxresults", "max", "size", "count")
#: query parameters that take the id of the last item seen (Stripe's `starting_after`,
#: OpenAI's `after`, Anthropic's `after_id`), where the answer says whether there are more
_AFTER_PARAMETERS = frozenset({"startingafter", "after", "afterid"})
_HAS_MORE = frozenset({"hasmore"})
_PLAIN = re.compile(r"[^a-z0-9]")

Fields = list[ir.Field]


def _plain(name: str) -> str:
    return _PLAIN.sub("", name.lower())


def inferred(op: dict[str, Any], result: ir.Operation, models: dict[str, ir.Model],
             resolve: Callable[[Any, str], tuple[Any, str]], op_ptr: str,
             aliases: Mapping[str, ir.Alias] | None = None) -> ir.Pagination | None:
    """The paging `op` shows without an extension, or None. An operation with a body
    pages only by a token its body takes (AWS's JSON operations' `NextToken`, Notion's
    `start_cursor`): the next page sends the same body with the answer's token."""
    body = result.body
    if body is not None and (body.encoding != "json" or not body.fields):
        return None
    # (what the client asks for: XML or YAML beside JSON is no page it reads; a stream a
    # query flag asks for is another answer: Kubernetes' lists, paged by `continue`, and
    # a watch with `watch=true`)
    flag = streams.stream_flag(result)
    successes = [r for r in answers.asked_for(result) if r.status.startswith("2")
                 and not (flag is not None and flag.in_query and r.decoding in ("lines", "sse"))]
    success = successes[0] if successes else None
    if success is None or success.type is None or any(r.decoding != "json" or r.type != success.type for r in successes):
        return None  # (an answer that may be CSV too, or of another shape, is no page)
    optional: dict[str, ir.Parameter | ir.BodyField] = {}
    for p in body.fields if body is not None else result.query_params:
        if not p.required:
            # (the first of a name: AWS's REST documents list the API's `nextToken`, then
            # their converter's `NextToken`, "Pagination token", which AWS does not read)
            optional.setdefault(_plain(p.wire_name), p)
    shape = success.type
    if shape.kind == ir.LIST:
        fields: Fields = []
    elif shape.kind == ir.MODEL and shape.name in models:
        # (a list may be a named schema too: AWS's `logGroups`, a `LogGroups`)
        fields = [_unaliased(f, aliases) for f in models[shape.name].fields]
    else:
        return None
    items, items_in = _items(fields), None
    embedded = next((f for f in fields if f.wire_name == "_embedded" and f.type.kind == ir.MODEL), None)
    if items is None and embedded is not None and embedded.type.name in models:
        # HAL's items, in its `_embedded` object (Akeneo's, Nexmo's)
        items, items_in = _items(models[embedded.type.name].fields), "_embedded"
    if body is None and _link_header(op, success.status, resolve, op_ptr):
        if shape.kind == ir.LIST:
            return ir.Pagination("link", "results", None, None, None, shape.item)
        if items is not None:
            return ir.Pagination("link", items.wire_name, None, None, None, items.type.item, items_in=items_in)
        return None
    if items is None:
        return None
    by_plain = {_plain(f.wire_name): f for f in fields}
    # where a next token or link may be: the answer, or one of its objects (JSON:API's
    # `links`, Twilio's `meta`, Slack's `response_metadata`, Google's `pagination`)
    holders: list[tuple[str | None, dict[str, ir.Field]]] = [(None, by_plain)]
    holders += [(f.wire_name, {_plain(g.wire_name): _unaliased(g, aliases) for g in models[f.type.name].fields})
                for f in fields if f.type.kind == ir.MODEL and f.type.name in models
                and not _holds_objects(models[f.type.name].fields)]
    for plain, param in optional.items():
        if plain in _TOKEN_PARAMETERS:
            for holder, named in holders:
                nxt = _next_token(plain, named)
                if nxt is not None:
                    # (a `has_more` beside it says when to stop: Plaid's sync answers a
                    # next cursor on its last page too, and Notion's)
                    more = next((f for n, f in by_plain.items() if n in _HAS_MORE and _is_flag(f.type)), None)
                    return ir.Pagination("token", items.wire_name, None, nxt.wire_name,
                                         more.wire_name if more is not None else None, items.type.item,
                                         token_param=param.name, next_in=holder, items_in=items_in,
                                         token_in_body=body is not None)
        if plain in _AFTER_PARAMETERS and body is None:
            more = next((f for n, f in by_plain.items() if n in _HAS_MORE), None)
            item = items.type.item
            # (an id is text: an `after` of a date or a number filters by time)
            if more is not None and item is not None and _has_ids(item, models) \
                    and param.type.kind == ir.PRIMITIVE and param.type.name == "str":
                return ir.Pagination("after", items.wire_name, None, None, more.wire_name, item,
                                     token_param=param.name, items_in=items_in)
    if body is not None:
        return None
    for holder, named in holders:
        link = next((named[n] for n in _NEXT_LINKS if n in named and (_is_text(named[n].type) or _is_href(named[n].type, models))),
                    None)
        if link is not None:
            return ir.Pagination("cursor", items.wire_name, None, link.wire_name, None, items.type.item, next_in=holder,
                                 next_href=not _is_text(link.type), items_in=items_in)
    # the counts, where they may be: the answer, or one of its objects (Giphy's `pagination`)
    if "page" in optional:
        for holder, named in holders:
            pages = _count(named, _PAGE_COUNTS)
            if pages is not None:
                return ir.Pagination("page", items.wire_name, None, None, None, items.type.item,
                                     page_param=optional["page"].name, pages=pages.wire_name, count_in=holder,
                                     items_in=items_in)
    if "offset" in optional:
        for holder, named in holders:
            total = _count(named, _TOTALS)
            if total is not None:
                limit = next((optional[n] for n in _LIMITS if n in optional), None)
                return ir.Pagination("offset", items.wire_name, total.wire_name, None, None, items.type.item,
                                     limit_param=limit.name if limit else None, offset_param=optional["offset"].name,
                                     count_in=holder, items_in=items_in)
    return None


def _unaliased(f: ir.Field, aliases: Mapping[str, ir.Alias] | None) -> ir.Field:
    """The field with the type its named alias stands for (X's `next_token` is a
    `NextToken`, a string)."""
    t = f.type
    for _ in range(8):  # (an alias of an alias; a cycle ends here)
        if t.kind != ir.ALIAS or not aliases or t.name not in aliases:
            break
        t = aliases[t.name].type
    return f if t is f.type else replace(f, type=t)


def _count(named: dict[str, ir.Field], names: tuple[str, ...]) -> ir.Field | None:
    """The first of these fields `named` has as a count."""
    return next((named[n] for n in names if n in named and _is_count(named[n].type)), None)


def _next_token(parameter: str, named: dict[str, ir.Field]) -> ir.Field | None:
    """The field that gives the token parameter its next value, if `named` has one."""
    found = named.get("next" + parameter) or next((named[n] for n in sorted(_NEXT_FIELDS) if n in named), None)
    if found is None and parameter in _SAME_NAME:
        found = named.get(parameter)
    return found if found is not None and _is_token(found.type) else None


#: lists an answer holds beside its items that are none (X's partial `errors`)
_NOT_ITEMS = frozenset({"errors", "warnings"})


def _items(fields: Fields) -> ir.Field | None:
    """The answer's one list (of objects, where it has lists of plain values beside; not
    its errors, where it has the items beside them)."""
    lists = [f for f in fields if f.type.kind == ir.LIST and f.type.item is not None]
    if len(lists) > 1:
        lists = [f for f in lists if f.type.item is not None and f.type.item.kind in (ir.MODEL, ir.UNION, ir.ALIAS)]
    if len(lists) > 1:
        lists = [f for f in lists if _plain(f.wire_name) not in _NOT_ITEMS]
    return lists[0] if len(lists) == 1 else None


def _holds_objects(fields: Fields) -> bool:
    """Whether an object holds a list of objects: then it is a page of its own (Spotify's
    playlist's `tracks`, with its `next`), not where its holder's next page is told."""
    return any(f.type.kind == ir.LIST and f.type.item is not None and f.type.item.kind in (ir.MODEL, ir.UNION, ir.ALIAS)
               for f in fields)


def _has_ids(item: ir.TypeRef, models: dict[str, ir.Model]) -> bool:
    """Whether every item is an object with an `id` (one of a union's classes alike)."""
    classes = item.variants if item.kind == ir.UNION else (item,)
    return all(c.kind == ir.MODEL and c.name in models and any(f.wire_name == "id" for f in models[c.name].fields)
               for c in classes)


def _is_token(type_: ir.TypeRef) -> bool:
    return type_.kind == ir.ANY or (type_.kind == ir.PRIMITIVE and type_.name in ("str", "int"))


def _is_href(type_: ir.TypeRef, models: dict[str, ir.Model]) -> bool:
    """Whether a link is an object whose `href` is the address (HAL's `_links.next`)."""
    return type_.kind == ir.MODEL and type_.name in models and any(
        f.wire_name == "href" and _is_text(f.type) for f in models[type_.name].fields)


def _is_flag(type_: ir.TypeRef) -> bool:
    return type_.kind == ir.PRIMITIVE and type_.name == "bool"


def _is_count(type_: ir.TypeRef) -> bool:
    return type_.kind == ir.PRIMITIVE and type_.name == "int"


def _is_text(type_: ir.TypeRef) -> bool:
    return type_.kind == ir.ANY or (type_.kind == ir.PRIMITIVE and type_.name == "str")


def _link_header(op: dict[str, Any], status: str, resolve: Callable[[Any, str], tuple[Any, str]], op_ptr: str) -> bool:
    """Whether the answer of that status declares a Link header (RFC 8288)."""
    responses = op.get("responses")
    raw = responses.get(status, responses.get(int(status)) if status.isdigit() else None) if isinstance(responses, dict) else None
    response, _ = resolve(raw, f"{op_ptr}/responses/{status}")
    headers = response.get("headers") if isinstance(response, dict) else None
    return isinstance(headers, dict) and any(isinstance(name, str) and name.lower() == "link" for name in headers)
