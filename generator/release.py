"""Releases of the generated package: its version, and what changed since the last one.

The release record, `sdk-release.json` beside the spec's root file, holds the version of
the generated package and the digest of the spec it was released from:

    {"version": "0.2.0", "spec-sha256": "..."}

`generate` reads the version from it (0.1.0 when there is no record), so that it reaches
the generated pyproject.toml and `__version__`.

`sdkgen release` compares the last released spec with the current one (`diff`'s engine,
spec and SDK level), raises the version by the verdict, puts a section for the new
version at the top of generated/CHANGELOG.md and updates the record. The last released
spec is, in this order of preference: the revision given with --since; the git tag
`v<version>` (see --tag-prefix); a `revision` in the record; the commit that last
changed the record (a release commits the record with the spec it released). A
candidate whose spec does not match the record's digest is passed over. Same inputs,
same bytes: the section holds no date (unless --date is given), no revision and no path.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import INPUT, Location, SpecError

RELEASE_FILE = "sdk-release.json"
DEFAULT_VERSION = "0.1.0"
CHANGELOG_TITLE = "# Changelog"
CHANGELOG_INTRO = (
    "Changes to the generated package, newest first. Written by `sdkgen release` (`make release`)\n"
    "from the differences between the released specs; see docs/diff-rules.md for the rules.\n"
)


def record_path(spec: str | os.PathLike[str]) -> Path:
    path = Path(spec)
    return (path if path.is_dir() else path.parent) / RELEASE_FILE


def read_record(spec: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The release record beside the spec, or None; SpecError when it is not a valid one."""
    from .diff.source import parse_release

    path = record_path(spec)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SpecError(f"cannot read the release record: {exc.strerror}", Location(str(path)), code=INPUT) from None
    return parse_release(data, str(path))


def package_version(spec: str | os.PathLike[str]) -> str:
    """The generated package's version: the release record's, else DEFAULT_VERSION."""
    record = read_record(spec)
    return str(record["version"]) if record else DEFAULT_VERSION


