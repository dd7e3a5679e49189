"""`sdkgen diff`, `release` and `upstream` from the command line: sides given as files,
folders and git revisions, locations on both sides, output formats, exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.diff.source import open_side
from generator.diff.spec import diff_documents
from generator.release import package_version, read_record, spec_digest

ROOT_YAML = """\
openapi: 3.1.0
info: {title: Things, version: 1.0.0}
x-sdk: {package-name: things}
security:
  - key: []
components:
  securitySchemes:
    key: {type: http, scheme: bearer}
paths:
  /things/{id}:
    $ref: 'paths.yaml#/thing'
  /things:
    $ref: 'paths.yaml#/things'
"""

PATHS_YAML = """\
thing:
  get:
    operationId: thing_get
    tags: [things]
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    responses:
      '200':
        description: ok
        content:
          application/json:
            schema:
              $ref: 'schemas.yaml#/Thing'
things:
  post:
    operationId: thing_create
    tags: [things]
    requestBody:
      required: true
      content:
        application/json:
          schema:
            $ref: 'schemas.yaml#/ThingCreate'
    responses:
      '201':
        description: created
        content:
          application/json:
            schema:
              $ref: 'schemas.yaml#/Thing'
"""

SCHEMAS_YAML = """\
Thing:
  type: object
  required: [id]
  properties:
    id:
      type: string
    status:
      type: string
      enum: [new, done]
ThingCreate:
  type: object
  required: [name]
  properties:
    name:
      type: string
    note:
      type: string
