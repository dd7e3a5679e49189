"""Spec text is untrusted: hostile names, descriptions, enum values, defaults and
examples must stay inert data in the generated package."""

from __future__ import annotations

import importlib
import json
import sys
import uuid
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.fixtures import Synthesiser
from generator.pipeline import generate

HOSTILE = [
    '"', "'", '"""', "'''", "\\", "\\n", "\n", "\r\n", "{{ 7*7 }}", "{% raw %}", "{#", "\x00", "\x07", "\x1b[31m",
    "__import__('os').system('echo pwned > /tmp/pwned')", "\"\"\"; import os; os.system('x'); \"\"\"",
    "\u2028", "é", "名前", "class", "def", "None", "self", "model_config", "-1", "1abc", "", " ", "a b", "A", "a",
]


def write_package(spec: dict, folder: Path) -> tuple[str, Path]:
    package = "p" + uuid.uuid4().hex[:10]
    spec_path = folder / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True))
    out = folder / "out"
    result = generate(spec_path, package_name=package, validate_spec=False)
    for rel, text in result.files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return package, out


def import_package(package: str, out: Path):
    sys.path.insert(0, str(out))
    try:
        models = importlib.import_module(f"{package}.models")
        client = importlib.import_module(f"{package}._client")
        importlib.import_module(f"{package}.cli._commands").every_command()
    finally:
        sys.path.remove(str(out))
    return models, client


def hostile_spec(texts: list[str]) -> dict:
    props = {t or "empty": {"type": "string", "description": t, "default": t, "example": t} for t in texts}
    return {
        "openapi": "3.1.0",
        "info": {"title": texts[0] + " API", "version": texts[1], "description": texts[2]},
        "servers": [{"url": "https://example.com/" + "".join(c for c in texts[3] if c.isalnum())}],
        "tags": [{"name": t, "description": t} for t in texts[:3]],
        "paths": {
            "/things/{id}/": {
                "get": {
                    "operationId": texts[4] or "get",
                    "summary": texts[5],
                    "description": texts[6],
                    "tags": [texts[0]],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": texts[7]},
                        {"name": texts[8] or "q", "in": "query", "schema": {"type": "string", "enum": texts}},
                    ],
                    "responses": {"200": {"description": texts[9], "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Thing"}, "example": {t or "x": t for t in texts}}}}},
                }
            }
        },
        "components": {"schemas": {
            "Thing": {"type": "object", "description": texts[10], "title": texts[11], "properties": props},
            "Kind": {"type": "string", "enum": texts, "description": texts[12]},
        }},
    }


def test_hostile_strings_stay_data(tmp_path: Path) -> None:
    texts = (HOSTILE * 2)[:40]
    package, out = write_package(hostile_spec(texts), tmp_path)
    assert not Path("/tmp/pwned").exists()
    models, client = import_package(package, out)
    assert not Path("/tmp/pwned").exists()
    kind = models.Kind
    assert sorted({m.value for m in kind}) == sorted(set(texts))  # every value kept verbatim
    thing = models.Thing.model_validate({t or "empty": t for t in texts})
    dumped = thing.model_dump(by_alias=True, exclude_unset=True)
    assert dumped == {t or "empty": t for t in texts}
    defaults = models.Thing()
    assert {models.Thing.model_fields[f].alias or f: getattr(defaults, f) for f in models.Thing.model_fields} == {t or "empty": t for t in texts}
    for module in sorted((out / package / "models").glob("*.py")):
        source = module.read_text()
        compile(source, module.name, "exec")
        assert "\x00" not in source


NAME = st.one_of(
    st.text(alphabet=st.sampled_from(list("aZ_ -9é\"'\\{}%#\n\x00")), min_size=1, max_size=12),
    st.sampled_from(["class", "import", "{{ x }}", "model_config", "self", "list", "str", "__init__", "0"]),
)


