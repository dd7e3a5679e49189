"""Structural validation with openapi-spec-validator, reported at source positions."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

        if get_validator_backend() != "jsonschema":
            raise LookupError("another backend: leave it as it is")

        schema = dict(schema_v31 if version == "3.1" else schema_v30)
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


def _typed(value: object) -> str:
    return f"\0{type(value).__module__}.{type(value).__qualname__}:{value!r}"


def fingerprint(doc: Document) -> str:
    """A hash of the bundled document and of everything validation depends on: equal
    fingerprints mean validation finds the same problems. JSON keeps 1, "1", 1.0 and
    true apart; keys are always strings in a loaded document; anything else a YAML tag
    may produce is written with its type. The text is the same on every machine, so the
    committed manifest can carry it."""
    payload = json.dumps(doc.data, ensure_ascii=False, separators=(",", ":"), default=_typed)
    digest = hashlib.sha256(f"{_versions_prefix()}\0".encode())
    digest.update(payload.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def validate(doc: Document, limit: int = 50) -> list[Problem]:
    """Problems openapi-spec-validator finds, at most `limit`, each with a location."""
    version = check_version(doc)
    validator_class = _validator_class(version)
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


# -- not validating twice -----------------------------------------------------
#
# validate() costs about a second on a big spec. `validate_cached` gives the same answer
# without running it when it can prove the answer:
#
# * the same document (same fingerprint) was validated before: its problems are kept in
#   the cache folder (and a clean result in the output's manifest, see pipeline.py);
# * only path items changed since a document that validated cleanly: everything else
#   (components, info, tags, servers, ...) is byte-identical. openapi-spec-validator
#   checks each path item on its own (the OpenAPI schema validates `paths` property by
#   property; its keyword validators walk one path item at a time) except for one thing,
#   duplicate operationIds, which is checked here over the whole document. So the
#   document is clean when a copy holding only the changed path items (and everything
#   else) is clean and no operationId repeats. When that copy has any problem, or an
#   operationId repeats, the whole document is validated, so what is reported is always
#   exactly what validate() reports.

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _part_hash(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_typed)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _parts(doc: Document, fp_prefix: str) -> tuple[str, dict[str, str]]:
    """(hash of everything but `paths`, hash per path item)."""
    data = doc.data
    paths = data.get("paths")
    rest = {k: v for k, v in data.items() if k != "paths"}
    root = _part_hash([fp_prefix, rest, isinstance(paths, dict)])
    items = {str(k): _part_hash(v) for k, v in paths.items()} if isinstance(paths, dict) else {}
    return root, items


def _unique_operation_ids(doc: Document) -> bool:
    seen: set[object] = set()
    paths = doc.data.get("paths")
    for item in (paths.values() if isinstance(paths, dict) else ()):
        if not isinstance(item, dict):
            return False  # let the full validation say what is wrong
        for method in _METHODS:
            op = item.get(method)
            if isinstance(op, dict) and "operationId" in op:
                op_id = op["operationId"]
                if op_id is None:
                    continue
                try:
                    if op_id in seen:
                        return False
                    seen.add(op_id)
                except TypeError:  # unhashable: not a valid operationId anyway
                    return False
    return True


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written is only slower


def _versions_prefix() -> str:
    try:
        from importlib.metadata import version as dist_version

        validator_version = dist_version("openapi-spec-validator")
    except Exception:  # pragma: no cover
        validator_version = "?"
    from . import __version__

    return f"sdkgen-{__version__}/osv-{validator_version}"


def validate_cached(doc: Document, fp: str, store: Path | None) -> list[Problem]:
    """validate(doc), or the same answer from the cache folder `store` (see above)."""
    if store is None:
        return validate(doc)
    saved = _read_json(store / f"{fp}.json")
    if isinstance(saved, list):
        try:
            return sorted(Problem(doc.locate(pointer), message, pointer) for message, pointer in saved)
        except (TypeError, ValueError):
            pass
    root, items = _parts(doc, _versions_prefix())
    base = _read_json(store / f"root-{root}.json")
    problems: list[Problem] | None = None
    if isinstance(base, dict) and isinstance(doc.data.get("paths"), dict):
        changed = {k: v for k, v in doc.data["paths"].items() if base.get(str(k)) != items.get(str(k))}
        if _unique_operation_ids(doc) and (not changed or not validate(Document({**doc.data, "paths": changed}, doc.root_file, doc.locations, doc.files, doc.data_sources), limit=1)):
            problems = []
    if problems is None:
        problems = validate(doc)
    _write_json(store / f"{fp}.json", [[p.message, p.pointer] for p in problems])
    if not problems:
        _write_json(store / f"root-{root}.json", items)
    return problems
