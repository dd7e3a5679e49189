"""What a spec makes the loader read is confined and bounded (issue 13, findings 2 and 6).

$refs read regular files inside the spec's folder only (an option widens it); files,
nesting and YAML alias expansion are bounded; text that is not Unicode is refused. Each
refusal is one located line and exit 2, never a traceback, a hang or gigabytes of
memory. The hostile inputs that could exhaust the machine run in a child process with a
memory limit, so that a regression fails the test rather than the test run.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import load as loader
from generator.diagnostics import SpecError
from generator.lint import lint
from generator.load import Refused, load
from generator.pipeline import generate
from tests.conftest import ROOT

SECRET = "TOP-SECRET-do-not-ship-0b5e"
#: a schema a $ref may point at: before the fix it was bundled into the package
SECRET_SCHEMA = f"type: object\ndescription: {SECRET}\nproperties:\n  token: {{type: string, default: {SECRET}}}\n"


def spec_with_ref(ref: str) -> str:
    return (
        "openapi: 3.1.0\n"
        "info: {title: Refs, version: '1'}\n"
        "paths:\n"
        "  /things/:\n"
        "    get:\n"
        "      operationId: things_list\n"
        "      responses:\n"
        "        '200':\n"
        "          description: ok\n"
        "          content:\n"
        "            application/json:\n"
        f"              schema: {{$ref: {json.dumps(ref)}}}\n"
    )


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """(the spec's folder, a secret file beside it, outside that folder)."""
    folder = tmp_path / "project" / "spec"
    folder.mkdir(parents=True)
    secret = tmp_path / "project" / "secret.yaml"
    secret.write_text(SECRET_SCHEMA)
    return folder, secret


def _refused(spec: Path, **options: object) -> SpecError:
    with pytest.raises(SpecError) as caught:
        load(spec, **options)  # type: ignore[arg-type]
    return caught.value


def _bundle(spec: Path, *args: str, limit_memory: bool = False, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`sdkgen bundle SPEC` in a child process, its address space capped at 1.5 GB when asked."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "generator", "bundle", str(spec), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout, preexec_fn=cap if limit_memory else None,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


# -- $ref stays inside the spec's folder -------------------------------------------------------


@pytest.mark.parametrize("form", ["relative", "absolute", "file-url", "file-url-localhost", "percent-encoded"])
def test_a_ref_out_of_the_spec_folder_is_refused(layout: tuple[Path, Path], form: str) -> None:
    folder, secret = layout
    ref = {
        "relative": "../secret.yaml",
        "absolute": str(secret),
        "file-url": secret.as_uri(),
        "file-url-localhost": "file://localhost" + str(secret),
        "percent-encoded": "..%2Fsecret.yaml",
    }[form]
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref(ref))
    error = _refused(spec)
    assert isinstance(error, Refused)
    [diagnostic] = error.diagnostics
    assert diagnostic.code == "ref" and diagnostic.location.line == 12
    assert "leads outside the spec's folder" in diagnostic.message and "--allow-ref-root" in diagnostic.message
    assert SECRET not in str(error)


def test_a_symbolic_link_cannot_lead_a_ref_out(layout: tuple[Path, Path]) -> None:
    folder, secret = layout
    (folder / "schemas.yaml").symlink_to(secret)
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("schemas.yaml"))
    assert "leads outside the spec's folder" in _refused(spec).message


def test_refs_within_the_folder_and_below_still_work(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "schemas").mkdir()
    (folder / "schemas" / "thing.yaml").write_text("type: object\nproperties:\n  name: {type: string}\n")
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("./schemas/../schemas/thing.yaml"))
    assert load(spec).data["components"]["schemas"]["thing"]["type"] == "object"


def test_allow_ref_root_widens_the_folder_explicitly(layout: tuple[Path, Path]) -> None:
    folder, secret = layout
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("../secret.yaml"))
    doc = load(spec, allow_ref_roots=[secret.parent])
    assert doc.data["components"]["schemas"]["secret"]["description"] == SECRET
    refused = _bundle(spec)
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1, refused.stderr
    assert "[ref]" in refused.stderr and SECRET not in refused.stderr + refused.stdout
    allowed = _bundle(spec, "--allow-ref-root", str(secret.parent))
    assert allowed.returncode == 0, allowed.stderr
    assert SECRET in allowed.stdout


