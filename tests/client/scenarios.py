"""Failure scenarios for the generated client, played against any `Backend`.

Each scenario scripts the server, makes the call a user would make and checks
three things: what the user sees (the value or the error and its message),
how many requests reached the server, and that a request which is not safe to
repeat (a plain POST) was sent once only. test_reliability.py plays them over
an httpx transport, test_loopback.py over a real HTTP server, and
test_secrets.py again with debug logging on, to prove the API key never leaks.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from posthog_api import errors
from posthog_api._models import UnknownVariant
from posthog_api.models import HogQLQueryResponse, InsightVariableTypeEnum
from posthog_api.testing import load_fixture
from tests.client._faults import PROJECT, STALL_TIMEOUT, Backend, Reply, Reset, Stall

_E = TypeVar("_E", bound=BaseException)

# -- what the server sends ---------------------------------------------------------------------

VARIABLE_ID = "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6"
VARIABLE = load_fixture("insight_variables_retrieve")["responses"]["200"]["body"]
VARIABLES = f"/api/projects/{PROJECT}/insight_variables/"
ONE_VARIABLE = f"{VARIABLES}{VARIABLE_ID}/"

THROTTLED = {
    "type": "throttled_error",
    "code": "throttled",
    "detail": "Request was throttled. Expected available in 7 seconds.",
    "attr": None,
}
SERVER_ERROR = {"type": "server_error", "code": "error", "detail": "A server error occurred.", "attr": None}
INVALID_KEY = {
    "type": "authentication_error",
    "code": "invalid_personal_api_key",
    "detail": "Invalid Personal API key.",
    "attr": None,
}
MISSING_SCOPE = {
    "type": "authentication_error",
    "code": "permission_denied",
    "detail": "API key missing required scope 'insight_variable:write'",
    "attr": None,
}
HTML_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

QUERY = f"/api/projects/{PROJECT}/query/"
QUERY_ID = "0193f0a1b2c37d4e8f9a0b1c2d3e4f50"
ONE_QUERY = f"{QUERY}{QUERY_ID}/"
HOGQL = {"kind": "HogQLQuery", "query": "select event, count() from events group by event"}
QUERY_STARTED = load_fixture("query_create")["responses"]["202"]["body"]
QUERY_RUNNING = load_fixture("query_retrieve")["responses"]["202"]["body"]
QUERY_DONE = load_fixture("query_retrieve")["responses"]["200"]["body"]
QUERY_RESULT = load_fixture("query_create")["responses"]["200"]["body"]
QUERY_CANCELLED = load_fixture("query_destroy")["responses"]["200"]["body"]
QUERY_FAILED = {
    "query_status": {
        **QUERY_RUNNING["query_status"],
        "complete": True,
        "error": True,
        "error_message": "Unable to resolve field: evnt",
        "query_progress": None,
    }
}


def _rate_limited(wait: str, *, date: str | None = None) -> Reply:
    return Reply(429, THROTTLED, headers={"Retry-After": wait, **({"Date": date} if date else {})})


@contextlib.contextmanager
def _debug_log() -> Iterator[list[str]]:
    """The package's debug log lines while the block runs."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger = logging.getLogger("posthog_api")
    handler, level = Keep(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def expect(backend: Backend, error: type[_E], call: Callable[[], object]) -> _E:
    """Run `call`, which must raise `error`; keep the exception for the secrets test."""
    with pytest.raises(error) as caught:
        call()
    backend.errors.append(caught.value)
    return caught.value


def _create_variable(backend: Backend, **options: Any) -> Callable[[], object]:
    """A plain POST: not safe to repeat, so it must never be sent twice."""
    client = backend.client(**options)
    return lambda: client.insight_variables.create(name="Plan", type="List")


# -- rate limits -------------------------------------------------------------------------------


def rate_limited_get_waits_for_retry_after(b: Backend) -> None:
    b.script(_rate_limited("7"), Reply(200, VARIABLE))
    variable = b.client().insight_variables.retrieve(VARIABLE_ID)
    assert variable.name == "Plan"
    assert b.lines == [f"GET {ONE_VARIABLE}"] * 2
    assert b.time.sleeps == [7.0]


def rate_limited_get_honours_an_http_date(b: Backend) -> None:
    """An HTTP date is read against the response's own Date header, not the local clock."""
    throttled = _rate_limited("Wed, 03 Dec 2025 10:15:30 GMT", date="Wed, 03 Dec 2025 10:15:00 GMT")
    b.script(throttled, Reply(200, VARIABLE))
    b.client().insight_variables.retrieve(VARIABLE_ID)
    assert b.count("GET") == 2
    assert b.time.sleeps == [30.0]


def rate_limit_longer_than_the_cap_is_raised(b: Backend) -> None:
    b.script(_rate_limited("3600"))
    client = b.client()
    error = expect(b, errors.RateLimitError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert error.retry_after == 3600
    assert str(error) == (
        "429 throttled: Request was throttled. Expected available in 7 seconds. (retry after 3600s)"
    )
    assert b.count("GET") == 1 and b.time.sleeps == []


def rate_limited_post_is_repeated(b: Backend) -> None:
    """429 means the server did not act on the request: resending a POST is safe."""
    b.script(_rate_limited("7"), Reply(201, VARIABLE))
    variable = _create_variable(b)()
    assert variable.id == VARIABLE_ID
    assert b.lines == [f"POST {VARIABLES}"] * 2 and b.time.sleeps == [7]


def retry_after_nan_is_ignored(b: Backend) -> None:
    """`Retry-After: nan` is no number of seconds: the usual backoff applies, and no message says "nans"."""
    b.script(_rate_limited("nan"), Reply(200, VARIABLE))
    assert b.client().insight_variables.retrieve(VARIABLE_ID).name == "Plan"
    [wait] = b.time.sleeps
    assert 0.375 <= wait <= 0.5  # the first backoff step
    b.script(_rate_limited("nan"))
    client = b.client(max_retries=0)
    error = expect(b, errors.RateLimitError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert error.retry_after is None and "nan" not in str(error)
    assert b.count("GET") == 3


def rate_limited_post_runs_out_of_retries(b: Backend) -> None:
    b.script(_rate_limited("7"), _rate_limited("7"), _rate_limited("7"))
    error = expect(b, errors.RateLimitError, _create_variable(b))
    assert error.retry_after == 7 and error.status_code == 429
    assert b.lines == [f"POST {VARIABLES}"] * 3


# -- server errors -----------------------------------------------------------------------------


def server_error_then_success(b: Backend) -> None:
    b.script(Reply(500, SERVER_ERROR), Reply(200, VARIABLE))
    variable = b.client().insight_variables.retrieve(VARIABLE_ID)
    assert variable.id == VARIABLE_ID
    assert b.count("GET") == 2
    [wait] = b.time.sleeps
    assert 0.375 <= wait <= 0.5  # the first backoff step, less up to 25% jitter


def server_error_on_an_idempotent_post_is_retried(b: Backend) -> None:
    """Running a query is a POST the spec marks x-idempotent: safe to send again."""
    b.script(Reply(500, SERVER_ERROR), Reply(200, QUERY_RESULT))
    result = b.client().query.create(query=HOGQL)
    assert isinstance(result, HogQLQueryResponse)
    assert b.lines == [f"POST {QUERY}"] * 2


def server_error_on_a_post_is_not_repeated(b: Backend) -> None:
    b.script(Reply(500, SERVER_ERROR))
    error = expect(b, errors.InternalServerError, _create_variable(b))
    assert str(error) == "500 error: A server error occurred."
    assert b.lines == [f"POST {VARIABLES}"]


def server_errors_use_up_the_retries(b: Backend) -> None:
    b.script(*[Reply(503, SERVER_ERROR)] * 3)
    client = b.client()
    expect(b, errors.InternalServerError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert b.count("GET") == 3  # the request and max_retries=2 retries
    first, second = b.time.sleeps
    assert second > first  # exponential backoff


def no_retries_when_max_retries_is_zero(b: Backend) -> None:
    b.script(Reply(503, SERVER_ERROR))
    client = b.client(max_retries=0)
    expect(b, errors.InternalServerError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert b.count("GET") == 1 and b.time.sleeps == []


# -- broken connections ------------------------------------------------------------------------


def connection_reset_then_success(b: Backend) -> None:
    b.script(Reset(), Reply(200, VARIABLE))
    variable = b.client().insight_variables.retrieve(VARIABLE_ID)
    assert variable.code_name == "plan"
    assert b.count("GET") == 2


def connection_reset_on_a_post_is_not_repeated(b: Backend) -> None:
    b.script(Reset())
    error = expect(b, errors.APIConnectionError, _create_variable(b))
    assert str(error).startswith("Connection error: ")
    assert f"(POST {b.url}{VARIABLES})" in str(error)
    assert b.lines == [f"POST {VARIABLES}"]


def read_timeout_then_success(b: Backend) -> None:
    b.script(Stall(), Reply(200, VARIABLE))
    variable = b.client(timeout=STALL_TIMEOUT).insight_variables.retrieve(VARIABLE_ID)
    assert variable.type == InsightVariableTypeEnum.LIST
    assert b.count("GET") == 2


def read_timeout_on_a_post_is_not_repeated(b: Backend) -> None:
    b.script(Stall())
    error = expect(b, errors.APITimeoutError, _create_variable(b, timeout=STALL_TIMEOUT))
    assert str(error) == f"Request timed out (POST {b.url}{VARIABLES})."
    # The server notes a request once it has read it, which on a busy machine may come
    # after the client's 0.2 s ran out: wait for the note, then check there is one only.
    deadline = time.monotonic() + 5
    while not b.lines and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(STALL_TIMEOUT)  # (a repeated POST would have arrived by now)
    assert b.lines == [f"POST {VARIABLES}"]


# -- bodies that are not what the API promises -------------------------------------------------


def malformed_json(b: Backend) -> None:
    truncated = b'{"id": "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6", "name": "Pl'
    b.script(Reply(200, truncated))
    client = b.client()
    error = expect(b, errors.ResponseValidationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert str(error) == "200 response does not match the API schema: the body is not valid JSON"
    assert error.body == truncated.decode()
    assert b.count("GET") == 1  # the server answered: asking again would not repair it


def json_with_a_byte_order_mark_or_another_charset(b: Backend) -> None:
    """A UTF-8 byte order mark before the JSON (IIS and .NET send one; RFC 8259 lets a
    reader ignore it), and JSON in the charset its Content-Type names (an old server's
    ISO-8859-1), are read as the JSON they are, strict or not, errors too."""
    named = {**VARIABLE, "name": "Café"}
    text = json.dumps(named, ensure_ascii=False)
    b.script(
        Reply(200, b"\xef\xbb\xbf" + text.encode()),
        Reply(200, text.encode("latin-1"), content_type="application/json; charset=ISO-8859-1"),
        Reply(200, b"\xef\xbb\xbf" + text.encode()),
        Reply(404, b"\xef\xbb\xbf" + json.dumps({"type": "invalid_request", "code": "not_found",
                                                   "detail": "Not found.", "attr": None}).encode()),
    )
    strict = b.client(strict_response_validation=True)
    assert strict.insight_variables.retrieve(VARIABLE_ID).name == "Café"
    assert strict.insight_variables.retrieve(VARIABLE_ID).name == "Café"
    lenient = b.client(strict_response_validation=False)
    assert lenient.insight_variables.retrieve(VARIABLE_ID).name == "Café"
    error = expect(b, errors.NotFoundError, lambda: lenient.insight_variables.retrieve(VARIABLE_ID))
    assert str(error) == "404 not_found: Not found."
    assert b.count("GET") == 4


def html_error_page(b: Backend) -> None:
    b.script(*[Reply(502, HTML_502, content_type="text/html")] * 3)
    client = b.client()
    error = expect(b, errors.InternalServerError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert str(error) == "502: 502 Bad Gateway (an HTML page, not an API response)"
    assert error.body is None and "nginx" in error.response.text
    assert b.count("GET") == 3


def html_error_page_on_a_post_is_not_repeated(b: Backend) -> None:
    b.script(Reply(502, HTML_502, content_type="text/html"))
    expect(b, errors.InternalServerError, _create_variable(b))
    assert b.lines == [f"POST {VARIABLES}"]


def empty_body_where_a_value_is_promised(b: Backend) -> None:
    """A 200 or 204 with no body, on a method that returns a variable, is not None."""
    b.script(Reply(200), Reply(204))
    client = b.client()
    for status in (200, 204):
        error = expect(b, errors.ResponseValidationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
        assert str(error) == (
            f"{status} response does not match the API schema: "
            f"insight_variables_retrieve answered {status} with an empty body, where the API document promises one"
        )
    assert b.count("GET") == 2


def null_where_a_value_is_promised(b: Backend) -> None:
    """JSON null, on a method that returns a variable (its type takes no null), is not a
    silent None either."""
    b.script(Reply(200, b"null"))
    client = b.client(strict_response_validation=False)
    error = expect(b, errors.ResponseValidationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert str(error) == (
        "200 response does not match the API schema: "
        "insight_variables_retrieve answered 200 with null, where the API document promises a value"
    )
    assert b.count("GET") == 1


def redirect_is_an_error_naming_the_target(b: Backend) -> None:
    """The client never follows a redirect (the key would go where it was not sent)."""
    target = f"https://eu.posthog.com{ONE_VARIABLE}"
    b.script(Reply(301, headers={"Location": target}))
    client = b.client()
    error = expect(b, errors.RedirectError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert (error.status_code, error.location) == (301, target)
    assert str(error) == f"301: Moved Permanently (redirected to {target}; use that address as the host)"
    assert b.lines == [f"GET {ONE_VARIABLE}"]  # not retried, not followed


def contract_break(b: Backend) -> None:
    """With strict_response_validation (as the tests run), a body the document does not
    allow raises, with the raw body at hand."""
    b.script(Reply(200, {"id": VARIABLE_ID, "name": None}))
    client = b.client(strict_response_validation=True)
    error = expect(b, errors.ResponseValidationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert str(error).startswith("200 response does not match the API schema: ")
    assert '"name": null' in error.body
    assert b.count("GET") == 1


def contract_break_read_leniently(b: Backend) -> None:
    """By default the same body is read as far as it goes: the typed fields typed, the
    one that does not fit as sent, unknown fields kept; each difference logged."""
    b.script(Reply(200, {**VARIABLE, "name": None, "type": "Calendar", "added_later": {"x": 1}}))
    client = b.client(strict_response_validation=False)
    with _debug_log() as lines:
        variable = client.insight_variables.retrieve(VARIABLE_ID)
    assert variable.id == VARIABLE_ID and variable.name is None
    assert variable.type.value == "Calendar"  # an enum value this client does not know
    assert variable.model_extra == {"added_later": {"x": 1}}
    assert variable.to_dict()["added_later"] == {"x": 1}
    assert any("differs from the API document at name" in line for line in lines), lines


def a_success_the_document_does_not_list_is_read_as_the_one_it_does(b: Backend) -> None:
    """A 201 or 202 where the document lists a 200 returns what the method promises (the
    model, read as far as it goes), not the raw JSON its annotation does not allow."""
    b.script(Reply(201, VARIABLE), Reply(202, {**VARIABLE, "name": 7}))
    client = b.client(strict_response_validation=False)
    created, accepted = (client.insight_variables.retrieve(VARIABLE_ID) for _ in range(2))
    assert type(created).__name__ == type(accepted).__name__ == "InsightVariable"
    assert created.name == VARIABLE["name"] and accepted.name == 7


def wrong_type_everywhere_is_still_read(b: Backend) -> None:
    """A list where an object was promised, a string where a list was: no exception."""
    b.script(Reply(200, {"count": "many", "next": None, "previous": None, "results": {"not": "a list"}}))
    client = b.client(strict_response_validation=False)
    page = client.insight_variables.list()
    assert page.items == [] and page.envelope.count == "many"


# -- errors from PostHog -----------------------------------------------------------------------


def unauthorized(b: Backend) -> None:
    b.script(Reply(401, INVALID_KEY, headers={"X-Request-Id": "req-7f3a"}))
    client = b.client()
    error = expect(b, errors.AuthenticationError, lambda: client.insight_variables.retrieve(VARIABLE_ID))
    assert str(error) == "401 invalid_personal_api_key: Invalid Personal API key. [request id req-7f3a]"
    assert (error.status_code, error.type, error.code) == (401, "authentication_error", "invalid_personal_api_key")
    assert error.detail == "Invalid Personal API key." and error.attr is None
    assert error.request_id == "req-7f3a" and error.response.status_code == 401
    assert b.count("GET") == 1


def forbidden_for_a_missing_scope(b: Backend) -> None:
    b.script(Reply(403, MISSING_SCOPE))
    error = expect(b, errors.PermissionDeniedError, _create_variable(b))
    assert error.missing_scope == "insight_variable:write"
    assert error.required_scopes == ("insight_variable:write",)
    assert str(error) == (
        "403 permission_denied: API key missing required scope 'insight_variable:write' "
        "(this operation needs an API key with the scope insight_variable:write)"
    )
    assert b.lines == [f"POST {VARIABLES}"]


def bad_request_names_the_field(b: Backend) -> None:
    body = {"type": "validation_error", "code": "max_length", "detail": "Ensure this field has no more than 400 characters.", "attr": "name"}
    b.script(Reply(400, body))
    error = expect(b, errors.BadRequestError, _create_variable(b))
    assert error.attr == "name"
    assert str(error) == "400 max_length: Ensure this field has no more than 400 characters. (field: name)"
    assert b.lines == [f"POST {VARIABLES}"]


#: error bodies of other APIs, as their servers write them, and what the exception says
OTHER_ERRORS = [
    ({"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "id",
                "message": "No such customer: 'cus_1'"}},  # Stripe
     "404 resource_missing: No such customer: 'cus_1' (field: id)"),
    ({"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}},  # Google
     "404 NOT_FOUND: Requested entity was not found."),
    ({"error": {"code": "Request_ResourceNotFound", "message": "Resource 'x' does not exist.",
                "innerError": {"request-id": "r-1"}}},  # Microsoft Graph, Azure
     "404 Request_ResourceNotFound: Resource 'x' does not exist."),
    ({"errors": [{"status": "404", "code": "not_found", "title": "Not found", "detail": "No variable x.",
                  "source": {"parameter": "id"}}, {"title": "Also"}]},  # JSON:API
     "404 not_found: No variable x. (and 1 more error) (field: id)"),
    ({"error": "invalid_token", "error_description": "The token expired."},  # OAuth 2.0
     "404 invalid_token: The token expired."),
    ({"type": "https://example.com/probs/missing", "title": "Not Found", "status": 404},  # RFC 9457
     "404: Not Found"),
    ({"message": "Not Found", "documentation_url": "https://docs.github.com/rest"},  # GitHub
     "404: Not Found"),
    ({"detail": [{"type": "missing", "loc": ["body", "name"], "msg": "Field required", "input": {}},
                 {"type": "string_too_long", "loc": ["query", "q"], "msg": "String should have at most 5 characters"}]},
     "404 missing: Field required (and 1 more error) (field: name)"),  # FastAPI's (pydantic's) validation errors
]


def other_apis_errors_are_read(b: Backend) -> None:
    """The server's explanation, its code and the field at fault, wherever the API puts
    them: the wrapper `error` object, the first of `errors`, OAuth's description."""
    b.script(*(Reply(404, body) for body, _ in OTHER_ERRORS))
    client = b.client()
    said = [str(expect(b, errors.NotFoundError, lambda: client.insight_variables.retrieve(VARIABLE_ID)))
            for _ in OTHER_ERRORS]
    assert said == [message for _, message in OTHER_ERRORS]


# -- long-running queries ----------------------------------------------------------------------


def query_runs_to_completion(b: Backend) -> None:
    """202 -> 202 -> 200: started in the background, polled with backoff, typed result."""
    b.script(Reply(202, QUERY_STARTED), Reply(202, QUERY_RUNNING), Reply(200, QUERY_DONE))
    progress: list[Any] = []
    result = b.client().query.run(query=HOGQL, on_progress=progress.append)
    assert isinstance(result, HogQLQueryResponse)
    assert result.columns == ["event", "c"] and result.results[0] == ["$pageview", 18234]
    assert result.types == [["event", "String"], ["c", "UInt64"]]
    assert b.lines == [f"POST {QUERY}", f"GET {ONE_QUERY}", f"GET {ONE_QUERY}"]
    start, *polls = b.requests
    assert start.body["refresh"] == "async" and start.body["query"] == HOGQL
    assert all(poll.query == {"show_progress": "true"} for poll in polls)
    assert b.time.sleeps == [0.2, pytest.approx(0.3)]  # backoff between polls
    assert [p.rows_read for p in progress] == [None, 21500000]  # after the start, then after the first poll
    assert progress[1].bytes_read == 734003200 and progress[1].job_id == QUERY_ID


def query_runs_blocking_when_asked(b: Backend) -> None:
    b.script(Reply(200, QUERY_RESULT))
    result = b.client().query.run(query=HOGQL, refresh="blocking")
    assert isinstance(result, HogQLQueryResponse) and result.is_cached is False
    assert b.lines == [f"POST {QUERY}"]
    assert b.requests[0].body["refresh"] == "blocking"


def query_fails_while_running(b: Backend) -> None:
    """PostHog answers the poll with 400 and the failed status: the user gets PostHog's message."""
    b.script(Reply(202, QUERY_STARTED), Reply(400, QUERY_FAILED))
    client = b.client()
    error = expect(b, errors.LongRunningError, lambda: client.query.run(query=HOGQL))
    assert str(error) == f"Query {QUERY_ID} failed: Unable to resolve field: evnt"
    assert error.error_message == "Unable to resolve field: evnt" and error.job_id == QUERY_ID
    assert b.lines == [f"POST {QUERY}", f"GET {ONE_QUERY}"]  # not retried, not cancelled


def query_is_rejected_at_the_start(b: Backend) -> None:
    body = {"type": "validation_error", "code": "syntax_error", "detail": "Syntax error at line 1, column 7", "attr": "query"}
    b.script(Reply(400, body))
    client = b.client()
    error = expect(b, errors.BadRequestError, lambda: client.query.run(query=HOGQL))
    assert str(error) == "400 syntax_error: Syntax error at line 1, column 7 (field: query)"
    assert b.lines == [f"POST {QUERY}"]


def query_is_cancelled_on_timeout(b: Backend) -> None:
    b.script(Reply(202, QUERY_STARTED))
    b.otherwise("GET", Reply(202, QUERY_RUNNING))
    b.otherwise("DELETE", Reply(200, QUERY_CANCELLED))
    client = b.client()
    error = expect(b, errors.LongRunningTimeoutError, lambda: client.query.run(query=HOGQL, wait_timeout=3))
    assert str(error) == f"Query {QUERY_ID} did not finish within 3s; it was cancelled"
    assert sum(b.time.sleeps) == pytest.approx(3)  # it waited exactly as long as allowed
    assert b.lines[0] == f"POST {QUERY}" and b.lines[-1] == f"DELETE {ONE_QUERY}"
    assert set(b.lines[1:-1]) == {f"GET {ONE_QUERY}"}
    assert b.count("POST") == 1 and b.count("DELETE") == 1


def query_is_cancelled_on_interrupt(b: Backend) -> None:
    b.script(Reply(202, QUERY_STARTED), Reply(202, QUERY_RUNNING))
    b.otherwise("DELETE", Reply(200, QUERY_CANCELLED))

    def press_ctrl_c_on_the_second_report(progress: Any) -> None:
        if progress.rows_read is not None:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        b.client().query.run(query=HOGQL, on_progress=press_ctrl_c_on_the_second_report)
    assert b.lines == [f"POST {QUERY}", f"GET {ONE_QUERY}", f"DELETE {ONE_QUERY}"]


# -- pagination --------------------------------------------------------------------------------


def _items(operation_id: str, count: int, key: str) -> list[dict[str, Any]]:
    """`count` distinct items shaped like the operation's fixture (told apart by `key`)."""
    template = load_fixture(operation_id)["responses"]["200"]["body"]["results"][0]
    return [{**copy.deepcopy(template), key: f"{template[key]}-{i}"} for i in range(count)]


def _linked_pages(path: str, items: list[dict[str, Any]], links: list[str | None]) -> list[Reply]:
    """Pages of two items, each with its `count` and `next` link."""
    return [
        Reply(200, {"count": len(items), "next": link and f"https://us.posthog.com{path}?{link}", "previous": None,
                    "results": items[2 * i : 2 * i + 2]})
        for i, link in enumerate(links)
    ]


def offset_pages_follow_next(b: Backend) -> None:
    path = f"/api/environments/{PROJECT}/endpoints/"
    items = _items("environments_endpoints_retrieve", 5, "name")
    b.script(*_linked_pages(path, items, ["limit=2&offset=2", "limit=2&offset=4", None]))
    with pytest.warns(DeprecationWarning, match="client.environments is deprecated"):
        environments = b.client().environments  # the deprecated /api/environments/ twin still works
    page = environments.endpoints.list(limit=2, is_active=True)
    assert page.count == 5 and len(page.items) == 2 and page.has_next_page()
    assert [endpoint.name for endpoint in page] == [item["name"] for item in items]
    assert b.lines == [f"GET {path}"] * 3
    assert [r.query for r in b.requests] == [
        {"limit": "2", "is_active": "true"},
        {"limit": "2", "is_active": "true", "offset": "2"},
        {"limit": "2", "is_active": "true", "offset": "4"},
    ]


def offset_pages_follow_has_next(b: Backend) -> None:
    """Session recordings answer `has_next` instead of a link: the client counts the offset."""
    path = f"/api/environments/{PROJECT}/session_recordings/"
    items = _items("environments_session_recordings_list", 5, "id")
    b.script(*[Reply(200, {"has_next": i < 2, "results": items[2 * i : 2 * i + 2], "version": 4}) for i in range(3)])
    page = b.client().session_recordings.list(limit=2)  # documented under /api/environments/
    assert page.count is None
    assert [recording.id for recording in page] == [item["id"] for item in items]
    assert b.lines == [f"GET {path}"] * 3
    assert [r.query for r in b.requests] == [
        {"limit": "2"},
        {"limit": "2", "offset": "2"},
        {"limit": "2", "offset": "4"},
    ]


def numbered_pages_insight_variables(b: Backend) -> None:
    items = _items("insight_variables_list", 5, "id")
    b.script(*_linked_pages(VARIABLES, items, ["page=2", "page=3", None]))
    page = b.client().insight_variables.list()
    assert [variable.id for variable in page] == [item["id"] for item in items]
    assert [r.query for r in b.requests] == [{}, {"page": "2"}, {"page": "3"}]


def numbered_pages_warehouse_saved_queries(b: Backend) -> None:
    path = f"/api/projects/{PROJECT}/warehouse_saved_queries/"
    items = _items("warehouse_saved_queries_list", 5, "name")
    b.script(*_linked_pages(path, items, ["page=2&search=signups", "page=3&search=signups", None]))
    pages = list(b.client().warehouse_saved_queries.list(search="signups").iter_pages())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert [view.name for p in pages for view in p.items] == [item["name"] for item in items]
    assert [r.query for r in b.requests] == [{"search": "signups"}, {"page": "2", "search": "signups"}, {"page": "3", "search": "signups"}]


# -- forward compatibility ---------------------------------------------------------------------


def extra_fields_and_unknown_enum_values(b: Backend) -> None:
    b.script(Reply(200, {**VARIABLE, "type": "Secret", "archived": True, "owner": {"team": "growth"}}))
    variable = b.client().insight_variables.retrieve(VARIABLE_ID)
    assert variable.type.value == "Secret" and variable.type == "Secret"  # a value added after this client
    assert variable.model_extra == {"archived": True, "owner": {"team": "growth"}}
    assert variable.to_dict()["owner"] == {"team": "growth"}
    assert b.count("GET") == 1


def unknown_query_kind(b: Backend) -> None:
    node = {"kind": "WebVitalsQuery", "metric": "LCP", "percentile": "p75"}
    b.script(Reply(200, {"query": node}))
    upgraded = b.client().query.upgrade(query=node)
    assert isinstance(upgraded.query, UnknownVariant)
    assert upgraded.query.to_dict() == node  # every field the server sent is still there
    assert b.lines == [f"POST {QUERY}upgrade/"]


SCENARIOS = [
    rate_limited_get_waits_for_retry_after,
    rate_limited_get_honours_an_http_date,
    rate_limit_longer_than_the_cap_is_raised,
    rate_limited_post_is_repeated,
    rate_limited_post_runs_out_of_retries,
    retry_after_nan_is_ignored,
    server_error_then_success,
    server_error_on_an_idempotent_post_is_retried,
    server_error_on_a_post_is_not_repeated,
    server_errors_use_up_the_retries,
    no_retries_when_max_retries_is_zero,
    connection_reset_then_success,
    connection_reset_on_a_post_is_not_repeated,
    read_timeout_then_success,
    read_timeout_on_a_post_is_not_repeated,
    malformed_json,
    json_with_a_byte_order_mark_or_another_charset,
    html_error_page,
    html_error_page_on_a_post_is_not_repeated,
    empty_body_where_a_value_is_promised,
    null_where_a_value_is_promised,
    redirect_is_an_error_naming_the_target,
    contract_break,
    contract_break_read_leniently,
    a_success_the_document_does_not_list_is_read_as_the_one_it_does,
    wrong_type_everywhere_is_still_read,
    unauthorized,
    forbidden_for_a_missing_scope,
    bad_request_names_the_field,
    other_apis_errors_are_read,
    query_runs_to_completion,
    query_runs_blocking_when_asked,
    query_fails_while_running,
    query_is_rejected_at_the_start,
    query_is_cancelled_on_timeout,
    query_is_cancelled_on_interrupt,
    offset_pages_follow_next,
    offset_pages_follow_has_next,
    numbered_pages_insight_variables,
    numbered_pages_warehouse_saved_queries,
    extra_fields_and_unknown_enum_values,
    unknown_query_kind,
]
