"""Pages of list operations, and iteration over every item across pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qsl, urlsplit

__all__ = ["PageStyle", "SyncPage", "AsyncPage"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class PageStyle(Generic[_T]):
    """How an operation pages: its style and the names of the fields and parameters
    involved (wire names). `_T` is the type of the items, for the type checker.

    The styles: "offset" and "page" count their way on (unless `next` links onwards);
    "cursor" follows the link in the `next` field; "token" gives the `next` field's value (Google's `nextPageToken`) to the `token`
    parameter (`pageToken`); "after" gives the last item's `id` to the `token` parameter
    while `has_more` (Stripe's `starting_after`); "link" follows the response's `Link`
    header to its `rel="next"` address (GitHub's)."""

    style: str
    items: str = "results"
    count: str | None = "count"
    next: str | None = "next"
    has_more: str | None = None
    #: the object of the answer that holds `next`, where it is not the answer itself
    #: (JSON:API's `links`, Twilio's `meta`, Slack's `response_metadata`)
    next_in: str | None = None
    limit: str = "limit"
    offset: str = "offset"
    page: str = "page"
    token: str | None = None
    #: "page": the answer's field that counts the pages (Linode's `pages`), where it has one
    pages: str | None = None
    #: the object of the answer that holds `count` and `pages`, where it is not the answer
    #: itself (Giphy's `pagination`)
    count_in: str | None = None
    #: the object of the answer that holds `items`, where it is not the answer itself
    #: (HAL's `_embedded`)
    items_in: str | None = None
    #: "token": `token` is a field of the request's body, which every page sends again
    #: with the next token (AWS's JSON operations' `NextToken`); a page's "query" is then
    #: that body
    token_in_body: bool = False


def _as_strings(query: Mapping[str, object]) -> dict[str, str]:
    return {key: str(value) for key, value in query.items()}


#: a run of this many empty pages that still link onwards ends the walk
MAX_EMPTY_PAGES = 3


def _field(envelope: Any, name: str | None) -> Any:
    """The envelope's field of that wire name: a model's field by its alias (never an
    attribute of the model class, such as `json` or `copy`), else an extra field."""
    if name is None or envelope is None:
        return None
    if isinstance(envelope, Mapping):
        return envelope.get(name)
    fields = getattr(type(envelope), "model_fields", None)
    if isinstance(fields, Mapping):
        for attribute, info in fields.items():
            if (getattr(info, "alias", None) or attribute) == name:
                return getattr(envelope, attribute, None)
    extra = getattr(envelope, "model_extra", None)
    return extra.get(name) if isinstance(extra, Mapping) else None


def _linked_query(query: Mapping[str, object], url: str) -> dict[str, object] | None:
    """The next page's query from a link to it, or None where it links to this page.

    Only the link's query is taken: the request keeps our own base URL, path and
    credentials, so a link to another host can never receive them."""
    linked = {**query, **dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))}
    # a server that links a page to itself would otherwise be walked forever
    return None if _as_strings(linked) == _as_strings(query) else linked


def _is_link(text: str) -> bool:
    """Whether a `next` field's value is a link (an address, a path or a query), not a
    page number or a token, whose text read as a query would add a stray parameter."""
    return "?" in text or text.startswith(("http://", "https://", "/"))


