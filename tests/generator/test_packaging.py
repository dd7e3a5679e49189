"""The generated project installs as users install it: a wheel built from generated/
carries its data files (the CLI's command table, the mock server's spec and fixtures),
and the installed package finds them without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_data_files_and_the_installed_cli_reads_them(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"),
         str(ROOT / "generated")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("posthog_api/cli/groups.json", "posthog_api/cli/commands/query.json", "posthog_api/testing/spec.json",
                     "posthog_api/py.typed"):
        assert required in names
    assert any(n.startswith("posthog_api/testing/fixtures/") and n.endswith(".json") for n in names)

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    # the installed copy comes first on the path (before the editable install of the tests)
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import sys;"
        "import posthog_api.cli._commands as c, posthog_api.testing._mock as m;"
        "assert c.__file__.startswith(sys.argv[1]), c.__file__;"
        "print(len(c.every_command()), len(c.GROUPS))"
    )
    run = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    commands, groups = map(int, run.stdout.split())
    assert commands >= 53 and groups >= 7  # every operation, and the x-cli helpers
