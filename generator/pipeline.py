"""The stages joined up: load -> validate -> parse -> render -> format.

Three things let a run skip work, none of which can change what is generated:

* the manifest (`.generator-manifest.json`) holds each file's render hash, so a file
  whose unformatted text did not change is not formatted again (generator/format.py);
* the manifest holds the fingerprint of the bundled spec when it last validated
  cleanly, so an unchanged spec is not validated again; a changed spec always is;
* the stamp (`.generator-stamp.json`, next to the manifest, written by `generate`)
  holds a hash of every input: the spec's fingerprint, the package name, the
  templates, the generator's own source, the formatter and the Python version. When
  it matches and every file is still what the manifest says was written, the output
  is already what a full run would produce, so nothing is parsed, rendered or
  formatted: that is what makes `check` fast in a fresh clone. The stamp is not part
  of the output `check` compares: a stale one only makes the next run slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .cache import cache_root
from .errors import SpecError
from .format import (
    DEFAULT_FORMATTER,
    FormatCache,
    WarmPool,
    content_hash,
    format_files,
    formatter_id,
    formatter_of,
    ignore_interrupt,
    manifest_text,
)
from .load import Document, load
from .validate import Problem, check_version, fingerprint, validate_cached
from .write import MANIFEST, Manifest

#: where the templates are (the same folder generator.render uses; kept here so that
#: checking an up-to-date output does not import jinja)
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
GENERATOR_SOURCE = Path(__file__).resolve().parent
STAMP = ".generator-stamp.json"


@dataclass
class Generated:
    files: dict[str, str]  # path relative to the output folder -> text (formatted)
    manifest: str
    warnings: list[str] = field(default_factory=list)
    #: the hash of every input, when the run had no warnings (see STAMP)
    inputs: str | None = None


def default_cache_dir() -> Path | None:
    root = cache_root()
    return root / "black" if root else None


def generate(
    spec: Path,
    output: Path,
    *,
    package_name: str | None = None,
    strict: bool = False,
    validate_spec: bool = True,
    cache_dir: Path | None = None,
    templates: Path = TEMPLATES,
    formatter: str | None = DEFAULT_FORMATTER,
) -> Generated:
    """Everything the output folder should contain; raises SpecError for unusable input.

    `formatter` is black (the default) or ruff; None means the one the output folder's
    manifest names (what `check` wants: compare with what the same formatter makes).
    """
    doc = load(spec)
    check_version(doc)
    recorded = _recorded(output)
    if formatter is None:
        formatter = formatter_of(recorded.get("formatter")) or DEFAULT_FORMATTER
    fmt_id = formatter_id(formatter)
    fp = fingerprint(doc)
    inputs = inputs_hash(fp, package_name, templates, fmt_id)
    if validate_spec:
        unchanged = _unchanged_output(output, inputs)
        if unchanged is not None:
            return unchanged

    from .parse import parse
    from .render import render

    # When there is an earlier output, little is likely to need formatting: a worker
    # starts now, to import black while this process parses and renders. (A first
    # generation formats everything, in a pool of its own.)
    with WarmPool.start(formatter == "black" and bool(recorded)) as pool:
        previous = Manifest.read(output)
        warnings: list[str] = []
        validated = None
        validation = _Validation(doc, fp, recorded.get("validated"), cache_dir) if validate_spec else None

        def validation_warnings() -> list[str]:
            """The validation's findings as warnings; in strict mode, the first one raised."""
            lines = []
            for problem in validation.result() if validation else []:
                if strict:
                    raise SpecError(problem.message, problem.location, problem.pointer)
                lines.append(f"{problem.location}: warning: {problem.message}")
            return lines

        try:
            api = parse(doc, package_name)
            if strict and api.warnings:
                validation_warnings()  # a validation error comes first, as it would without the child
                raise SpecError(api.warnings[0].split(": warning: ", 1)[-1])
            rendered = render(api, templates=templates)
            known = previous.known_formatted(output) if recorded.get("formatter", fmt_id) == fmt_id else {}
            formatted, hashes = format_files(rendered, known=known, cache=FormatCache(cache_dir), formatter=formatter, pool=pool)
        except SpecError:
            if strict:
                validation_warnings()
            if validation:
                validation.cancel()
            raise
        except BaseException:
            if validation:
                validation.cancel()
            raise
        if validate_spec:
            warnings = validation_warnings()
            validated = None if warnings else fp
        elif recorded.get("validated") == fp:
            validated = fp  # not validated now, but this very document was, cleanly
        warnings += api.warnings
        manifest = manifest_text(formatted, hashes, f"sdkgen-{__version__}", formatter=fmt_id, validated=validated)
        if MANIFEST in formatted or STAMP in formatted:
            raise SpecError(f"the generated files include {MANIFEST} or {STAMP}, which the generator reserves")
        return Generated(formatted, manifest, warnings, inputs if validate_spec and not warnings else None)