class _BasePage(Generic[_T]):
    def __init__(
        self,
        *,
        envelope: Any,
        style: PageStyle[_T],
        query: Mapping[str, object],
        next_link: str | None = None,
    ) -> None:
        self.envelope = envelope
        self._style = style
        self._query = dict(query)
        #: the `rel="next"` address of the response's Link header, if it has one
        self.next_link = next_link
        holder = _field(envelope, style.items_in) if style.items_in else envelope
        items = _field(holder, style.items) if not isinstance(envelope, list) else envelope
        self.items: list[_T] = list(items) if isinstance(items, (list, tuple)) else []

    @property
    def count(self) -> int | None:
        """The total number of items across all pages, when the server says."""
        value = _field(self._counts(), self._style.count)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _counts(self) -> Any:
        """Where the answer counts its items and pages: itself, or the object the style names."""
        style = self._style
        return _field(self.envelope, style.count_in) if style.count_in else self.envelope

    def next_page_query(self) -> dict[str, object] | None:
        """The query parameters of the next page, or None on the last page."""
        style = self._style
        if style.style == "link":
            return _linked_query(self._query, self.next_link) if self.next_link else None
        if style.style in ("token", "after"):
            return self._cursor_query(style)
        next_url = self._next()
        if isinstance(next_url, str) and _is_link(next_url):
            return _linked_query(self._query, next_url)
        if style.next is not None and style.has_more is None:
            return None  # pages are linked, and this one links nowhere: it is the last
        if style.has_more is not None and not _field(self.envelope, style.has_more):
            return None
        if not self.items:
            return None
        if style.style == "page":
            current = int(str(self._query.get(style.page) or 1))
            pages = _field(self._counts(), style.pages)
            if isinstance(pages, int) and not isinstance(pages, bool) and current >= pages:
                return None  # the last page the server counts
            return {**self._query, style.page: current + 1}
        offset = int(str(self._query.get(style.offset) or 0))
        if self.count is not None and offset + len(self.items) >= self.count:
            return None  # every item the server counts has been seen
        return {**self._query, style.offset: offset + len(self.items)}

    def _next(self) -> Any:
        """The answer's `next` field (a link or a token), where the style says it is; the
        `href` of an object there (HAL's)."""
        holder = (
            _field(self.envelope, self._style.next_in) if self._style.next_in else self.envelope
        )
        value = _field(holder, self._style.next)
        if value is not None and not isinstance(value, (str, int, float, bool)):
            return _field(value, "href")  # HAL's `_links.next.href`
        return value

    def _cursor_query(self, style: PageStyle[_T]) -> dict[str, object] | None:
        """A token's next page: the token the response gives, or the last item's id."""
        if style.token is None or (
            style.has_more is not None and not _field(self.envelope, style.has_more)
        ):
            return None
        if style.style == "token":
            cursor = self._next()
        else:
            cursor = _field(self.items[-1], "id") if self.items else None
        if cursor is None or cursor == "" or isinstance(cursor, bool):
            return None
        return {**self._query, style.token: cursor}

    def has_next_page(self) -> bool:
        return self.next_page_query() is not None

    def _key(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(_as_strings(self._query).items()))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={len(self.items)}, count={self.count!r}, "
            f"has_next_page={self.has_next_page()})"
        )


class _Walk:
    """Guards a walk over pages: a page asked for twice (A -> B -> A) or a run of empty
    pages that keep linking onwards ends it, rather than looping for ever."""

    def __init__(self) -> None:
        self.seen: set[tuple[tuple[str, str], ...]] = set()
        self.empty_run = 0

    def goes_on(self, page: _BasePage[Any], query: Mapping[str, object] | None) -> bool:
        self.seen.add(page._key())
        self.empty_run = self.empty_run + 1 if not page.items else 0
        if query is None or self.empty_run >= MAX_EMPTY_PAGES:
            return False
        return tuple(sorted(_as_strings(query).items())) not in self.seen


class SyncPage(_BasePage[_T]):
    """One page of a list; iterating it yields every item of every following page too.

    ```py
    page = client.insight_variables.list()
    page.items  # this page only
    for variable in page:  # all of them, fetching pages as needed
        ...
    ```
    """

    def __init__(
        self,
        *,
        envelope: Any,
        style: PageStyle[_T],
        query: Mapping[str, object],
        fetch: Callable[[Mapping[str, object]], SyncPage[_T]],
        next_link: str | None = None,
    ) -> None:
        super().__init__(envelope=envelope, style=style, query=query, next_link=next_link)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[_T]:
        query = self.next_page_query()
        if query is None:
            raise RuntimeError(
                "this is the last page: check has_next_page() before get_next_page()"
            )
        return self._fetch(query)

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        page: SyncPage[_T] = self
        walk = _Walk()
        while True:
            yield page
            query = page.next_page_query()
            if query is None or not walk.goes_on(page, query):
                return
            page = page._fetch(query)

    def __iter__(self) -> Iterator[_T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_BasePage[_T]):
    """One page of a list; `async for` over it yields every item of every following page."""

    def __init__(
        self,
        *,
        envelope: Any,
        style: PageStyle[_T],
        query: Mapping[str, object],
        fetch: Callable[[Mapping[str, object]], Awaitable[AsyncPage[_T]]],
        next_link: str | None = None,
    ) -> None:
        super().__init__(envelope=envelope, style=style, query=query, next_link=next_link)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[_T]:
        query = self.next_page_query()
        if query is None:
            raise RuntimeError(
                "this is the last page: check has_next_page() before get_next_page()"
            )
        return await self._fetch(query)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        page: AsyncPage[_T] = self
        walk = _Walk()
        while True:
            yield page
            query = page.next_page_query()
            if query is None or not walk.goes_on(page, query):
                return
            page = await page._fetch(query)

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item
