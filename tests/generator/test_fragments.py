"""The work of the last run into an output folder, used again (generator/fragments.py,
generator/reuse.py): after any change to the document, generate writes byte for byte
what a cold run writes, and makes again only what the change touched."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import pytest
import yaml

from bench.changes import CHANGES, Document, operations
from generator import fragments, pipeline, reuse
from generator.fragments import Fragments, fragments_before
from generator.load import load
from generator.write import write_files
from tests.conftest import ROOT, SPEC

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"
CORNERS = ROOT / "tests" / "golden" / "corners" / "openapi.yaml"


# -- the comparison -----------------------------------------------------------------


def _write(spec: Path, doc: Document) -> None:
    if spec.suffix == ".json":
        spec.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    else:
        spec.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def _made_pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pieces each run made (not found in the store), in order."""
    counts: list[int] = []
    save = Fragments.save

    def counted(self: Fragments, files: dict[str, str], hashes: dict[str, str] | None = None) -> None:
        counts.append(self.made)
        save(self, files, hashes)

    monkeypatch.setattr(Fragments, "save", counted)
    return counts


def _changes_keep_output_equal_to_cold(tmp_path: Path, doc: Document, suffix: str, seed: int) -> list[str]:
    spec, out = tmp_path / f"openapi{suffix}", tmp_path / "out"
    _write(spec, doc)
    first = pipeline.generate(spec, reuse_formatted=out)
    write_files(out, first.files, first.manifest)
    rng = random.Random(seed)
    done = []
    for change in CHANGES:
        done.append(change(doc, rng))
        _write(spec, doc)
        again = pipeline.generate(spec, reuse_formatted=out)
        cold = pipeline.generate(spec)
        differ = sorted(path for path in set(again.files) | set(cold.files) if again.files.get(path) != cold.files.get(path))
        assert not differ, f"after {done}: {differ[:5]} differ from a cold run"
        assert again.manifest.text() == cold.manifest.text()
        write_files(out, again.files, again.manifest)
    return done


def _document(path: Path) -> Document:
    data = load(path).data
    assert isinstance(data, dict)
    return copy.deepcopy(data)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_after_each_change_the_curated_api_is_generated_as_a_cold_run_generates_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """The curated spec (bundled into one file): x-sdk settings, namespaces, long-running
    jobs, CLI shortcuts and pagination; with the modules rendered in this process and in a
    child (SDKGEN_JOBS=2)."""
    monkeypatch.setenv("SDKGEN_JOBS", jobs)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made = _made_pieces(monkeypatch)
    done = _changes_keep_output_equal_to_cold(tmp_path, _document(SPEC), ".json", seed=16)
    assert len(done) == len(CHANGES)
    count = len(operations(_document(SPEC)))
    # the first change (a description) makes one operation's pieces again (its tool,
    # command and mock entry for each resource that offers it, at most 2; its fixture
    # file), not all
    assert made[0] >= 3 * count and 0 < made[1] <= 7


@pytest.mark.parametrize("source", [PETSTORE, CORNERS], ids=["petstore", "corners"])
def test_after_each_change_a_golden_document_is_generated_as_a_cold_run_generates_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _changes_keep_output_equal_to_cold(tmp_path, _document(source), ".yaml", seed=7)


def test_a_module_is_not_rendered_again_when_its_inputs_are_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rendered: list[str] = []
    original = reuse.FormattedBefore.rendered

    def spy(self: reuse.FormattedBefore, path: str, part: str, key: str) -> str | None:
        found = original(self, path, part, key)
        if found is None:
            rendered.append(path)
        return found

    monkeypatch.setattr(reuse.FormattedBefore, "rendered", spy)
    doc = _document(SPEC)
    spec, out = tmp_path / "openapi.json", tmp_path / "out"
    _write(spec, doc)
    first = pipeline.generate(spec, reuse_formatted=out)
    write_files(out, first.files, first.manifest)
    assert len(rendered) > 10 and any("/models/" in path for path in rendered)  # models are keyed too
    rendered.clear()
    op = next(op for _, _, op in operations(doc) if op.get("operationId") == "external_data_sources_connections_list")
    op["description"] = "Changed."
    _write(spec, doc)
    again = pipeline.generate(spec, reuse_formatted=out)
    assert rendered == ["posthog_api/resources/external_data_sources.py"]
    assert again.files == pipeline.generate(spec).files


