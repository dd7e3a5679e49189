"""The CLI on a pseudo-terminal of a given width, as a person sees it: tables that fit,
colour, the progress line, and the question before a delete."""

from __future__ import annotations

import re

import pytest

from tests.cli._support import in_terminal

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs a pseudo-terminal")

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
VARIABLE = "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6"


def visible(text: str) -> list[str]:
    """The lines as they show: colour codes and the progress line's erasing left out."""
    return [ANSI.sub("", line).split("\r")[-1] for line in text.splitlines()]


@pytest.mark.parametrize("columns", [100, 160])
def test_table_fits_the_terminal_in_colour(server: str, columns: int) -> None:
    screen = in_terminal(server, "session-recordings", "list", "-o", "table", columns=columns)
    assert screen.returncode == 0, screen.text
    lines = visible(screen.text)
    assert max(len(line) for line in lines) <= columns  # no row wraps
    header = lines[0].split()
    assert header[:2] == ["id", "distinct_id"] and "start_time" in header
    assert len(header) == (4 if columns == 100 else 8)
    assert "\x1b[1mid" in screen.text  # a bold header
    assert "more columns left out to fit" in screen.text


def test_no_color_is_honoured(server: str) -> None:
    screen = in_terminal(server, "session-recordings", "list", "-o", "table", columns=100, NO_COLOR="1")
    assert screen.returncode == 0, screen.text
    assert "\x1b[1m" not in screen.text and "\x1b[2m" not in screen.text
    assert visible(screen.text)[0].split() == ["id", "distinct_id", "start_time", "end_time"]


def test_query_run_shows_progress_then_the_result(server: str) -> None:
    screen = in_terminal(server, "query", "run", "select event, count() from events group by event", "--no-color", columns=100)
    assert screen.returncode == 0, screen.text
    assert "\x1b[1m" not in screen.text  # --no-color
    assert "rows" in screen.text and "MB read" in screen.text  # the live progress line...
    assert "\r\x1b[K" in screen.text  # ...is erased before the result
    assert visible(screen.text)[-3:] == ["$pageview     18234", "$autocapture   9120", "$identify       812"]


def test_delete_asks_first_on_a_terminal(server: str) -> None:
    declined = in_terminal(
        server, "insight-variables", "destroy", VARIABLE, "--debug", columns=100,
        answer=("Delete an insight variable " + VARIABLE + "? [y/N]: ", "n"),
    )
    assert declined.returncode == 1, declined.text
    assert "Nothing was changed." in declined.text
    assert "request DELETE" not in declined.text  # nothing was sent
    accepted = in_terminal(
        server, "insight-variables", "destroy", VARIABLE, "--debug", columns=100, answer=("[y/N]: ", "y"),
    )
    assert accepted.returncode == 0, accepted.text
    assert "request DELETE" in accepted.text
    told = in_terminal(server, "insight-variables", "destroy", VARIABLE, "--yes", columns=100)
    assert told.returncode == 0, told.text
    assert "[y/N]" not in told.text
