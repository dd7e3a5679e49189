"""Running the generated CLI and mock server as subprocesses: on pipes, or on a pseudo-terminal."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.conftest import GENERATED

CLI = [sys.executable, "-m", "posthog_api.cli"]


def env_for(server_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POSTHOG_") and k not in ("COLUMNS", "NO_COLOR")}
    env.update(
        PYTHONPATH=str(GENERATED),
        POSTHOG_PERSONAL_API_KEY="phx_cli_test_key",
        POSTHOG_PROJECT_ID="7",
        POSTHOG_HOST=server_url,
    )
    env.update(extra)
    return env


@contextmanager
def mock_server(*flags: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The generated mock server on a free loopback port: (its URL, the process)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "posthog_api.testing.server", "--port", "0", *flags],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(GENERATED)},
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url
    try:
        yield url, proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def cli(server_url: str, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, input=stdin, env=env_for(server_url, **env), timeout=60,
    )


@dataclass
class Screen:
    """What a program wrote to its terminal, and how it ended."""

    text: str  # with the terminal's \r\n turned back into \n
    returncode: int

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def in_terminal(server_url: str, *args: str, columns: int = 100, answer: tuple[str, str] | None = None,
                timeout: float = 60, command: list[str] = CLI, **env: str) -> Screen:
    """Run the CLI (`command`: the curated package's by default) on a pseudo-terminal
    `columns` wide (stdin, stdout and stderr all on it).

    `answer` = (prompt, reply): type `reply` once `prompt` appears on the screen."""
    import fcntl
    import pty
    import struct
    import termios

    environment = env_for(server_url, TERM="xterm-256color", **env)
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the CLI
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
            os.execve(command[0], command + list(args), environment)
        finally:
            os._exit(127)
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child is gone and the terminal closed
                    break
                if not chunk:
                    break
                output += chunk
                if answer is not None and answer[0].encode() in output:
                    os.write(fd, answer[1].encode() + b"\r")
                    answer = None
        else:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return Screen(output.decode(errors="replace").replace("\r\n", "\n"), os.waitstatus_to_exitcode(status))
