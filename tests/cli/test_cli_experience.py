"""Issue 19, the command line a PostHog user enjoys: each point, run as a subprocess
against the mock server over loopback (on pipes here; test_terminal.py has the
pseudo-terminal half)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import yaml

from tests.cli._support import cli, env_for, mock_server
from tests.conftest import GENERATED

RECORDING = "019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b"  # the id of the document's examples
ANSI = re.compile(r"\x1b\[[0-9;]*m")
QUERY = '{"kind": "HogQLQuery", "query": "select 1"}'


# -- 1. an integer enum is sent as a number ---------------------------------------


def test_integer_enum_option_is_sent_as_a_number(server: str) -> None:
    # The mock validates the body: "3600" (a string) would be answered with 400.
    result = cli(server, "endpoints", "create", "--name", "hourly", "--query", QUERY, "--data-freshness-seconds", "3600")
    assert result.returncode == 0, result.stderr
    wrong = cli(server, "endpoints", "create", "--name", "x", "--query", QUERY, "--data-freshness-seconds", "17")
    assert wrong.returncode == 2 and "'17' is not one of" in wrong.stderr


# -- 2. output ---------------------------------------------------------------------


def test_table_fits_the_width_and_says_what_it_left_out(server: str) -> None:
    result = cli(server, "session-recordings", "list", "-o", "table", COLUMNS="100")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0].split() == ["id", "distinct_id", "start_time", "end_time"]  # ids, then times
    assert lines[2].split()[0] == RECORDING  # an id is never cut
    assert "20 more columns left out to fit (viewed, viewers" in result.stderr
    assert "--all prints every one" in result.stderr  # the page has a next one


def test_columns_chooses_and_all_shows_every_one(server: str) -> None:
    chosen = cli(server, "session-recordings", "list", "-o", "table", "--columns", "id,person.name,click_count", COLUMNS="100")
    assert chosen.returncode == 0, chosen.stderr
    header, _, first = chosen.stdout.splitlines()[:3]
    assert header.split() == ["id", "person.name", "click_count"]
    assert first.split() == [RECORDING, "ada@example.com", "46"]
    every = cli(server, "session-recordings", "list", "-o", "table", "--columns", "all", COLUMNS="100")
    assert len(every.stdout.splitlines()[0].split()) == 24  # every field of a recording
    bad = cli(server, "session-recordings", "list", "-o", "table", "--columns", "nope")
    assert bad.returncode == 2 and "no column 'nope' here" in bad.stderr


def test_numbers_right_aligned_nested_values_compact_and_colour_on_request(server: str) -> None:
    query = cli(server, "query", "run", "select event, count() from events group by event", "-o", "table", "--color")
    assert query.returncode == 0, query.stderr
    assert "\x1b[1mevent" in query.stdout  # --color: colour on a pipe too (a terminal has it unasked)
    header, rule, *rows = ANSI.sub("", query.stdout).splitlines()
    assert header.split() == ["event", "c"]
    assert rows == ["$pageview     18234", "$autocapture   9120", "$identify       812"]
    # a single object: field and value, objects shown by their name, lists joined; no colour unasked
    record = cli(server, "session-recordings", "retrieve", RECORDING, "-o", "table", COLUMNS="100")
    assert not ANSI.search(record.stdout)
    fields = dict(line.split(None, 1) for line in record.stdout.splitlines())
    assert fields["person"] == "ada@example.com"
    assert fields["viewers"] == "grace@example.com"
    assert fields["viewed"] == "true"


def test_a_table_of_the_list_inside_an_object(server: str) -> None:
    # {"query_status": {"results": [[name, time], ...], ...}}: the rows are the list
    result = cli(server, "endpoints", "last-execution-times", "--names", '["weekly-signups"]', "-o", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2].split() == ["weekly-signups", "2025-11-03T10:15:00+00:00"]


def test_yaml_jsonl_and_csv(server: str) -> None:
    as_yaml = yaml.safe_load(cli(server, "session-recordings", "list", "-o", "yaml").stdout)
    assert as_yaml["has_next"] is True and as_yaml["results"][0]["id"] == RECORDING
    lines = cli(server, "session-recordings", "list", "-o", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_yaml["results"]  # one item a line
    rows = list(csv.reader(io.StringIO(cli(server, "session-recordings", "list", "-o", "csv").stdout)))
    assert rows[0][:2] == ["id", "distinct_id"] and len(rows) == 3
    assert rows[1][rows[0].index("viewed")] == "false"  # JSON's spelling, as in every other format


def test_fields_picks_with_jmespath(server: str) -> None:
    result = cli(server, "session-recordings", "list", "--fields", "results[].{id: id, who: person.name}")
    assert json.loads(result.stdout) == [{"id": RECORDING, "who": "ada@example.com"}] * 2
    with_all = cli(server, "insight-variables", "list", "--all", "--fields", "code_name")
    assert [json.loads(line) for line in with_all.stdout.splitlines()][0] == "plan"  # per item
    bad = cli(server, "session-recordings", "list", "--fields", "results[")
    assert bad.returncode == 2 and "not a JMESPath expression" in bad.stderr


# -- 3. settings -------------------------------------------------------------------


def test_settings_errors_name_the_option_and_the_variable(server: str) -> None:
    no_key = cli(server, "endpoints", "list", POSTHOG_PERSONAL_API_KEY="")
    assert no_key.returncode == 2
    assert "No API key: pass --api-key KEY or set POSTHOG_PERSONAL_API_KEY." in no_key.stderr
    no_project = cli(server, "endpoints", "list", POSTHOG_PROJECT_ID="")
    assert no_project.returncode == 2
    assert "No project_id: pass --project-id or set POSTHOG_PROJECT_ID." in no_project.stderr
    assert "=..." not in no_key.stderr + no_project.stderr  # no Python wording


def test_api_key_option_is_used_and_never_shown(server: str) -> None:
    result = cli(server, "endpoints", "list", "--api-key", "phx_invalid", POSTHOG_PERSONAL_API_KEY="")
    assert result.returncode == 1 and "401 invalid_personal_api_key" in result.stderr
    debug = cli(server, "--api-key", "phx_given_secret", "--debug", "endpoints", "list", POSTHOG_PERSONAL_API_KEY="")
    assert debug.returncode == 0 and "phx_given_secret" not in debug.stdout + debug.stderr
    helped = cli(server, "endpoints", "list", "--help", POSTHOG_PERSONAL_API_KEY="phx_secret_in_env")
    assert "phx_secret_in_env" not in helped.stdout
    assert "--api-key" in helped.stdout


def test_global_options_before_or_after_the_command_and_version(server: str) -> None:
    before = cli(server, "-o", "csv", "--host", server, "insight-variables", "list")
    after = cli(server, "insight-variables", "list", "-o", "csv", "--host", server, "-q")
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert before.stdout == after.stdout and before.stdout.startswith("id,")
    version = cli(server, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "posthog-api 0.1.0"


def test_query_run_timeout_cancels_and_no_wait_prints_the_id() -> None:
    with mock_server("--polls-before-complete", "1000", "--verbose") as (url, proc):
        timed_out = cli(url, "query", "run", "select 1", "--timeout", "1")
        assert timed_out.returncode == 1
        assert timed_out.stderr.strip() == "Error: Query job0001 did not finish within 1s; it was cancelled"
        started = cli(url, "query", "run", "select 1", "--no-wait")
        assert started.returncode == 0, started.stderr
        job = started.stdout.strip()
        assert job == "job0002"
        status = cli(url, "query", "status", job, "--fields", "query_status.complete")
        assert status.stdout.strip() == "false"
        cancelled = cli(url, "query", "cancel", job)
        assert cancelled.returncode == 0, cancelled.stderr
        proc.terminate()
        _, log = proc.communicate(timeout=10)
    assert '"DELETE /api/projects/7/query/job0001/ HTTP/1.1" 200' in log  # the timeout cancelled it
    assert '"POST /api/projects/7/query/ HTTP/1.1" 202' in log


# -- 4. help -----------------------------------------------------------------------


def test_help_is_written_for_the_command_line(server: str) -> None:
    query = cli(server, "query", "create", "--help").stdout
    assert "poll it with `posthog-api query status` and cancel it with `posthog-api query cancel`" in " ".join(query.split())
    assert "query_retrieve" not in query and "query_destroy" not in query
    recordings = cli(server, "session-recordings", "list", "--help").stdout
    assert "SessionRecordingList" not in recordings and "this document" not in recordings
    persons = cli(server, "persons", "path", "--help").stdout
    assert "PersonsPathResponse" not in persons and "shape below" not in persons
    assert "use `posthog-api persons create-path` to send it" in " ".join(persons.split())
    values = " ".join(cli(server, "persons", "values", "--help").stdout.split())
    assert "The person property whose values to list, e.g. `email` or `plan`." in values  # not cut at "e.g."


def test_every_example_is_real_and_parses() -> None:
    """Each command's help ends with one example, built from the document's examples, that
    the command itself accepts."""
    import shlex

    import click

    sys.path.insert(0, str(GENERATED))
    from posthog_api.cli import build
    from posthog_api.cli._commands import every_command

    root = build()
    for entry in every_command():
        words = shlex.split(entry["example"])
        assert words[0] == "posthog-api"
        assert entry["help"].rstrip().endswith(entry["example"].split(" --")[-1]), entry["name"]
        command, rest = root, words[1:]
        while isinstance(command, click.Group):  # down the groups to the command
            command = command.get_command(click.Context(command), rest.pop(0))
        assert command.name in (entry["name"], *entry["aliases"])
        command.make_context(command.name, rest)  # raises when the example would be refused
    examples = {e["example"] for e in every_command()}
    assert "posthog-api query run 'select event, count() as c from events where timestamp > now() - interval 7 day group by event order by c desc limit 3'" in examples
    assert "posthog-api session-recordings retrieve 019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b" in examples
    assert not [e for e in examples if e.count(" ") < 2]  # none says nothing


# -- 5. order within a group ---------------------------------------------------------


def test_usual_verbs_come_first(server: str) -> None:
    listing = cli(server, "endpoints", "--help").stdout.split("Commands:")[1]
    names = [line.split()[0] for line in listing.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    assert names[:5] == ["list", "retrieve", "create", "partial-update", "destroy"]
    query = cli(server, "query", "--help").stdout.split("Commands:")[1]
    assert [line.split()[0] for line in query.splitlines() if line.strip()][:4] == ["run", "status", "create", "cancel"]


# -- destructive commands --------------------------------------------------------------


def test_delete_without_a_terminal_never_asks(server: str) -> None:
    result = cli(server, "insight-variables", "destroy", "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6", stdin="")
    assert result.returncode == 0, result.stderr
    assert "?" not in result.stderr


# -- 6. the mock server ---------------------------------------------------------------


def test_mock_server_documents_its_keys_and_flags() -> None:
    helped = subprocess.run(
        [sys.executable, "-m", "posthog_api.testing.server", "--help"],
        capture_output=True, text=True, env=env_for("http://unused"), timeout=60,
    )
    assert "phx_invalid" in helped.stdout and "phx_read_only" in helped.stdout
    assert "--strict-ids" in helped.stdout and "--polls-before-complete" in helped.stdout
    readme = (GENERATED / "README.md").read_text()
    assert "`phx_read_only`" in readme and "--strict-ids" in readme


def test_next_links_point_at_the_server(server: str) -> None:
    page = json.loads(cli(server, "insight-variables", "list").stdout)
    assert page["next"].startswith(server + "/api/projects/7/insight_variables/?")


def test_strict_ids_answer_404_for_unknown_ones() -> None:
    with mock_server("--strict-ids") as (url, _):
        known = cli(url, "session-recordings", "retrieve", RECORDING)
        assert known.returncode == 0, known.stderr
        unknown = cli(url, "session-recordings", "retrieve", "01890000-0000-7000-8000-00000000dead")
        assert unknown.returncode == 1
        assert unknown.stderr.strip() == "Error: 404 not_found: Not found."
