"""mypy --strict over many generated packages at once: the configuration that make
corpus, make sweep --mypy and the regression and corner tests share.

Every package carries a verbatim copy of the static runtime (templates/runtime).
`make typecheck` checks that runtime where it stands, against a stand-in `_settings.py`
whose names and types every generated `_settings.py` has too (the test of that is
tests/generator/test_runtime_settings.py). Checking each copy's function bodies again
finds nothing new, and it was most of the time of a small package: 25 regression
packages took 24.5 s of CPU, 8.0 s with this. With `ignore_errors` on the runtime's
modules mypy still reads their signatures, so the generated code is checked against
them, but skips their bodies (mypy's checker does so for any module whose errors are
ignored).

The MCP SDK and the servers the runtime's MCP and testing modules use are not followed
either: no generated module uses them, and analysing them costs ~3.5 s a run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.render import runtime_files


def runtime_modules() -> list[str]:
    """The static runtime's modules, dotted, relative to the package."""
    names = {rel.removesuffix(".py").replace("/", ".").removesuffix(".__init__") for rel in runtime_files() if rel.endswith(".py")}
    return sorted(names)


def mypy_config(packages: Iterable[str] = (), *, trusted: Iterable[str] = ()) -> str:
    """A mypy.ini: --strict, with the runtime copies of `packages` trusted, and all of
    each `trusted` package (one checked elsewhere, as make typecheck checks generated/)."""
    modules = [f"{package}.{module}" for package in packages for module in runtime_modules()]
    modules += [pattern for package in trusted for pattern in (package, f"{package}.*")]
    return (
        "[mypy]\nstrict = True\n\n"
        "[mypy-mcp.*,mcp_types.*,anyio.*,uvicorn.*,toon_format.*]\nfollow_imports = skip\nfollow_imports_for_stubs = True\n"
        + (f"\n[mypy-{','.join(modules)}]\nignore_errors = True\n" if modules else "")
    )


def write_config(folder: Path, packages: Iterable[str] = (), name: str = "mypy.ini", *, trusted: Iterable[str] = ()) -> Path:
    """mypy_config(packages, trusted=trusted) written as folder/name; returns its path."""
    path = folder / name
    path.write_text(mypy_config(packages, trusted=trusted), encoding="utf-8")
    return path