def inputs_hash(fp: str, package_name: str | None, templates: Path, fmt_id: str) -> str:
    """A hash of everything the output depends on (no absolute paths: the same in every
    clone and folder)."""
    from importlib.metadata import version as dist_version

    digest = hashlib.sha256()
    digest.update(
        f"{fp}\0{package_name!r}\0{fmt_id}\0py{sys.version_info[0]}.{sys.version_info[1]}\0"
        f"jinja2-{dist_version('jinja2')}\0pyyaml-{dist_version('pyyaml')}\0".encode()
    )
    for label, root, pattern in (("templates", templates, "*"), ("generator", GENERATOR_SOURCE, "*.py")):
        for path in sorted(root.rglob(pattern)):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:32]


def _unchanged_output(output: Path, inputs: str) -> Generated | None:
    """The output as it is on disk, when its stamp says it was generated from exactly
    these inputs and every file is still what the manifest says was written."""
    try:
        stamp = json.loads((output / STAMP).read_text(encoding="utf-8"))
        manifest = (output / MANIFEST).read_text(encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(stamp, dict) or stamp.get("inputs") != inputs or stamp.get("manifest") != content_hash(manifest):
        return None
    files: dict[str, str] = {}
    for path, info in sorted(Manifest.read(output).files.items()):
        try:
            text = (output / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if content_hash(text) != info.get("content"):
            return None
        files[path] = text
    return Generated(files, manifest, [], inputs)


def write_stamp(output: Path, result: Generated) -> None:
    """After `result` was written to `output`: record its inputs (or drop a stale stamp)."""
    target = output / STAMP
    if result.inputs is None:
        target.unlink(missing_ok=True)
        return
    text = json.dumps({"inputs": result.inputs, "manifest": content_hash(result.manifest)}, indent=1, sort_keys=True) + "\n"
    try:
        if target.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    try:
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # without a stamp the next run is only slower


def _recorded(output: Path) -> dict[str, str]:
    """The manifest's top-level string fields (formatter, validated), if any."""
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


class _Validation:
    """validate_cached(doc) running in a forked child process while this one parses,
    renders and formats; in this process when it is cheap or fork is not available."""

    def __init__(self, doc: Document, fp: str, recorded: str | None, cache_dir: Path | None):
        self.doc = doc
        self.problems: list[Problem] | None = None
        self.process: Any = None
        self.store = cache_dir / "validation" if cache_dir is not None else None
        self.fp = fp
        if recorded == fp:
            self.problems = []  # this very document validated cleanly last time
        elif self.store is not None and (self.store / f"{fp}.json").exists():
            self.problems = validate_cached(doc, fp, self.store)
        else:
            self._start()

    def _start(self) -> None:
        import multiprocessing

        if os.environ.get("SDKGEN_NO_FORK") or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
            return
        try:
            context = multiprocessing.get_context("fork")
            self.receive, send = context.Pipe(duplex=False)
            self.process = context.Process(target=self._child, args=(send,), daemon=True)
            self.process.start()
            send.close()
        except (OSError, ValueError):
            self.process = None

    def _child(self, send: Any) -> None:
        ignore_interrupt()  # on Ctrl-C the parent stops this process (see cancel)
        try:
            problems = validate_cached(self.doc, self.fp, self.store)
            send.send([[p.message, p.pointer] for p in problems])
        except BaseException:  # noqa: BLE001 - the parent validates again in-process
            send.send(None)
        finally:
            send.close()

    def result(self) -> list[Problem]:
        if self.problems is None and self.process is not None:
            try:
                saved = self.receive.recv()
            except (EOFError, OSError):
                saved = None
            self.process.join()
            self.process = None
            if saved is not None:
                self.problems = sorted(Problem(self.doc.locate(pointer), message, pointer) for message, pointer in saved)
        if self.problems is None:
            self.problems = validate_cached(self.doc, self.fp, self.store)
        return self.problems

    def cancel(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.process = None
