"""Regenerate in memory and compare with what is on disk."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .manifest import MANIFEST, Manifest
from .pipeline import Generated

MAX_DIFF_LINES = 400


@dataclass
class Difference:
    path: str
    kind: str  # changed, missing, stale
    diff: list[str]


def compare(generated: Generated, output: Path, on_disk: Manifest) -> list[Difference]:
    differences: list[Difference] = []
    expected = {**generated.files, MANIFEST: generated.manifest.text()}
    for rel in sorted(expected):
        want = expected[rel]
        try:
            have = (output / rel).read_text(encoding="utf-8")
        except FileNotFoundError:
            differences.append(Difference(rel, "missing", []))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            differences.append(Difference(rel, "changed", [f"cannot read: {exc}\n"]))
            continue
        if have != want:
            diff = list(
                difflib.unified_diff(
                    have.splitlines(keepends=True), want.splitlines(keepends=True),
                    fromfile=f"{output / rel} (on disk)", tofile=f"{output / rel} (generated)",
                )
            )
            differences.append(Difference(rel, "changed", diff))
    for rel in sorted(on_disk.files):
        if rel not in expected and (output / rel).exists():
            differences.append(Difference(rel, "stale", []))
    return differences


def report(differences: list[Difference], output: Path) -> str:
    lines: list[str] = []
    budget = MAX_DIFF_LINES
    for d in differences:
        if d.kind == "missing":
            lines.append(f"{output / d.path}: missing (the generator would create it)\n")
        elif d.kind == "stale":
            lines.append(f"{output / d.path}: no longer generated (the generator would remove it)\n")
        else:
            shown = d.diff[:budget]
            lines.extend(line if line.endswith("\n") else line + "\n" for line in shown)
            if len(d.diff) > len(shown):
                lines.append(f"... {len(d.diff) - len(shown)} more diff lines for {d.path}\n")
            budget = max(budget - len(shown), 0)
    return "".join(lines)
