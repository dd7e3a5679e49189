"""bench/run.py's measure(): the memory of all the processes of a measured command (a
forked child included), beside the largest one's peak RSS."""

from __future__ import annotations

import sys

import pytest

from bench import run

FORKS = """
import os, time
shared = b"x" * (300 << 20)           # the parent's, shared with the child at the fork
pid = os.fork()
own = b"y" * (200 << 20)              # each its own
time.sleep(1.0)
if pid:
    os.waitpid(pid, 0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_memory_of_a_parent_and_its_child_counts_shared_pages_once():
    found = run.measure([sys.executable, "-c", FORKS])
    assert 480 <= found.rss <= 600  # the largest process: 300 MB shared + 200 MB of its own
    assert 650 <= found.tree <= 800  # together: 300 + 200 + 200, the shared pages once


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_single_process_with_threads_is_counted_once():
    found = run.measure([sys.executable, "-c", THREADS])
    assert 190 <= found.rss <= 260
    assert found.tree - found.rss < 40  # its threads share its memory: not counted again


THREADS = """
import threading, time
held = b"x" * (200 << 20)
workers = [threading.Thread(target=time.sleep, args=(0.8,)) for _ in range(4)]
for w in workers: w.start()
for w in workers: w.join()
"""
