"""The CLI refuses what it cannot send as asked: one line, exit 2, no traceback, no request.

Ids of `.`, `..` or nothing would address the parent resource once the URL is
normalised; arguments that are not UTF-8 cannot be sent at all; a host with credentials
in it would print them. Each is refused before any request reaches the (recording)
server on 127.0.0.1 (issue 13, finding 1 and the CLI tracebacks).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from click.testing import CliRunner, Result

from tests.cli.test_cli import _env
from tests.client._faults import LoopbackBackend


@pytest.fixture
def server() -> Iterator[LoopbackBackend]:
    backend = LoopbackBackend()
    yield backend
    backend.close()


def run_cli(server: LoopbackBackend, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "posthog_api.cli", *args],
        capture_output=True, text=True, env=_env(server.url), timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess[str], server: LoopbackBackend, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [expected] and result.stdout == ""
    assert server.requests == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["insight-variables", "partial-update", "..", "--name", "pwned"],
            "Error: `id` cannot be '..': it would address a different resource than the one named",
        ),
        (
            ["insight-variables", "retrieve", ""],
            "Error: `id` cannot be '': it would address a different resource than the one named",
        ),
        ([b"insight-variables", b"retrieve", b"\xff\xfeid"], "Error: ID is not UTF-8 text: b'\\xff\\xfeid'"),
    ],
    ids=["dot-dot", "empty", "not-utf-8"],
)
def test_a_refused_argument_is_one_line_and_exit_2(server: LoopbackBackend, args: list[str | bytes], expected: str) -> None:
    assert_refused(run_cli(server, *args), server, expected)


@pytest.fixture
def invoke(server: LoopbackBackend, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The CLI in this process (quicker than a subprocess for the cases that need none)."""
    from posthog_api.cli import build

    for name, value in _env(server.url).items():
        if name.startswith("POSTHOG_"):
            monkeypatch.setenv(name, value)

    def run(*args: str) -> Result:
        return CliRunner().invoke(build(), list(args), prog_name="posthog-api")

    return run


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["insight-variables", "destroy", "."], "Error: `id` cannot be '.': it would address a different resource than the one named"),
        (["--project-id", "..", "insight-variables", "list"], "Error: project_id cannot be '..': it would address another resource"),
        (["insight-variables", "list", "--project-id", "."], "Error: project_id cannot be '.': it would address another resource"),
        (["query", "run", "select 1", "--project-id", ".."], "Error: project_id cannot be '..': it would address another resource"),
        (["insight-variables", "create", "--name", "a\udcff", "--type", "String"], "Error: --name is not UTF-8 text: b'a\\xff'"),
        (["--host", "https://admin:hunter2@posthog.example.com", "endpoints", "list"],
         "Error: The server address must not contain a user name or password; give the key as api_key"),
    ],
)
def test_every_method_and_setting_is_checked(
    invoke: Callable[..., Result], server: LoopbackBackend, args: list[str], expected: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [expected]
    assert "hunter2" not in result.output
    assert server.requests == []
