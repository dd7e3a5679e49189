"""validate(): the problems openapi-spec-validator reports, found fast, each at its node.

The reference is the library itself, run in full (`OpenAPIV30SpecValidator(data)
.iter_errors()`, or V31): on every corpus document, the curated spec, the golden specs
and one small broken document per check, validate() must report the same problems.

How problems are compared:

- the library's structural problems (its jsonschema-rs pass) carry a pointer, as ours
  do: compared as (pointer, message), the library's message cut to its first line;
- its semantic problems carry none: their messages are compared as a multiset, after
  `normalized()`, which forgives exactly these differences of wording between
  jsonschema-rs (our meta-schema check) and python-jsonschema (the library's):
  - JSON quoting ("x", true, null, no space after a comma or colon) against Python's
    ('x', True, None, ', ');
  - jsonschema-rs prints an object or array with its keys sorted: a leading instance
    is compared as <value> (a message with one that is cut short, as <value>...);
  - phrasing: "... under any of the schemas listed in the 'anyOf' keyword" for "...
    under any of the given schemas"; "is valid under more than one of the schemas
    listed in the 'oneOf' keyword" for "is valid under each of <the schemas>"; "has
    less than 1 item" for "should be non-empty", and the other too-short/too-long
    wordings of the size keywords alike; "is not of types 'a', 'b'" for "is not of
    type 'b', 'a'"; a draft 4 `dependencies` failure worded as a missing required
    property;
  - the library prints two sets in no fixed order (the required names not defined,
    the properties not allowed): their names are sorted.
"""

from __future__ import annotations

import copy
import functools
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from generator import openapi
from generator.diagnostics import SpecError
from generator.load import Document, escape_pointer, load
from generator.validate import validate

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_SPECS = sorted(p for p in CORPUS.glob("*") if p.suffix in (".yaml", ".yml", ".json")) if CORPUS.is_dir() else []
OWN_SPECS = [REPO / "spec" / "openapi.yaml", *sorted((REPO / "tests" / "golden").glob("*/openapi.yaml")),
             REPO / "tests" / "generator" / "regressions" / "contract-openapi32.yaml"]
EVERYTHING = 10**6


# -- the comparison ------------------------------------------------------------------


def _clean(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= 300 else message[:297] + "..."


def _sorted_names(match: re.Match[str]) -> str:
    return ", ".join(sorted(match.group(2).split(", ")))


def normalized(message: str) -> str:
    """A semantic problem's message with the wording differences listed in the module
    docstring forgiven."""
    m = _clean(message).replace('"', "'")
    m = re.sub(r"\btrue\b", "True", m)
    m = re.sub(r"\bfalse\b", "False", m)
    m = re.sub(r"\bnull\b", "None", m)
    m = re.sub(r"is not valid under any of the schemas listed in the '(anyOf|oneOf)' keyword", "is not valid under any of the given schemas", m)
    m = re.sub(r"is valid under (more than one of the schemas listed in the 'oneOf' keyword|each of .*)$", "is valid under more than one", m)
    m = re.sub(r"^('[^']*') is a dependency of '[^']*'$", r"\1 is a required property", m)
    m = re.sub(r"^(Required list has not defined properties: \[)(.*)(\])$", lambda g: g.group(1) + _sorted_names(g) + g.group(3), m)
    m = re.sub(r"^(Additional properties are not allowed \()(.*)( (?:was|were) unexpected\))$", lambda g: g.group(1) + _sorted_names(g) + g.group(3), m)
    m = re.sub(r"is not of types? (.*)$", lambda g: "is not of type " + ",".join(sorted(g.group(1).replace(" ", "").split(","))), m)
    m = re.sub(
        r"(has less than \d+ items?|should be non-empty|is too short|is shorter than \d+ characters?"
        r"|has less than \d+ propert(?:y|ies)|does not have enough properties)$",
        "is too short",
        m,
    )
    m = re.sub(
        r"(has more than \d+ items?|is expected to be empty|is too long|is longer than \d+ characters?"
        r"|has more than \d+ propert(?:y|ies)|has too many properties)$",
        "is too long",
        m,
    )
    m = re.sub(r"^[{\[].*\.\.\.$", "<value>...", m)  # cut short (the instances differ in length)
    m = re.sub(r"^[{\[].*[}\]](?= (is|has|should|was|does)\b)", "<value>", m)
    return m.replace(", ", ",").replace(": ", ":")


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + escape_pointer(str(part)) for part in path)


