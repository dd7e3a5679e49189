"""Every spec-level rule, on a pair of small specs made to show it; the catalogue and
docs/diff-rules.md agree."""

from __future__ import annotations

import re

import pytest

from generator.diff.rules import RULES, SDK_RULES, catalogue_markdown
from generator.diff.spec import Finding, diff_documents
from generator.load import Document
from tests.conftest import ROOT
from tests.diff.cases import Case, all_cases

CASES = all_cases()
DOCS = ROOT / "docs" / "diff-rules.md"


def _doc(data: dict[str, object], name: str) -> Document:
    return Document(data=data, root_file=name)


def _key(f: Finding) -> str:
    return " ".join(part for part in (f.operation, f.where, f.field) if part)


def test_every_rule_has_a_pair() -> None:
    covered = {case.rule for case in CASES}
    assert covered == set(RULES), f"rules without a before/after pair: {sorted(set(RULES) - covered)}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_pair_gives_the_rule(case: Case) -> None:
    findings = diff_documents(_doc(case.base, "base.yaml"), _doc(case.head, "head.yaml"))
    main = [f for f in findings if f.rule == case.rule]
    assert [_key(f) for f in main] == [case.expected], [(f.rule, _key(f), f.message) for f in findings]
    others = sorted(f.rule for f in findings if f.rule != case.rule)
    assert others == sorted(case.also), [(f.rule, _key(f), f.message) for f in findings]
    assert main[0].message and main[0].level == RULES[case.rule].level


def test_levels_follow_direction() -> None:
    """The examples of the issue: direction decides the level."""
    assert RULES["response-optional-property-added"].level == "info"
    assert RULES["new-required-request-property"].level == "breaking"
    assert RULES["response-property-enum-value-added"].level == "warning"
    assert RULES["request-property-enum-value-removed"].level == "breaking"
    assert RULES["request-property-enum-value-added"].level == "info"
    assert RULES["response-property-enum-value-removed"].level == "info"


def test_docs_list_every_rule_and_nothing_else() -> None:
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", text, flags=re.M))
    assert documented == set(RULES) | set(SDK_RULES)
    assert text == catalogue_markdown(), "docs/diff-rules.md is stale: python -m generator.diff.rules > docs/diff-rules.md"


def test_ids_are_kebab_case_and_unique_across_families() -> None:
    for rule_id in [*RULES, *SDK_RULES]:
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", rule_id), rule_id
    assert not set(RULES) & set(SDK_RULES)


def test_the_curated_spec_has_no_changes_from_itself() -> None:
    from generator.load import load
    from tests.conftest import SPEC

    assert diff_documents(load(SPEC), load(SPEC)) == []