"""


def write_spec(folder: Path, schemas: str = SCHEMAS_YAML) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "openapi.yaml").write_text(ROOT_YAML)
    (folder / "paths.yaml").write_text(PATHS_YAML)
    (folder / "schemas.yaml").write_text(schemas)
    return folder / "openapi.yaml"


#: a realistic change: the response enum gains a value, the request gets a required field
CHANGED = SCHEMAS_YAML.replace("enum: [new, done]", "enum: [new, done, archived]").replace(
    "  required: [name]\n", "  required: [name, owner]\n").replace(
    "    note:\n      type: string\n", "    note:\n      type: string\n    owner:\n      type: string\n")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write_spec(tmp_path / "spec")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "spec")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_locations_on_both_sides(tmp_path: Path) -> None:
    base = open_side(str(write_spec(tmp_path / "base")))
    head = open_side(str(write_spec(tmp_path / "head", CHANGED)))
    findings = {(f.rule, f.operation): f for f in diff_documents(base.doc, head.doc)}
    enum = findings["response-property-enum-value-added", "GET /things/{id}"]
    assert enum.level == "warning" and enum.field == ".status" and enum.detail == '["archived"]'
    assert re.fullmatch(r".*base/schemas\.yaml:8:7", str(enum.base_location))  # the `status` schema
    assert re.fullmatch(r".*head/schemas\.yaml:8:7", str(enum.head_location))
    assert enum.head_pointer == ("/paths/~1things~1{id}/get/responses/200/content/application~1json/schema"
                                 "/properties/status")
    new = findings["new-required-request-property", "POST /things"]
    assert new.level == "breaking" and new.field == ".owner"
    assert re.fullmatch(r".*head/schemas\.yaml:19:7", str(new.head_location)), new.head_location


def test_diff_from_a_git_revision_without_checkout(repo: Path) -> None:
    write_spec(repo / "spec", CHANGED)
    result = run("diff", "HEAD:spec/openapi.yaml", "spec/openapi.yaml")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("spec/schemas.yaml:8:7: warning [response-property-enum-value-added] GET /things/{id}:")
               and line.endswith("(also at 1 more place(s); 2 operation(s) in all) (base: HEAD:spec/schemas.yaml:8:7)")
               for line in lines), result.output
    assert "SDK version bump: major" in result.output
    assert (repo / "spec" / "schemas.yaml").read_text() == CHANGED  # the working tree is untouched
    bare = run("diff", "HEAD", "spec")  # a bare revision means its spec/openapi.yaml; a folder its openapi.yaml
    assert bare.exit_code == 0 and bare.output == result.output.replace("spec/openapi.yaml", "spec/openapi.yaml")


def test_a_revision_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "spec")
    side = open_side("HEAD:./openapi.yaml")
    assert side.label == "HEAD:spec/openapi.yaml" and "HEAD:spec/schemas.yaml" in side.doc.files


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github", "sarif"])
def test_formats(tmp_path: Path, fmt: str) -> None:
    base, head = write_spec(tmp_path / "base"), write_spec(tmp_path / "head", CHANGED)
    result = run("diff", str(base), str(head), "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "text":
        assert out.splitlines()[-2:] == [
            "3 spec change(s) at 2 place(s): 1 breaking, 2 warning(s), 0 info; 3 SDK change(s)", "SDK version bump: major"]
    elif fmt == "markdown":
        assert out.startswith("### API changes: `") and "#### Breaking changes (1)" in out and "#### Warnings (2 at 1 place(s))" in out and "#### SDK (`things`)" in out
        assert "| major | client.things.thing_create(): new required argument owner: str | `sdk-parameter-added-required` |" in out
    elif fmt == "json":
        data = json.loads(out)
        assert data["counts"] == {"breaking": 1, "warning": 2, "info": 0}
        first = data["findings"][0]
        assert {"rule", "level", "area", "kind", "action", "direction", "base", "head", "file", "line"} <= set(first)
        assert data["sdk"]["bump"] == "major"
    elif fmt == "github":
        assert re.search(r"^::error file=.*head/schemas\.yaml,line=19,col=7,title=new-required-request-property::", out, re.M)
        assert re.search(r"^::warning file=.*,title=response-property-enum-value-added::", out, re.M)
    else:
        results = json.loads(out)["runs"][0]["results"]
        assert {r["ruleId"] for r in results} >= {"new-required-request-property", "sdk-parameter-added-required"}


def test_fail_on(tmp_path: Path) -> None:
    base = str(write_spec(tmp_path / "base"))
    enum_only = str(write_spec(tmp_path / "enum", SCHEMAS_YAML.replace("enum: [new, done]", "enum: [new, done, archived]")))
    assert run("diff", base, enum_only, "--fail-on", "breaking", "--no-sdk").exit_code == 0
    assert run("diff", base, enum_only, "--fail-on", "warning", "--no-sdk").exit_code == 1
    assert run("diff", base, base, "--fail-on", "info").exit_code == 0
    # with the SDK level, the new enum member is a minor change: not breaking
    assert run("diff", base, enum_only, "--fail-on", "breaking").exit_code == 0


def test_unusable_input_exits_2(tmp_path: Path) -> None:
    base = str(write_spec(tmp_path / "base"))
    missing = run("diff", base, str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "no such file or folder, and not a git revision" in missing.output
    (tmp_path / "broken.yaml").write_text("openapi: 3.1.0\npaths: {/a: {$ref: 'gone.yaml#/a'}}\n")
    assert run("diff", base, str(tmp_path / "broken.yaml")).exit_code == 2


def test_a_schema_the_head_refers_to_but_lacks_is_any_value_as_generate_reads_it(tmp_path: Path) -> None:
    """A document that generates (a `$ref` to a schema it lacks is a warning there) is one
    `diff` compares: the field became any value, a major change, where diff stopped
    with exit 2 (the sweep's random removal of Brex's EIN lookup, whose schema another
    operation's answer named)."""
    document = """\
openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {$ref: '#/components/schemas/%s'}
components:
  schemas:
    Items: {type: array, items: {type: string}}
"""
    (tmp_path / "base.yaml").write_text(document % "Items")
    (tmp_path / "head.yaml").write_text(document % "Gone")
    result = run("diff", str(tmp_path / "base.yaml"), str(tmp_path / "head.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "$ref '#/components/schemas/Gone' names nothing in the document" in result.stderr
    report = json.loads(result.stdout)
    assert [(c["rule"], c["message"]) for c in report["sdk"]["changes"]] == [
        ("sdk-model-field-retyped", "ListThingsResponse.items is now Any (was Items)")]


# -- release -----------------------------------------------------------------------------------


def _release(repo: Path, *more: str) -> Result:
    return run("release", "spec/openapi.yaml", "--changelog", "out/CHANGELOG.md", *more)


def test_release_bumps_by_the_verdict_and_is_deterministic(repo: Path) -> None:
    first = _release(repo)
    assert first.exit_code == 0, first.output
    assert read_record(repo / "spec" / "openapi.yaml") == {
        "version": "0.1.0", "spec-sha256": spec_digest(open_side("spec/openapi.yaml").doc.data)}
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "release 0.1.0")
    (repo / "spec" / "schemas.yaml").write_text(CHANGED)
    dry = _release(repo, "--dry-run")
    assert dry.exit_code == 0 and "## 0.2.0" in dry.output
    assert read_record(repo / "spec" / "openapi.yaml")["version"] == "0.1.0"  # nothing written
    assert _release(repo).exit_code == 0
    assert package_version(repo / "spec" / "openapi.yaml") == "0.2.0"
    changelog = (repo / "out" / "CHANGELOG.md").read_bytes()
    text = changelog.decode()
    assert text.index("## 0.2.0") < text.index("## 0.1.0")
    assert "### Breaking changes\n\n- client.things.thing_create(): new required argument owner: str" in text
    assert "- ThingCreate has a new required field owner: str" in text
    assert "### Added\n\n- enums.ThingStatus" not in text and "ThingStatus.ARCHIVED ('archived') was added" in text
    again = _release(repo)  # the spec is the one released as 0.2.0
    assert again.exit_code == 0 and "nothing to release" in again.output
    assert (repo / "out" / "CHANGELOG.md").read_bytes() == changelog
    # same inputs, same bytes: release again from the same commit in a fresh copy
    git(repo, "stash", "-q")
    (repo / "spec" / "schemas.yaml").write_text(CHANGED)
    (repo / "out" / "CHANGELOG.md").unlink(missing_ok=True)
    git(repo, "checkout", "-q", "--", "out")
    assert _release(repo).exit_code == 0
    assert (repo / "out" / "CHANGELOG.md").read_bytes() == changelog


def test_release_from_a_tag(repo: Path) -> None:
    assert _release(repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "release")
    git(repo, "tag", "v0.1.0")
    git(repo, "commit", "-q", "--allow-empty", "-m", "later")
    (repo / "spec" / "schemas.yaml").write_text(SCHEMAS_YAML.replace("    note:\n      type: string\n", ""))
    result = _release(repo)
    assert result.exit_code == 0 and "since tag v0.1.0" in result.output, result.output
    assert package_version(repo / "spec") == "0.2.0"  # a removed argument: breaking, 0.x bumps the minor


def test_generate_uses_the_recorded_version(tmp_path: Path) -> None:
    spec = write_spec(tmp_path / "spec")
    assert package_version(spec) == "0.1.0"
    (tmp_path / "spec" / "sdk-release.json").write_text('{"version": "1.2.3"}')
    assert package_version(spec) == "1.2.3"
    (tmp_path / "spec" / "sdk-release.json").write_text('{"version": "one"}')
    result = run("generate", str(spec), "--output", str(tmp_path / "out"))
    assert result.exit_code == 2 and "sdk-release.json" in result.output


# -- upstream ------------------------------------------------------------------------------------


def test_upstream_reports_unexplained_and_stale(tmp_path: Path) -> None:
    spec = write_spec(tmp_path / "spec")
    published = yaml.safe_load((tmp_path / "spec" / "openapi.yaml").read_text())
    bundled = open_side(str(spec)).doc.data
    bundled["paths"]["/things/{id}"]["get"]["tags"] = ["things", "projects"]
    bundled["paths"]["/things/{id}/log"] = {"get": {"operationId": "thing_log", "tags": ["things"], "responses": {"200": {"description": "ok"}}}}
    bundled["paths"]["/other"] = {"get": {"operationId": "other", "tags": ["other"], "responses": {"200": {"description": "ok"}}}}
    bundled["components"]["schemas"]["Thing"]["properties"]["status"]["enum"].append("archived")
    assert published  # the published document is the bundled one, changed
    (tmp_path / "published.json").write_text(json.dumps(bundled, indent=1))
    (tmp_path / "spec" / "upstream-differences.yaml").write_text(
        '"*":\n  - diff: "api-tag-added \'projects\'"\n    reason: PostHog tags by prefix too.\n'
        '  - diff: "request .nothing: *"\n    reason: An entry that no longer matches.\n')
    result = run("upstream", str(tmp_path / "published.json"), "--spec", str(spec), "--fail-on", "info")
    assert result.exit_code == 1
    out = result.output
    assert "endpoint-added" in out and "GET /things/{id}/log" in out and "/other" not in out  # covered tags only
    assert "response-property-enum-value-added" in out and "(upstream: " in out
    assert "upstream-stale-difference" in out and "request .nothing: * allows nothing" in out
    assert "1 difference(s) allowed by 1 recorded entr(ies)" in out and "difference(s) at" in out
    assert "api-tag-added" not in out.replace("api-tag-added 'projects'\" ", "")
