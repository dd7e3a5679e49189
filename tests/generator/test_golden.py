"""Golden tests: the spec-dependent files generated from small specs of our own.

The runtime modules are the same for every spec and are covered by the client
tests; here we pin what the spec decides: models, resources, the CLI table, the
mock server's data. After an intended change, refresh with
`UPDATE_GOLDEN=1 make test` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pipeline import generate

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SPEC_DEPENDENT = ("models/", "types.py", "resources/", "cli/groups.json", "cli/commands/", "mcp/tools.json", "mcp/tools/", "testing/spec.json", "testing/fixtures/", "_client.py", "_settings.py", "errors.py")


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir() if (p / "openapi.yaml").exists()))
def test_golden(name: str, tmp_path: Path) -> None:
    folder = GOLDEN / name
    result = generate(folder / "openapi.yaml")
    def spec_dependent(path: str) -> bool:
        inner = path.split("/", 1)[-1]
        return any(inner == part or (part.endswith("/") and inner.startswith(part)) for part in SPEC_DEPENDENT)

    chosen = {path: text for path, text in result.files.items() if spec_dependent(path)}
    expected_dir = folder / "expected"
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in chosen.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    expected = {str(p.relative_to(expected_dir)): p.read_text() for p in expected_dir.rglob("*") if p.is_file()}
    assert sorted(chosen) == sorted(expected), "the set of generated files changed"
    for path in sorted(chosen):
        assert chosen[path] == expected[path], f"{name}/{path} differs from the golden copy"
