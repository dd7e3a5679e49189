"""`sdkgen generate` shows what it is at on a terminal (stage, counts, time) and nothing
on a pipe or with -q: the terminal case runs on a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"
ERASE = "\r\x1b[K"


def _on_a_terminal(*args: str, timeout: float = 120) -> tuple[str, int]:
    """Run the generator with stdin, stdout and stderr on a pseudo-terminal; its screen output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pid, fd = pty.fork()
    if pid == 0:  # the child
        try:
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "generator", *args], env)
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
        else:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return output.decode(errors="replace"), os.waitstatus_to_exitcode(status)


def test_a_terminal_shows_each_stage_with_counts_and_time(tmp_path: Path) -> None:
    screen, code = _on_a_terminal("generate", str(PETSTORE), "-o", str(tmp_path / "out"))
    assert code == 0, screen
    shown = [part for part in screen.split(ERASE) if part]
    stages = [re.match(r"(\w+): (.*) \((\d+\.\d)s\)$", part) for part in shown[:-1]]
    assert all(stages), shown  # every update: "stage: counts (time)"
    seen = [m.group(1) for m in stages if m]
    assert seen[0] == "load" and seen[-1] == "write"
    assert {"validate", "parse", "render", "format"} <= set(seen)
    details = {m.group(1): m.group(2) for m in stages if m}
    assert re.fullmatch(r"\d+ operations, \d+ schemas", details["parse"])
    # the modules as they go, then each file made from every operation
    rendering = [m.group(2) for m in stages if m and m.group(1) == "render"]
    assert any(re.fullmatch(r"\d+ of \d+ modules", detail) for detail in rendering), rendering
    assert any(re.fullmatch(r"MCP tools for \d+ operations", detail) for detail in rendering), rendering
    assert re.fullmatch(r"\d+ files", details["write"])
    # the line is erased before the summary, which stands alone
    assert re.fullmatch(r".*: \d+ written, 0 removed, 0 unchanged \(\d+\.\d\ds\)\r?\n", shown[-1]), shown[-1]


def test_a_run_after_one_says_how_many_files_it_formatted_again(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert _on_a_terminal("generate", str(PETSTORE), "-o", out)[1] == 0
    screen, code = _on_a_terminal("generate", str(PETSTORE), "-o", out)
    assert code == 0, screen
    shown = [m.group(1) for part in screen.split(ERASE) if (m := re.match(r"format: (.*) \(\d+\.\ds\)$", part))]
    assert shown and re.fullmatch(r"0 of \d+ Python files \(ruff\); the rest as in the last run", shown[-1]), shown


def test_quiet_shows_nothing_even_on_a_terminal(tmp_path: Path) -> None:
    screen, code = _on_a_terminal("generate", str(PETSTORE), "-o", str(tmp_path / "out"), "-q")
    assert code == 0
    assert screen == ""


def test_a_pipe_gets_the_summary_only(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(PETSTORE), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    assert re.fullmatch(r".*: \d+ written, 0 removed, 0 unchanged \(\d+\.\d\ds\)\n", proc.stderr)
