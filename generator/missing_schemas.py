"""Schemas a document refers to but does not hold (HubSpot's CMS HubDB names a
`HubDbTableRowV3Wrapper` it never defines): each such `$ref` is read as a schema that
allows any value, with a warning that says which, so that the rest of the API is
generated rather than none of it. `--strict` makes the warnings errors, and `lint` and
`validate` still report the references as errors.

Only references where a schema belongs are stood in for: a missing parameter or
response has no shape to fall back on (its name, its place), and stays an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .diagnostics import REF, Diagnostic, SpecError
from .load import Document, child_kind, escape_pointer
from .openapi import Resolver

if TYPE_CHECKING:
    from .ir import Api


def parse_standing_in(doc: Document, package_name: str | None = None) -> tuple[Api, list[Diagnostic]]:
    """The parse of `doc`; where it fails and schemas it refers to are missing, again with
    stand-ins for them, and their warnings. `generate` and `diff` read a document alike:
    one that generates can be compared."""
    from .parse import parse

    try:
        return parse(doc, package_name), []
    except SpecError:
        stood_in = stand_in_for_missing_schemas(doc)
        if not stood_in:
            raise
    return parse(doc, package_name), stood_in


def stand_in_for_missing_schemas(doc: Document) -> list[Diagnostic]:
    """Replace, in `doc.data`, every schema that is a local `$ref` to nothing with one that
    allows anything (its other keys kept: a description still documents the field), and
    return a warning for each, located at its `$ref`; [] when there is none."""
    resolver = Resolver(doc.data)
    missing: list[tuple[dict[str, Any], str, str]] = []
    # (node, its kind, its pointer): iterative, as a document nests deeper than Python recurses
    stack: list[tuple[Any, str, str]] = [(doc.data, "root", "")]
    while stack:
        node, kind, pointer = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if kind == "schema" and ref.startswith("#") and resolver.lookup(ref) is None:
                    missing.append((node, pointer, ref))
                continue  # what a reference names is walked where it is defined
            for key, value in node.items():
                child = child_kind(kind, str(key))
                if child is not None:
                    stack.append((value, child, f"{pointer}/{escape_pointer(str(key))}"))
        elif isinstance(node, list):
            child = "schema" if kind == "schema" else child_kind(kind, "*") if kind in ("parameterList", "schemaList") else None
            if child is not None:
                stack.extend((item, child, f"{pointer}/{i}") for i, item in enumerate(node))
    found = []
    for node, pointer, ref in sorted(missing, key=lambda m: m[1]):
        message = (f"$ref {ref!r} names nothing in the document{resolver.suggestion(ref)}; the value there is "
                   "taken as any JSON value")
        del node["$ref"]
        found.append(Diagnostic(doc.locate(pointer), "warning", REF.id, message, pointer + "/$ref"))
    return found