def library_problems(data: dict[str, Any]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """The library's problems with `data`: structural ones as (pointer, message), the
    semantic ones as normalized messages."""
    from openapi_spec_validator import (
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
        OpenAPIV32SpecValidator,
    )
    from openapi_spec_validator.schemas import (
        openapi_v30_schema_validator,
        openapi_v31_schema_validator,
        openapi_v32_schema_validator,
    )

    version = str(data.get("openapi"))[:3]
    cls, schema = {"3.1": (OpenAPIV31SpecValidator, openapi_v31_schema_validator),
                   "3.2": (OpenAPIV32SpecValidator, openapi_v32_schema_validator)}.get(
        version, (OpenAPIV30SpecValidator, openapi_v30_schema_validator))
    structural_count = len(list(schema.iter_errors(data)))
    errors = list(cls(data).iter_errors())  # the structural problems first, then the semantic ones
    structural = Counter(
        (_pointer(error.path), _clean(str(error.message).split("\n\nFailed validating")[0])) for error in errors[:structural_count]
    )
    return structural, Counter(normalized(str(error.message)) for error in errors[structural_count:])


def assert_same_problems(doc: Document) -> list[tuple[str, str]]:
    """validate() finds what the library finds; returns our semantic problems (pointer,
    message)."""
    ours = Counter((d.pointer, d.message) for d in validate(doc, limit=EVERYTHING))
    structural, semantic = library_problems(doc.data)
    missing = structural - ours
    assert not missing, f"structural problems the library reports and we do not: {sorted(missing)}"
    rest = ours - structural
    assert Counter(normalized(message) for _, message in rest.elements()) == semantic
    return sorted(rest.elements())


@functools.cache
def _loaded(path: Path) -> Document:
    return load(path)


@pytest.mark.parametrize("spec", OWN_SPECS, ids=lambda p: str(p.relative_to(REPO)))
def test_same_problems_as_the_library_on_our_specs(spec: Path) -> None:
    assert assert_same_problems(_loaded(spec)) == []


@pytest.mark.slow  # the library takes ~1-2 s on each big spec: ~10 s for the corpus
@pytest.mark.skipif(not CORPUS_SPECS, reason=f"the shared corpus is not checked out at {CORPUS}")
@pytest.mark.parametrize("spec", CORPUS_SPECS, ids=lambda p: p.name)
def test_same_problems_as_the_library_on_the_corpus(spec: Path) -> None:
    doc = _loaded(spec)  # a Swagger 2.0 document is compared in its OpenAPI 3.0 form
    semantic = assert_same_problems(doc)
    if spec.name == "kubernetes-core-v1.json":  # defaults that miss required properties
        assert len(semantic) == 151 and all(pointer.endswith("/default") for pointer, _ in semantic)


#: what a mutation may put in place of a node
ODD_VALUES: list[Any] = [5, "x", None, True, [], {}, -1, 1.5, "{id}", [1, 1], "2020-13-01", "int32", "^a("]
SCHEMA_KEYWORDS = ["type", "minimum", "enum", "items", "properties", "format", "nullable", "maxLength", "pattern", "required", "default"]


def _mutated(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """`data` with one to three random changes: a node removed, replaced, shared with
    another place (object identity matters to the library), a schema keyword set, a
    path parameter added, a list entry repeated."""
    import random

    rnd = random.Random(seed)
    data = copy.deepcopy(data)
    for _ in range(rnd.randint(1, 3)):
        places: list[tuple[Any, Any, frozenset[int]]] = []  # (container, key, ids of the container and its ancestors)
        stack: list[tuple[Any, frozenset[int]]] = [(data, frozenset())]
        while stack:
            node, above = stack.pop()
            children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
            for key, child in children:
                places.append((node, key, above | {id(node)}))
                if id(child) not in above:  # a node shared by an earlier change is walked once
                    stack.append((child, above | {id(node)}))
        parent, key, above = rnd.choice(places)
        dicts = [node[name] for node, name, _ in places if isinstance(node[name], dict)]
        change = rnd.randrange(6)
        if change == 0:
            del parent[key]
        elif change == 1:
            parent[key] = copy.deepcopy(rnd.choice(ODD_VALUES))
        elif change == 2:
            parent[key] = rnd.choice([node for node, _, _ in places if id(node) not in above])  # no cycle
        elif change == 3 and dicts:
            rnd.choice(dicts)[rnd.choice(SCHEMA_KEYWORDS)] = copy.deepcopy(rnd.choice(ODD_VALUES + [["zzz"], "string"]))
        elif change == 4 and isinstance(data.get("paths"), dict) and data["paths"]:
            url = rnd.choice(list(data["paths"]))
            data["paths"][url + rnd.choice(["/{x}", "/{petId}", "/{{y}}"])] = data["paths"].pop(url)
        elif change == 5 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    data["openapi"] = rnd.choice(["3.0.3", "3.1.0"]) if str(data.get("openapi")) not in ("3.0.3", "3.1.0") else data["openapi"]
    return data


@pytest.mark.slow  # ~100 runs of the library on small documents: a few seconds
@pytest.mark.parametrize("spec", [OWN_SPECS[1], OWN_SPECS[-1]], ids=lambda p: p.parent.name)
def test_same_problems_as_the_library_on_mutated_documents(spec: Path) -> None:
    base = _loaded(spec).data
    compared = 0
    for seed in range(60):
        data = _mutated(base, seed)
        doc = Document(data=data, root_file="mutated.yaml")
        try:
            library_problems(data)
        except Exception:  # the library stops on what it cannot read; ours reports it (other tests)
            validate(doc, limit=EVERYTHING)
            continue
        assert_same_problems(doc)
        compared += 1
    assert compared > 30


def test_swagger_other_than_2_is_refused() -> None:
    doc = Document(data={"swagger": "1.2", "info": {}, "paths": {}}, root_file="old.yaml")
    with pytest.raises(SpecError, match="Swagger 1.2 document; OpenAPI 3.0, 3.1 and 3.2 and Swagger 2.0 are supported"):
        validate(doc)


# -- one small broken document per check ----------------------------------------------

HEAD_30 = "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\n"
HEAD_31 = "openapi: 3.1.0\ninfo: {title: Broken, version: '1'}\n"
OK = "responses: {'200': {description: ok}}"

#: name -> (document, {pointer of each semantic problem: a word of its message})
BROKEN: dict[str, tuple[str, dict[str, str]]] = {
    "duplicate-operation-id": (
        HEAD_30 + f"paths:\n  /a:\n    get: {{operationId: same, {OK}}}\n  /b:\n    get:\n      operationId: same\n      {OK}\n",
        {"/paths/~1b/get/operationId": "Operation ID 'same' for 'get' in '/b' is not unique"},
    ),
    "unresolved-path-parameter": (
        HEAD_30 + f"paths:\n  /items/{{id}}:\n    get: {{{OK}}}\n",
        {"/paths/~1items~1{id}/get": "Path parameter 'id' for 'get' operation in '/items/{id}' was not resolved"},
    ),
    "extra-path-parameter": (
        HEAD_30
        + "paths:\n  /items:\n    parameters:\n      - {name: id, in: path, required: true, schema: {type: string}}\n"
        + f"    get: {{{OK}}}\n",
        {"/paths/~1items/parameters/0": "Path parameter 'id' for 'get' operation in '/items' was not resolved"},
    ),
    "duplicate-parameter": (
        HEAD_30
        + "paths:\n  /x:\n    get:\n      parameters:\n        - {name: q, in: query, schema: {type: string}}\n"
        + f"        - $ref: '#/components/parameters/Q'\n      {OK}\n"
        + "components:\n  parameters:\n    Q: {name: q, in: query, schema: {type: integer}}\n",
        {"/paths/~1x/get/parameters/1": "Duplicate parameter 'q'"},
    ),
    "required-not-defined-with-allOf": (
        HEAD_30
        + "paths: {}\ncomponents:\n  schemas:\n    Base: {type: object, properties: {id: {type: string}}}\n"
        + "    Pet:\n      allOf: [{$ref: '#/components/schemas/Base'}]\n      required: [id, name, age]\n",
        {"/components/schemas/Pet/required/1": "Required list has not defined properties: ['age', 'name']"},
    ),
    "invalid-default": (
        HEAD_30
        + "paths: {}\ncomponents:\n  schemas:\n    Count: {type: integer, minimum: 1, default: 0}\n"
        + "    Box:\n      type: object\n      properties:\n        inner:\n          type: object\n"
        + "          properties: {a: {type: string}, b: {type: string, format: date}}\n"
        + "          default: {a: 5, b: '2020-13-01'}\n"
        + "    Name: {type: string, default: null}\n",
        {
            "/components/schemas/Count/default": "0 is less than the minimum of 1",
            "/components/schemas/Box/properties/inner/default/a": "5 is not of type 'string'",
            "/components/schemas/Box/properties/inner/default/b": "'2020-13-01' is not a 'date'",
            "/components/schemas/Name/default": "None for not nullable|None is not of type 'string'",
        },
    ),
    "meta-schema-30": (  # draft 4 wants `maximum` beside `exclusiveMaximum`; the 3.0 JSON Schema does not
        HEAD_30 + "paths: {}\ncomponents:\n  schemas:\n    Bad: {type: integer, exclusiveMaximum: true}\n",
        {"/components/schemas/Bad": "'maximum' is a required property"},
    ),
    "meta-schema-31": (  # 3.1's JSON Schema leaves schemas to the meta-schema check
        HEAD_31
        + "components:\n  schemas:\n    Bad: {type: strin}\n"
        + "    Pet:\n      type: object\n      properties:\n        kind: {type: string, discriminator: {mapping: {}}}\n"
        + "    Both: {type: [string], minimum: x, maxLength: -1}\n",
        {
            "/components/schemas/Bad/type": "is not valid under any of the schemas",
            "/components/schemas/Pet/properties/kind/discriminator": "'propertyName' is a required property",
            "/components/schemas/Both/minimum": "'x' is not of type 'number'",  # python-jsonschema's first
        },
    ),
    "dialects-31": (  # each schema's $schema, else the document's jsonSchemaDialect, picks the meta-schema
        HEAD_31
        + "jsonSchemaDialect: https://json-schema.org/draft/2020-12/schema\ncomponents:\n  schemas:\n"
        + "    Plain: {discriminator: {mapping: 5}}\n"  # no OpenAPI vocabulary: not checked
        + "    Oas: {$schema: 'https://spec.openapis.org/oas/3.1/dialect/base', discriminator: {mapping: 5}}\n"
        + "    Seven: {$schema: 'http://json-schema.org/draft-07/schema#', type: foo}\n"
        + "    Elsewhere: {$schema: 'https://example.com/dialect'}\n"
        + "    Number: {$schema: 5}\n",
        {
            "/components/schemas/Oas/discriminator/mapping": "5 is not of type 'object'",
            "/components/schemas/Seven/type": "is not valid under any of the schemas",
            "/components/schemas/Elsewhere/$schema": "Unknown JSON Schema dialect: 'https://example.com/dialect'",
            "/components/schemas/Number/$schema": "Unknown JSON Schema dialect: 5",
        },
    ),
    "duplicate-tag": (
        HEAD_30 + "tags:\n  - {name: pets}\n  - {name: pets, description: again}\npaths: {}\n",
        {"/tags/1/name": "Duplicate tag name 'pets'"},
    ),
    "structural": (
        "openapi: 3.0.3\ninfo:\n  title: No version\npaths: {}\n",
        {},  # '"version" is a required property' at /info, checked in test_structural_problem_is_located
    ),
    # the library's finer rules, kept
    "seen-nested-first": (  # a schema walked inside another first is not checked against allOf later
        HEAD_30
        + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n"
        + "          content:\n            application/json:\n              schema:\n"
        + "                properties: {pet: {$ref: '#/components/schemas/Pet'}}\n"
        + "components:\n  schemas:\n    Pet: {allOf: [{type: object}], required: [name]}\n",
        {},
    ),
    "one-meta-check-per-object": (  # `true` is one object: checked (and reported) once
        HEAD_30 + "paths: {}\ncomponents:\n  schemas:\n    Any: true\n    Also: true\n",
        {"/components/schemas/Any": "true is not of type 'object'"},
    ),
    "nullable-default": (
        HEAD_30 + "paths: {}\ncomponents:\n  schemas:\n    Maybe: {type: string, nullable: true, default: null}\n",
        {},
    ),
    "is-valid-stops-at-the-first-error": (  # so the endless schema behind `not` is never reached
        HEAD_31  # (`if` keeps the value, as allOf does; the library's walk does not follow it)
        + "x-endless: {if: {$ref: '#/x-endless'}}\ncomponents:\n  schemas:\n"
        + "    Short:\n      not: {allOf: [{maxLength: 1}, {$ref: '#/x-endless'}]}\n      default: abc\n",
        {},
    ),
    "default-left-to-the-library-30": (  # a discriminator changes what oneOf means in 3.0
        HEAD_30
        + "paths: {}\ncomponents:\n  schemas:\n"
        + "    Cat: {type: object, required: [kind, lives], properties: {kind: {type: string}, lives: {type: integer}}}\n"
        + "    Dog: {type: object, required: [kind], properties: {kind: {type: string}}}\n"
        + "    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]\n"
        + "      discriminator: {propertyName: kind}\n      default: {kind: Cat}\n",
        {"/components/schemas/Pet/default": "'lives' is a required property"},
    ),
    "default-left-to-the-library-31": (
        HEAD_31
        + "components:\n  schemas:\n    Closed:\n      type: object\n      properties: {a: {type: string}}\n"
        + "      unevaluatedProperties: false\n      default: {a: x, b: 1}\n",
        {"/components/schemas/Closed/default": "Unevaluated properties are not allowed ('b' was unexpected)"},
    ),
    "defaults-31": (
        HEAD_31
        + "components:\n  schemas:\n    Small: {type: [integer, 'null'], exclusiveMaximum: 3, default: 3}\n"
        + "    Tuple: {type: array, prefixItems: [{type: string}], items: false, default: [a, b]}\n"
        + "    Const: {const: x, default: y}\n"
        + "    Dep: {type: object, dependentRequired: {a: [b]}, default: {a: 1}}\n",
        {
            "/components/schemas/Small/default": "3 is greater than or equal to the maximum of 3",
            "/components/schemas/Tuple/default": "Expected at most 1 item but found 1 extra: 'b'",
            "/components/schemas/Const/default": "'x' was expected",
            "/components/schemas/Dep/default": "'b' is a dependency of 'a'",
        },
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("broken")
    docs = {}
    for name, (text, _) in BROKEN.items():
        (folder / f"{name}.yaml").write_text(text)
        docs[name] = load(folder / f"{name}.yaml")
    return docs


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_document_same_problems_as_the_library_each_at_its_node(name: str, broken: dict[str, Document]) -> None:
    semantic = assert_same_problems(broken[name])
    expected = BROKEN[name][1]
    assert {pointer for pointer, _ in semantic} == set(expected)
    for pointer, message in semantic:  # quoted the Python way, or the JSON way (jsonschema-rs)
        assert any(part in message.replace('"', "'") for part in expected[pointer].split("|")), (pointer, message)


def test_structural_problem_is_located(broken: dict[str, Document]) -> None:
    [problem] = validate(broken["structural"])
    assert (problem.pointer, problem.message) == ("/info", '"version" is a required property')
    assert (problem.location.line, problem.code, problem.severity) == (3, "oas-schema", "warning")


def test_semantic_problem_is_located_in_the_source(broken: dict[str, Document]) -> None:
    [problem] = validate(broken["duplicate-operation-id"], severity="error")
    assert problem.severity == "error"
    assert problem.location.line == 8  # `operationId: same` under /b


def test_limit_keeps_the_first_problems() -> None:
    doc = Document(
        data={"openapi": "3.0.3", "info": {"title": "t"}, "paths": {"/{a}": {"get": {}}, "/{b}": {"get": {}}}},
        root_file="x.yaml",
    )
    assert len(validate(doc, limit=EVERYTHING)) == 5  # version, 2 x responses, 2 x path parameter
    assert [d.message for d in validate(doc, limit=1)] == ['"version" is a required property']


# -- what the library cannot take -------------------------------------------------------


def _doc(version: str = "3.0.3", **fields: Any) -> Document:
    data = {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {}}
    data.update(fields)
    return Document(data=data, root_file="mem.yaml")


def _problems(doc: Document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in validate(doc, limit=EVERYTHING):
        found.setdefault(d.pointer, []).append(d.message)
    return found


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize("levels", [1000])
def test_deep_nesting_gives_a_clean_result(version: str, levels: int) -> None:
    schema: Any = {"type": "integer", "default": "x"}
    for _ in range(levels):
        schema = {"type": "object", "properties": {"a": schema}}
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    deep_value = {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Value"}, "default": value}
    found = _problems(_doc(version, components={"schemas": {"Deep": schema, "Value": deep_value}}))
    assert found == {
        "/components/schemas/Deep" + "/properties/a" * levels + "/default": ["'x' is not of type 'integer'"],
        "/components/schemas/Value/default": ["the default cannot be checked: its schema nests too deeply"],
    }


def test_too_deep_a_document_is_refused_cleanly() -> None:
    node: Any = {}
    for _ in range(5000):
        node = {"a": node}
    assert _problems(_doc(**{"x-deep": node})) == {"": ["the document nests more than 2500 levels deep; it is not validated"]}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_cyclic_schemas(version: str) -> None:
    ref = "#/components/schemas/"
    schemas = {
        "Self": {"allOf": [{"$ref": ref + "Self"}], "required": ["x"], "default": {}},
        "Tree": {"type": "array", "items": {"$ref": ref + "Tree"}, "default": [[[]], []]},
        "Node": {"type": "object", "properties": {"next": {"$ref": ref + "Node"}}, "default": {"next": {"next": {"next": 5}}}},
        "Ping": {"$ref": ref + "Pong"},
        "Pong": {"$ref": ref + "Ping"},
        "Mutual": {"allOf": [{"$ref": ref + "Other"}], "required": ["o", "m"]},
        "Other": {"allOf": [{"$ref": ref + "Mutual"}], "properties": {"o": {"type": "string"}}},
    }
    found = _problems(_doc(version, components={"schemas": schemas}))
    assert found == {
        "/components/schemas/Self/required/0": ["Required list has not defined properties: ['x']"],
        "/components/schemas/Self/default": ["the default cannot be checked: its schema refers to itself without end"],
        "/components/schemas/Node/default/next/next/next": ["5 is not of type 'object'"],
        "/components/schemas/Pong/$ref": ["$ref '#/components/schemas/Ping' is circular: it leads back to itself"],
        "/components/schemas/Ping/$ref": ["$ref '#/components/schemas/Pong' is circular: it leads back to itself"],
        "/components/schemas/Mutual/required/1": ["Required list has not defined properties: ['m']"],
    }


def test_odd_nodes_are_reported_not_raised() -> None:
    doc = _doc(
        paths={
            "/a/{id}": {"get": None, "put": 5, "parameters": "none"},
            "/b": {"get": {"parameters": [{"$ref": "#/components/parameters/Nope"}, 7, {"in": "path"}], "responses": []}},
            "/c/{x": {"get": {"responses": {"200": {"content": {"a/b": {"schema": 5}}}}}},
            "/d": {"$ref": "other.yaml#/paths/d"},
            "/e": {"get": {"operationId": ["unhashable"], "responses": {"200": {"$ref": "#nope"}}}},
            "/f": {"get": {"operationId": ["unhashable"], "responses": "many"}},
        },
        components={
            "schemas": {
                "Odd": {"allOf": "x", "anyOf": {"a": 5}, "properties": [1], "required": [["x"]], "items": [1], "default": b"x"},
                "Loose": {"type": ["string", None], "default": 1},
            },
        },
        tags=[{"name": ["x"]}, 5, {"$ref": "#/tags/0"}],
    )
    found = _problems(doc)
    assert found["/paths/~1b/get/parameters/0/$ref"] == ["$ref '#/components/parameters/Nope' does not resolve"]
    assert found["/paths/~1d/$ref"] == ["$ref 'other.yaml#/paths/d' is not followed: only references within the document are"]
    assert found["/paths/~1e/get/responses/200/$ref"] == ["$ref '#nope' does not resolve: only JSON pointer fragments are followed"]
    assert "the path template '/c/{x' cannot be read: expected '}' before end of string" in found["/paths/~1c~1{x/get"]
    assert "5 is not of type 'object', 'boolean'" in found["/paths/~1c~1{x/get/responses/200/content/a~1b/schema"]
    assert "Path parameter 'id' for 'get' operation in '/a/{id}' was not resolved" in found["/paths/~1a~1{id}/get"]
    assert found["/paths/~1f/get/operationId"] == ["Operation ID '['unhashable']' for 'get' in '/f' is not unique"]
    assert found[""] == ["the document holds a value that is not JSON: Unsupported type: 'bytes'"]


def test_a_reference_to_a_name_close_to_one_that_exists_says_which() -> None:
    """HubSpot's CMS HubDB names `HubDbTableRowV3Wrapper`, which it does not have:
    validation, lint and generate each suggest `HubDbTableRowV3`; a name like none, nothing."""
    doc = _doc(components={"schemas": {
        "HubDbTableRowV3": {"type": "object"},
        "Page": {"type": "object", "properties": {
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/HubDbTableRowV3Wrapper"}},
            "other": {"$ref": "#/components/schemas/Zebra"}}}}})
    found = _problems(doc)
    assert found["/components/schemas/Page/properties/results/items/$ref"] == [
        "$ref '#/components/schemas/HubDbTableRowV3Wrapper' does not resolve (did you mean 'HubDbTableRowV3'?)"]
    assert found["/components/schemas/Page/properties/other/$ref"] == ["$ref '#/components/schemas/Zebra' does not resolve"]
    resolver = openapi.Resolver(doc.data)
    with pytest.raises(openapi.UnresolvedRef, match=r"cannot be resolved \(did you mean 'HubDbTableRowV3'\?\)"):
        resolver.resolve({"$ref": "#/components/schemas/HubDbTableRowV3Wrapper"}, "/x")


def test_a_default_the_library_fails_on_is_reported() -> None:
    found = _problems(_doc(components={"schemas": {"T": {"type": "null", "default": 1}, "R": {"$ref": "#/nope", "default": 1}}}))
    [message] = found["/components/schemas/T/default"]  # OpenAPI 3.0 has no type null: python-jsonschema fails
    assert message.startswith("the default cannot be checked: Unknown type 'null' for validator with schema")
    assert found["/components/schemas/R/$ref"] == ["$ref '#/nope' does not resolve"]


def test_meta_schemas_and_the_library_are_not_imported_for_plain_documents() -> None:
    code = (
        "import sys\n"
        "from generator.load import load\n"
        "from generator.validate import validate\n"
        f"assert validate(load({str(REPO / 'spec' / 'openapi.yaml')!r})) == []\n"
        "heavy = [m for m in ('openapi_spec_validator', 'openapi_schema_validator', 'jsonschema', 'referencing', 'pydantic') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_documents_are_not_changed() -> None:
    doc = _loaded(OWN_SPECS[0])
    before = copy.deepcopy(doc.data)
    validate(doc)
    assert doc.data == before
