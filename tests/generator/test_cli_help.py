"""The CLI's help, translated from descriptions written for the API document (generator/views.py)."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import views
from tests.conftest import curated_api


def test_sentences_are_not_cut_at_abbreviations_or_inside_code() -> None:
    text = 'Which events, e.g. `$pageview` or `/pricing`. Answers 400 "Bad input." Then `a. B` stays; i.e. one.'
    assert list(views._cli_sentences(text)) == [
        "Which events, e.g. `$pageview` or `/pricing`.",
        'Answers 400 "Bad input."',
        "Then `a. B` stays; i.e. one.",
    ]
    assert views._first_sentence("Per-column overrides, e.g. `{\"a\": 1}`. More.\n\nOther.") == (
        'Per-column overrides, e.g. `{"a": 1}`.'
    )


@functools.cache
def _words() -> tuple[views._CliWords, object]:
    api = curated_api()
    view = views.build(api)
    paths = {e["operation_id"]: (e["alias_groups"] or e["groups"]) + [e["name"]] for e in view.cli_commands if not e["shortcut"]}
    flags = {e["operation_id"]: {o["flag"] for o in e["options"]} for e in view.cli_commands if not e["shortcut"]}
    op = next(o for o in api.operations if o.operation_id == "query_create")
    return views._CliWords(api, paths, flags), op


def test_operation_ids_and_paths_become_commands() -> None:
    words, op = _words()
    assert words.text("Poll it with `query_retrieve`; see `GET endpoints/{name}/?version=N`.", op) == (
        "Poll it with `posthog-api query status`; see `posthog-api endpoints retrieve NAME --version N`."
    )


def test_schema_names_and_authoring_notes_are_left_out() -> None:
    words, op = _words()
    text = (
        "Pages by offset (`SessionRecordingList`). The docs page lists no body; the server returns "
        "`{results}`. This document models the server. A `HogQLQuery` node (see `EndpointVersionResponse`)."
    )
    assert words.text(text, op) == "Pages by offset. The server returns `{results}`. A `HogQLQuery` node."


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "docs", "DOCS", "page", "this", "document", "Described", "here", "published",
                                 "api", "schema", "Operation", "ids", "id", "'s", "2024", "model", "below", "ſchema",
                                 "operatİon", "\u212a", " ", "  ", "\n", ".", "x"]), max_size=12).map("".join)
       | st.lists(st.sampled_from(["the docs", " page", "'s schema", " model below", "operation id"]), max_size=4).map(" ".join))
def test_the_authoring_note_shortcut_agrees_with_the_pattern(text: str) -> None:
    """A text with none of the pattern's words skips the pattern: never where it would match."""
    assert views._authoring(text) == bool(views._CLI_AUTHORING.search(text))


def test_authoring_notes_are_found() -> None:
    assert views._authoring("The docs page lists no body; this document models the server.")
    assert views._authoring("Use the operation ID above.") and views._authoring("See PostHog's 2024 schema.")
    assert not views._authoring("Returns the list of feature flags.")
