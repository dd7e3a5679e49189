"""The CLI's help, translated from descriptions written for the API document (generator/views.py)."""

from __future__ import annotations

import functools

from generator import views
from tests.conftest import curated_api


def test_sentences_are_not_cut_at_abbreviations_or_inside_code() -> None:
    text = 'Which events, e.g. `$pageview` or `/pricing`. Answers 400 "Bad input." Then `a. B` stays; i.e. one.'
    assert views._cli_sentences(text) == [
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
