"""One resource per concept (issue 17): every operation of a tag is on client.<tag>, each
calling the path PostHog documents for it; client.environments stays for old code, with
a DeprecationWarning, and the CLI hides its group."""

from __future__ import annotations

import warnings

import httpx
import pytest

from posthog_api import AsyncPostHog, PostHog
from tests.conftest import curated_api


def _client(seen: list[httpx.Request]) -> PostHog:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    return PostHog(api_key="phx_test", project_id="7", host="http://posthog.test",
                   http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_every_operation_of_a_tag_is_on_its_resource() -> None:
    api = curated_api()
    root = {r.tag: {op.operation_id for op in r.operations} for r in api.resources if r.namespace is None}
    for op in api.operations:
        twin_at_root = any(o.name == op.name and o.namespace is None for o in api.operations if o.tag == op.tag)
        assert op.operation_id in root[op.tag] or (op.namespace and twin_at_root and op.deprecated), op.operation_id
    client = PostHog(api_key="phx_test", project_id="7")
    for method in ("list", "create", "retrieve", "partial_update", "destroy", "run", "list_versions", "last_execution_times"):
        assert callable(getattr(client.endpoints, method)), method
    for method in ("path", "retention", "stickiness", "values"):
        assert callable(getattr(client.persons, method)), method


def test_each_method_calls_the_documented_path() -> None:
    seen: list[httpx.Request] = []
    client = _client(seen)
    client.endpoints.destroy("weekly")  # documented under /api/environments/ only
    client.session_recordings.destroy("r1")
    assert [r.url.path for r in seen] == [
        "/api/environments/7/endpoints/weekly/",
        "/api/environments/7/session_recordings/r1/",
    ]


def test_the_environments_namespace_warns_and_still_works() -> None:
    seen: list[httpx.Request] = []
    client = _client(seen)
    with pytest.warns(DeprecationWarning, match=r"client\.endpoints\.run\(\.\.\.\) instead"):
        environments = client.environments
    environments.endpoints.destroy("weekly")
    assert seen[0].url.path == "/api/environments/7/endpoints/weekly/"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client.endpoints.destroy("weekly")  # the concept's method never warns
    with pytest.warns(DeprecationWarning):
        AsyncPostHog(api_key="phx_test", project_id="7").environments  # noqa: B018


def test_with_raw_response_on_lists_and_run() -> None:
    """with_raw_response covers every method (issue 17): a list gives its first page's
    response, whose parse() is the page (iterating it walks every page); run gives the
    last poll's response, whose parse() is the typed result."""
    from posthog_api.testing import MockAPI, mock_client
    from posthog_api.types import HogQLQuery, HogQLQueryResponse

    api = MockAPI(polls_before_complete=1)
    client = mock_client(api)
    client._sleep = lambda seconds: None
    raw_page = client.insight_variables.with_raw_response.list()
    assert raw_page.status_code == 200 and raw_page.headers["content-type"].startswith("application/json")
    assert len(list(raw_page.parse())) == 5  # the mock serves five, in pages
    raw_run = client.query.with_raw_response.run(query=HogQLQuery(query="select 1"))
    assert raw_run.status_code == 200
    assert isinstance(raw_run.parse(), HogQLQueryResponse)
    assert [c.operation_id for c in api.calls][-1] == "query_retrieve"
