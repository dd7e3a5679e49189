"""A pytest plugin for the sweep's runs of contract tests against Prism (bench/sweep.py
--prism): what a failure owes to Prism rather than to the package.

- Each test fails after SDKGEN_TEST_TIME_LIMIT seconds. A call that waits for a
  server-side change, an Azure long-running operation say, polls for ever against
  Prism, whose made-up answer never says the change is done (the package's own mock
  does); one such test must not hold the whole step until its timeout. (SIGALRM: the
  main thread, POSIX only, which is where the sweep runs.)
- Prism checks the answers it makes up against the document and says what they break
  in the `sl-violations` header (json-schema-faker writes the schema's keywords as the
  value of a property named `properties`, Azure's everywhere, and leaves out what it
  requires). A test that fails after such an answer fails as PrismAnswerBreaksDocument,
  with Prism's first complaint, so that the sweep sets it apart from disagreements.
- To a request it finds valid, Prism answers an error or a redirect only where the
  operation lists no success (CallFire's PUT /calls/broadcasts/{id}: 400, 401, 403, 404,
  500; Discourse's topic by external id: a 301), where the package's mock answers a
  made-up success. A test that fails after such an answer (no complaint of Prism's about
  the request) fails as PrismAnsweredAnError.
- Where Prism refuses the request, the client's error says only its status: the test
  fails as PrismRefusedRequest with Prism's first reason (`body.tags: must NOT have
  fewer than 1 properties`), so that refusals count by what they are.
- Where the schema allows null (Stream's responses: `nullable: true` and no type),
  Prism may answer `null`; a test that fails after that fails as PrismAnsweredNull.
- Prism routes by a path's template alone, and tells apart neither two templates that
  differ only in their parameters' names nor a path's `#fragment` (Azure's
  `/analyze#overload=stream` beside `/analyze`): it may check the request against the
  other operation, or answer as the other. A test whose last request went to such a
  path (SDKGEN_PRISM_TWIN_PATHS, the shapes that the sweep found shared) fails as
  PrismMisrouted.
- Prism's faker ignores a discriminator: it names a subclass by its tag (Azure's
  `kind: AdlsGen2File`) in an object that holds the base's fields alone, without what
  the subclass requires. A test whose client found a field missing in an answer holding
  such a tag (SDKGEN_PRISM_SUBCLASS_TAGS, the tags whose subclasses require more than
  their base, by the sweep) fails as PrismIgnoredDiscriminator.
"""

from __future__ import annotations

import json
import os
import re
import signal
from collections.abc import Iterator
from typing import Any

import httpx
import pytest


class TimeLimitExceeded(Exception):
    pass


class PrismAnswerBreaksDocument(Exception):
    pass


class PrismAnsweredAnError(Exception):
    pass


class PrismRefusedRequest(Exception):
    pass


class PrismAnsweredNull(Exception):
    pass


class PrismMisrouted(Exception):
    pass


class PrismIgnoredDiscriminator(Exception):
    pass


def _subclass_tag(response: httpx.Response) -> str | None:
    """`property: tag` of an object in the answer that names a subclass requiring more
    than its base (SDKGEN_PRISM_SUBCLASS_TAGS: property -> tags), or None."""
    tags: dict[str, list[str]] = json.loads(os.environ.get("SDKGEN_PRISM_SUBCLASS_TAGS", "{}") or "{}")
    if not tags:
        return None
    try:
        stack = [response.json()]
    except (ValueError, httpx.ResponseNotRead):
        return None
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for prop, names in tags.items():
                if isinstance(node.get(prop), str) and node[prop] in names:
                    return f"{prop}: {node[prop]}"
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _twin_paths() -> list[re.Pattern[str]]:
    """The shapes (`/webhdfs/v1/{}`) of paths that several of the document's share."""
    shapes = json.loads(os.environ.get("SDKGEN_PRISM_TWIN_PATHS", "[]") or "[]")
    return [re.compile("(?:/.*)?" + re.escape(shape).replace(r"\{\}", "[^/]+")) for shape in shapes]


def _misrouted(response: httpx.Response) -> bool:
    try:
        path = response.request.url.path
    except RuntimeError:  # (a response made without a request)
        return False
    return any(shape.fullmatch(path) for shape in _TWINS)


#: what Prism said was wrong with its answers during the current test
_complaints: list[str] = []
#: the current test's last answer
_last: list[httpx.Response] = []
#: the paths Prism may take for another (_twin_paths)
_TWINS: list[re.Pattern[str]] = []


def _valid_request_error(response: httpx.Response) -> int | None:
    """The status of an error answer to a request Prism found valid: an error of the
    document's (no sl-violations, no problem of Prism's own: its `type` is one of
    https://stoplight.io/prism/errors)."""
    if response.status_code < 300 or response.headers.get("sl-violations"):
        return None  # (a redirect too: one an operation lists as its answer without a Location, Prism sends none)
    try:
        own = "stoplight.io/prism/errors" in response.text[:500]
    except httpx.ResponseNotRead:
        return None
    return None if own else response.status_code


