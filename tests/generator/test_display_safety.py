"""Spec text reaches readers (docstrings, comments, the README, --help, the generator's
messages) without control characters or invisible bidi controls (issue 13): they could
hide or reorder what a reviewer or a terminal shows ("Trojan Source")."""

from __future__ import annotations

import ast
import json
import uuid
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostic, Location, render
from generator.display import UNSAFE
from generator.pipeline import generate
from tests.generator.test_untrusted_specs import hostile_spec

#: right-to-left override and its pop, isolates, marks, NUL, ESC, a C1 control, DEL
INVISIBLE = [
    "admin\u202e\u2066// check later\u2069\u2066",
    "x\u202cy\u200f",
    "nul\x00here",
    "red\x1b[31mtext",
    "c1\x9bcontrol",
    "del\x7f",
    "\u061cmark\u200e",
]


def _texts() -> list[str]:
    texts = (INVISIBLE * 6)[:40]
    return [f"{text} {index}" for index, text in enumerate(texts)]  # distinct enum values


def test_no_control_or_bidi_character_reaches_a_generated_file(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(hostile_spec(_texts()), allow_unicode=True))
    result = generate(spec, package_name="p" + uuid.uuid4().hex[:10], validate_spec=False)
    for rel, text in result.files.items():
        found = UNSAFE.search(text)
        assert found is None, f"{rel} holds {found.group()!r} raw"
        if rel.endswith(".json"):
            json.loads(text)  # escaped, still valid


def test_cli_help_shows_no_control_or_bidi_character(tmp_path: Path) -> None:
    """The help strings are what click prints: they must be clean once loaded, not only in the file."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(hostile_spec(_texts()), allow_unicode=True))
    package = "p" + uuid.uuid4().hex[:10]
    files = generate(spec, package_name=package, validate_spec=False).files
    helps = [g["help"] for g in json.loads(files[f"{package}/cli/groups.json"])["groups"]]
    tables = [json.loads(text) for path, text in files.items() if path.startswith(f"{package}/cli/commands/")]
    assert tables
    for command in (command for table in tables for command in table["commands"]):
        helps += [command["help"], command["short_help"]] + [o["help"] for o in command["options"]]
    settings = ast.parse(files[f"{package}/_settings.py"])
    helps += [
        ast.literal_eval(node.value)
        for node in settings.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "CLI_HELP"
    ]
    assert len(helps) >= 5
    for text in helps:
        # a paragraph opening with a lone backspace line is click's no-rewrap marker,
        # consumed by click and never printed
        shown = text.replace("\n\n\b\n", "\n\n")
        assert UNSAFE.search(shown) is None, repr(text)
    assert any("admin" in text and "check later" in text for text in helps)  # cleaned, not dropped


def test_generator_messages_escape_what_a_spec_puts_in_them() -> None:
    diagnostic = Diagnostic(Location("openapi.yaml", 3, 5), "warning", "naming", "name 'a\u202eb\x1b[2J\nc' renamed")
    text = str(diagnostic)
    assert UNSAFE.search(text) is None and "\n" not in text
    assert "a\\u202eb\\x1b[2J\\nc" in text
    assert UNSAFE.search(render([diagnostic], "github")) is None
    long = Diagnostic(Location("openapi.yaml"), "error", "input", "x" * 5000, "/" + "a" * 5000)
    assert len(str(long)) < 2100


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r\t\x00\x1b\x7f\x9b\u202e\u2066\u200fé\u2028"), max_size=30) | st.text(max_size=30))
def test_clean_takes_a_shortcut_only_where_the_full_cleaning_changes_nothing(text: str) -> None:
    """display.clean skips its regexes for printable ASCII: the result is the same as
    with them, whatever the text."""
    from generator.display import _BIDI, _CONTROL, clean

    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    assert clean(text) == _CONTROL.sub(" ", _BIDI.sub("", normalised))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab \n\t\x00\x1b\x7f\x9b\u202e\u2066é\u2028"), max_size=12) | st.text(max_size=12), max_size=4))
def test_escape_json_takes_a_shortcut_only_where_the_regex_changes_nothing(values: list[str]) -> None:
    """display.escape_json skips its regex for ASCII JSON text without DEL (JSON escapes
    the other ASCII controls itself): the result is the same as with it."""
    from generator.display import escape_json

    for text in (json.dumps(values, ensure_ascii=False), json.dumps(values, ensure_ascii=False, indent=2)):
        assert escape_json(text) == UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
        assert json.loads(escape_json(text)) == values
