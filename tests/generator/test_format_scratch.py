"""ruff's scratch copy of the generated files goes to a folder in memory when there is
one with room (generator/format.py), else to the system's temp folder; the output is
the same either way, and nothing is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import format as fmt

FILES = {"pkg/a.py": "import os\nimport sys\nx=[1,\n2]\nprint(sys.argv)\n", "pkg/b.py": "y = {'a':1}\n"}
FORMATTED = {"pkg/a.py": "import sys\n\nx = [1, 2]\nprint(sys.argv)\n", "pkg/b.py": 'y = {"a": 1}\n'}


def test_the_scratch_folder_is_in_memory_only_where_there_is_room(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "MEMORY_FOLDER", str(tmp_path))
    assert fmt._scratch_parent(1000) == str(tmp_path)
    free = os.statvfs(tmp_path)
    assert fmt._scratch_parent(free.f_bavail * free.f_frsize) is None  # needs four times the size
    monkeypatch.setattr(fmt, "MEMORY_FOLDER", str(tmp_path / "absent"))
    assert fmt._scratch_parent(1000) is None


@pytest.mark.parametrize("memory", [True, False])
def test_the_output_is_the_same_wherever_the_scratch_copy_goes(tmp_path, monkeypatch, memory):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(fmt, "MEMORY_FOLDER", str(scratch) if memory else str(tmp_path / "absent"))
    monkeypatch.setattr(fmt.tempfile, "tempdir", str(tmp_path / "system"))
    (tmp_path / "system").mkdir()
    assert fmt.format_files(FILES, "ruff", package="pkg") == FORMATTED
    assert list(scratch.iterdir()) == [] and list(Path(tmp_path / "system").iterdir()) == []
