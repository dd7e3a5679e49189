"""The one kind of problem report every stage produces, and the one printer for them.

A `Diagnostic` has a code (a lint rule id or one of the generator's own codes below),
a severity, a message, the file:line:col it is about and the JSON pointer of the node.
Stages collect them as values; a spec problem that stops the run is a `SpecError`
carrying its diagnostics (exit 2). A bug in the generator is a `GeneratorBug` (exit 3),
never reported as if the spec were at fault.

Exit codes, for every command: 0 ok, 1 check or lint found problems, 2 the input could
not be used, 3 internal error (a generator bug), 130 interrupted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import __version__
from .display import one_line

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_INPUT = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

SEVERITIES = ("error", "warning", "info")
#: characters of a message (or pointer) printed in text form; the rest is cut
MAX_MESSAGE = 1000
FORMATS = ("text", "json", "github", "sarif")


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file


@dataclass(frozen=True)
class Code:
    """What a diagnostic code means: its default severity and a one-line summary."""

    id: str
    severity: str  # the default; lint configuration may change it or switch it off
    summary: str


#: every code a diagnostic may carry: the generator's own (below) and the lint rules
#: (generator/lint_rules registers them)
CODES: dict[str, Code] = {}


def code(code_id: str, severity: str, summary: str) -> Code:
    assert severity in SEVERITIES and code_id not in CODES, code_id
    CODES[code_id] = Code(code_id, severity, summary)
    return CODES[code_id]


INPUT = code("input", "error", "the file cannot be read as an OpenAPI document")
REF = code("ref", "error", "a $ref cannot be followed")
LIMIT = code("limit", "error", "the document exceeds a size, depth or alias limit")
VERSION = code("openapi-version", "error", "only OpenAPI 3.0, 3.1 and 3.2, and Swagger 2.0, are supported")
UNSUPPORTED = code("unsupported", "warning", "a construct the generator cannot express; it degrades to Any")
AMBIGUOUS = code("ambiguous", "warning", "the document says two things; the generator picks one and says which")
NAMING = code("naming", "warning", "a name had to be changed to stay unique")
EXTENSION = code("extension", "warning", "a project extension (x-sdk, x-cli, x-aliases, ...) is not valid; it is ignored or defaulted")
OUTPUT = code("output", "error", "the output folder cannot be written as asked")


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    severity: str  # error, warning, info
    code: str
    message: str
    pointer: str = ""

    def __str__(self) -> str:
        """One line for a terminal: spec text in it cannot move the cursor, reorder the
        line or go on for pages (display.one_line, MAX_MESSAGE)."""
        where = str(self.location)
        if not self.location.line and self.pointer:
            pointer = self.pointer if len(self.pointer) <= MAX_MESSAGE else self.pointer[:MAX_MESSAGE] + "..."
            where += f" (#{pointer})"
        message = self.message if len(self.message) <= MAX_MESSAGE else self.message[:MAX_MESSAGE] + "..."
        return one_line(f"{where}: {self.severity} [{self.code}] {message}")

    def as_error(self) -> Diagnostic:
        return replace(self, severity="error")


class SpecError(Exception):
    """The input cannot be used: printed as one located line per diagnostic, exit 2."""

    def __init__(
        self, message: str | Sequence[Diagnostic], location: Location | None = None, pointer: str = "",
        code: Code = INPUT,
    ):
        if isinstance(message, str):
            self.diagnostics = [Diagnostic(location or Location("<input>"), "error", code.id, message, pointer)]
        else:
            self.diagnostics = list(message)
        first = self.diagnostics[0]
        super().__init__(first.message)
        self.message = first.message
        self.location: Location | None = first.location
        self.pointer = first.pointer

    def __str__(self) -> str:
        return "\n".join(str(d) for d in self.diagnostics)


class GeneratorBug(Exception):
    """Something the generator itself got wrong (exit 3). `pointer` names the part of
    the document being processed, so that the report can be reproduced."""

    def __init__(self, message: str, pointer: str | None = None):
        super().__init__(message)
        self.pointer = pointer

    def __str__(self) -> str:
        where = f" (while processing #{self.pointer})" if self.pointer is not None else ""
        return f"internal error: {self.args[0]}{where}; this is a bug in the generator, please report it"


# -- printing ----------------------------------------------------------------


def render(diagnostics: Iterable[Diagnostic], fmt: str = "text", *, summary: bool = True) -> str:
    """The diagnostics, sorted, in one of FORMATS."""
    items = sorted(diagnostics)
    if fmt == "text":
        return _text(items, summary)
    renderers: dict[str, Callable[[list[Diagnostic]], str]] = {"json": _json, "github": _github, "sarif": _sarif}
    return renderers[fmt](items)


def counts(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    items = list(diagnostics)
    return {severity: sum(d.severity == severity for d in items) for severity in SEVERITIES}


def _text(items: list[Diagnostic], summary: bool = True) -> str:
    lines = [f"{d}\n" for d in items]
    if summary:
        n = counts(items)
        lines.append(
            f"{len(items)} finding(s): {n['error']} error(s), {n['warning']} warning(s), {n['info']} info\n"
        )
    return "".join(lines)


def _json(items: list[Diagnostic]) -> str:
    return json.dumps(
        {
            "findings": [
                {
                    "file": d.location.file,
                    "line": d.location.line,
                    "column": d.location.col,
                    "severity": d.severity,
                    "rule": d.code,
                    "message": d.message,
                    "pointer": d.pointer,
                }
                for d in items
            ],
            "counts": counts(items),
        },
        indent=2,
    ) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _github(items: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on the file."""
    lines = []
    for d in items:
        command = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
        props = [f"file={_github_escape(d.location.file, True)}"]
        if d.location.line:
            props += [f"line={d.location.line}", f"col={d.location.col}"]
        props.append(f"title={_github_escape(d.code, True)}")
        lines.append(f"::{command} {','.join(props)}::{_github_escape(f'[{d.code}] {d.message}')}\n")
    return "".join(lines)


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif(items: list[Diagnostic]) -> str:
    """SARIF 2.1.0, which GitHub code scanning accepts (github/codeql-action/upload-sarif)."""
    code_ids = sorted(CODES)
    index = {code_id: i for i, code_id in enumerate(code_ids)}
    rules = [
        {
            "id": code_id,
            "name": code_id,
            "shortDescription": {"text": CODES[code_id].summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[CODES[code_id].severity]},
        }
        for code_id in code_ids
    ]
    results = []
    for d in items:
        physical: dict[str, Any] = {"artifactLocation": _artifact(d.location.file)}
        if d.location.line:
            physical["region"] = {"startLine": d.location.line, "startColumn": max(d.location.col, 1)}
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _SARIF_LEVEL.get(d.severity, "note"),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": physical}],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "sdkgen", "version": __version__, "rules": rules}}, "results": results}],
    }
    return json.dumps(log, indent=2) + "\n"


def _artifact(file: str) -> dict[str, str]:
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}


def did_you_mean(name: str, names: Iterable[object]) -> str:
    """For a reference to `name`, missing among `names`: the one it most likely means
    (HubSpot's `HubDbTableRowV3Wrapper`: did you mean 'HubDbTableRowV3'?), else ""."""
    import difflib  # (only where a reference is broken: not on every run's path)

    close = difflib.get_close_matches(name, [str(n) for n in names], n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""
