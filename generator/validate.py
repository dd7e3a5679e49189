"""Structural validation with openapi-spec-validator, reported at source positions."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Location, SpecError
from .load import Document, escape_pointer, unescape_pointer


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


_LIMIT = 50


def validate(doc: Document, limit: int = _LIMIT) -> list[Problem]:
    """Problems openapi-spec-validator finds, at most `limit`, each with a location."""
    return sorted(Problem(doc.locate(pointer), message, pointer) for message, pointer in _found(doc, limit))


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


# -- not validating twice -----------------------------------------------------
#
# validate() costs about a second on a big spec. `validate_cached` gives the same answer
# without running it when it can prove the answer:
#
# * the same document (same fingerprint) was validated before: its problems are kept in
#   the cache folder (and a clean result in the output's manifest, see pipeline.py);
# * only path items changed since a document validated before: everything else
#   (components, info, tags, servers, ...) is byte-identical. openapi-spec-validator
#   checks each path item on its own (the OpenAPI schema validates `paths` property by
#   property; its keyword validators walk one path item at a time) except for one thing,
#   duplicate operationIds, which is checked here over the whole document. So when the
#   earlier document had no problem in the path items that changed (or went away), and
#   the changed path items have none either, the new document's problems are exactly
#   the earlier one's: the validator meets the same errors in the same order, so even a
#   list cut at `limit` is the same. The changed path items are checked in a copy that
#   keeps only the components they reach (the rest is unchanged and was checked). When
#   anything does not fit, the whole document is validated, so what is reported is
#   always exactly what validate() reports.

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_COMPONENT_REF = "#/components/"
_REFERENCED_SECTIONS = frozenset(
    "schemas responses parameters examples requestBodies headers links callbacks pathItems".split()
)


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


def _reached_components(start: object, components: dict[str, Any]) -> dict[str, Any] | None:
    """The components `start` reaches through references, section by section; None when
    a reference is of a kind this cannot follow (then everything is kept)."""
    kept: dict[str, dict[str, Any]] = {}
    todo = [start]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            todo.extend(node.values())
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith(_COMPONENT_REF):
                return None
        elif isinstance(node, list):
            todo.extend(node)
        elif isinstance(node, str) and node.startswith(_COMPONENT_REF):
            # $ref values, and discriminator mappings that name components
            parts = node[len(_COMPONENT_REF):].split("/")
            if len(parts) < 2:
                return None
            section, name = parts[0], unescape_pointer(parts[1])
            target = components.get(section)
            if isinstance(target, dict) and name in target and name not in kept.setdefault(section, {}):
                kept[section][name] = target[name]
                todo.append(target[name])
    # sections of named definitions shrink to what is reached; others (securitySchemes,
    # named in security requirements rather than referenced) stay whole
    return {
        section: dict(kept.get(section, {})) if section in _REFERENCED_SECTIONS and isinstance(value, dict) else value
        for section, value in components.items()
    }


def _placed(pointer: str, touched: list[str]) -> bool:
    """The pointer is absolute, in the components or in a path item that did not change."""
    if pointer.startswith("/components/"):
        return True
    return pointer.startswith("/paths/") and not any(pointer == p or pointer.startswith(p + "/") for p in touched)


def _reduced(doc: Document, paths: dict[str, Any], reach_from: object) -> Document:
    """The document with `paths` as its only path items and, of the components, those
    `reach_from` reaches (all of them when a reference cannot be followed)."""
    data = doc.data
    copy = {**data, "paths": paths}
    components = data.get("components")
    if isinstance(components, dict):
        reached = _reached_components(reach_from, components)
        if reached is not None:
            copy["components"] = reached
    return Document(copy, doc.root_file, doc.locations, doc.files, doc.data_sources)


def _changed_paths_clean(doc: Document, changed: dict[str, Any], known: set[tuple[str, str]], complete: bool) -> bool:
    """True when the changed path items have no problem in a copy of the document that
    holds them, and the components they reach, in place of all paths and components."""
    found = _found(_reduced(doc, changed, changed), 10_000)
    # the components kept are byte-identical to the last document's, so their problems
    # are not news: the last validation listed them, or found more than it listed
    return all(pointer.startswith("/components/") and ((message, pointer) in known or not complete) for message, pointer in found)


def _same_as_before(doc: Document, changed: dict[str, Any], before: dict[str, Any]) -> bool:
    """True when the changed path items meet the validator exactly as their earlier
    versions did: the same problems in the same order, in copies of the document that
    hold only them and the components either version reaches. Then the whole document
    meets the same errors in the same order as the earlier one, wherever the validator
    says they are (some it places relative to a schema)."""
    old = _reduced(doc, before, [before, changed])
    new = _reduced(doc, changed, [before, changed])
    return _found(new, 10_000) == _found(old, 10_000)


def _item_path(store: Path, digest: str) -> Path:
    return store / "items" / digest[:2] / f"{digest}.json"


def _keep_items(store: Path, paths: dict[str, Any], items: dict[str, str]) -> None:
    """Path items by content hash, for _same_as_before to compare a later change with."""
    for key, digest in items.items():
        target = _item_path(store, digest)
        if not target.exists():
            _write_json(target, paths[key])


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


def _backend() -> str:
    """The schema backend openapi-spec-validator will use, found the way it finds it but
    without importing it (0.2 s, which `check` on an up-to-date output must not pay)."""
    import importlib.util

    setting = next(
        (v for k, v in os.environ.items() if k.upper() == "OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND"), "auto"
    ).strip().lower()
    if setting == "jsonschema":
        return "jsonschema"
    if setting == "jsonschema-rs" or importlib.util.find_spec("jsonschema_rs") is not None:
        return "jsonschema-rs"
    return "jsonschema"


def _versions_prefix() -> str:
    try:
        from importlib.metadata import version as dist_version

        validator_version = dist_version("openapi-spec-validator")
    except Exception:  # pragma: no cover
        validator_version = "?"
    try:  # the backend changes messages, so a cached answer names it
        backend = _backend()
        validator_version += f"/{backend}-{dist_version(backend)}"
    except Exception:  # pragma: no cover
        pass
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
    paths = doc.data.get("paths")
    if isinstance(base, dict) and isinstance(base.get("items"), dict) and isinstance(base.get("problems"), list) and isinstance(paths, dict):
        before: dict[str, str] = base["items"]
        changed = {k: v for k, v in paths.items() if before.get(str(k)) != items.get(str(k))}
        touched = ["/paths/" + escape_pointer(str(k)) for k in [*changed, *(k for k in before if k not in items)]]
        try:
            known = [(str(message), str(pointer)) for message, pointer in base["problems"]]
        except (TypeError, ValueError):
            known = None
        if known is not None and _unique_operation_ids(doc) and _carries_over(doc, store, changed, before, items, known, touched):
            problems = sorted(Problem(doc.locate(pointer), message, pointer) for message, pointer in known)
    if problems is None:
        problems = validate(doc)
    saved_problems = [[p.message, p.pointer] for p in problems]
    _write_json(store / f"{fp}.json", saved_problems)
    _write_json(store / f"root-{root}.json", {"items": items, "problems": saved_problems})
    if isinstance(paths, dict):
        _keep_items(store, paths, items)
    return problems


def _carries_over(
    doc: Document, store: Path, changed: dict[str, Any], before: dict[str, str], items: dict[str, str],
    known: list[tuple[str, str]], touched: list[str],
) -> bool:
    """Whether the last document's problems are the new one's too (see above)."""
    if not changed:
        return all(_placed(pointer, touched) for _, pointer in known) or set(items) == set(before)
    if all(_placed(pointer, touched) for _, pointer in known):
        # every known problem is placed, and none in what changed
        return _changed_paths_clean(doc, changed, set(known), len(known) < _LIMIT)
    # some problem could come from anywhere: compare the changed items with their
    # earlier versions (same path items, in the same order, only some contents changed)
    if list(items) != list(before):
        return False
    earlier = {key: _read_json(_item_path(store, before[key])) for key in changed}
    if any(value is None for value in earlier.values()):
        return False
    return _same_as_before(doc, changed, earlier)
