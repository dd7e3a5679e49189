"""Validation with openapi-spec-validator, reported at source positions."""

from __future__ import annotations

from typing import Any

from .diagnostics import VERSION, Diagnostic, SpecError, code
from .load import Document, escape_pointer

OAS_SCHEMA = code("oas-schema", "error", "The document is valid OpenAPI (openapi-spec-validator).")


def check_version(doc: Document) -> str:
    """'3.0' or '3.1'; anything else is refused with one clear line."""
    data = doc.data
    if "swagger" in data:
        raise SpecError(
            f"this is a Swagger {data.get('swagger')} document; only OpenAPI 3.0 and 3.1 are supported "
            "(convert it first, e.g. with swagger2openapi)",
            doc.locate("/swagger"),
            code=VERSION,
        )
    version = str(data.get("openapi") or "")
    if version.startswith("3.0"):
        return "3.0"
    if version.startswith("3.1"):
        return "3.1"
    if not version:
        raise SpecError("not an OpenAPI document: there is no `openapi` version field", doc.locate(""), code=VERSION)
    raise SpecError(f"OpenAPI {version} is not supported; use 3.0.x or 3.1.x", doc.locate("/openapi"), code=VERSION)


_VALIDATORS: dict[str, Any] = {}


def _validator_class(version: str) -> Any:
    """openapi-spec-validator's validator for `version`, with the OpenAPI schema's
    reference registry crawled once.

    The library builds its schema validator with an uncrawled registry, so every
    `$dynamicRef` in the OpenAPI 3.1 schema re-crawls the whole schema (about a third of
    the time of validating a spec). Crawling is idempotent: the same errors come out, in
    the same order, faster.
    """
    cls = _VALIDATORS.get(version)
    if cls is not None:
        return cls
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    base = OpenAPIV31SpecValidator if version == "3.1" else OpenAPIV30SpecValidator
    cls = base
    try:
        from jsonschema.validators import validator_for
        from openapi_spec_validator.schemas import get_validator_backend, schema_v30, schema_v31

        schema = dict(schema_v31 if version == "3.1" else schema_v30)
        if get_validator_backend() == "jsonschema-rs":
            cls = type(f"Concise{base.__name__}", (base,), {"schema_validator": _concise_rs_validator(schema)})
            _VALIDATORS[version] = cls
            return cls
        if get_validator_backend() != "jsonschema":
            raise LookupError("another backend: leave it as it is")

        schema_validator_cls = validator_for(schema)
        plain = schema_validator_cls(schema)
        if hasattr(plain, "_resolver") and type(plain).__name__ != "JsonschemaRsValidatorWrapper":
            resolver = plain._resolver
            crawled = resolver._registry.crawl().resolver(base_uri=resolver._base_uri)
            fast_schema_validator = schema_validator_cls(schema, _resolver=crawled)
            cls = type(f"Crawled{base.__name__}", (base,), {"schema_validator": fast_schema_validator})
    except Exception:  # a library layout we do not know: the plain validator is only slower
        cls = base
    _VALIDATORS[version] = cls
    return cls


def _concise_rs_validator(schema: dict[str, Any]) -> Any:
    """openapi-spec-validator's jsonschema-rs backend (the structural check in Rust, 2-6x
    faster than the Python one), keeping the Rust error's one-line message rather than
    its verbose form (which repeats the schema path and the whole instance)."""
    from openapi_spec_validator.schemas.backend.jsonschema_rs import (
        JsonschemaRsValidatorWrapper,
        create_validator,
    )

    class Concise(JsonschemaRsValidatorWrapper):  # type: ignore[misc]
        def _convert_rust_error(self, rust_error: Any, instance: Any) -> Any:
            error = super()._convert_rust_error(rust_error, instance)
            message = getattr(rust_error, "message", None)
            if isinstance(message, str) and message:
                error.message = message
            return error

    return Concise(schema, create_validator(schema)._rs_validator)


_LIMIT = 50


def validate(doc: Document, severity: str = "warning", limit: int = _LIMIT) -> list[Diagnostic]:
    """Problems openapi-spec-validator finds, at most `limit`, each with a location."""
    return sorted(
        Diagnostic(doc.locate(pointer), severity, OAS_SCHEMA.id, message, pointer) for message, pointer in _found(doc, limit)
    )


def _found(doc: Document, limit: int) -> list[tuple[str, str]]:
    """(message, pointer) of the first `limit` problems, in the validator's order."""
    version = check_version(doc)
    validator_class = _validator_class(version)
    found: list[tuple[str, str]] = []
    try:
        for error in validator_class(doc.data).iter_errors():
            path = getattr(error, "absolute_path", None) or getattr(error, "path", None) or []
            pointer = "".join("/" + escape_pointer(str(part)) for part in path)
            message = " ".join(str(getattr(error, "message", error)).split())
            if len(message) > 300:
                message = message[:297] + "..."
            found.append((message, pointer))
            if len(found) >= limit:
                break
    except RecursionError:
        found.append(("the document nests too deeply to validate", ""))
    except Exception as exc:  # the validator's own failures (unresolvable refs, ...) are findings too
        message = " ".join(str(exc).split())[:300]
        found.append((f"validation stopped: {message}", ""))
    return found
