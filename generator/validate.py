"""Structural validation with openapi-spec-validator, reported at source positions."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Location, SpecError
from .load import Document, escape_pointer


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    pointer: str


def check_version(doc: Document) -> str:
    """'3.0' or '3.1'; anything else is refused with one clear line."""
    data = doc.data
    if "swagger" in data:
        raise SpecError(
            f"this is a Swagger {data.get('swagger')} document; only OpenAPI 3.0 and 3.1 are supported "
            "(convert it first, e.g. with swagger2openapi)",
            doc.locate("/swagger"),
        )
    version = str(data.get("openapi") or "")
    if version.startswith("3.0"):
        return "3.0"
    if version.startswith("3.1"):
        return "3.1"
    if not version:
        raise SpecError("not an OpenAPI document: there is no `openapi` version field", doc.locate(""))
    raise SpecError(f"OpenAPI {version} is not supported; use 3.0.x or 3.1.x", doc.locate("/openapi"))


def validate(doc: Document, limit: int = 50) -> list[Problem]:
    """Problems openapi-spec-validator finds, at most `limit`, each with a location."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    version = check_version(doc)
    validator_class = OpenAPIV31SpecValidator if version == "3.1" else OpenAPIV30SpecValidator
    problems: list[Problem] = []
    try:
        for error in validator_class(doc.data).iter_errors():
            path = getattr(error, "absolute_path", None) or getattr(error, "path", None) or []
            pointer = "".join("/" + escape_pointer(str(part)) for part in path)
            message = " ".join(str(getattr(error, "message", error)).split())
            if len(message) > 300:
                message = message[:297] + "..."
            problems.append(Problem(doc.locate(pointer), message, pointer))
            if len(problems) >= limit:
                break
    except RecursionError:
        problems.append(Problem(doc.locate(""), "the document nests too deeply to validate", ""))
    except Exception as exc:  # the validator's own failures (unresolvable refs, ...) are findings too
        message = " ".join(str(exc).split())[:300]
        problems.append(Problem(doc.locate(""), f"validation stopped: {message}", ""))
    return sorted(problems)
