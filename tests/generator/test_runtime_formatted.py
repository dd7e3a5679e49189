"""The static runtime is copied into every package as it is, without going through the
formatter (generator/render.py): so it has to be exactly what the formatter would make
of it, or a package would hold code in another style than the rest. black's side of
this is `make typecheck` (black --check templates/runtime); this is ruff's, with the
import fixes the generator runs."""

from __future__ import annotations

import pytest

from generator import format as fmt
from generator.render import runtime_files


@pytest.mark.parametrize("package", ["posthog_api", "petstore"])
def test_the_formatter_leaves_every_runtime_module_as_it_is(package):
    modules = {f"{package}/{rel}": text for rel, text in runtime_files().items() if rel.endswith(".py")}
    assert len(modules) > 10
    # the package's own __init__ (generated, not static) makes `package` the top-level
    # package that ruff's import sorting sees, as in a generated package
    formatted = fmt.format_files({f"{package}/__init__.py": "", **modules}, "ruff", package=package)
    changed = sorted(path for path, text in modules.items() if formatted[path] != text)
    assert changed == [], f"the formatter changes {changed}: format them (ruff check --fix, ruff format)"
