"""PostHog runs at most 3 queries at once per project (FACTS §8): `query.run` keeps at most
that many in flight in one process, across threads and asyncio tasks, and the others
wait their turn and complete."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable

from posthog_api.testing import Call, MockAPI, mock_async_client, mock_client

HOGQL = {"kind": "HogQLQuery", "query": "select 1"}


def _most_in_flight(calls: Iterable[Call]) -> tuple[int, int]:
    """(the most jobs running at once, jobs that finished), from the mock's call log in order."""
    running: set[str] = set()
    most = finished = 0
    for call in calls:
        body = call.response_body if isinstance(call.response_body, dict) else {}
        status = body.get("query_status") if isinstance(body.get("query_status"), dict) else None
        if call.operation_id == "query_create" and call.status == 202 and status:
            running.add(status["id"])
            most = max(most, len(running))
        elif call.operation_id == "query_retrieve" and call.status == 200 and status and status["id"] in running:
            running.discard(status["id"])
            finished += 1
    return most, finished


def test_ten_threads_keep_at_most_three_queries_in_flight() -> None:
    api = MockAPI(polls_before_complete=3)
    client = mock_client(api)
    client._sleep = lambda seconds: threading.Event().wait(min(seconds, 0.01))  # poll quickly
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(client.query.run(query=HOGQL))) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 10
    most, finished = _most_in_flight(api.calls)
    assert finished == 10 and 1 <= most <= 3, (most, finished)


def test_ten_tasks_keep_at_most_three_queries_in_flight() -> None:
    api = MockAPI(polls_before_complete=3)

    async def burst() -> list[object]:
        client = mock_async_client(api)

        async def quick(seconds: float) -> None:
            await asyncio.sleep(min(seconds, 0.01))

        client._sleep = quick
        return list(await asyncio.gather(*(client.query.run(query=HOGQL) for _ in range(10))))

    results = asyncio.run(burst())
    assert len(results) == 10
    most, finished = _most_in_flight(api.calls)
    assert finished == 10 and 1 <= most <= 3, (most, finished)


def test_the_limit_is_a_client_setting() -> None:
    api = MockAPI(polls_before_complete=2)
    client = mock_client(api, max_concurrent_jobs=1)
    client._sleep = lambda seconds: threading.Event().wait(min(seconds, 0.01))
    threads = [threading.Thread(target=lambda: client.query.run(query=HOGQL)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert _most_in_flight(api.calls) == (1, 4)