def test_a_hand_edited_output_is_made_again_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spec, out = tmp_path / "openapi.yaml", tmp_path / "out"
    spec.write_text(PETSTORE.read_text(encoding="utf-8"), encoding="utf-8")
    first = pipeline.generate(spec, reuse_formatted=out)
    write_files(out, first.files, first.manifest)
    module = out / "petstore" / "resources" / "pets.py"
    module.write_text(module.read_text(encoding="utf-8").replace("def ", "def  "), encoding="utf-8")
    again = pipeline.generate(spec, reuse_formatted=out)
    assert again.files == first.files


# -- the store --------------------------------------------------------------------

HOMES = {"tool": "pkg/tools.json", "command": "pkg/commands/", "fixture": "pkg/fixtures/"}


def _output(out: Path, files: dict[str, str]) -> dict[str, str]:
    for path, text in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")
    return files


def _first_run(out: Path, store: Path) -> Fragments:
    first = Fragments(out, store, HOMES)
    tools = [first.piece("tool", "k1", lambda: '{"name":"one"}'), first.piece("tool", "k2", lambda: '{"name":"two"}')]
    fixture = first.piece("fixture", "k1", lambda: "three\u2028\n", file="a.json")  # each kind its own keys
    assert first.made == 3
    first.save(_output(out, {"pkg/tools.json": "[\n  " + ",\n  ".join(tools) + "\n]\n", "pkg/fixtures/a.json": fixture}))
    return first


def test_a_piece_is_found_by_its_key_in_the_output_and_only_the_pieces_used_are_kept(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    _first_run(out, store)
    second = Fragments(out, store, HOMES)
    assert second.piece("tool", "k1", lambda: "other") == '{"name":"one"}'
    assert second.piece("fixture", "k1", lambda: "other", file="a.json") == "three\u2028\n"
    assert second.made == 0
    second.save(_output(out, {"pkg/tools.json": '[\n  {"name":"one"}\n]\n', "pkg/fixtures/a.json": "three\u2028\n"}))
    third = Fragments(out, store, HOMES)
    assert third.piece("tool", "k2", lambda: "made") == "made"  # not used by the second run: gone
    assert third.made == 1
    assert len(store.glob("*.json").__next__().read_bytes()) < 1000  # an index, not a copy of the texts


def test_the_pieces_of_a_folder_home_are_found_in_the_file_each_was_put_in(tmp_path: Path) -> None:
    # the CLI's commands: a file for each top-level group, an alias's entry in two of them
    out, store = tmp_path / "out", tmp_path / "store"

    def run(pieces: Fragments, make: str) -> dict[str, str]:
        files = {"a.json": ["k1", "k2"], "b.json": ["k3", "k1"]}
        texts = {name: "\n".join(pieces.piece("command", key, lambda key=key: f'{{"{make}":"{key}"}}', file=name)
                                 for key in keys) + "\n" for name, keys in files.items()}
        return _output(out, {f"pkg/commands/{name}": text for name, text in texts.items()})

    first = Fragments(out, store, HOMES)
    written = run(first, "first")
    assert first.made == 3  # k1 once, for both files
    first.save(written)
    second = Fragments(out, store, HOMES)
    assert run(second, "second") == written
    assert second.made == 0
    with pytest.raises(ValueError):
        second.piece("command", "k1", lambda: "no file named")
    with pytest.raises(ValueError):
        second.piece("tool", "k1", lambda: "a file named", file="a.json")


def test_a_piece_whose_output_file_was_edited_is_made_again(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    _first_run(out, store)
    tools = out / "pkg" / "tools.json"
    tools.write_text(tools.read_text(encoding="utf-8").replace("two", "owt"), encoding="utf-8")
    again = Fragments(out, store, HOMES)
    assert again.piece("tool", "k1", lambda: "made") == "made"  # its file is not the last run's any more
    assert again.piece("fixture", "k1", lambda: "made", file="a.json") == "three\u2028\n"  # its own file is


def test_a_file_of_thousands_of_pieces_is_read_and_hashed_once_matching_or_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an output file edited since (or written by --no-cache) was hashed again for each of
    # its pieces: 20 s on autotask
    _output(tmp_path, {"tools.json": "text"})
    hashed: list[bytes] = []
    monkeypatch.setattr(reuse, "content_hash_of_bytes", lambda data: hashed.append(data) or "digest")
    folder = reuse.OutputFolder(tmp_path)
    assert [folder.text("tools.json", "other") for _ in range(3)] == [None] * 3
    assert [folder.text("tools.json", "digest") for _ in range(3)] == ["text"] * 3
    assert hashed == [b"text"]


def test_pieces_asked_for_out_of_their_files_order_are_made_again_not_misplaced(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    first = Fragments(out, store, HOMES)
    b, a = first.piece("tool", "kb", lambda: '"b"'), first.piece("tool", "ka", lambda: '"a"')
    first.save(_output(out, {"pkg/tools.json": f"[{a},{b}]"}))
    again = Fragments(out, store, HOMES)
    assert again.piece("tool", "kb", lambda: "made") == '"b"'
    assert again.piece("tool", "ka", lambda: "made") == "made"


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"code": "other", "files": {}}',
                                     b'{"code": null, "files": 3}', b"\xff\xfe",
                                     b'{"code": "this", "files": {"pkg/tools.json": ["h", [["tool", "k1", -1, 3]]]}}',
                                     b'{"code": "this", "files": {"pkg/tools.json": ["h", [["other", "k1", 0, 3]]]}}'])
