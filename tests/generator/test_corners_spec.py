"""The generator on a spec of our own that uses the corners of OpenAPI 3.0 (issue 8):
the package compiles, type-checks and behaves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bench.typecheck import write_config
from generator.pipeline import generate
from tests.conftest import ROOT
from tests.packages import mypy_cache_args

SPEC = ROOT / "tests" / "golden" / "corners" / "openapi.yaml"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corners")
    result = generate(SPEC)
    for rel, text in result.files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)
    sys.path.insert(0, str(out))
    yield out
    sys.path.remove(str(out))


def test_type_checks(package: Path, tmp_path: Path) -> None:
    config = write_config(tmp_path, ["corners"])  # --strict; the runtime copy checked at its source
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "-p", "corners"],
                            cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_names_are_valid_and_wire_names_kept(package: Path) -> None:
    from corners import models

    fields = models.Item.model_fields
    assert {f: fields[f].alias for f in ("class_", "self_", "model_config_", "n_2fa", "name2")} == {
        "class_": "class", "self_": "self", "model_config_": "model_config", "n_2fa": "2fa", "name2": "Name"}
    item = models.Item.model_validate({"id": "x", "name": "n", "class": "c", "2fa": True, "Name": "N", "level": 3, "mode": ""})
    assert item.class_ == "c" and item.n_2fa is True and item.name2 == "N"
    assert item.to_dict()["class"] == "c"
    assert item.mode is models.ItemMode.EMPTY
    assert item.level is models.ItemLevel.V_3


def test_unions_recursion_and_discriminator(package: Path) -> None:
    from corners import models

    item = models.Item.model_validate({"id": "x", "name": "n", "mixed": ["a", 1, {"petType": "Cat", "lives": 9}],
                                       "tree": {"children": [{"other": {"back": {"children": []}}}]}})
    assert item.mixed[0] == "a" and item.mixed[1] == 1
    assert type(item.mixed[2]).__name__ == "Cat" and item.mixed[2].lives == 9
    assert item.tree.children[0].other.back.children == []
    unknown = models.Item.model_validate({"id": "x", "name": "n", "mixed": [{"petType": "Parrot", "words": 12}]})
    assert type(unknown.mixed[0]).__name__ == "UnknownVariant" and unknown.mixed[0].model_extra["words"] == 12


def _client(handler):
    from corners import Corners

    return Corners(base_url="https://api.example.com", http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_parameter_styles_headers_and_ranges(package: Path) -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(203, json={"id": "1", "name": "n"}, headers={"content-type": "application/vnd.api+json"})

    item = _client(handler).items.get("a/b", ids=[1, 2], tags=["x", "y"], filter={"a": "z"}, x_trace="t1")
    assert type(item).__name__ == "Item"
    request = seen[0]
    assert request.url.raw_path.decode().startswith("/items/a%2Fb?")
    assert request.url.params.get_list("ids") == ["1,2"]
    assert request.url.params.get_list("tags") == ["x", "y"]
    assert request.url.params["filter[a]"] == "z"
    assert request.headers["X-Trace"] == "t1"


def test_bodies_of_every_kind(package: Path) -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if request.url.path == "/upload":
            return httpx.Response(200, text="ok", headers={"content-type": "text/plain"})
        if request.url.path == "/raw":
            return httpx.Response(200, content=b"\x00\x01", headers={"content-type": "application/octet-stream"})
        return httpx.Response(204)

    client = _client(handler)
    assert client.items.put("i", name="n", secret="s") is None
    assert seen[-1].headers["content-type"] == "application/x-www-form-urlencoded"
    assert b"secret=s" in seen[-1].content and b"name=n" in seen[-1].content
    assert client.files.upload(file=b"data", note="hi") == "ok"
    assert seen[-1].headers["content-type"].startswith("multipart/form-data")
    assert b'name="file"' in seen[-1].content and b"data" in seen[-1].content
    assert client.files.raw(body=b"\x07") == b"\x00\x01"
    assert seen[-1].content == b"\x07"


def test_default_response_is_an_error_for_4xx(package: Path) -> None:
    from corners import NotFoundError

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"detail": "no such item"})

    with pytest.raises(NotFoundError, match="no such item"):
        _client(handler).items.get("x")


def test_array_response_of_a_discriminated_union(package: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"petType": "Dog", "barks": True}, {"petType": "Cat", "lives": 3}])

    pets = _client(handler).pets.list_pets()
    assert [type(p).__name__ for p in pets] == ["Dog", "Cat"]


def test_fixtures_validate_against_their_schemas(package: Path) -> None:
    import jsonschema
    import yaml

    spec = yaml.safe_load(SPEC.read_text())
    operations = {o["operationId"]: o for p in spec["paths"].values() for o in p.values() if isinstance(o, dict) and "operationId" in o}
    files = list((package / "corners" / "testing" / "fixtures").glob("*.json"))
    found = {op_id: fixture for f in files for op_id, fixture in json.loads(f.read_text()).items()}
    assert sorted(found) == sorted(operations)  # every operation has its fixture, in its resource's file
    for op_id, fixture in found.items():
        assert fixture["operation_id"] == op_id
        for status, response in fixture["responses"].items():
            if response["content_type"] and "json" in response["content_type"]:
                schema = next(iter(operations[op_id]["responses"][status]["content"].values()))["schema"]
                jsonschema.validate(response["body"], {**schema, "components": spec["components"]})
