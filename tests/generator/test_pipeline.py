"""The pipeline end to end: determinism, writing, checking, and errors people can cause."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"


def run_generator(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=300)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_output_is_identical_across_hash_seeds_locales_and_cwd(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    spec = str(ROOT / "spec" / "openapi.yaml")
    r1 = run_generator("generate", spec, "--output", str(first), env={"PYTHONHASHSEED": "1", "LC_ALL": "C"})
    r2 = run_generator("generate", spec, "--output", str(second), cwd=tmp_path,
                       env={"PYTHONHASHSEED": "4242", "LC_ALL": "C.UTF-8", "TZ": "Asia/Kolkata"})
    assert r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr
    assert tree(first) == tree(second)


def test_writes_only_what_changed_and_keeps_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_generator("generate", str(PETSTORE), "-o", str(out)).returncode == 0
    foreign = out / "petstore" / "my_notes.txt"
    foreign.write_text("mine")
    models = out / "petstore" / "models" / "pets.py"
    before = models.stat().st_mtime_ns
    result = run_generator("generate", str(PETSTORE), "-o", str(out))
    assert result.returncode == 0
    assert "0 written, 0 removed" in result.stderr
    assert models.stat().st_mtime_ns == before
    assert foreign.read_text() == "mine"


def test_removes_files_it_no_longer_generates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = tmp_path / "spec.yaml"
    tagged = PETSTORE.read_text().replace("operationId: pets_destroy\n      tags: [pets]", "operationId: pets_destroy\n      tags: [adoptions]")
    spec.write_text(tagged)
    assert run_generator("generate", str(spec), "-o", str(out)).returncode == 0
    gone = [out / "petstore" / "resources" / "adoptions.py", out / "petstore" / "testing" / "fixtures" / "adoptions.json",
            out / "petstore" / "cli" / "commands" / "adoptions.json", out / "petstore" / "mcp" / "tools" / "adoptions.json",
            out / "tests" / "contract" / "test_adoptions.py"]
    assert all(path.exists() for path in gone)
    spec.write_text(tagged.replace("    delete:\n      operationId: pets_destroy", "    x-removed:\n      operationId: pets_destroy"))
    result = run_generator("generate", str(spec), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "5 removed" in result.stderr
    assert not any(path.exists() for path in gone)


def test_check_reports_a_hand_edit_with_a_diff(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_generator("generate", str(PETSTORE), "-o", str(out)).returncode == 0
    assert run_generator("check", str(PETSTORE), "-o", str(out)).returncode == 0
    models = out / "petstore" / "models" / "pets.py"
    models.write_text(models.read_text().replace("class Pet(_BaseModel):", "class Pet(_BaseModel):  # edited"))
    result = run_generator("check", str(PETSTORE), "-o", str(out))
    assert result.returncode == 1
    assert "-class Pet(_BaseModel):  # edited" in result.stdout
    assert "+class Pet(_BaseModel):" in result.stdout
    assert "run `make generate`" in result.stderr
    assert run_generator("generate", str(PETSTORE), "-o", str(out)).returncode == 0
    assert run_generator("check", str(PETSTORE), "-o", str(out)).returncode == 0


def test_a_failed_generation_leaves_the_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = tmp_path / "spec.yaml"
    spec.write_text(PETSTORE.read_text())
    assert run_generator("generate", str(spec), "-o", str(out)).returncode == 0
    before = tree(out)
    # a parameter that names nothing (a missing schema would be stood in for)
    spec.write_text(PETSTORE.read_text().replace("- {name: limit, in: query, schema: {type: integer}}",
                                                 "- {$ref: '#/components/parameters/Nope'}"))
    result = run_generator("generate", str(spec), "-o", str(out))
    assert result.returncode == 2
    assert tree(out) == before


def test_user_errors_are_one_located_line(tmp_path: Path) -> None:
    cases = {
        "bad.yaml": ("openapi: 3.1.0\ninfo: [unclosed\n", ":3:1: error [input] invalid YAML"),
        "swagger.yaml": ("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n", "swagger.yaml:1:10: error [openapi-version] this is a Swagger 1.2 document; OpenAPI 3.0, 3.1 and 3.2 and Swagger 2.0 are supported"),
        "ref.yaml": ("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a/:\n    $ref: 'missing.yaml#/a'\n", "ref.yaml:5:5: error [ref] $ref 'missing.yaml#/a' cannot be resolved: file not found"),
        # a JSON document on one line (as the APIs.guru directory's are): a problem found
        # after loading is still given its line and column, not only its pointer (a
        # parameter that names nothing: a schema that does is stood in for, with a warning)
        "one-line.json": ('{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {"parameters": '
                          '[{"$ref": "#/nope"}], "responses": {"200": {"description": "ok"}}}}}}',
                          "one-line.json:1:86: error [ref] $ref '#/nope' cannot be resolved"),
    }
    for name, (text, expected) in cases.items():
        spec = tmp_path / name
        spec.write_text(text)
        result = run_generator("generate", str(spec), "-o", str(tmp_path / "out"), cwd=tmp_path)
        assert result.returncode == 2, name
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert expected in result.stderr, result.stderr
    missing = run_generator("generate", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert missing.returncode == 2 and "file not found" in missing.stderr


def test_help_and_package_name(tmp_path: Path) -> None:
    for command in ("generate", "check", "lint"):
        result = run_generator(command, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout
    out = tmp_path / "petstore_out"
    result = run_generator("generate", str(PETSTORE), "--output", str(out), "--package-name", "my_pets")
    assert result.returncode == 0
    assert (out / "my_pets" / "models" / "__init__.py").exists()
    shutil.rmtree(out)


def test_lenient_by_default_strict_on_request(tmp_path: Path) -> None:
    spec = tmp_path / "loose.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Loose, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n"
        "      responses:\n        '200':\n          content:\n            application/json:\n"
        "              schema: {type: object, properties: {x: {type: strange}}}\n"
    )
    lenient = run_generator("generate", str(spec), "-o", str(tmp_path / "out"))
    assert lenient.returncode == 0, lenient.stderr
    assert "loose.yaml:11:54: warning [unsupported] unknown type 'strange'; using Any" in lenient.stderr
    strict = run_generator("generate", str(spec), "-o", str(tmp_path / "out2"), "--strict")
    assert strict.returncode == 2
    # the same problem, at the same place, now an error
    assert "loose.yaml:11:54: error [unsupported] unknown type 'strange'; using Any" in strict.stderr
    assert "Traceback" not in strict.stderr
    assert not (tmp_path / "out2").exists()


def test_a_json_documents_warnings_are_located_when_shown_and_errors_always(tmp_path: Path) -> None:
    """A JSON document is read without positions; the line and column of what is shown are
    found again (pipeline._with_lines). -q shows no warnings, so it skips that read."""
    spec = tmp_path / "loose.json"
    spec.write_text(
        '{"openapi": "3.0.3", "info": {"title": "Loose", "version": "1"}, "paths": {"/a": {"get": {\n'
        '  "operationId": "a", "responses": {"200": {"description": "ok", "content": {"application/json": {\n'
        '    "schema": {"type": "object", "properties": {"x": {"type": "strange"}}}}}}}}}}}\n'
    )
    shown = run_generator("generate", str(spec), "-o", str(tmp_path / "out"))
    assert shown.returncode == 0, shown.stderr
    assert "loose.json:3:54: warning [unsupported] unknown type 'strange'; using Any" in shown.stderr
    quiet = run_generator("generate", str(spec), "-o", str(tmp_path / "out2"), "-q")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert (tmp_path / "out2" / "loose" / "_client.py").read_text() == (tmp_path / "out" / "loose" / "_client.py").read_text()
    strict = run_generator("generate", str(spec), "-o", str(tmp_path / "out3"), "-q", "--strict")
    assert strict.returncode == 2
    assert "loose.json:3:54: error [unsupported] unknown type 'strange'; using Any" in strict.stderr


@pytest.mark.parametrize(("earlier_output", "share"), [(False, 0.4), (True, 0.6)])
def test_ctrl_c_stops_generation_cleanly(tmp_path: Path, earlier_output: bool, share: float) -> None:
    """Ctrl-C reaches the whole process group (the generator and the formatter it runs):
    the user sees one line, no traceback, exit 130, the output is not half-written, and no
    helper is left behind. The interrupt comes at a share of the time a whole run takes
    here and now (measured first): a fixed delay let faster runs finish before it."""
    import signal
    import time

    from tests.conftest import need_corpus

    spec = tmp_path / "asana.yaml"  # big enough to interrupt in any stage
    text = (need_corpus() / "asana.yaml").read_text(encoding="utf-8")
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "interrupted-output"
    command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), "-q"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    timed = command if earlier_output else [*command[:-2], str(tmp_path / "timed-output"), "-q"]
    started = time.monotonic()
    subprocess.run(timed, cwd=ROOT, env=env, check=True, capture_output=True)
    whole = time.monotonic() - started
    changes = iter(["Get many tasks", "Get several tasks", "Get some tasks", "Get a few tasks"])
    if earlier_output:  # the run interrupted changes one operation: timed as such a run, not a cold one
        spec.write_text(text.replace("Get multiple tasks", next(changes), 1), encoding="utf-8")
        started = time.monotonic()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        whole = time.monotonic() - started
    for attempt in range(3):  # a run faster than the one timed is interrupted sooner the next time
        if earlier_output:
            spec.write_text(text.replace("Get multiple tasks", next(changes), 1), encoding="utf-8")
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} if earlier_output else {}
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env, start_new_session=True)
        time.sleep(max(0.05, share * whole / 2 ** attempt))
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does
        _, stderr = proc.communicate(timeout=30)
        if proc.returncode != 0:
            break
        if not earlier_output:
            shutil.rmtree(out)
    else:
        pytest.fail(f"three runs finished before the interrupt (at {share:.0%} of {whole:.2f} s, then sooner)")
    assert "Traceback" not in stderr and "Aborted!" in stderr and proc.returncode == 130
    after_files = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} if out.exists() else {}
    assert after_files == before  # nothing written (files are replaced only once all is ready)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = subprocess.run(["pgrep", "-f", str(out)], capture_output=True, text=True).stdout.split()
        if not left:
            break
        time.sleep(0.1)
    assert not left, f"helper processes left: {left}"


def test_ctrl_c_during_a_finaliser_still_stops_the_run() -> None:
    """A Ctrl-C that lands while a finaliser runs (a temporary folder's cleanup) would be
    printed as "Exception ignored in ..." with a traceback, and lost: the run went on. It
    stops the run as any other does: one line, exit 130."""
    code = (
        "import time\n"
        "from generator import cli\n"
        "class Cleanup:\n"
        "    def __del__(self):\n"
        "        raise KeyboardInterrupt\n"
        "def main(**options):\n"
        "    Cleanup()\n"
        "    time.sleep(5)\n"
        "    print('went on')\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "Aborted!\n")
