"""The output folder's manifest: which files the generator owns there.

`.generator-manifest.json` names every file the generator wrote, with a hash of its
content, the generator and the formatter that made it. It is committed with the output,
so it is input like any other: before anything is written or deleted on its say-so it is
validated (a tampered manifest must not make the generator touch a path outside the
output folder, or one it never wrote).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .diagnostics import OUTPUT, Location, SpecError

MANIFEST = ".generator-manifest.json"

#: a path the generator may own: relative, POSIX separators, no empty, `.` or `..` part,
#: printable ASCII without backslashes or drive letters
_SAFE_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def content_hash(text: str) -> str:
    return content_hash_of_bytes(text.encode("utf-8", "surrogatepass"))


def content_hash_of_bytes(data: bytes) -> str:
    """content_hash of the text whose UTF-8 encoding is `data` (a file as written: no
    encoding needed, a third of the time on 8 MB)."""
    return hashlib.sha256(data).hexdigest()[:32]


def is_safe_path(path: str) -> bool:
    """A path inside the output folder that the generator could have written."""
    if not path or path != path.strip() or path.startswith("/") or path == MANIFEST:
        return False
    parts = PurePosixPath(path).parts
    return all(_SAFE_PART.fullmatch(part) for part in parts) and "/".join(parts) == path


@dataclass
class Manifest:
    """What the generator owns in an output folder (empty when there is no manifest)."""

    files: dict[str, str] = field(default_factory=dict)  # path -> content hash
    generator: str = ""
    formatter: str = ""
    present: bool = False  # a manifest file was found

    @classmethod
    def build(cls, files: Mapping[str, str], generator: str, formatter: str, known: Mapping[str, str] | None = None) -> Manifest:
        """The manifest of `files`; `known` has the content hashes of some of them already."""
        known = known or {}
        return cls({path: known.get(path) or content_hash(text) for path, text in sorted(files.items())},
                   generator, formatter, True)

    def text(self) -> str:
        data = {"generator": self.generator, "formatter": self.formatter, "files": dict(sorted(self.files.items()))}
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def read(cls, output: Path) -> Manifest:
        """The manifest in `output`, validated; SpecError when it exists but cannot be trusted."""
        target = output / MANIFEST
        try:
            raw = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as exc:
            raise _invalid(target, f"cannot be read ({exc})") from None
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise _invalid(target, f"is not JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            raise _invalid(target, "has no `files` mapping")
        files: dict[str, str] = {}
        for path, info in data["files"].items():
            if not is_safe_path(path):
                raise _invalid(target, f"names {path!r}, which is not a path inside the output folder")
            digest = info.get("content") if isinstance(info, dict) else info  # older manifests kept a dict
            if not isinstance(digest, str):
                raise _invalid(target, f"has no content hash for {path!r}")
            files[path] = digest
        generator = data.get("generator")
        formatter = data.get("formatter")
        return cls(files, generator if isinstance(generator, str) else "", formatter if isinstance(formatter, str) else "", True)


def _invalid(target: Path, why: str) -> SpecError:
    return SpecError(
        f"the manifest {why}; refusing to write or delete anything on its say-so "
        "(restore it from version control, or delete it and pass --force)",
        Location(str(target)),
        code=OUTPUT,
    )
