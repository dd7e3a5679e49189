"""Shared helpers of the spec tests: where things are, the bundled document, ref resolution."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the generator package, also when run from another directory
    sys.path.insert(0, str(ROOT))

from generator.load import Document, load, unescape_pointer  # noqa: E402

SPEC = ROOT / "spec" / "openapi.yaml"
SHARED = ROOT.parent / "shared"
OPERATIONS_TSV = SHARED / "seeds" / "OPERATIONS.tsv"
SUBSET_JSON = SHARED / "posthog-reference" / "subset.json"

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@lru_cache(maxsize=1)
def bundled() -> Document:
    """The split spec bundled into one document (every external $ref hoisted into components)."""
    return load(SPEC)


def require_shared(path: Path) -> Path:
    """`path` under ../shared, or skip the calling test with the reason."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared PostHog reference material (../shared) is not available here")
    return path


def seed_operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every row of ../shared/seeds/OPERATIONS.tsv, in file order."""
    with open(require_shared(OPERATIONS_TSV), newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and any(cell.strip() for cell in row)]
    header = [cell.strip().lower() for cell in rows[0]]
    assert header[:2] == ["method", "path"], f"unexpected OPERATIONS.tsv header {rows[0]!r}"
    return [(row[0].strip().upper(), row[1].strip()) for row in rows[1:]]


def operations(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) of every operation of a document, sorted."""
    for path in sorted(data.get("paths") or {}):
        item = data["paths"][path]
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield method.upper(), path, item[method]


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The node at a JSON pointer (`/a/b` or `#/a/b`)."""
    node = data
    for token in pointer.lstrip("#").split("/")[1:]:
        token = unescape_pointer(token)
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def deref(data: dict[str, Any], node: Any, limit: int = 50) -> Any:
    """Follow local `$ref`s (`#/...`) until a node without one."""
    for _ in range(limit):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")):
            return node
        node = resolve_pointer(data, node["$ref"])
    raise AssertionError(f"$ref chain too long at {node!r}")


def ref_name(node: Any) -> str | None:
    """The component name a `$ref` points at (`#/components/schemas/X` -> X)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return node["$ref"].rsplit("/", 1)[-1]
    return None
