"""Descriptions are rendered as HTML in docs portals; keep them free of script."""

from __future__ import annotations

import re

from .context import Context
from .registry import check, rule

MARKDOWN_SCRIPT = rule("markdown-no-script", "error", "No `<script` or `eval(` in any description or summary.")

_SCRIPT = re.compile(r"<script|\beval\(", re.IGNORECASE)


@check(MARKDOWN_SCRIPT)
def no_script_in_descriptions(ctx: Context) -> None:
    for pointer, text in ctx.index.texts:
        found = _SCRIPT.search(text)
        if found:
            ctx.report(MARKDOWN_SCRIPT, pointer, f"{pointer.rsplit('/', 1)[-1]} contains {found.group(0)!r}")
