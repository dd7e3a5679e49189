"""The CLI's command table is a file per top-level group, read when that group is used:
a command of a big API (Microsoft Graph: 20 MB of commands) reads only its own group's.
A namespaced command is also reachable from its tag's top-level group, whose file then
holds it too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.write import write_files

SPEC = """\
openapi: 3.1.0
info: {title: Accounts, version: "1.0"}
servers: [{url: "https://accounts.example"}]
x-sdk:
  namespaces:
    admin: {description: Operations only administrators may call.}
paths:
  /admin/users:
    get:
      operationId: listAdminUsers
      summary: List every user
      tags: [users]
      x-sdk-namespace: admin
      responses:
        "200":
          description: The users.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/User"}}
  /users/{id}:
    get:
      operationId: getUser
      summary: Get one user
      tags: [users]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: The user.
          content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}
  /teams:
    get:
      operationId: listTeams
      summary: List the teams
      tags: [teams]
      responses:
        "200":
          description: The teams.
          content: {application/json: {schema: {type: array, items: {type: string}}}}
components:
  schemas:
    User:
      type: object
      required: [id]
      properties: {id: {type: string}, name: {type: string}}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated project (its folder), as `sdkgen generate` writes it."""
    root = tmp_path_factory.mktemp("accounts")
    spec = root / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    result = generate(spec)
    write_files(root / "out", result.files, result.manifest)
    return root / "out"


def _run(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(out), "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "accounts.cli", *args], capture_output=True, text=True, env=env,
                          timeout=60)


@contextmanager
def _mock_server(out: Path) -> Iterator[str]:
    proc = subprocess.Popen([sys.executable, "-m", "accounts.testing.server", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(out)})
    assert proc.stdout is not None
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_each_top_level_group_has_its_file_and_an_alias_is_in_both(package: Path) -> None:
    folder = package / "accounts" / "cli" / "commands"
    tables = {path.name: json.loads(path.read_text(encoding="utf-8"))["commands"] for path in folder.iterdir()}
    assert {name: [entry["operation_id"] for entry in entries] for name, entries in tables.items()} == {
        "admin.json": ["listAdminUsers"],
        "users.json": ["getUser", "listAdminUsers"],  # its own first, then the alias
        "teams.json": ["listTeams"],
    }
    groups = json.loads((package / "accounts" / "cli" / "groups.json").read_text(encoding="utf-8"))["groups"]
    assert [group["path"] for group in groups] == [["admin"], ["admin", "users"], ["users"], ["teams"]]


def test_a_command_is_found_in_its_group_and_through_its_alias_and_calls_the_api(package: Path) -> None:
    listing = _run(package, "users", "--help")
    assert listing.returncode == 0, listing.stderr
    assert "get-user" in listing.stdout and "list-admin-users" in listing.stdout
    admin = _run(package, "admin", "users", "--help")
    assert admin.returncode == 0, admin.stderr
    assert "list-admin-users" in admin.stdout and "get-user" not in admin.stdout
    with _mock_server(package) as url:
        for words in (["users", "list-admin-users"], ["admin", "users", "list-admin-users"], ["users", "get-user", "7"]):
            run = _run(package, "--host", url, *words, "-o", "jsonl")
            assert run.returncode == 0, (words, run.stderr)
            assert json.loads(run.stdout.splitlines()[0])["id"], words


def test_a_command_reads_only_its_own_group_file(package: Path, tmp_path: Path) -> None:
    # a copy whose `teams` table is unreadable: the other groups still work, and the
    # broken one says so when it is used
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(package, copy)
    (copy / "accounts" / "cli" / "commands" / "teams.json").write_text("not JSON", encoding="utf-8")
    assert _run(copy, "--help").returncode == 0
    assert _run(copy, "users", "get-user", "--help").returncode == 0
    assert _run(copy, "teams", "--help").returncode != 0


def test_a_group_lists_and_completes_its_commands_as_click_would_without_building_them() -> None:
    # a group's --help, and a tab after its name, took Graph's biggest group 0.3 s, most
    # of it building 1,483 commands for their short help; it is taken from their
    # entries now, the same text
    import click

    from posthog_api.cli import build

    def listing(group: click.Group, ctx: click.Context, lister: Callable[..., None]) -> str:
        formatter = ctx.make_formatter()
        lister(group, ctx, formatter)
        return formatter.getvalue()

    root = build()
    pending = [(root, click.Context(root, info_name="posthog-api"))]
    compared = 0
    while pending:
        group, ctx = pending.pop()
        prefixes = ("", "c", "li", "zzz")
        # ours first, while the commands are not built; click's build every one
        ours = listing(group, ctx, type(group).format_commands)
        completed = [[(item.value, item.help) for item in group.shell_complete(ctx, p)] for p in prefixes]
        built_before = set(group.commands)
        clicks = listing(group, ctx, click.Group.format_commands)
        assert ours == clicks, group.name
        assert completed == [[(item.value, item.help) for item in click.Group.shell_complete(group, ctx, p)]
                             for p in prefixes], group.name
        assert ours.strip() or group is root
        compared += 1
        for name in group.list_commands(ctx):
            child = group.get_command(ctx, name)
            if isinstance(child, click.Group):
                pending.append((child, click.Context(child, parent=ctx, info_name=name)))
        assert built_before <= set(group.commands)
    assert compared >= 10  # the root, environments and its subgroups, every tag's group
    hidden = root.get_command(click.Context(root), "environments")
    assert hidden is not None and hidden.hidden
