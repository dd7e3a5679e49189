"""Shared test helpers: where things are, and the IR of the curated spec."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"
GENERATED = ROOT / "generated"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The tests run the client strict: a response the API document does not allow fails the
# test (lenient reading, the default for users, is tested where it is asked for).
os.environ.setdefault("POSTHOG_STRICT_RESPONSE_VALIDATION", "1")

# `sdkgen generate` keeps digests of what it formatted in $XDG_CACHE_HOME/sdkgen
# (generator/reuse.py): the tests' throwaway output folders keep theirs in a folder of
# the session's, not in the user's cache.
_CACHE_HOME = tempfile.mkdtemp(prefix="sdkgen-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, True)


@functools.cache
def curated_api():
    """The parsed IR of spec/, computed once per session."""
    from generator.load import load
    from generator.parse import parse

    return parse(load(SPEC))


@functools.cache
def curated_operation_views():
    """operation id -> the templates' view of that operation (arguments, streaming, ...)."""
    from generator.views import build

    return {ov.op.operation_id: ov for rv in build(curated_api()).resources for ov in rv.operations}


def need_shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: these tests read the shared reference material beside the project")
    return SHARED


def need_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent: the real-world specs live beside the project in ../shared/corpus")
    return CORPUS
