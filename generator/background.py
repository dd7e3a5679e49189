"""One piece of work done in a forked child, on another core, while this process goes on.

openapi-generator uses every core; the stages here are pure Python, one core each. Two of
them hold independent halves (validation beside parsing; the model and resource modules
beside everything else render writes), so a child forked at that point does one half with
a snapshot of the memory as it was, and writes its result, pickled, to a file that
this process reads (in memory where there is room: a pipe was 3 times slower).

The child is an optimisation and never the authority: if it cannot be forked, fails in
any way or dies, its work is done again here, so an error in it is raised exactly as it
would be without the child. Only Linux forks (forking is unsafe with macOS's system
libraries and absent on Windows). A small document is done on one core: there the child
costs more CPU than it saves time (the caller says, `worth_it`). SDKGEN_JOBS=1 turns the
child off; SDKGEN_JOBS=2 uses it whatever the size.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


_IN_CHILD = False


def in_child() -> bool:
    """Whether this process is a child doing background work (it must not report progress:
    the terminal is the parent's)."""
    return _IN_CHILD


def _jobs() -> str:
    return os.environ.get("SDKGEN_JOBS", "").strip()


def available() -> bool:
    """Whether a child can be forked here (Linux, more than one core, not SDKGEN_JOBS=1)."""
    if _jobs() == "1" or sys.platform != "linux":
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return False


class Pending(Generic[T]):
    """The result of `work`, from the child when it gave one, else computed here."""

    def __init__(self, work: Callable[[], T], worth_it: bool = True) -> None:
        self._work = work
        self._pid = 0
        self._fd = -1
        if available() and (worth_it or _jobs() == "2"):
            self._fork()

    def _fork(self) -> None:
        try:
            fd = _scratch_file()
        except OSError:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            os.close(fd)
            return
        if pid == 0:  # the child: do the work, write it, and leave without any cleanup of the parent's
            global _IN_CHILD
            _IN_CHILD = True
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the group: go quietly
                data = pickle.dumps(self._work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                code = 0
            except BaseException:  # noqa: BLE001 - the parent does the work again and raises it there
                pass
            os._exit(code)
        self._pid, self._fd = pid, fd

    @property
    def forked(self) -> bool:
        """Whether a child is doing the work (else result() does it here)."""
        return self._pid != 0

    def result(self) -> T:
        if not self._pid:
            return self._work()
        try:
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            data = _read_all(self._fd) if status == 0 else b""
        except OSError:
            data = b""
        finally:
            self._close()
        if data:
            try:
                found: T = pickle.loads(data)
                return found
            except Exception:  # noqa: BLE001 - a damaged answer: do the work here
                pass
        return self._work()

    def _close(self) -> None:
        """Close the child's file, once (Ctrl-C may come between any two steps)."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)

    def cancel(self) -> None:
        """Stop and reap the child when its result will not be asked for (also when
        result() was interrupted half-way: by Ctrl-C, say)."""
        if self._pid:
            pid, self._pid = self._pid, 0
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            self._close()
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:  # reaped already, by the result() it interrupted
                pass
        self._close()


#: the room asked of Linux for a pipe from a child (64 kB by default): keys sent ahead
#: (Graph beta's 22,361 are 750 kB) go in without waiting for a reader
PIPE_ROOM = 1 << 20
#: where a child's result goes when there is this much room: a folder in memory. A
#: result of megabytes (autotask's 13 MB of modules) took 20-40 ms to cross a pipe, and
#: 8 ms to read from a file there
MEMORY_FOLDER, MEMORY_ROOM = "/dev/shm", 1 << 30


def _scratch_file() -> int:
    """A file that no name leads to (removed as soon as it is made; gone when closed),
    in memory where there is room: what the child writes and this process reads."""
    folder = None
    try:
        free = os.statvfs(MEMORY_FOLDER)
        if free.f_bavail * free.f_frsize >= MEMORY_ROOM and os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
            folder = MEMORY_FOLDER
    except OSError:
        pass
    fd, name = tempfile.mkstemp(prefix="sdkgen-child-", dir=folder)
    os.unlink(name)
    return fd


def _read_all(fd: int) -> bytes:
    """The whole of the file `fd`, from its start (the child moved the shared offset)."""
    size = os.fstat(fd).st_size
    parts, at = [], 0
    while at < size:
        part = os.pread(fd, size - at, at)
        if not part:
            break
        parts.append(part)
        at += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _roomy_pipe() -> tuple[int, int]:
    """A pipe, with PIPE_ROOM where Linux grants it (else its default room: slower, the same)."""
    read, write = os.pipe()
    try:
        import fcntl

        fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_ROOM)
    except (ImportError, OSError):
        pass
    return read, write


class Ahead:
    """Lines of text a child sends before its result, through a pipe of their own, for
    this process to go on with while the child does the rest of its work (the render
    child makes the operations' keys, which both need, first). Made before the fork;
    the child calls send() (nowhere else: see in_child()), this process receive(), which
    is None when the child sent nothing whole (it failed, or was never forked)."""

    def __init__(self) -> None:
        try:
            self._read, self._write = _roomy_pipe()
        except OSError:
            self._read = self._write = -1

    def send(self, lines: list[str]) -> None:
        """In the child: the lines, then the end of the pipe."""
        if self._write < 0 or not _IN_CHILD:
            return
        os.close(self._read)
        self._read = -1
        data = ("\n".join(lines) + "\n\0").encode()
        with os.fdopen(self._write, "wb") as pipe:
            self._write = -1
            pipe.write(data)

    def receive(self, forked: bool) -> list[str] | None:
        """In this process: the child's lines (waiting for them), or None."""
        if self._write >= 0:
            os.close(self._write)  # else the read below would never see the end
            self._write = -1
        if not forked or self._read < 0:
            self.close()
            return None
        chunks = []
        try:
            while chunk := os.read(self._read, 1 << 20):
                chunks.append(chunk)
        except OSError:
            chunks = []
        self.close()
        data = b"".join(chunks)
        if not data.endswith(b"\n\0"):
            return None
        return data[:-2].decode().split("\n") if len(data) > 2 else []

    def close(self) -> None:
        for fd in (self._read, self._write):
            if fd >= 0:
                os.close(fd)
        self._read = self._write = -1


@contextmanager
def in_background(work: Callable[[], T], *, worth_it: bool = True) -> Iterator[Pending[T]]:
    """`work` started in a child (unless it is not `worth_it`, see above); leaving the
    block without asking for its result (an error, Ctrl-C) stops the child."""
    pending = Pending(work, worth_it)
    try:
        yield pending
    finally:
        pending.cancel()
