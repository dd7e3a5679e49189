"""Semantic versions of the generated package: what a bump makes of a version.

    next_version("1.4.2", "minor") == "1.5.0"
    next_version("0.3.1", "major") == "0.4.0"   # while 0.x, a breaking change bumps the minor
    next_version("0.3.1", "minor") == "0.4.0"   # and so does a feature (as release-please does)
    next_version("0.3.1", "patch") == "0.3.2"
"""

from __future__ import annotations

import re

BUMPS = ("major", "minor", "patch")
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


def parse_version(version: str) -> tuple[int, int, int]:
    """(major, minor, patch) of a plain MAJOR.MINOR.PATCH version; ValueError otherwise."""
    match = _VERSION.fullmatch(version.strip())
    if match is None:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def effective_bump(version: str, bump: str | None) -> str | None:
    """The part of `version` that `bump` raises: while the major version is 0, a major
    bump raises the minor."""
    if bump is None:
        return None
    if bump not in BUMPS:
        raise ValueError(f"unknown bump {bump!r}")
    major, _, _ = parse_version(version)
    if major == 0 and bump == "major":
        return "minor"
    return bump


def next_version(version: str, bump: str | None) -> str:
    major, minor, patch = parse_version(version)
    part = effective_bump(version, bump)
    if part is None:
        return f"{major}.{minor}.{patch}"
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
