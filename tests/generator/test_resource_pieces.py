"""A resource module in pieces (generator/resource_pieces.py): the formatted module is its
pieces formatted alone and joined, and a module made from the last run's pieces after a
change is byte for byte the module a cold run makes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bench.changes import CHANGES
from generator import format as formatting
from generator import fragments, pipeline, render, resource_pieces, reuse, views
from generator.load import load
from generator.parse import parse
from generator.write import write_files
from tests.conftest import SPEC
from tests.generator.test_fragments import (
    CORNERS,
    PETSTORE,
    _changes_keep_output_equal_to_cold,
    _document,
    _write,
)


@pytest.mark.parametrize("source", [SPEC, PETSTORE, CORNERS], ids=["curated", "petstore", "corners"])
def test_a_formatted_module_is_its_pieces_formatted_alone_and_joined(source: Path) -> None:
    """What splicing counts on: each piece, formatted alone after the stub of its
    context, is the text ruff gives it in its whole module, blank lines before it too."""
    api = parse(load(source), None)
    view = views.build(api)
    template = render.environment().get_template("package/resources/resource.py.jinja")
    takes = render.alias_takes(api.aliases)
    made = {rv.resource.module: resource_pieces.render_module(
        resource_pieces.ResourceRenderer(template, rv, render.resource_enums(rv, api.enums),
                                         render.resource_alias_takes(rv, takes))) for rv in view.resources}
    whole = formatting.format_files({f"pkg/{name}.py": m.text for name, m in made.items()}, package="pkg")
    stubs: dict[str, str] = {}
    expected: dict[str, str] = {}
    for name, m in made.items():
        formatted = whole[f"pkg/{name}.py"]
        spans = resource_pieces.locate(formatted, m.pieces)
        assert spans is not None, name
        assert formatted[:spans[0][0]] + "".join(formatted[a:a + n] for a, n in spans) == formatted
        count = len(view.resources[[rv.resource.module for rv in view.resources].index(name)].operations)
        for j, ((piece, i), text) in enumerate(zip(resource_pieces.slots(count), m.pieces, strict=True)):
            if i >= 0 and text.strip():
                stub = resource_pieces.STUBS[resource_pieces._CONTEXT.get(piece, "statement")]
                stubs[f"{name}/{j}.py"] = stub + text
                expected[f"{name}/{j}.py"] = stub + formatted[spans[j][0]:sum(spans[j])]
    assert len(stubs) > len(made)
    alone = formatting.format_snippets(stubs)
    differ = [path for path in stubs if alone[path] != expected[path]]
    assert not differ, f"formatted alone, these pieces differ from their module's text: {differ[:5]}"


def _splice_every_module(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource module made from pieces where it can be (not only the big ones);
    the paths of those so made, in this process."""
    monkeypatch.setattr(resource_pieces, "SPLICE_FROM_CHARS", 0)
    spliced: list[str] = []
    original = reuse.FormattedBefore.formatted_already

    def spy(self: reuse.FormattedBefore, path: str) -> None:
        spliced.append(path)
        original(self, path)

    monkeypatch.setattr(reuse.FormattedBefore, "formatted_already", spy)
    return spliced


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_after_each_change_a_module_made_from_pieces_is_the_cold_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", jobs)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spliced = _splice_every_module(monkeypatch)
    done = _changes_keep_output_equal_to_cold(tmp_path, _document(SPEC), ".json", seed=23)
    assert len(done) == len(CHANGES)
    if jobs == "1":  # (a child's spy is its own)
        assert len(spliced) >= 3, spliced


def test_after_each_change_a_golden_module_made_from_pieces_is_the_cold_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spliced = _splice_every_module(monkeypatch)
    _changes_keep_output_equal_to_cold(tmp_path, _document(CORNERS), ".yaml", seed=5)
    assert spliced


def _one_tag(descriptions: list[str], streams: int = -1) -> dict[str, Any]:
    """A document of one tag, an operation for each description; the one numbered
    `streams` answers with server-sent events."""
    def answer(n: int) -> dict[str, Any]:
        media = "text/event-stream" if n == streams else "application/json"
        return {"200": {"description": "ok", "content": {media: {"schema": {"type": "object"}}}}}

    paths = {f"/things/{n}": {"get": {"operationId": f"get_thing_{n}", "tags": ["things"], "description": text,
                                      "responses": answer(n)}}
             for n, text in enumerate(descriptions)}
    return {"openapi": "3.1.0", "info": {"title": "Things", "version": "1"}, "paths": paths}


