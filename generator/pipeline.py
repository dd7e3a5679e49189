"""The stages joined up: load -> validate -> parse -> render -> format."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import SpecError
from .format import FormatCache, format_files, manifest_text
from .load import load
from .parse import parse
from .render import TEMPLATES, render
from .validate import check_version, validate
from .write import MANIFEST, Manifest


@dataclass
class Generated:
    files: dict[str, str]  # path relative to the output folder -> text (formatted)
    manifest: str
    warnings: list[str] = field(default_factory=list)


def default_cache_dir() -> Path | None:
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen" / "black"


def generate(
    spec: Path,
    output: Path,
    *,
    package_name: str | None = None,
    strict: bool = False,
    validate_spec: bool = True,
    cache_dir: Path | None = None,
    templates: Path = TEMPLATES,
) -> Generated:
    """Everything the output folder should contain; raises SpecError for unusable input."""
    doc = load(spec)
    check_version(doc)
    warnings: list[str] = []
    if validate_spec:
        for problem in validate(doc):
            line = f"{problem.location}: {'error' if strict else 'warning'}: {problem.message}"
            if strict:
                raise SpecError(problem.message, problem.location, problem.pointer)
            warnings.append(line)
    api = parse(doc, package_name)
    if strict and api.warnings:
        raise SpecError(api.warnings[0].split(": warning: ", 1)[-1])
    warnings += api.warnings
    rendered = render(api, templates=templates)
    known = Manifest.read(output).known_formatted(output)
    formatted, hashes = format_files(rendered, known=known, cache=FormatCache(cache_dir))
    manifest = manifest_text(formatted, hashes, f"sdkgen-{__version__}")
    if MANIFEST in formatted:
        raise SpecError(f"the generated files include {MANIFEST}, which the generator reserves")
    return Generated(formatted, manifest, warnings)