def test_a_refused_ref_is_never_written_into_the_package(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("../secret.yaml"))
    with pytest.raises(Refused):
        generate(spec, validate_spec=False)


def test_lint_refuses_it_too_rather_than_reporting_a_finding(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("../secret.yaml"))
    with pytest.raises(Refused):
        lint(spec)


# -- regular files only, of a bounded size ------------------------------------------------------


def _load_within(spec: Path, seconds: float, **options: object) -> BaseException | None:
    """Load in a thread that must finish within `seconds` (a FIFO would block it for ever)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            load(spec, **options)  # type: ignore[arg-type]
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"load() was still running after {seconds}s"
    return outcome[0]


def test_a_ref_to_a_fifo_is_refused_without_blocking(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    os.mkfifo(folder / "pipe.yaml")
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("pipe.yaml"))
    error = _load_within(spec, 20)
    assert isinstance(error, Refused) and "a named pipe: specs are read from regular files only" in error.message


def test_a_ref_to_a_directory_is_refused(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "schemas").mkdir()
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("schemas"))
    error = _load_within(spec, 20)
    assert isinstance(error, Refused) and "a directory: specs are read from regular files only" in error.message


def test_dev_zero_is_refused_without_reading_it(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("/dev/zero"))
    assert "leads outside" in _refused(spec).message
    # Even where the folder is allowed, a device is not a file to read (in a child with a
    # memory cap: reading it would otherwise fill this process).
    started = time.monotonic()
    result = _bundle(spec, "--allow-ref-root", "/dev", limit_memory=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "a character device: specs are read from regular files only" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and time.monotonic() - started < 30


def test_a_file_over_the_size_limit_is_refused(layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = layout
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 4096)
    (folder / "big.yaml").write_text("type: object\ndescription: '" + "x" * 5000 + "'\n")
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("big.yaml"))
    error = _refused(spec)
    assert isinstance(error, Refused) and error.diagnostics[0].code == "limit"
    assert "larger than" in error.message and "xxxx" not in str(error)
    spec.write_text(spec_with_ref("big.yaml") + "# " + "y" * 5000 + "\n")
    assert _refused(spec).diagnostics[0].code == "limit"  # the root file too


def test_the_files_of_a_spec_are_bounded_together(layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = layout
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", 1000)
    (folder / "thing.yaml").write_text("type: object\ndescription: '" + "x" * 800 + "'\n")
    spec = folder / "openapi.yaml"
    spec.write_text(spec_with_ref("thing.yaml"))
    error = _refused(spec)
    assert error.diagnostics[0].code == "limit" and "add up to more than" in error.message


# -- YAML aliases, nesting and text -----------------------------------------------------------

BILLION_LAUGHS = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
x-lol:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_is_one_located_error_in_little_memory(tmp_path: Path) -> None:
    spec = tmp_path / "lol.yaml"
    spec.write_text(BILLION_LAUGHS)
    assert spec.stat().st_size < 500
    started = time.monotonic()
    result = _bundle(spec, limit_memory=True, timeout=120)
    assert result.returncode == 2, result.stderr[-500:]
    [line] = result.stderr.splitlines()
    assert "lol.yaml:" in line and "error [limit] YAML aliases expand to more than" in line
    assert time.monotonic() - started < 60


def test_aliases_of_ordinary_size_are_expanded(tmp_path: Path) -> None:
    spec = tmp_path / "anchors.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: &shape {type: object, properties: {x: {type: string}}}\n    B: *shape\n"
    )
    schemas = load(spec).data["components"]["schemas"]
    assert schemas["A"] == schemas["B"]


def test_an_alias_inside_itself_stops_at_the_depth_limit(tmp_path: Path) -> None:
    spec = tmp_path / "loop.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-loop: &loop [*loop]\n")
    error = _refused(spec)
    assert error.diagnostics[0].code == "limit" and "nests more than" in error.message


@pytest.mark.parametrize("levels", [600, 1000, 100_000])
def test_deep_json_is_a_located_error_not_a_recursion_error(tmp_path: Path, levels: int) -> None:
    spec = tmp_path / "deep.json"
    spec.write_text('{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},\n "x-deep": '
                    + "[" * levels + "]" * levels + "}")
    error = _refused(spec)
    [diagnostic] = error.diagnostics
    assert diagnostic.code == "limit" and "nests more than 128 levels deep" in diagnostic.message
    assert (diagnostic.location.line, diagnostic.location.col) == (2, 12 + loader.MAX_DEPTH - 1)


def test_deep_yaml_is_a_located_error(tmp_path: Path) -> None:
    spec = tmp_path / "deep.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: " + "[" * 300 + "]" * 300 + "\n")
    error = _refused(spec)
    assert error.diagnostics[0].code == "limit" and error.diagnostics[0].location.line == 4


def test_a_document_at_the_depth_limit_generates(tmp_path: Path) -> None:
    """The limit is low enough for every later stage: a schema nested to it goes all the way through."""
    schema: dict[str, object] = {"type": "string"}
    for _ in range(loader.MAX_DEPTH - 4):  # the root, components, schemas, Deep; then one per `items`
        schema = {"type": "array", "items": schema}
    spec = tmp_path / "deep.json"
    spec.write_text(json.dumps({
        "openapi": "3.1.0", "info": {"title": "Deep", "version": "1"},
        "paths": {"/a/": {"get": {"operationId": "a", "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Deep"}}}}}}}},
        "components": {"schemas": {"Deep": schema}},
    }))
    data = json.loads(spec.read_text())
    assert loader._depth_and_refs(data, loader.MAX_DEPTH - 1) == (True, False)
    assert loader._depth_and_refs(data, loader.MAX_DEPTH) == (False, False)
    result = generate(spec, validate_spec=False)
    assert any(path.endswith("models/__init__.py") for path in result.files)


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("lone.json", '{"openapi": "3.1.0",\n "info": {"title": "a\\ud800b", "version": "1"}, "paths": {}}', (2, 22)),
        ("key.json", '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},\n "paths": {"/\\udc00/": {}}}', (2, 14)),
    ],
)
def test_a_lone_surrogate_is_a_located_error(tmp_path: Path, name: str, text: str, where: tuple[int, int]) -> None:
    spec = tmp_path / name
    spec.write_text(text)
    [diagnostic] = _refused(spec).diagnostics
    assert diagnostic.code == "input" and "lone UTF-16 surrogate" in diagnostic.message
    assert (diagnostic.location.line, diagnostic.location.col) == where


def test_surrogate_pairs_are_text(tmp_path: Path) -> None:
    spec = tmp_path / "emoji.json"
    spec.write_text('{"openapi": "3.1.0", "info": {"title": "\\ud83d\\ude00", "version": "1"}, "paths": {}}')
    assert load(spec).data["info"]["title"] == "\U0001f600"


def test_a_lone_surrogate_never_reaches_the_writer(tmp_path: Path) -> None:
    spec = tmp_path / "lone.json"
    spec.write_text('{"openapi": "3.1.0", "info": {"title": "T", "version": "1", "description": "x\\udfff"}, "paths": {}}')
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "lone.json:1:" in result.stderr and "[input]" in result.stderr
    assert not (tmp_path / "out").exists()


# -- issue 14, class 6: hoisted components with the same name -------------------------------------


def test_two_files_may_each_define_a_version_schema(tmp_path: Path) -> None:
    (tmp_path / "apps.yaml").write_text("version:\n  type: object\n  properties:\n    app: {type: string}\n")
    (tmp_path / "builds.yaml").write_text("version:\n  type: object\n  properties:\n    build: {type: integer}\n")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Versions, version: '1'}\npaths:\n"
        + "".join(
            f"  /{name}/:\n    get:\n      operationId: {name}_version\n      responses:\n        '200':\n"
            f"          description: ok\n          content:\n            application/json:\n"
            f"              schema: {{$ref: '{name}.yaml#/version'}}\n"
            for name in ("apps", "builds")
        )
    )
    schemas = load(spec).data["components"]["schemas"]
    assert schemas["version"]["properties"] == {"app": {"type": "string"}}
    assert schemas["builds_version"]["properties"] == {"build": {"type": "integer"}}
    again = load(spec).data["components"]["schemas"]
    assert list(again) == list(schemas)  # the same names every time
    result = generate(spec)
    models = "".join(text for path, text in result.files.items() if "/models/" in path)
    assert "class Version(" in models and "class BuildsVersion(" in models
