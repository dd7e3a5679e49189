"""validate_cached answers exactly what a full validation answers, and after a change to
some path items it validates only those (with the components they reach) when that is
enough to know the answer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import validate as validation
from generator.load import Document, load

PETSTORE = Path(__file__).resolve().parents[1] / "golden" / "petstore" / "openapi.yaml"


@pytest.fixture()
def spec() -> dict[str, Any]:
    return yaml.safe_load(PETSTORE.read_text(encoding="utf-8"))


def document(data: dict[str, Any], tmp_path: Path, name: str) -> Document:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load(path)


def answers(data: dict[str, Any], tmp_path: Path, name: str, store: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[Any], int]:
    """(validate_cached's problems, a full validation's problems, how many path items the
    biggest document validate_cached validated held)."""
    doc = document(data, tmp_path, name)
    sizes: list[int] = []
    real = validation._found

    def spy(d: Document, limit: int) -> list[Any]:
        sizes.append(len(d.data.get("paths") or {}))
        return real(d, limit)

    monkeypatch.setattr(validation, "_found", spy)
    cached = validation.validate_cached(doc, validation.fingerprint(doc), store)
    monkeypatch.setattr(validation, "_found", real)
    full = validation.validate(doc)
    strip = lambda problems: [(p.message, p.pointer, p.location.line) for p in problems]  # noqa: E731
    return strip(cached), strip(full), max(sizes, default=0)


def first_operation(data: dict[str, Any]) -> dict[str, Any]:
    item = next(iter(data["paths"].values()))
    return next(v for k, v in item.items() if k in ("get", "post", "put", "patch", "delete"))


def test_a_description_change_validates_only_the_changed_path_item(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    before = answers(spec, tmp_path, "a", store, monkeypatch)
    assert before[0] == before[1] == []
    changed = copy.deepcopy(spec)
    first_operation(changed)["description"] = "Changed."
    cached, full, biggest = answers(changed, tmp_path, "b", store, monkeypatch)
    assert cached == full == []
    assert biggest == 1  # only the changed path item was validated
    assert len(spec["paths"]) > 1


def test_an_error_in_a_changed_path_item_is_reported_as_a_full_validation_would(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    answers(spec, tmp_path, "a", store, monkeypatch)
    broken = copy.deepcopy(spec)
    first_operation(broken)["parameters"] = [{"name": "x", "in": "nowhere", "schema": {"type": "string"}}]
    cached, full, _ = answers(broken, tmp_path, "b", store, monkeypatch)
    assert full and cached == full


def test_fixing_a_path_item_that_had_a_problem_validates_everything(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    broken = copy.deepcopy(spec)
    first_operation(broken)["responses"] = "none"
    assert answers(broken, tmp_path, "a", store, monkeypatch)[1]
    cached, full, biggest = answers(spec, tmp_path, "b", store, monkeypatch)
    assert cached == full == []
    assert biggest == len(spec["paths"])


def test_known_component_problems_carry_over_and_new_duplicate_ids_are_caught(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    spec["components"]["schemas"]["Error"]["nullable"] = "yes"  # a problem outside the paths
    cached, full, _ = answers(spec, tmp_path, "a", store, monkeypatch)
    assert full and cached == full
    changed = copy.deepcopy(spec)
    first_operation(changed)["description"] = "Changed."
    cached, full, biggest = answers(changed, tmp_path, "b", store, monkeypatch)
    assert cached == full and full
    assert biggest == 1
    duplicated = copy.deepcopy(spec)
    operations = [op for item in duplicated["paths"].values() for k, op in item.items() if isinstance(op, dict) and "operationId" in op]
    operations[0]["operationId"] = operations[1]["operationId"]
    cached, full, _ = answers(duplicated, tmp_path, "c", store, monkeypatch)
    assert cached == full
    assert any("operationId" in message or "Operation ID" in message for message, _, _ in full)


def test_a_problem_the_validator_cannot_place_is_not_carried_over_once_fixed(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The validator reports a default that breaks its schema with no place at all
    (pointer ""): such a problem could come from the path item that changed, so fixing
    that item must make it go away, as a full validation says."""
    store = tmp_path / "store"
    broken = copy.deepcopy(spec)
    first_operation(broken)["parameters"] = [
        {"name": "q", "in": "query", "schema": {"type": "object", "required": ["x"], "default": {}}}
    ]
    cached, full, _ = answers(broken, tmp_path, "a", store, monkeypatch)
    assert [pointer for _, pointer, _ in full] == [""] and cached == full  # only an unplaced problem
    fixed = copy.deepcopy(broken)
    first_operation(fixed)["parameters"][0]["schema"]["default"] = {"x": 1}
    cached, full, _ = answers(fixed, tmp_path, "b", store, monkeypatch)
    assert cached == full == []


def test_problems_the_validator_cannot_place_carry_over_only_when_the_change_meets_them_alike(spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A default that breaks its schema is reported with no place at all (pointer ""):
    a change elsewhere keeps it, with only the changed path item validated; a change
    that adds another is found."""
    store = tmp_path / "store"
    spec["components"]["schemas"]["Pets"]["default"] = {}  # `results` is required: reported at ""
    cached, full, _ = answers(spec, tmp_path, "a", store, monkeypatch)
    assert ("'results' is a required property", "", 1) in [(m, p, 1) for m, p, _ in full] and cached == full
    changed = copy.deepcopy(spec)
    first_operation(changed)["description"] = "Changed."
    cached, full, biggest = answers(changed, tmp_path, "b", store, monkeypatch)
    assert cached == full
    assert biggest == 1
    worse = copy.deepcopy(spec)
    first_operation(worse)["parameters"] = [
        {"name": "q", "in": "query", "schema": {"type": "object", "required": ["x"], "default": {}}}
    ]
    cached, full, _ = answers(worse, tmp_path, "c", store, monkeypatch)
    assert len(full) > 1 and cached == full
