"""The formatter's version goes into the manifest (generator/format.py): read from its
`.dist-info` folder, it is what importlib.metadata says."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from generator.diagnostics import SpecError
from generator.format import _installed_version, formatter_id


@pytest.mark.parametrize("name", ["ruff", "black"])
def test_the_version_read_is_the_installed_one(name):
    assert _installed_version(name) == version(name)
    assert formatter_id(name) == f"{name}-{version(name)}"


def test_a_formatter_that_is_not_installed_is_named(monkeypatch):
    assert _installed_version("no-such-formatter-here") is None
    with pytest.raises(SpecError, match="unknown formatter 'yapf'"):
        formatter_id("yapf")
