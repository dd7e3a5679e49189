"""The stages joined up: load -> validate -> parse -> render -> format.

Each stage is a function of the one before; nothing here reads or writes the output
folder (write.py and check.py do, with the result).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .background import in_background, in_child
from .diagnostics import Diagnostic, GeneratorBug, SpecError
from .format import DEFAULT_FORMATTER, format_files, formatter_id
from .fragments import fragments_before
from .load import Document, load
from .manifest import MANIFEST, Manifest
from .missing_schemas import parse_standing_in as parse_with_stand_ins
from .openapi import METHODS
from .release import package_version
from .reuse import OutputFolder, formatted_before
from .validate import check_version, validate

if TYPE_CHECKING:
    from .ir import Api

#: the smallest document (bytes, all files) worth a second core: below it a forked child
#: costs more CPU than it saves time (the curated spec, 0.3 MB: no faster, 0.1-0.2 s more
#: CPU; hetzner.cloud.json, 0.6 MB: 0.1-0.2 s faster)
BACKGROUND_MIN_BYTES = 512 * 1024

#: called with the name of each stage as it starts, and with what it is at (counts) as it
#: goes: the CLI shows both, and the time, on a terminal
Progress = Callable[[str, str], None]


@dataclass
class Generated:
    files: dict[str, str]  # path relative to the output folder -> text (formatted)
    manifest: Manifest
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: path -> text of the files this run found in the output folder as they are in `files`
    on_disk: dict[str, str] = field(default_factory=dict)


def _quiet(stage: str, detail: str = "") -> None:
    pass


def generate(
    spec: Path,
    *,
    package_name: str | None = None,
    strict: bool = False,
    validate_spec: bool = True,
    formatter: str = DEFAULT_FORMATTER,
    progress: Progress = _quiet,
    allow_ref_roots: Iterable[str | os.PathLike[str]] = (),
    locate_warnings: bool = True,
    reuse_formatted: Path | None = None,
    use_last_run: bool = True,
) -> Generated:
    """Everything the output folder should contain; raises SpecError for unusable input.

    Problems the generator can work around are warnings in the result; `strict` makes
    any of them an error (SpecError carrying all of them, located as they were).
    `locate_warnings=False`, for a caller that will not show them, leaves the warnings of
    a JSON document without the line and column that take another read of its text to
    find (GitHub's 1,100 warnings: 40 ms); errors are located all the same.
    `$ref`s read files in the spec's folder only, and in the folders of `allow_ref_roots`.
    `reuse_formatted`, the output folder, lets what is made from the same inputs as in the
    last run into it be taken from that run (reuse.py, fragments.py): a file the formatter
    would be given the same text for, a resource module, an entry of a whole-API file,
    read back from the folder. `use_last_run=False` takes nothing from it (every file
    made and formatted) but keeps what this run made for the next.
    """
    # The stages build millions of objects and drop few: the cycle collector would walk
    # them all again and again (a fifth of the time on Microsoft Graph) and find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(spec, package_name, strict, validate_spec, formatter, progress, allow_ref_roots,
                         locate_warnings or strict, reuse_formatted, use_last_run)
    finally:
        if collecting:
            gc.enable()


def _generate(spec: Path, package_name: str | None, strict: bool, validate_spec: bool, formatter: str,
              progress: Progress, allow_ref_roots: Iterable[str | os.PathLike[str]], locate_warnings: bool,
              reuse_formatted: Path | None, use_last_run: bool) -> Generated:
    progress("load", spec.name)
    doc = load(spec, allow_ref_roots)
    check_version(doc)
    paths = doc.data.get("paths")
    operations = sum(1 for item in paths.values() if isinstance(item, dict) for key in item if key in METHODS) if isinstance(paths, dict) else 0
    components = doc.data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    counts = f"{operations:,} operations, {len(schemas) if isinstance(schemas, dict) else 0:,} schemas"
    diagnostics: list[Diagnostic] = []
    from .render import piece_homes, render

    def parse_standing_in() -> Api:
        """The parse, with stand-ins for missing schemas (missing_schemas.py), their warnings noted."""
        api, stood_in = parse_with_stand_ins(doc, package_name)
        diagnostics.extend(stood_in)
        return api

    try:
        if validate_spec:
            progress("validate", counts)
            # validation only finds warnings: a child does it on another core while this
            # one parses (background.py); a parse error stops both, as it did before
            with in_background(lambda: validate(doc), worth_it=doc.size >= BACKGROUND_MIN_BYTES) as checked:
                progress("parse", counts)
                api = parse_standing_in()
                stood_in = {d.pointer for d in diagnostics}  # (validation read the references as they were)
                diagnostics += [d for d in checked.result() if d.pointer not in stood_in]
        else:
            progress("parse", counts)
            api = parse_standing_in()
    except SpecError as exc:
        raise SpecError(_with_lines(doc, exc.diagnostics)) from None
    diagnostics = _with_lines(doc, diagnostics + api.diagnostics) if locate_warnings else diagnostics + api.diagnostics
    if strict and diagnostics:
        raise SpecError([d.as_error() for d in sorted(diagnostics)])
    progress("render", f"{len(api.operations):,} operations, {len(api.models) + len(api.enums) + len(api.aliases):,} types")

    package = api.sdk.package_name
    folder = OutputFolder(reuse_formatted, use_last_run) if reuse_formatted is not None else None
    before = formatted_before(folder, formatter, package) if folder is not None else None
    pieces = fragments_before(folder, piece_homes(package)) if folder is not None else None

    def finish(files: dict[str, str], part: str) -> dict[str, str]:
        """The formatter, over the files render gives (all at once, or in two parts when a
        child renders the modules), less those formatted alike in the last run."""
        def run(changed: dict[str, str]) -> dict[str, str]:
            if not in_child():
                count, of = _python_files(changed), _python_files(files)
                progress("format", f"{count:,} Python files ({formatter})" if count == of else
                         f"{count:,} of {of:,} Python files ({formatter}); the rest as in the last run")
            return format_files(changed, formatter, package=package)

        return run(files) if before is None else before.format(files, part, run)

    files = render(api, package_version=package_version(spec), finish=finish, background=doc.size >= BACKGROUND_MIN_BYTES,
                   progress=lambda detail: progress("render", detail), memory=before,
                   pieces=pieces, splicing=formatter == "ruff")
    if MANIFEST in files:
        raise GeneratorBug(f"the generated files include {MANIFEST}, which the generator reserves")
    # the files found as the last run left them: their hashes are known, and write.py
    # need not read them again to see that they did not change
    same = {path: kept for path, kept in folder.known.items() if files.get(path) == kept[0]} if folder is not None else {}
    # and the formatter's store hashed what it gave back
    hashes = before.hashes if before is not None else {}
    manifest = Manifest.build(files, f"sdkgen-{__version__}", formatter_id(formatter),
                              known={**hashes, **{path: digest for path, (_, digest) in same.items()}})
    if pieces is not None:
        pieces.save(files, manifest.files)
    return Generated(files, manifest, sorted(diagnostics), {path: text for path, (text, _) in same.items()})


def _python_files(files: dict[str, str]) -> int:
    return sum(1 for path in files if path.endswith(".py"))


def _with_lines(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics, with a line and column where only a pointer was known: a JSON
    document is read without positions (for speed), and they are found again here for
    the few that are reported."""
    if doc.converted_from:
        diagnostics = [replace(d, message=doc.as_written(d.message)) for d in diagnostics]
    missing = [d.pointer for d in diagnostics if not d.location.line and d.pointer]
    if not missing or doc.json_root_text is None:
        return diagnostics
    found = dict(zip(missing, doc.locate_all_precisely(missing), strict=True))
    return [replace(d, location=found[d.pointer]) if d.pointer in found and found[d.pointer].line else d
            for d in diagnostics]
