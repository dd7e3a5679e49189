"""markdown-no-script."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml


def test_script_in_a_description(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("description: Reads one item.", "description: Reads <SCRIPT>alert(1)</script> it."))
    assert result.positions("markdown-no-script") == [result.after("description: ", 7)]


def test_eval_in_a_summary_but_not_inside_a_word(lint_yaml: LintYaml) -> None:
    spec = CLEAN_SPEC.replace("summary: Get an item", "summary: Get an item with eval(x)").replace(
        "description: Creates an item.", "description: Creates an item for retrieval(later)."
    )
    result = lint_yaml(spec)
    assert result.positions("markdown-no-script") == [result.after("summary: ", 3)]