def _run(tmp_path: Path, doc: dict[str, Any], asked: list[set[str]]) -> str:
    """The module generated from `doc` into the same folder each time, checked against a
    cold run; `asked` gets what ruff's import fixes were asked about."""
    asked.append(set())
    spec, out = tmp_path / "openapi.yaml", tmp_path / "out"
    _write(spec, copy.deepcopy(doc))
    again = pipeline.generate(spec, reuse_formatted=out)
    cold = pipeline.generate(spec)
    assert again.files == cold.files
    write_files(out, again.files, again.manifest)
    return again.files["things/resources/things.py"]


def test_a_private_name_only_a_docstring_holds_is_left_to_ruffs_import_fixes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Spec text may name one of a module's private aliases: the imports are what the
    module's text names, and ruff takes out those only a docstring names. A module is
    made from pieces only where each import is shown to be read by its code; else ruff is
    asked, and where it would change the imports the module is made whole. Either way it
    is the cold run's."""
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spliced = _splice_every_module(monkeypatch)
    asked: list[set[str]] = []
    original = formatting.import_fixes_wanted

    def spy(files: dict[str, str], package: str) -> set[str]:
        asked[-1].update(files)
        return original(files, package)

    monkeypatch.setattr(formatting, "import_fixes_wanted", spy)
    stream_names = "_Iterator, _AsyncIterator, _ServerSentEvent, _iter_events and _aiter_events"
    texts = [f"Thing {n}." for n in range(6)]
    texts[2] = f"Not a stream, unlike {stream_names}."
    module = _run(tmp_path, _one_tag(texts, streams=0), asked)  # cold: the stream's code reads them
    assert "import Iterator as _Iterator" in module
    texts[1] = "Changed."
    _run(tmp_path, _one_tag(texts, streams=0), asked)  # from pieces, each import shown to be read
    assert spliced == ["things/resources/things.py"] and not asked[-1]
    spliced.clear()
    module = _run(tmp_path, _one_tag(texts, streams=-1), asked)  # no stream: only a docstring names them
    assert asked[-1] == {"things/resources/things.py"} and not spliced  # ruff asked, and made whole
    assert "_Iterator" in module and "import Iterator as _Iterator" not in module
    texts[3] = "Changed again."
    _run(tmp_path, _one_tag(texts), asked)  # the last module's imports were ruff's, not its text's
    assert not spliced


def test_a_module_edited_by_hand_is_made_whole_not_from_its_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spliced = _splice_every_module(monkeypatch)
    texts = [f"Thing {n}." for n in range(6)]
    _run(tmp_path, _one_tag(texts), [])
    module = tmp_path / "out" / "things" / "resources" / "things.py"
    module.write_text(module.read_text(encoding="utf-8").replace("Thing 4.", "Thing four."), encoding="utf-8")
    texts[1] = "Changed."
    _run(tmp_path, _one_tag(texts), [])  # the cold run's text, the edit gone
    assert not spliced
    texts[1] = "Changed again."
    _run(tmp_path, _one_tag(texts), [])  # and its pieces placed again
    assert spliced == ["things/resources/things.py"]


def test_a_modules_pieces_are_taken_only_while_its_file_and_the_store_agree(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    (out / "pkg").mkdir(parents=True)
    module = out / "pkg" / "m.py"
    module.write_text("head\nbody\n", encoding="utf-8")
    first = fragments.Fragments(out, store, {})
    first.place_modules({"pkg/m.py": ("context", ["_Any"], [("head:1", 0, 5), ("a:0", 5, 5)])})
    first.save({"pkg/m.py": "head\nbody\n"})
    found = fragments.Fragments(out, store, {}).module_before("pkg/m.py")
    assert found is not None and found.where == {"head:1": (0, 5), "a:0": (5, 5)}
    assert (found.context, found.mentioned) == ("context", ["_Any"])
    module.write_text("head\nbodY\n", encoding="utf-8")  # edited since: not the last run's
    assert fragments.Fragments(out, store, {}).module_before("pkg/m.py") is None
    module.write_text("head\nbody\n", encoding="utf-8")
    index = json.loads(next(store.glob("*.json")).read_text(encoding="utf-8"))
    damaged = copy.deepcopy(index)
    damaged["modules"] = {}  # pieces but no notes: nothing taken
    next(store.glob("*.json")).write_text(json.dumps(damaged), encoding="utf-8")
    assert fragments.Fragments(out, store, {}).module_before("pkg/m.py") is None
    damaged = copy.deepcopy(index)
    damaged["files"]["pkg/m.py"][1][1][3] = 500  # a piece past the end of its file
    next(store.glob("*.json")).write_text(json.dumps(damaged), encoding="utf-8")
    assert fragments.Fragments(out, store, {}).module_before("pkg/m.py") is None
