"""Changes a user makes to an API document, applied to its data at random: what
`generate` must handle by making again only what they touch (generator/fragments.py).
tests/generator/test_fragments.py and `bench/sweep.py --incremental` compare the output
after each with a cold run's."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

Document = dict[str, Any]
#: a path item's methods (generator.openapi.METHODS; the bench scripts do not import the generator)
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def operations(doc: Document) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) of every operation of the document."""
    paths = doc.get("paths")
    return [(path, method, op) for path, item in (paths.items() if isinstance(paths, dict) else ()) if isinstance(item, dict)
            for method, op in item.items() if method in METHODS and isinstance(op, dict)]


def describe_operation(doc: Document, rng: random.Random) -> str:
    _, _, op = rng.choice(operations(doc))
    op["description"] = f"Changed {rng.random():.6f}. See `{op.get('operationId', 'it')}`."
    return f"description of {op.get('operationId')}"


def summarise_operation(doc: Document, rng: random.Random) -> str:
    _, _, op = rng.choice(operations(doc))
    op["summary"] = f"Summary {rng.random():.6f}"
    return f"summary of {op.get('operationId')}"


def add_query_parameter(doc: Document, rng: random.Random) -> str:
    _, _, op = rng.choice(operations(doc))
    op.setdefault("parameters", []).append(
        {"name": f"extra_{rng.randrange(1000)}", "in": "query", "required": rng.random() < 0.5,
         "description": "An added parameter.", "schema": {"type": "integer"}})
    return f"a parameter of {op.get('operationId')}"


def add_operation(doc: Document, rng: random.Random) -> str:
    path, method, op = rng.choice(operations(doc))
    new = copy.deepcopy(op)
    new["operationId"] = f"{op.get('operationId', 'op')}Copy{rng.randrange(1000)}"
    new.pop("x-cli", None)
    target = doc["paths"].setdefault(path.rstrip("/") + f"/copy{rng.randrange(1000)}", {})
    if isinstance(doc["paths"][path], dict) and "parameters" in doc["paths"][path]:
        target["parameters"] = copy.deepcopy(doc["paths"][path]["parameters"])
    target[method] = new
    return f"a copy of {op.get('operationId')}"


def remove_operation(doc: Document, rng: random.Random) -> str:
    candidates = [(p, m, o) for p, m, o in operations(doc) if "x-cli" not in o and "x-long-running" not in o]
    path, method, op = rng.choice(candidates)
    del doc["paths"][path][method]
    if not any(key in METHODS for key in doc["paths"][path]):
        del doc["paths"][path]
    return f"removed {op.get('operationId')}"


def change_component(doc: Document, rng: random.Random) -> str:
    schemas = doc.get("components", {}).get("schemas", {})
    objects = [name for name, s in schemas.items() if isinstance(s, dict) and isinstance(s.get("properties"), dict)]
    name = rng.choice(objects)
    added = f"added_{rng.randrange(1000)}"
    # required, with one value: every fixture of the schema has it
    schemas[name]["properties"][added] = {"type": "string", "enum": [f"v{rng.randrange(1000)}"], "description": "Added."}
    schemas[name]["required"] = [*schemas[name].get("required", []), added]
    schemas[name]["description"] = f"Changed {rng.random():.6f}"
    return f"a property of {name}"


def change_title(doc: Document, rng: random.Random) -> str:
    doc["info"]["title"] = doc["info"].get("title", "API") + " v2"
    doc["info"]["description"] = f"Changed {rng.random():.6f}"
    return "the title"


def refer_into_paths(doc: Document, rng: random.Random) -> str:
    """A schema that names a part of an operation ($ref into paths): legal, and what one
    operation's pieces then read of another's."""
    path, method, op = rng.choice(operations(doc))
    pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + f"/{method}/responses"
    _, _, other = rng.choice(operations(doc))
    other.setdefault("parameters", []).append(
        {"name": "pointed", "in": "query", "schema": {"$ref": pointer}})
    return f"a $ref into {op.get('operationId')}"


def require_another_scheme(doc: Document, rng: random.Random) -> str:
    """An operation that takes a credential of its own: where the API has a key, another
    way to authenticate (a setting of the client, README lines, the operation's way)."""
    path, method, op = rng.choice(operations(doc))
    components = doc.setdefault("components", {})
    schemes = components.setdefault("securitySchemes", {})
    name = f"partnerToken{len(schemes)}"
    schemes[name] = {"type": "apiKey", "in": "header", "name": f"X-Partner-{len(schemes)}"}
    op["security"] = [{name: []}]
    return f"{method.upper()} {path} takes {name}"


CHANGES: list[Callable[[Document, random.Random], str]] = [
    describe_operation, summarise_operation, add_query_parameter, add_operation, remove_operation,
    change_component, change_title, refer_into_paths, require_another_scheme, describe_operation,
]


def _applicable(change: Callable[[Document, random.Random], str], doc: Document) -> bool:
    if change is change_component:
        schemas = doc.get("components", {}).get("schemas", {}) if isinstance(doc.get("components"), dict) else {}
        return isinstance(schemas, dict) and any(isinstance(s, dict) and isinstance(s.get("properties"), dict)
                                                 for s in schemas.values())
    if change is remove_operation:
        return len([o for _, _, o in operations(doc) if "x-cli" not in o and "x-long-running" not in o]) > 1
    if change is change_title:
        return isinstance(doc.get("info"), dict)
    if change is require_another_scheme:
        components = doc.get("components", {})
        return isinstance(components, dict) and isinstance(components.get("securitySchemes", {}), dict) \
            and bool(operations(doc))
    return bool(operations(doc))


def random_change(doc: Document, rng: random.Random) -> str:
    """One of CHANGES that applies to `doc`, applied (in place); what it changed."""
    return rng.choice([c for c in CHANGES if _applicable(c, doc)])(doc, rng)
