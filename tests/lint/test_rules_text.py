"""text-control-characters."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml


def test_bidi_and_control_characters_are_located(lint_yaml: LintYaml) -> None:
    spec = (
        CLEAN_SPEC.replace("description: Reads one item.", 'description: "Reads \\u202eone\\u202c item."')
        .replace("summary: Get an item", 'summary: "Get an \\e[2J item"')
        .replace("    description: Things we keep.", '    description: "Things\\0 we keep."')
    )
    result = lint_yaml(spec)
    assert result.positions("text-control-characters") == [
        result.at('"Things'), result.at('"Get an'), result.at('"Reads')
    ]
    messages = result.messages("text-control-characters")
    assert any("U+202E (RIGHT-TO-LEFT OVERRIDE)" in m for m in messages)
    assert any("U+0000" in m for m in messages) and any("U+001B" in m for m in messages)
    assert all("\u202e" not in m and "\x1b" not in m for m in messages)


def test_a_key_is_checked_too(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace("x-sdk:\n", 'x-sdk:\n  "note\\u2066": 1\n')
    result = lint_yaml(spec)
    assert result.messages("text-control-characters") == [
        "the key contains U+2066 (LEFT-TO-RIGHT ISOLATE), which hides or reorders text where it is shown; remove it"
    ]


def test_ordinary_text_is_not_reported(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace("description: Reads one item.", 'description: "Reads one item:\\n\\tindented, émoji 😀, עברית."')
    assert "text-control-characters" not in lint_yaml(spec).rules()
