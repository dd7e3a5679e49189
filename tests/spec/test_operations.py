"""The spec covers exactly the 53 seed operations, and each operation is complete.

The seed list is ../shared/seeds/OPERATIONS.tsv (method and exact path). Every
operation needs a unique snake_case operationId, exactly one tag declared at
the top level with a description, a summary and a description, a security
requirement whose scopes the scheme declares in `x-scopes` (or `x-public`),
error responses in PostHog's `{type, code, detail, attr}` format, and a 2xx
response whose JSON body is a named component schema.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from _spec_support import bundled, deref, operations, ref_name, seed_operations

DATA = bundled().data
OPS = list(operations(DATA))
OP_IDS = [f"{method} {path}" for method, path, _ in OPS]

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]+\+)?json$")
ERROR_SCHEMA = "ErrorResponse"
#: path parameters that do not name an object, so do not call for a 404
SCOPE_PARAMS = {"project_id"}

#: (operationId, status) -> why that error response is not an ErrorResponse
ERROR_FORMAT_EXCEPTIONS = {
    ("query_retrieve", "400"): "a failed query answers 400 with its QueryStatusResponse (error, error_message)",
    ("environments_query_retrieve", "400"): "a failed query answers 400 with its QueryStatusResponse (error, error_message)",
}
#: operationId -> why an operation on a path with an object id has no 404
NO_404 = {
    "query_destroy": "the server answers 200 for an unknown query id too (nothing to revoke)",
    "environments_query_destroy": "the server answers 200 for an unknown query id too (nothing to revoke)",
}


def effective_security(op: dict[str, Any]) -> list[dict[str, list[str]]]:
    return op["security"] if "security" in op else DATA.get("security", [])


def is_authenticated(op: dict[str, Any]) -> bool:
    return bool(effective_security(op)) and not op.get("x-public")


def path_params(path: str) -> list[str]:
    return re.findall(r"\{([^}]+)\}", path)


# ---------------------------------------------------------------------------
# Coverage of the seed list


def test_seed_list_has_53_distinct_operations() -> None:
    seeds = seed_operations()
    assert len(seeds) == 53, f"OPERATIONS.tsv lists {len(seeds)} operations, expected 53"
    assert len(set(seeds)) == len(seeds), "OPERATIONS.tsv lists an operation twice"


def test_every_seed_operation_is_in_the_spec() -> None:
    spec_ops = {(method, path) for method, path, _ in OPS}
    missing = [op for op in seed_operations() if op not in spec_ops]

    def near(method: str, path: str) -> str:
        shape = re.sub(r"\{[^}]+\}", "{}", path).rstrip("/")
        hints = [
            f"{m} {p}"
            for m, p in sorted(spec_ops)
            if re.sub(r"\{[^}]+\}", "{}", p).rstrip("/") == shape and (m, p) != (method, path)
        ]
        return f" (spec has: {', '.join(hints)})" if hints else ""

    assert not missing, "seed operations missing from the spec or differing in method/path:\n" + "\n".join(
        f"  {m} {p}{near(m, p)}" for m, p in missing
    )


def test_spec_has_no_operation_outside_the_seed_list() -> None:
    seeds = set(seed_operations())
    extra = [f"{m} {p}" for m, p, _ in OPS if (m, p) not in seeds]
    assert not extra, "spec operations not in OPERATIONS.tsv:\n  " + "\n  ".join(extra)


# ---------------------------------------------------------------------------
# Identity, tags, texts


def test_operation_ids_are_unique() -> None:
    seen: dict[str, str] = {}
    dupes = []
    for method, path, op in OPS:
        op_id = op.get("operationId")
        if op_id in seen:
            dupes.append(f"{op_id}: {seen[op_id]} and {method} {path}")
        seen.setdefault(op_id, f"{method} {path}")
    assert not dupes, "duplicate operationIds:\n  " + "\n  ".join(dupes)


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_operation_id_is_snake_case(method: str, path: str, op: dict[str, Any]) -> None:
    op_id = op.get("operationId")
    assert isinstance(op_id, str) and SNAKE_CASE.match(op_id), f"operationId {op_id!r} is not snake_case"


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_operation_has_one_declared_tag(method: str, path: str, op: dict[str, Any]) -> None:
    tags = op.get("tags")
    assert isinstance(tags, list) and len(tags) == 1, f"expected exactly one tag, got {tags!r}"
    declared = {t.get("name"): t for t in DATA.get("tags", [])}
    assert tags[0] in declared, f"tag {tags[0]!r} is not declared under the root `tags`"
    assert str(declared[tags[0]].get("description") or "").strip(), f"tag {tags[0]!r} has no description"


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_operation_has_summary_and_description(method: str, path: str, op: dict[str, Any]) -> None:
    assert str(op.get("summary") or "").strip(), "no summary"
    assert str(op.get("description") or "").strip(), "no description"


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_path_parameters_are_declared(method: str, path: str, op: dict[str, Any]) -> None:
    params = [deref(DATA, p) for p in DATA["paths"][path].get("parameters", []) + op.get("parameters", [])]
    declared = sorted(p["name"] for p in params if p.get("in") == "path")
    assert declared == sorted(path_params(path)), f"path parameters {declared} do not match the path template"
    assert all(p.get("required") is True for p in params if p.get("in") == "path")


# ---------------------------------------------------------------------------
# Security


def test_security_scheme_declares_its_scopes() -> None:
    schemes = DATA["components"]["securitySchemes"]
    for name, scheme in schemes.items():
        scopes = scheme.get("x-scopes")
        assert isinstance(scopes, dict) and scopes, f"security scheme {name} has no x-scopes map"
        for scope, text in scopes.items():
            assert isinstance(text, str) and text.strip(), f"{name} x-scopes[{scope!r}] has no description"


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_operation_security_uses_declared_scopes(method: str, path: str, op: dict[str, Any]) -> None:
    assert "security" in op, "the operation does not state its security requirement"
    security = op["security"]
    if op.get("x-public"):
        assert security == [], "x-public operations must say `security: []`"
        return
    assert security, "`security: []` needs `x-public: true`"
    schemes = DATA["components"]["securitySchemes"]
    for requirement in security:
        assert requirement, "an empty requirement object makes the operation public; use x-public"
        for name, scopes in requirement.items():
            assert name in schemes, f"unknown security scheme {name!r}"
            declared = schemes[name].get("x-scopes") or {}
            unknown = [s for s in scopes if s not in declared]
            assert not unknown, f"scopes {unknown} are not declared in {name}.x-scopes"


# ---------------------------------------------------------------------------
# Responses


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_operation_has_error_responses(method: str, path: str, op: dict[str, Any]) -> None:
    responses = op.get("responses") or {}
    op_id = op.get("operationId")
    needed = []
    if is_authenticated(op):
        needed += ["401", "403", "429"]
    if op.get("requestBody"):
        needed.append("400")
    if any(p not in SCOPE_PARAMS for p in path_params(path)) and op_id not in NO_404:
        needed.append("404")
    missing = [code for code in needed if code not in responses]
    assert not missing, f"missing error responses {missing}"


def test_error_schema_is_posthog_format() -> None:
    schema = DATA["components"]["schemas"][ERROR_SCHEMA]
    assert set(schema.get("properties", {})) == {"type", "code", "detail", "attr"}
    assert set(schema.get("required", [])) >= {"type", "code", "detail"}


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_error_responses_use_posthog_format(method: str, path: str, op: dict[str, Any]) -> None:
    wrong = []
    for code, response in (op.get("responses") or {}).items():
        if code[:1] not in ("4", "5") or (op.get("operationId"), code) in ERROR_FORMAT_EXCEPTIONS:
            continue
        content = deref(DATA, response).get("content") or {}
        schema = (content.get("application/json") or {}).get("schema")
        if ref_name(schema) != ERROR_SCHEMA:
            wrong.append(code)
    assert not wrong, f"error responses {wrong} are not application/json {ERROR_SCHEMA}"


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=OP_IDS)
def test_success_response_has_named_schema(method: str, path: str, op: dict[str, Any]) -> None:
    successes = {code: deref(DATA, r) for code, r in (op.get("responses") or {}).items() if code.startswith("2")}
    assert successes, "no 2xx response"
    for code, response in successes.items():
        for media, body in (response.get("content") or {}).items():
            schema = body.get("schema")
            assert isinstance(schema, dict) and schema, f"{code} {media}: no schema"
            if not JSON_MEDIA.match(media):
                continue
            name = ref_name(schema)
            assert name and schema["$ref"].startswith("#/components/schemas/"), (
                f"{code} {media}: the schema must be a $ref to a named component, got {schema!r}"
            )
            target = deref(DATA, schema)
            shape_keys = {"type", "anyOf", "oneOf", "allOf", "enum", "const", "properties", "items"}
            assert shape_keys & set(target), f"{code} {media}: component {name} is a bare schema"
