"""The generated JSON data (fixtures, the mock's spec, the CLI's commands, the MCP tools)
is written by orjson (display.json_text): the same text as the json module would write,
compact or indented, and the json module's where orjson refuses a value."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.display import joined_entries, json_data, json_entries, json_entry, json_text

#: what a spec's examples, defaults and schemas hold: JSON values (finite floats; keys are strings)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_the_text_reads_back_as_the_value_and_indented_is_the_json_modules_text(value: object) -> None:
    for sort_keys in (False, True):
        compact = json_text(value, sort_keys=sort_keys)
        assert "\n" not in compact and json.loads(compact) == value
        indented = json_text(value, indent=True, sort_keys=sort_keys)
        assert json.loads(indented) == value
        if not _has_float(value):  # the two write some floats differently (1e-05, 1e-5): the same number
            assert compact == json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))
            assert indented == json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, indent=2)


def _has_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    return isinstance(value, list) and any(_has_float(v) for v in value)


def test_what_orjson_refuses_is_written_by_the_json_module() -> None:
    huge = {"maximum": 2**64 + 1, "items": [18446744073709551616]}
    assert json.loads(json_text(huge, sort_keys=True)) == huge
    assert json_text({1: "a", "b": 2}) == '{"1":"a","b":2}'
    assert json.loads(json_data({"schemas": {"Big": {"maximum": 2**70}}})) == {"schemas": {"Big": {"maximum": 2**70}}}


def test_numbers_that_are_not_json_are_written_as_null() -> None:
    text = json_text({"default": math.nan, "maximum": math.inf, "minimum": -math.inf})
    assert json.loads(text) == {"default": None, "maximum": None, "minimum": None}


def test_data_files_keep_one_entry_a_line_and_read_back() -> None:
    """The layout a reviewer diffs: the outer two levels one entry a line, each entry compact."""
    value = {"tools": [{"name": "a", "schema": {"type": "object"}}, {"name": "b\u202e"}], "empty": [], "none": {},
             "n": 1}
    assert json_data(value) == (
        "{\n"
        ' "tools": [\n'
        '  {"name":"a","schema":{"type":"object"}},\n'
        '  {"name":"b\\u202e"}\n'
        " ],\n"
        ' "empty": [],\n'
        ' "none": {},\n'
        ' "n": 1\n'
        "}\n"
    )
    assert json_data({"b": {"y": 1, "x": [2]}, "a": 0}, sort_keys=True) == (
        '{\n "a": 0,\n "b": {\n  "x": [2],\n  "y": 1\n }\n}\n'
    )


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.integers(0, 3))
def test_data_files_read_back_as_the_value(value: object, levels: int) -> None:
    assert json.loads(json_data(value, levels=levels)) == value


#: a data file's sections: a list of entries or an object of them, by name
SECTIONS = st.lists(
    st.tuples(st.text(max_size=6), st.lists(JSON_VALUES, max_size=4) | st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=4)),
    max_size=3, unique_by=lambda section: section[0],
)


@settings(max_examples=300, deadline=None)
@given(SECTIONS)
def test_a_file_joined_from_its_entries_is_the_file_json_data_writes(sections: list[tuple[str, object]]) -> None:
    # the whole-API files are joined from pieces made apart (fragments.py); the join must
    # write what json_data writes for the same data
    encoded: list[tuple[str, list[str] | dict[str, str]]] = [
        (name, {k: json_entry(v) for k, v in entries.items()} if isinstance(entries, dict)
         else [json_entry(v) for v in entries])  # type: ignore[attr-defined]
        for name, entries in sections
    ]
    assert json_entries(encoded) == json_data(dict(sections))
    # an object's entries may come joined already (the mock spec's schemas, one piece)
    joined: list[tuple[str, list[str] | dict[str, str] | str]] = [
        (name, joined_entries(entries) if isinstance(entries, dict) else entries) for name, entries in encoded]
    assert json_entries(joined) == json_data(dict(sections))