def _refusal(response: httpx.Response) -> str | None:
    """Prism's first reason for refusing the request, from its problem's `validation` or
    the sl-violations about the request; None where it did not refuse it."""
    if not 400 <= response.status_code < 500:  # (a 500 is Prism failing, not refusing)
        return None
    found: list[Any] = []
    header = response.headers.get("sl-violations", "")
    if header:
        found = _violations(header)
    else:
        try:
            problem = response.json()
        except (ValueError, httpx.ResponseNotRead):
            return None
        if not isinstance(problem, dict) or "stoplight.io/prism/errors" not in str(problem.get("type", "")):
            return None
        found = [v for v in problem.get("validation") or [] if isinstance(v, dict)]
        if not found:
            return f"{problem.get('title', '')}: {problem.get('detail', '')}"
    for violation in found:
        where = [str(part) for part in violation.get("location") or []]
        if where[:1] != ["response"] and str(violation.get("severity", "Error")) == "Error":
            return f"{'.'.join(where)}: {violation.get('message', '')}"
    return None


def _answered_null(response: httpx.Response) -> bool:
    try:
        return response.status_code < 300 and response.content.strip() == b"null"
    except httpx.ResponseNotRead:
        return False


#: one violation of a list Prism cut short ("Too many violations! [...")
_VIOLATION = re.compile(
    r'\{"location":\[[^\]]*\],"severity":"[^"]*","code":[^,]*,"message":"(?:[^"\\]|\\.)*"\}'
)


def _violations(header: str) -> list[dict[str, Any]]:
    """sl-violations: a JSON list, or, where Prism cut it short, the whole ones it holds."""
    try:
        found = json.loads(header[header.find("[") :])
    except ValueError:
        found = [json.loads(m.group(0)) for m in _VIOLATION.finditer(header)]
    return [v for v in found if isinstance(v, dict)] if isinstance(found, list) else []


def _note(response: httpx.Response) -> None:
    _last[:] = [response]
    header = response.headers.get("sl-violations", "")
    if not header:
        return
    for violation in _violations(header):
        where = violation.get("location") or []
        if where and where[0] == "response" and str(violation.get("severity", "Error")) == "Error":
            _complaints.append(f"{'.'.join(map(str, where))}: {violation.get('message', '')}")


def pytest_configure(config: pytest.Config) -> None:
    sync_send, async_send = httpx.HTTPTransport.handle_request, httpx.AsyncHTTPTransport.handle_async_request

    def handle_request(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        response = sync_send(self, request)
        _note(response)
        return response

    async def handle_async_request(self: httpx.AsyncHTTPTransport, request: httpx.Request) -> httpx.Response:
        response = await async_send(self, request)
        _note(response)
        return response

    _TWINS[:] = _twin_paths()
    httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
    httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore[method-assign]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    _complaints.clear()
    _last.clear()
    limit = int(os.environ.get("SDKGEN_TEST_TIME_LIMIT", "0") or 0)

    def expired(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"the test ran past its time limit of {limit} s")

    previous = signal.signal(signal.SIGALRM, expired) if limit > 0 else None
    if limit > 0:
        signal.alarm(limit)
    try:
        return (yield)
    except Exception as exc:
        if _complaints and not isinstance(exc, TimeLimitExceeded):  # (its answer, not the request)
            raise PrismAnswerBreaksDocument(f"Prism's answer breaks the document: {_complaints[0]}") from exc
        if isinstance(exc, TimeLimitExceeded) or not _last:
            raise
        refused = _refusal(_last[0])
        if _misrouted(_last[0]):  # refused, or answered, as the other operation
            why = refused or f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:300]}"
            raise PrismMisrouted(f"Prism answered ({_last[0].status_code}) a path it does not tell apart from "
                                 f"another: {why}") from exc
        if refused is not None:
            raise PrismRefusedRequest(f"Prism refused the request ({_last[0].status_code}): {refused}") from exc
        status = _valid_request_error(_last[0])
        if status is not None:
            raise PrismAnsweredAnError(f"Prism found the request valid and answered the document's {status}") from exc
        if _answered_null(_last[0]):
            raise PrismAnsweredNull("Prism answered null, which the schema allows") from exc
        tag = _subclass_tag(_last[0]) if "Field required" in str(exc) else None
        if tag is not None:
            raise PrismIgnoredDiscriminator(
                f"Prism's answer names a subclass ({tag}) with the base's fields alone: "
                f"{(str(exc).splitlines() or [''])[0][:300]}"
            ) from exc
        raise
    finally:
        if limit > 0:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
