"""generator/layout.py lays out long lines as black would, without changing their meaning.

Black is the oracle: each laid-out snippet must come back from black unchanged (so black
formats it in one pass instead of two), and must parse to the same tree as the naive
one-line form.
"""

from __future__ import annotations

import ast

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import layout
from generator.format import BLACK_MODE

LONG = "VeryLongGeneratedTypeNameFromTheSpec"


def stable(text: str) -> bool:
    return black.format_str(text, mode=BLACK_MODE) == text


def same_meaning(a: str, b: str) -> None:
    assert ast.dump(ast.parse(a)) == ast.dump(ast.parse(b))


def in_def(lines: str) -> str:
    return f"def f(\n    self,\n    *,\n{lines}\n) -> None:\n    pass\n"


PARAMETERS = [
    ("limit", "int | NotGiven", "NOT_GIVEN"),
    ("mode", f"{LONG} | Literal['a', 'b', 'c', 'd'] | None | NotGiven", "NOT_GIVEN"),
    ("mode", f"{LONG}{LONG} | Literal['aaaaaaaaaaaa', 'bbbbbbbbbbbbbb'] | None | NotGiven", "NOT_GIVEN"),
    ("values", f"{LONG} | Literal[{', '.join(repr('v' * 12 + str(i)) for i in range(12))}] | NotGiven", "NOT_GIVEN"),
    ("required_argument_with_a_long_name", f"{LONG} | dict[str, Any] | {LONG}Other", None),
]


@pytest.mark.parametrize("name, hint, default", PARAMETERS)
def test_parameters_come_out_as_black_writes_them(name: str, hint: str, default: str | None) -> None:
    hint = hint.replace("'", '"')
    text = in_def(layout.parameter(4, name, hint, default))
    naive = in_def(f"    {name}: {hint}" + (f" = {default}," if default else ","))
    assert stable(text), text
    same_meaning(text, naive)


FIELDS = [
    ("name", "str | None", "None"),
    ("persons_on_events_mode", f"{LONG} | None", 'Field(default=None, alias="personsOnEventsMode")'),
    ("some_field_name", f"{LONG}{LONG} | None", 'Field(default=None, alias="someFieldName")'),
    ("some_field_name", f"list[{LONG}{LONG}] | None", "None"),
    ("cdc_management_mode", f"{LONG}Mode", f"{LONG}Mode.POSTHOG"),
    ("resource_attribute_name", f"{LONG}{LONG}Resource", None),
]


@pytest.mark.parametrize("name, hint, default", FIELDS)
def test_fields_come_out_as_black_writes_them(name: str, hint: str, default: str | None) -> None:
    text = "class A:\n" + layout.field(4, name, hint, default) + "\n"
    naive = f"class A:\n    {name}: {hint}" + (f" = {default}" if default else "") + "\n"
    assert stable(text), text
    same_meaning(text, naive)


def test_imports_assignments_and_calls() -> None:
    names = [f"{LONG}{i}" for i in range(4)]
    cases = [
        (layout.import_from("a.b", names), f"from a.b import {', '.join(names)}"),
        (layout.import_from("a", ["b"]), "from a import b"),
        (layout.import_from("a", []), "import a"),
        ("class E:\n" + layout.assign(4, "X" * 50, '"' + "x" * 50 + '"'), f"class E:\n    {'X' * 50} = \"{'x' * 50}\""),
        (layout.bracketed(0, f"x = {LONG}(", ["'a'", "b", LONG + LONG], ")"), f"x = {LONG}('a', b, {LONG}{LONG})"),
        (layout.bracketed(0, f"self_{LONG}_{LONG} = {LONG}{LONG}(", ["self"], ")"), f"self_{LONG}_{LONG} = {LONG}{LONG}(self)"),
        (layout.bracketed(0, "x = (", [f'R("json", {LONG}{LONG}{LONG})'], ")", collection=True), f'x = (R("json", {LONG}{LONG}{LONG}),)'),
        (layout.bracketed(0, "scopes = (", [f'"{n}"' for n in names], ")", collection=True), f"scopes = {tuple(names)!r}"),
        (layout.bracketed(0, f"class {LONG}{LONG}{LONG}(", ["BaseModel"], ")", ":") + "\n    pass", f"class {LONG}{LONG}{LONG}(BaseModel):\n    pass"),
    ]
    for text, naive in cases:
        text = text.replace("'", '"') + "\n"
        assert stable(text), text
        same_meaning(text, naive)


# letters, digits, punctuation, spaces, control characters and wide CJK ones: where
# black's width table and unicodedata agree (they differ on some symbols and on
# unassigned code points, which only costs black a second pass)
TEXT = st.text(st.characters(categories=("Lu", "Ll", "Lo", "Nd", "Pc", "Pd", "Po", "Zs", "Cc"), max_codepoint=0xFFFF), max_size=30)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(value=JSON, name=st.sampled_from(["x", "query", "a_rather_long_keyword_argument_name"]))
def test_literals_mean_the_value_and_are_black_stable_when_every_line_fits(value: object, name: str) -> None:
    text = "f(\n" + layout.literal(4, f"{name}=", value, ",") + "\n)\n"
    assert ast.literal_eval(ast.parse(text).body[0].value.keywords[0].value) == value  # type: ignore[attr-defined]
    if all(layout.width(line) <= layout.LINE_LENGTH for line in text.splitlines()):
        assert stable(text), text
