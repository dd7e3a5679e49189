"""A pytest plugin for the sweep: each test fails after SDKGEN_TEST_TIME_LIMIT seconds.

Against Prism (bench/sweep.py --prism), a call that waits for a server-side change, an
Azure long-running operation say, polls for ever: Prism's static answer never says the
change is done, where the package's own mock does. One such test must not hold the
document's whole step until its timeout. (SIGALRM: the main thread, POSIX only, which is
where the sweep runs.)
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from typing import Any

import pytest


class TimeLimitExceeded(Exception):
    pass


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    limit = int(os.environ.get("SDKGEN_TEST_TIME_LIMIT", "0") or 0)
    if limit <= 0:
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"the test ran past its time limit of {limit} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(limit)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
