"""The mock server's validator (templates/runtime/testing/_validator.py) judges dates and
date-times as the generated models do: a value it passes must be one pydantic reads,
or a fixture built from a document's example (AWS's "20170214T1215Z") makes the
package's own contract tests fail; a value it refuses is one the models refuse too."""

from __future__ import annotations

import datetime
import re

import pydantic
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.fixtures import validator

_DATE_TIME = pydantic.TypeAdapter(datetime.datetime)
_DATE = pydantic.TypeAdapter(datetime.date)


def _pydantic_reads(adapter: pydantic.TypeAdapter[object], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except pydantic.ValidationError:
        return False
    return True


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=count, max_size=count)


#: strings shaped like dates and times, right and wrong: each piece is drawn from the
#: forms documents use (basic and extended ISO 8601, other separators, zones, fractions)
_PIECES = st.tuples(
    st.sampled_from(["2017", "1999", "0000", "20170", "17"]),
    st.sampled_from(["-", ""]),
    st.one_of(st.sampled_from(["02", "12", "13", "00"]), _digits(2)),
    st.sampled_from(["-", ""]),
    st.one_of(st.sampled_from(["14", "28", "30", "31", "00"]), _digits(2)),
    st.sampled_from(["", "T", "t", " ", "_", "X"]),
    st.sampled_from(["", "12:15", "1215", "24:00", "23:59", "12"]),
    st.sampled_from(["", ":00", ":59", ":60", "00"]),
    st.sampled_from(["", ".5", ",5", ".046", ".123456789", "."]),
    st.sampled_from(["", "Z", "z", "+01:00", "+0100", "+01", "-23:59", "+24:00"]),
)


@settings(max_examples=400, deadline=None)
@given(_PIECES)
@example(("2017", "", "02", "", "14", "T", "1215", "", "", "Z"))  # AWS organizations' example
def test_date_times_are_judged_as_the_models_read_them(pieces: tuple[str, ...]) -> None:
    """The same, but for Unix times ("20170214.5"), which pydantic reads and the
    validator refuses: stricter, never more lenient."""
    value = "".join(pieces)
    ours, theirs = validator()._format_ok("date-time", value), _pydantic_reads(_DATE_TIME, value)
    assert ours == theirs if not re.fullmatch(r"[+-]?[0-9.]+", value) else not ours, value


@settings(max_examples=200, deadline=None)
@given(st.one_of(_PIECES.map(lambda p: "".join(p[:5])), st.text(max_size=12)))
@example("20170214")
def test_dates_are_judged_as_the_models_read_them(value: str) -> None:
    """The same on YYYY-MM-DD; beyond it the validator is stricter than pydantic (which
    also reads "2017-02-14T00:00:00" as a date), never more lenient."""
    ours, theirs = validator()._format_ok("date", value), _pydantic_reads(_DATE, value)
    assert ours == theirs if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else not ours, value


_LEAF_VALUES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4) | st.binary(
    max_size=2) | st.lists(st.integers(), max_size=2) | st.dictionaries(st.text(max_size=2), st.integers(), max_size=2)
_TYPE_NAMES = st.sampled_from(["string", "integer", "number", "boolean", "object", "array", "null", "strange"])
_WORDS = st.fixed_dictionaries({}, optional={
    "description": st.text(max_size=3), "title": st.text(max_size=3), "example": st.integers(),
    "readOnly": st.booleans(), "default": st.none(), "deprecated": st.booleans()})


@settings(max_examples=400, deadline=None)
@given(value=_LEAF_VALUES, type_name=_TYPE_NAMES, words=_WORDS)
def test_a_type_with_only_words_about_it_is_judged_as_by_the_whole_walk(value, type_name, words) -> None:
    """The validator's shortcut for `{type, description, ...}` (most leaves of an example)
    judges every value as the whole walk does: an extension key, which constrains nothing,
    sends the same schema the long way."""
    check = validator()
    schema = {"type": type_name, **words}

    def outcome(s: dict[str, object]) -> tuple[str, str | None] | None:
        try:
            check.validate(value, s, {}, "body", direction="response")
        except check.Invalid as exc:
            return exc.message, exc.attr
        return None

    assert outcome(schema) == outcome({**schema, "x-long-way": True})