@st.composite
def schemas(draw):
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique=True))
    components: dict = {}
    for index, name in enumerate(names):
        key = f"S{index}{''.join(c for c in name if c.isalnum())}"
        props = {}
        for prop in draw(st.lists(NAME, min_size=0, max_size=4, unique=True)):
            props[prop] = draw(st.sampled_from([
                {"type": "string", "description": name},
                {"type": ["integer", "null"]},
                {"type": "array", "items": {"type": "boolean"}},
                {"type": "string", "enum": [prop, name]},
                {"$ref": f"#/components/schemas/{key}"},  # recursive
                {"type": "object", "additionalProperties": {"type": "number"}},
                {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            ]))
        # A required self-reference has no finite instance, so only plain fields are required.
        required = [p for p, v in props.items() if "$ref" not in v][:1]
        components[key] = {"type": "object", "properties": props, "required": required, "description": name}
    return components


# Each example generates and imports a whole package (about a second), so no shrinking:
# a failure is reported as drawn, with its seed.
@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(components=schemas(), op_name=NAME)
def test_random_schemas_compile_import_and_round_trip(tmp_path_factory, components: dict, op_name: str) -> None:
    folder = tmp_path_factory.mktemp("prop")
    first = next(iter(components))
    spec = {
        "openapi": "3.1.0",
        "info": {"title": op_name, "version": "1"},
        "paths": {"/x/": {"post": {"operationId": op_name, "requestBody": {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{first}"}}}},
                                    "responses": {"200": {"description": op_name, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{first}"}}}}}}}},
        "components": {"schemas": components},
    }
    package, out = write_package(spec, folder)
    models, _ = import_package(package, out)
    synth = Synthesiser(json.loads(json.dumps({"components": {"schemas": components}})))
    for key, schema in components.items():
        cls = getattr(models, models.__all__[[n.lower() for n in models.__all__].index(key.lower())]) if key.lower() in [n.lower() for n in models.__all__] else None
        if cls is None:
            continue
        data = synth.sample(schema)
        instance = cls.model_validate(data)
        again = cls.model_validate(instance.model_dump(mode="json", by_alias=True, exclude_unset=True))
        assert again == instance


def test_hostile_sdk_settings_and_operation_ids_stay_out_of_code(tmp_path: Path) -> None:
    """x-sdk names (environment variables, command and distribution names, path
    defaults) end up in code and files, and so does an operation id in the docs of the
    testing module: hostile ones are refused with a warning or escaped."""
    texts = (HOSTILE * 2)[:40]
    spec = hostile_spec(texts)
    hostile = "\"\"\"; __import__('os').system('echo pwned > /tmp/pwned'); \"\"\""
    spec["paths"]["/things/{id}/"]["get"]["operationId"] = hostile
    spec["x-sdk"] = {
        "cli-name": hostile, "distribution-name": "a b", "api-key-env": hostile, "base-url-env": 'X"Y',
        "log-env": "1X", "path-defaults": {hostile: {"env": "OK"}, "id": {"env": hostile}},
    }
    folder = tmp_path / "gen"
    folder.mkdir()
    spec_path = folder / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True))
    result = generate(spec_path, package_name="p" + uuid.uuid4().hex[:10], validate_spec=False)
    warned = "\n".join(f"{d} {d.pointer}" for d in result.diagnostics)
    for key in ("cli-name", "distribution-name", "api-key-env", "base-url-env", "log-env", "path-defaults"):
        assert key in warned
    for rel, text in result.files.items():
        if rel.endswith(".py"):
            compile(text, rel, "exec")  # e.g. the operation id in the testing module's docs cannot end them
        if rel.endswith(".toml"):
            assert "pwned" not in text
    package, out = write_package(spec, tmp_path)
    import_package(package, out)
    sys.path.insert(0, str(out))
    try:
        importlib.import_module(f"{package}.testing")
    finally:
        sys.path.remove(str(out))
    assert not Path("/tmp/pwned").exists()