def test_a_store_that_cannot_be_read_or_is_not_this_codes_counts_as_empty(tmp_path: Path, content: bytes) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    _first_run(out, store)
    (stored,) = store.glob("*.json")
    code = json.dumps(reuse.code_digest()).encode()
    stored.write_bytes(content.replace(b'"other"', json.dumps(reuse.code_digest() + "x").encode()).replace(b'"this"', code))
    again = Fragments(out, store, HOMES)
    assert again.piece("tool", "k1", lambda: "made") == "made"


def test_a_store_cut_short_counts_as_empty(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    _first_run(out, store)
    (stored,) = store.glob("*.json")
    assert Fragments(out, store, HOMES).piece("tool", "k2", lambda: "made") == '{"name":"two"}'
    stored.write_bytes(stored.read_bytes()[:-3])  # a disk that filled up mid-write, say
    assert Fragments(out, store, HOMES).piece("tool", "k1", lambda: "made") == "made"


def test_an_unwritable_store_costs_the_pieces_and_nothing_else(tmp_path: Path) -> None:
    blocker = tmp_path / "store"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    pieces = Fragments(tmp_path / "out", blocker, HOMES)
    assert pieces.piece("tool", "k", lambda: "one") == "one"
    pieces.save(_output(tmp_path / "out", {"pkg/tools.json": "one"}))  # no error
    assert Fragments(tmp_path / "out", blocker, HOMES).piece("tool", "k", lambda: "again") == "again"


def test_nothing_is_kept_without_a_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "not/absolute")
    assert fragments_before(reuse.OutputFolder(tmp_path), HOMES) is None


def test_keys_of_strings_tell_apart_where_the_strings_split(tmp_path: Path) -> None:
    pieces = Fragments(tmp_path, tmp_path / "store", HOMES)
    assert pieces.key("ab", "c") != pieces.key("a", "bc")
    assert pieces.key("a", "b") == pieces.key("a", "b") != pieces.key("a", ["b"])


def test_the_document_key_is_none_where_a_reference_leaves_the_components(tmp_path: Path) -> None:
    pieces = Fragments(tmp_path, tmp_path / "store", HOMES)
    plain = {"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/ok"}}}}}}
    assert pieces.document(plain) is not None
    into_paths = copy.deepcopy(plain)
    into_paths["paths"]["/a"]["get"]["parameters"] = [{"$ref": "#/paths/~1a/get/responses"}]
    assert Fragments(tmp_path, tmp_path / "store", HOMES).document(into_paths) is None
    assert Fragments(tmp_path, tmp_path / "store", HOMES).document({"paths": {}, "x": {1: "not a string key"}}) is None
    assert fragments._document_key(plain) != fragments._document_key({**plain, "paths": {"/b": plain["paths"]["/a"]}})
