"""The generated CLI, run as a subprocess against the generated mock server over loopback HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.cli._support import cli, env_for
from tests.conftest import GENERATED, curated_api


def _env(server_url: str, **extra: str) -> dict[str, str]:
    return env_for(server_url, **extra)


# One command of every tag, with what its output must contain.
EVERY_TAG = [
    (["query", "create", "--data", '{"query": {"kind": "HogQLQuery", "query": "select 1"}}'], "results"),
    (["persons", "values", "--key", "$browser"], "count"),
    (["session-recordings", "retrieve", "01890000-0000-7000-8000-000000000001"], "recording_duration"),
    (["endpoints", "list"], "results"),
    (["external-data-sources", "list-connections"], "prefix"),
    (["insight-variables", "retrieve", "01890000-0000-7000-8000-000000000001"], "code_name"),
    (["warehouse-saved-queries", "list"], "results"),
]


@pytest.mark.parametrize("args,expected", EVERY_TAG, ids=[a[0][0] for a in EVERY_TAG])
def test_a_command_of_every_tag(server: str, args: list[str], expected: str) -> None:
    result = cli(server, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)  # compact JSON when piped
    assert expected in json.dumps(data)
    assert "\n" not in result.stdout.strip()


def test_query_run_polls_to_completion_and_prints_a_table(server: str) -> None:
    result = cli(server, "query", "run", "select event, count() from events group by event", "-o", "table")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["event", "c"]
    assert lines[2].split() == ["$pageview", "18234"]
    assert result.stderr == ""  # progress is only shown on a terminal


def test_query_run_as_json(server: str) -> None:
    result = cli(server, "query", "run", "select 1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["columns"] == ["event", "c"]


def test_all_walks_three_pages(server: str) -> None:
    result = cli(server, "insight-variables", "list", "--all")
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == 5  # the mock serves 5 items, 2 per page: three pages
    assert all("code_name" in item for item in items)


def test_all_as_csv(server: str) -> None:
    result = cli(server, "environments", "endpoints", "list", "--all", "-o", "csv")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("id,name")
    assert len(rows) == 6


def test_data_from_a_file_and_options_override(server: str, tmp_path: Path) -> None:
    body = tmp_path / "variable.json"
    body.write_text(json.dumps({"name": "Plan", "type": "List", "default_value": "free"}))
    result = cli(server, "insight-variables", "create", "--data", f"@{body}", "--type", "String")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"]


def test_data_from_stdin(server: str) -> None:
    result = cli(server, "insight-variables", "create", "--data", "-", stdin='{"name": "Plan", "type": "List"}')
    assert result.returncode == 0, result.stderr


def test_invalid_key_is_one_line_and_exit_1(server: str) -> None:
    result = cli(server, "insight-variables", "list", POSTHOG_PERSONAL_API_KEY="phx_invalid")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "Error: 401 invalid_personal_api_key: Invalid Personal API key."


def test_missing_scope_is_named(server: str) -> None:
    result = cli(server, "insight-variables", "create", "--name", "x", "--type", "String",
                 POSTHOG_PERSONAL_API_KEY="phx_read_only")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "insight_variable:write" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exit_2(server: str) -> None:
    result = cli(server, "insight-variables", "create", "--type", "Bogus")
    assert result.returncode == 2
    assert "'Bogus' is not one of" in result.stderr
    assert result.stdout == ""


def test_bad_json_in_data_is_a_usage_error(server: str) -> None:
    result = cli(server, "query", "create", "--data", "{not json")
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr


def test_data_from_a_file_that_is_not_text_is_a_usage_error(server: str, tmp_path: Path) -> None:
    picture = tmp_path / "query.json"
    picture.write_bytes(b"\x89PNG\r\n")
    result = cli(server, "query", "create", "--data", f"@{picture}")
    assert result.returncode == 2
    assert f"{picture} is not UTF-8 text (byte 0), so not JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_server_side_validation_error(server: str) -> None:
    result = cli(server, "query", "create", "--data", '{"query": {"kind": "HogQLQuery"}}')
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: 400 invalid_input: This field is required. (field: query.query)"


def test_missing_api_key_names_the_variable(server: str) -> None:
    result = cli(server, "endpoints", "list", POSTHOG_PERSONAL_API_KEY="")
    assert result.returncode == 2
    assert "POSTHOG_PERSONAL_API_KEY" in result.stderr


def test_debug_redacts_the_key(server: str) -> None:
    result = cli(server, "--debug", "endpoints", "list")
    assert result.returncode == 0
    assert "request GET" in result.stderr
    assert "phx_cli_test_key" not in result.stderr + result.stdout
    assert "<redacted>" in result.stderr


def test_help_shows_summary_scopes_and_example(server: str) -> None:
    result = cli(server, "endpoints", "run", "--help")
    assert result.returncode == 0
    assert "Required API key scopes: endpoint:read." in result.stdout
    # an example with the values of the document's own example, by the shorter path
    assert "Example:\n    posthog-api endpoints run weekly-signups --variables" in result.stdout
    assert "--variables JSON" in result.stdout


def test_shell_completion(server: str) -> None:
    result = cli(server, _POSTHOG_API_COMPLETE="bash_complete", COMP_WORDS="posthog-api insight-var", COMP_CWORD="1")
    assert result.returncode == 0
    assert "insight-variables" in result.stdout


def _command_tree() -> set[tuple[str, ...]]:
    sys.path.insert(0, str(GENERATED))
    import click

    from posthog_api.cli import build

    tree: set[tuple[str, ...]] = set()

    def walk(group, prefix: tuple[str, ...]) -> None:
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if hasattr(command, "commands"):
                walk(command, (*prefix, name))
            elif not command.hidden:
                tree.add((*prefix, name))
            else:  # an old name kept working (`query retrieve` for `query status`)
                tree.add((*prefix, name, "hidden"))

    walk(build(), ())
    return tree


def test_every_operation_has_a_command() -> None:
    api = curated_api()
    tree = _command_tree()
    for op in api.operations:
        groups = (["environments"] if op.namespace else []) + [op.tag.replace("_", "-")]
        name = op.name.replace("_", "-")
        assert (*groups, name) in tree or (*groups, name, "hidden") in tree, op.operation_id
    shortcuts = sum(len(op.cli) for op in api.operations if op.namespace)
    namespaced = sum(1 for op in api.operations if op.namespace)
    assert len([c for c in tree if c[0] == "environments" and c[-1] != "hidden"]) == namespaced + shortcuts
    assert ("query", "run") in tree and ("environments", "query", "run") in tree


def test_ctrl_c_cancels_the_running_query_on_the_server() -> None:
    import signal
    import threading
    import time

    server = subprocess.Popen(
        [sys.executable, "-m", "posthog_api.testing.server", "--port", "0", "--polls-before-complete", "1000", "--verbose"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(GENERATED)},
    )
    seen: list[str] = []
    log_stream = server.stderr
    assert log_stream is not None
    # the server's log is drained all along, so that a full pipe can never stall it
    reader = threading.Thread(target=lambda: seen.extend(iter(log_stream.readline, "")), daemon=True)
    reader.start()
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        # as from a terminal: a runner started in the background (`cmd &` without job
        # control) passes SIGINT on ignored, and Python then never raises KeyboardInterrupt
        run = subprocess.Popen([sys.executable, "-m", "posthog_api.cli", "query", "run", "select 1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(url),
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until the query is running and being polled
            if any("GET /api/projects/7/query/job0001/" in line for line in list(seen)):
                break
            time.sleep(0.05)
        run.send_signal(signal.SIGINT)
        try:
            out, err = run.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            run.kill()
            out, err = run.communicate()
            pytest.fail(f"no exit 60 s after Ctrl-C; stderr: {err!r}; server log: {''.join(seen)[-2000:]!r}")
        assert run.returncode == 130, err
        assert "cancelled" in err and "Traceback" not in err
    finally:
        server.terminate()
        server.wait(timeout=10)
        reader.join(timeout=10)
    log = "".join(seen)
    assert '"POST /api/projects/7/query/ HTTP/1.1" 202' in log
    assert '"GET /api/projects/7/query/job0001/?show_progress=true HTTP/1.1" 202' in log
    assert '"DELETE /api/projects/7/query/job0001/ HTTP/1.1" 200' in log


def test_one_group_per_concept_and_environments_hidden(server: str) -> None:
    top = cli(server, "--help")
    assert top.returncode == 0 and "environments" not in top.stdout
    endpoints = cli(server, "endpoints", "--help").stdout
    for command in ("list", "create", "retrieve", "destroy", "run", "list-versions", "last-execution-times"):
        assert f"  {command} " in endpoints or f"  {command}\n" in endpoints, command
    # the deprecated group still answers, for scripts written against it
    old = cli(server, "environments", "endpoints", "list", "-o", "json")
    assert old.returncode == 0, old.stderr


@pytest.fixture
def sparse_server() -> Iterator[str]:
    """A server whose list answers two pages of objects that leave out different fields,
    and whose object answers with two fields of its model's many."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            url = f"http://127.0.0.1:{self.server.server_address[1]}"
            if "/endpoints/" in self.path and "offset=1" in self.path:
                body: Any = {"count": 2, "next": None, "results": [{"id": "2", "name": "b", "description": "later"}]}
            elif "/endpoints/" in self.path:
                body = {"count": 2, "next": f"{url}{self.path.split('?')[0]}?offset=1", "results": [{"id": "1", "name": "a"}]}
            else:
                body = {"id": "01890000-0000-7000-8000-000000000001", "code_name": "plan"}
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_output_shows_the_fields_the_server_sent(sparse_server: str) -> None:
    """Not every field of the model, null where the server sent none (an object of
    Microsoft Graph's would print a hundred nulls); a CSV printed as it arrives still has
    a column for a field the first item lacks."""
    result = cli(sparse_server, "insight-variables", "retrieve", "01890000-0000-7000-8000-000000000001")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": "01890000-0000-7000-8000-000000000001", "code_name": "plan"}
    result = cli(sparse_server, "environments", "endpoints", "list", "--all", "-o", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["name"], r["description"]) for r in rows] == [("1", "a", ""), ("2", "b", "later")]
    result = cli(sparse_server, "environments", "endpoints", "list", "--all")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "1", "name": "a"}, {"id": "2", "name": "b", "description": "later"}]
