"""Spec text holds no characters that hide or reorder what a reader sees."""

from __future__ import annotations

from typing import Any

from ..display import UNSAFE, describe
from ..load import escape_pointer
from .context import Context
from .registry import check, rule

TEXT_CONTROL = rule(
    "text-control-characters",
    "error",
    "No control characters (NUL, ESC, ...) or bidi controls (U+202E, ...) in any key or string: they "
    "reach docstrings, --help and terminals, where they hide or reorder text.",
)


@check(TEXT_CONTROL)
def no_control_characters(ctx: Context) -> None:
    stack: list[tuple[Any, str]] = [(ctx.data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, str):
            _report(ctx, pointer, node, "the text")
        elif isinstance(node, dict):
            for key, value in node.items():
                child = f"{pointer}/{escape_pointer(str(key))}"
                _report(ctx, child, str(key), "the key")
                stack.append((value, child))
        elif isinstance(node, list):
            stack.extend((item, f"{pointer}/{index}") for index, item in enumerate(node))


def _report(ctx: Context, pointer: str, text: str, what: str) -> None:
    found = UNSAFE.search(text)
    if found is not None:
        ctx.report(
            TEXT_CONTROL,
            pointer,
            f"{what} contains {describe(found.group())}, which hides or reorders text where it is shown; remove it",
        )
