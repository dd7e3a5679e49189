"""Lines in JSON documents: the on-demand pointer search agrees with the loader's full read."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from generator.diff.locate import Locator, PrettyJson
from generator.load import load
from tests.conftest import SHARED


def _pointers(node: Any, pointer: str = "") -> list[str]:
    found = [pointer]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _pointers(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _pointers(value, f"{pointer}/{index}")
    return found


def _agree(path: Path, sample: int | None = None) -> None:
    doc = load(path)
    assert doc.json_root_text is not None
    pointers = _pointers(json.loads(doc.json_root_text))
    if sample is not None:
        pointers = random.Random(7).sample(pointers, min(sample, len(pointers)))
    locate = Locator(doc)
    for pointer in pointers:
        assert locate(pointer).line == doc.locate_precisely(pointer).line, pointer


@pytest.mark.parametrize("indent", [1, 2, 4, "\t"])
def test_pretty_json_of_any_indentation(tmp_path: Path, indent: int | str) -> None:
    data = {"openapi": "3.0.3", "paths": {"/a/{id}": {"get": {"parameters": [{"name": "id", "in": "path"}, {"name": "q"}],
            "responses": {"200": {"description": "x: {\"y\": [1]}", "content": {}}}}}},
            "components": {"schemas": {"A~B/C": {"type": "object", "required": [], "enum": ["é"]}}}}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data, indent=indent, ensure_ascii=False))
    _agree(path)


def test_irregular_indentation_and_one_line_containers(tmp_path: Path) -> None:
    text = '{\n    "openapi": "3.0.3",\n    "paths": {\n      "/a": {"get": {"responses": {}}},\n      "/b": {\n        "get": {\n          "tags": ["x", "y"]\n        }\n      }\n    }\n}\n'
    path = tmp_path / "doc.json"
    path.write_text(text)
    assert PrettyJson.looks_pretty(text)
    _agree(path)
    assert Locator(load(path))("/paths/~1a/get/responses").line == 4  # inside a one-line container: its line


def test_minified_json_falls_back_to_the_full_read(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"openapi": "3.0.3", "paths": {"/a": {"get": {"responses": {}}}}}))
    assert not PrettyJson.looks_pretty(path.read_text())
    assert Locator(load(path))("/paths/~1a/get").line == 1


def test_published_schemas(tmp_path: Path) -> None:
    for path in (SHARED / "posthog-reference" / "subset.json",):
        if not path.exists():
            pytest.skip(f"{path} is absent (../shared)")
        _agree(path, sample=80)