def spec_digest(data: Any) -> str:
    """sha256 of the bundled document as canonical JSON: the same for the same content,
    however it is split into files or laid out."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_record(path: Path, version: str, digest: str) -> None:
    text = json.dumps({"version": version, "spec-sha256": digest}, indent=2) + "\n"
    _write(path, text)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(tmp, path)


# -- the changelog ----------------------------------------------------------------------

_SECTIONS = (("major", "Breaking changes"), ("added", "Added"), ("changed", "Changed"))


def changelog_section(version: str, result: Any, *, date: str | None = None, initial: bool = False) -> str:
    """The section of one release: SDK changes grouped (breaking, added, changed), then
    the API changes at the breaking and warning levels. Deterministic."""
    from .diff.sdk import SdkChange

    heading = f"## {version}" + (f" ({date})" if date else "")
    lines = [heading, ""]
    if initial:
        lines += ["First release.", ""]
        return "\n".join(lines) + "\n"
    bump, effective = result.bump, result.effective_bump
    if bump is not None:
        note = f"A {bump} change"
        if effective != bump:
            note += f", released as a {effective} version while the version is 0.x"
        lines += [note + ".", ""]
    groups: dict[str, list[SdkChange]] = {"major": [], "added": [], "changed": []}
    for c in result.sdk or []:
        if c.rule == "sdk-regenerated":
            continue
        if c.bump == "major":
            groups["major"].append(c)
        elif c.rule.endswith("-added") or "-added-" in c.rule:
            groups["added"].append(c)
        else:
            groups["changed"].append(c)
    for key, title in _SECTIONS:
        items = sorted(groups[key], key=lambda c: (c.subject, c.rule, c.message))
        if items:
            lines += [f"### {title}", ""]
            lines += [f"- {c.message}" for c in items]
            lines.append("")
    api = sorted((f for f in result.findings if f.level in ("breaking", "warning")),
                 key=lambda f: (f.level != "breaking", f.operation, f.where, f.field, f.rule, f.detail))
    if api:
        lines += ["### API changes to know about", ""]
        lines += [f"- {f.level}: {'`' + f.operation + '`: ' if f.operation else ''}{f.message} (`{f.rule}`)" for f in api]
        lines.append("")
    if len(lines) <= 4 and not api:
        lines += ["Documentation and other details of the generated code changed; the interface did not.", ""]
    return "\n".join(lines) + "\n"


def insert_section(existing: str, section: str, version: str) -> str:
    """The changelog with `section` at the top (replacing an earlier section for the same version)."""
    body = existing
    if body.startswith(CHANGELOG_TITLE):
        body = body[len(CHANGELOG_TITLE):].lstrip("\n")
        if body.startswith(CHANGELOG_INTRO):
            body = body[len(CHANGELOG_INTRO):].lstrip("\n")
    sections = _split_sections(body)
    kept = [s for s in sections if not (s.startswith(f"## {version}\n") or s.startswith(f"## {version} ("))]
    parts = [CHANGELOG_TITLE, "", CHANGELOG_INTRO.rstrip("\n"), "", section.rstrip("\n")]
    for s in kept:
        parts += ["", s.rstrip("\n")]
    return "\n".join(parts) + "\n"


def _split_sections(body: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    for line in body.splitlines(keepends=True):
        if line.startswith("## ") and current:
            sections.append("".join(current))
            current = []
        current.append(line)
    if current and "".join(current).strip():
        sections.append("".join(current))
    return sections


# -- finding the last release ------------------------------------------------------------


@dataclass
class Plan:
    """What a release would do."""

    version: str  # the last released version
    next_version: str
    base_label: str | None  # where the last released spec was read from (None: first release)
    result: Any  # the DiffResult (None for a first release)
    section: str
    changed: bool  # whether there is anything to release
    notes: list[str] = field(default_factory=list)
    digest: str = ""  # of the spec being released


def _git_top(cwd: Path) -> Path | None:
    from .diff.source import _git

    try:
        proc = _git(["rev-parse", "--show-toplevel"], str(cwd))
    except SpecError:
        return None
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def candidates(spec: Path, record: dict[str, Any] | None, since: str | None, tag_prefix: str) -> list[tuple[str, str]]:
    """(how it was found, REV:path) of the places the last released spec may be, best first."""
    from .diff.source import _git, resolve_commit

    folder = spec.parent.resolve()
    top = _git_top(folder)
    found: list[tuple[str, str]] = []
    if since:
        found.append(("--since", since if ":" in since else f"{since}:{_rel(spec, top)}"))
        return found
    if top is None:
        return found
    rel = _rel(spec, top)
    if record is not None:
        tag = f"{tag_prefix}{record['version']}"
        if resolve_commit(f"refs/tags/{tag}", str(folder)):
            found.append((f"tag {tag}", f"refs/tags/{tag}:{rel}"))
        revision = record.get("revision")
        if isinstance(revision, str) and resolve_commit(revision, str(folder)):
            found.append((f"recorded revision {revision}", f"{revision}:{rel}"))
    record_rel = _rel(spec.parent / RELEASE_FILE, top)
    log = _git(["log", "-1", "--format=%H", "--", record_rel], str(top))
    commit = log.stdout.decode().strip()
    if log.returncode == 0 and commit:
        found.append((f"the last commit of {record_rel} ({commit[:12]})", f"{commit}:{rel}"))
    return found


def _rel(path: Path, top: Path | None) -> str:
    absolute = path.resolve()
    if top is None:
        return absolute.as_posix()
    return absolute.relative_to(top.resolve()).as_posix()


def plan(spec: Path, *, since: str | None = None, tag_prefix: str = "v", date: str | None = None) -> Plan:
    """Work out the next release of the package generated from `spec` (nothing is written)."""
    from .diff.engine import compare
    from .diff.source import Side, open_side
    from .load import load
    from .semver import next_version

    record = read_record(spec)
    version = str(record["version"]) if record else DEFAULT_VERSION
    head_doc = load(spec)
    head = Side(str(spec), head_doc, None, str(spec), record)
    digest = spec_digest(head_doc.data)
    if record is not None and record.get("spec-sha256") == digest:
        return Plan(version, version, None, None, "", False, [f"the spec is the one released as {version}"])
    notes: list[str] = []
    base: Side | None = None
    base_how = None
    for how, where in candidates(spec, record, since, tag_prefix):
        try:
            side = open_side(where, str(spec.parent))
        except SpecError as exc:
            notes.append(f"{how}: {exc.message}")
            continue
        recorded = record.get("spec-sha256") if record else None
        if recorded and spec_digest(side.doc.data) != recorded and how != "--since":
            notes.append(f"{how} is not the spec released as {version} (its digest differs); passed over")
            if base is None:
                base, base_how = side, how
            continue
        base, base_how = side, how
        break
    if base is None:
        if since:
            raise SpecError(f"cannot read the last released spec at {since}", Location(since), code=INPUT)
        section = changelog_section(version, None, date=date, initial=True)
        return Plan(version, version, None, None, section, True, notes + ["no earlier release found: a first release"],
                    digest)
    base.release = None
    result = compare(base, head)
    result.version = version
    if not result.findings and not result.sdk:
        return Plan(version, version, base_how, result, "", False, notes + ["nothing changed since the last release"],
                    digest)
    new = next_version(version, result.bump)
    section = changelog_section(new, result, date=date)
    return Plan(version, new, base_how, result, section, True, notes, digest)


def release(spec: Path, changelog: Path, *, since: str | None = None, tag_prefix: str = "v", date: str | None = None,
            dry_run: bool = False) -> Plan:
    """Plan the release and, unless `dry_run`, write the changelog section and the record."""
    planned = plan(spec, since=since, tag_prefix=tag_prefix, date=date)
    if not planned.changed or dry_run:
        return planned
    existing = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
    _write(changelog, insert_section(existing, planned.section, planned.next_version))
    write_record(record_path(spec), planned.next_version, planned.digest)
    return planned
