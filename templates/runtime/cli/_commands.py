"""The command table of the CLI: plain data generated from the API document.

The groups and commands are in `commands.json` beside this module, read once at
start-up; the settings (names, environment variables) come from `_settings`.
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
#: path parameters the client fills from its settings: (option, client argument, environment variable)
PATH_DEFAULTS: list[tuple[str, str, str]] = [
    (name.replace("_", "-"), name, env)
    for name, (env, _description) in settings.PATH_DEFAULTS.items()
]

_TABLE: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("commands.json").read_text(encoding="utf-8")
)
#: nested command groups: {"path": [...], "help": ...}
GROUPS: list[dict[str, Any]] = _TABLE["groups"]
#: one entry per operation: its group, name, arguments, options and help
COMMANDS: list[dict[str, Any]] = _TABLE["commands"]
