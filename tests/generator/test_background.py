"""generator/background.py: work done in a forked child comes back as if done here; when
the child fails or dies the work is done here, so its errors are raised here; and the
generated files are the same with the child as without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import background
from generator.pipeline import BACKGROUND_MIN_BYTES, generate

ROOT = Path(__file__).resolve().parents[2]

needs_fork = pytest.mark.skipif(not background.available(), reason="forks only on Linux with more than one core")


@needs_fork
def test_the_work_is_done_in_a_child_and_its_result_comes_back():
    with background.in_background(lambda: {"pid": os.getpid(), "text": "é" * 100_000}) as pending:
        assert pending.forked
        found = pending.result()
    assert found["pid"] != os.getpid()
    assert found["text"] == "é" * 100_000


@needs_fork
def test_an_error_in_the_child_is_raised_here_by_doing_the_work_again():
    parent = os.getpid()
    calls = []

    def work() -> int:
        calls.append(os.getpid())  # only the parent's list is seen here
        if os.getpid() != parent:
            raise ValueError("in the child")
        raise KeyError("here")

    with background.in_background(work) as pending, pytest.raises(KeyError, match="here"):
        pending.result()
    assert calls == [parent]


@needs_fork
def test_a_child_that_dies_is_replaced_by_the_work_done_here():
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(9)  # killed, out of memory: no answer
        return 42

    with background.in_background(work) as pending:
        assert pending.result() == 42


@needs_fork
def test_lines_sent_ahead_arrive_before_the_result_and_whole():
    ahead = background.Ahead()
    keys = [f"{i:032x}" for i in range(30_000)]  # more than a pipe holds by default (Graph beta's keys)

    def work() -> str:
        ahead.send(keys)
        return "done"

    with background.in_background(work) as pending:
        assert ahead.receive(pending.forked) == keys
        assert pending.result() == "done"


@needs_fork
def test_nothing_arrives_ahead_from_a_child_that_dies_first_or_was_never_forked():
    ahead = background.Ahead()

    def work() -> str:
        if background.in_child():
            os._exit(9)
        ahead.send(["not sent: this is the parent"])
        return "done here"

    with background.in_background(work) as pending:
        assert ahead.receive(pending.forked) is None
        assert pending.result() == "done here"
    alone = background.Ahead()
    with background.in_background(lambda: alone.send(["x"]), worth_it=False) as pending:
        assert not pending.forked and alone.receive(pending.forked) is None


@needs_fork
def test_leaving_the_block_early_stops_and_reaps_the_child():
    with pytest.raises(RuntimeError), background.in_background(lambda: __import__("time").sleep(60)) as pending:
        pid = pending._pid
        raise RuntimeError("the parent's own work failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


@needs_fork
@pytest.mark.parametrize("where", ["pread", "waitpid"])
def test_ctrl_c_while_the_result_comes_back_stops_the_child_and_is_raised_as_it_is(monkeypatch, where):
    """Ctrl-C lands while result() reads the child's answer or waits for it: the
    KeyboardInterrupt reaches the caller (the CLI prints one line, exit 130), not an
    OSError from closing its file twice, and no child is left behind."""
    real = getattr(os, where)
    interrupted = []

    def interrupt(*args):
        if not interrupted:
            interrupted.append(real(*args))  # the call happens; the signal comes right after it
            raise KeyboardInterrupt
        return real(*args)

    with pytest.raises(KeyboardInterrupt), background.in_background(lambda: "x" * 100_000) as pending:
        pid = pending._pid
        monkeypatch.setattr(os, where, interrupt)
        pending.result()
    monkeypatch.undo()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_sdkgen_jobs_1_does_the_work_here(monkeypatch):
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    with background.in_background(os.getpid) as pending:
        assert not pending.forked
        assert pending.result() == os.getpid()


@pytest.fixture
def forks(monkeypatch):
    """How many children the stages forked (each still forked for real)."""
    counted: list[int] = []
    fork = background.Pending._fork

    def counting(self):
        counted.append(1)
        fork(self)

    monkeypatch.setattr(background.Pending, "_fork", counting)
    return counted


@needs_fork
@pytest.mark.parametrize("spec", ["spec/openapi.yaml", "tests/golden/petstore/openapi.yaml"])
def test_the_generated_files_are_the_same_with_the_child_and_without(spec, monkeypatch, forks):
    monkeypatch.setenv("SDKGEN_JOBS", "2")  # these documents are small: the child only when asked for
    together = generate(ROOT / spec)
    assert len(forks) == 2  # validation, and the modules
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    alone = generate(ROOT / spec)
    assert len(forks) == 2
    assert together.files == alone.files
    assert list(together.files) == list(alone.files)  # and in the same order
    assert together.diagnostics == alone.diagnostics


@needs_fork
def test_a_small_document_is_done_on_one_core_and_a_large_one_on_two(tmp_path, monkeypatch, forks):
    monkeypatch.delenv("SDKGEN_JOBS", raising=False)
    small = ROOT / "tests/golden/petstore/openapi.yaml"
    generate(small)
    assert forks == []  # a child would cost more than it saves
    large = tmp_path / "openapi.yaml"
    padding = "\n".join(f"    Line {i} of a long description." for i in range(20_000))
    text = small.read_text(encoding="utf-8")
    large.write_text(text.replace("  description: A small", f"  description: |\n{padding}\n    A small", 1), encoding="utf-8")
    assert large.stat().st_size >= BACKGROUND_MIN_BYTES
    generate(large)
    assert len(forks) == 2
