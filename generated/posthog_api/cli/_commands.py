"""The command table of the CLI: plain data generated from the API document.

The groups are in `groups.json` beside this module, read at start-up; the commands are
in `commands/`, one file for each top-level group (named by its "commands"), read when
that group is first used: a big API's table is megabytes, and a command reads only its
own group's. The settings (names, environment variables) come from `_settings`.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .. import _settings as settings

CLI_NAME = settings.CLI_NAME
ROOT_HELP = settings.CLI_HELP
API_KEY_ENV = settings.API_KEY_ENV
BASE_URL_ENV = settings.BASE_URL_ENV
BASE_URL_ARGUMENT = settings.BASE_URL_ARGUMENT
#: path parameters the client fills from its settings: (option, client argument,
#: environment variable)
PATH_DEFAULTS: list[tuple[str, str, str]] = [
    (argument.replace("_", "-"), argument, env)
    for env, _description, argument in settings.PATH_DEFAULTS.values()
]

_FILES = resources.files(__package__)
#: nested command groups: {"path": [...], "help": ...}
GROUPS: list[dict[str, Any]] = json.loads(
    _FILES.joinpath("groups.json").read_text(encoding="utf-8")
)["groups"]


def commands(group: dict[str, Any]) -> list[dict[str, Any]]:
    """The commands of a top-level `group` (an entry of GROUPS): one entry per operation
    under it (its group, name, arguments, options and help), then those of other groups
    that it also reaches by an alias (their `alias_groups` name it)."""
    text = _FILES.joinpath("commands", group["commands"]).read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = json.loads(text)["commands"]
    return entries


def every_command() -> list[dict[str, Any]]:
    """Every command of the table, once each, group by group (reads every file)."""
    return [
        entry
        for group in GROUPS
        if len(group["path"]) == 1
        for entry in commands(group)
        if entry["groups"][0] == group["path"][0]
    ]
