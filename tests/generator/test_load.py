"""Stage 1: loading split YAML/JSON specs, with source positions and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.load import load
from generator.pipeline import generate


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return folder / next(iter(files))


ROOT = """\
openapi: 3.1.0
info: {title: Split, version: '1'}
paths:
  /pets/:
    $ref: 'paths/pets.yaml#/pets'
"""
PETS = """\
pets:
  get:
    operationId: list_pets
    responses:
      '200':
        description: ok
        content:
          application/json:
            schema:
              $ref: '../schemas/pets.yaml#/PetList'
"""
SCHEMAS = """\
PetList:
  type: array
  items:
    $ref: '#/Pet'
Pet:
  type: object
  required: [name]
  properties:
    name: {type: string}
    born: {type: string, example: 2020-01-01}
    flag: {type: string, enum: [yes, no, on]}
    parent:
      $ref: '#/Pet'
"""


def test_split_files_are_bundled_into_named_components(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": ROOT, "paths/pets.yaml": PETS, "schemas/pets.yaml": SCHEMAS})
    doc = load(root)
    op = doc.data["paths"]["/pets/"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/PetList"}
    schemas = doc.data["components"]["schemas"]
    assert schemas["PetList"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Pet"]["properties"]["parent"] == {"$ref": "#/components/schemas/Pet"}  # recursion kept as a ref


def test_yaml_scalars_follow_yaml_1_2(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": ROOT, "paths/pets.yaml": PETS, "schemas/pets.yaml": SCHEMAS})
    pet = load(root).data["components"]["schemas"]["Pet"]
    assert pet["properties"]["born"]["example"] == "2020-01-01"  # not a date object
    assert pet["properties"]["flag"]["enum"] == ["yes", "no", "on"]  # not booleans


def test_every_node_keeps_its_source_position(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": ROOT, "paths/pets.yaml": PETS, "schemas/pets.yaml": SCHEMAS})
    doc = load(root)
    where = doc.locate("/components/schemas/Pet/properties/name")
    assert where.file.endswith("schemas/pets.yaml")
    assert (where.line, where.col) == (9, 11)
    op = doc.locate("/paths/~1pets~1/get/operationId")
    assert op.file.endswith("paths/pets.yaml") and op.line == 3


def test_unresolved_ref_is_located(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": ROOT, "paths/pets.yaml": PETS.replace("#/PetList", "#/Nope"), "schemas/pets.yaml": SCHEMAS})
    with pytest.raises(SpecError) as caught:
        load(root)
    assert "paths/pets.yaml:10:" in str(caught.value)
    assert "'../schemas/pets.yaml#/Nope' cannot be resolved" in str(caught.value)


def test_missing_file_is_located(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": ROOT})
    with pytest.raises(SpecError) as caught:
        load(root)
    assert "openapi.yaml:5:" in str(caught.value)
    assert "file not found" in str(caught.value)


def test_bad_yaml_is_located(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": "openapi: 3.1.0\ninfo: {title: x\npaths: {}\n"})
    with pytest.raises(SpecError) as caught:
        load(root)
    # the file as the user can open it from where they are (relative when that is short)
    shown = str(caught.value).split(":", 1)[0]
    assert (Path.cwd() / shown).resolve() == root.resolve()
    assert ":3:" in str(caught.value) and "invalid YAML" in str(caught.value)


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    root = write(tmp_path, {"openapi.yaml": "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\npaths: {}\n"})
    with pytest.raises(SpecError, match=r":4:1: error \[input\] duplicate key 'paths'"):
        load(root)


def test_json_specs_load(tmp_path: Path) -> None:
    root = write(tmp_path, {"api.json": '{"openapi": "3.0.3", "info": {"title": "j", "version": "1"}, "paths": {}}'})
    assert load(root).version == "3.0.3"


def test_yaml_in_a_file_named_json_is_read_as_yaml(tmp_path: Path) -> None:
    # swagger-parser, Redocly and Spectral read it (openapi-generator's swift5Test.json)
    root = write(tmp_path, {"api.json": "openapi: 3.0.3\ninfo: {title: j, version: '1'}\npaths: {}\n"})
    doc = load(root)
    assert doc.version == "3.0.3"
    assert doc.data["info"]["title"] == "j"


@pytest.mark.parametrize(
    ("text", "where"),
    [('{"openapi": "3.0.3",\n', ":2:1:"), ("openapi: [\n", ":1:1:"), ("a: b\n\tc: [\n", ":1:1:")],
    ids=["broken-json", "broken-yaml", "neither"],
)
def test_a_json_file_neither_json_nor_yaml_gets_jsons_error(tmp_path: Path, text: str, where: str) -> None:
    root = write(tmp_path, {"api.json": text})
    with pytest.raises(SpecError) as caught:
        load(root)
    assert "invalid JSON" in str(caught.value) and where in str(caught.value)


@pytest.mark.parametrize("ref", ["schemas/pets.yaml#/Pet", "./schemas/pets.yaml#/Pet"])
def test_a_json_root_file_with_a_ref_to_another_file_is_bundled(tmp_path: Path, ref: str) -> None:
    # a JSON root is walked once for depth and external refs together: the ref, deep in a
    # response, must still be found and bundled
    root = write(tmp_path, {"api.json": '{"openapi": "3.1.0", "info": {"title": "j", "version": "1"}, "paths": {"/p/": {"get": '
                            '{"operationId": "p", "responses": {"200": {"description": "ok", "content": {"application/json": '
                            '{"schema": {"$ref": "' + ref + '"}}}}}}}}}', "schemas/pets.yaml": SCHEMAS})
    doc = load(root)
    schema = doc.data["paths"]["/p/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Pet"}
    assert doc.data["components"]["schemas"]["Pet"]["required"] == ["name"]


def test_colliding_component_names_are_made_unique(tmp_path: Path) -> None:
    """Two files may each define a `Pet`: the second is hoisted under another name (issue 14)."""
    files = {
        "openapi.yaml": ROOT,
        "paths/pets.yaml": PETS + "      '201':\n        description: x\n        content:\n          application/json:\n            schema:\n              $ref: '../other/pets.yaml#/Pet'\n",
        "schemas/pets.yaml": SCHEMAS,
        "other/pets.yaml": "Pet: {type: string}\n",
    }
    doc = load(write(tmp_path, files))
    schemas = doc.data["components"]["schemas"]
    assert schemas["Pet"]["type"] == "object" and schemas["pets_Pet"] == {"type": "string"}
    responses = doc.data["paths"]["/pets/"]["get"]["responses"]
    assert responses["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/pets_Pet"}


SCALARS = [
    "", "~", "null", "Null", "NULL", "true", "False", "TRUE", "yes", "no", "on", "off", "y", "n",
    "0", "-1", "+12", "0o17", "0x1F", "0b101", "1_000", "1.5", "-.5", ".inf", "-.INF", ".nan", "1e3", "6.8523015e+5",
    "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "!tag", "&a", "*a", "text", "TRUE!", "nullable",
]


@pytest.mark.parametrize("plain", [True, False])
def test_tags_are_what_pyyamls_resolver_gives_with_the_same_patterns(plain: bool) -> None:
    """The loader's fast resolve (load_yaml.py) against PyYAML's own, given the same implicit
    resolvers, for every node of the curated spec and scalars of every kind."""
    import yaml

    from generator import load_yaml as loader
    from tests.conftest import SPEC

    class Reference(yaml.SafeLoader):  # PyYAML's pure-Python resolve, with the loader's patterns
        yaml_implicit_resolvers = loader._SpecLoader.yaml_implicit_resolvers

    fast = loader._SpecLoader("")
    reference = Reference("")
    for value in SCALARS:
        assert fast.resolve(yaml.ScalarNode, value, (plain, not plain)) == reference.resolve(yaml.ScalarNode, value, (plain, not plain))
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert fast.resolve(kind, None, (True, False)) == reference.resolve(kind, None, (True, False))
    if not plain:
        return
    for path in sorted(SPEC.parent.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        nodes = [yaml.compose(text, Loader=Reference), yaml.compose(text, Loader=loader._SpecLoader)]
        while nodes:
            ours, theirs = nodes.pop(), nodes.pop()
            assert (type(ours), ours.tag) == (type(theirs), theirs.tag), (path, ours.start_mark)
            if isinstance(ours, yaml.ScalarNode):
                assert ours.value == theirs.value
                continue
            pairs = ours.value if isinstance(ours, yaml.SequenceNode) else [n for pair in ours.value for n in pair]
            others = theirs.value if isinstance(theirs, yaml.SequenceNode) else [n for pair in theirs.value for n in pair]
            for a, b in zip(pairs, others, strict=True):
                nodes += [b, a]


def test_a_security_scheme_in_another_file_is_inlined(tmp_path: Path) -> None:
    """Matrix's specs keep their schemes in one file that each API's document refers to
    (`accessTokenBearer: {$ref: definitions/security.yaml#/accessTokenBearer}`): they were
    refused as "not a local reference". A scheme is named by the requirements, so it is
    inlined under its own name; a local $ref between schemes is followed too."""
    root = write(tmp_path, {
        "openapi.yaml": """\
openapi: 3.1.0
info: {title: Schemes, version: '1'}
servers: [{url: 'https://example.com'}]
security: [{token: []}]
paths:
  /me:
    get:
      operationId: whoami
      responses: {'204': {description: ok}}
  /other:
    get:
      operationId: other
      security: [{alias: []}]
      responses: {'204': {description: ok}}
components:
  securitySchemes:
    token: {$ref: 'definitions/security.yaml#/accessTokenBearer'}
    alias: {$ref: '#/components/securitySchemes/token'}
""",
        "definitions/security.yaml": "accessTokenBearer:\n  type: http\n  scheme: bearer\n",
    })
    doc = load(root)
    schemes = doc.data["components"]["securitySchemes"]
    assert schemes["token"] == {"type": "http", "scheme": "bearer"}
    assert schemes["alias"] == {"$ref": "#/components/securitySchemes/token"}
    assert set(schemes) == {"token", "alias"}  # inlined, not hoisted under another name
    result = generate(root, package_name="schemes")
    settings = next(text for path, text in result.files.items() if path.endswith("_settings.py"))
    assert 'AUTH_SCHEME = "bearer"' in settings
    assert not [d for d in result.diagnostics if d.severity == "error"]
