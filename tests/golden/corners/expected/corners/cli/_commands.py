"""The command table of the CLI, generated from the API document: plain data.

The groups and commands are in `commands.json` beside this module: data read once at
start-up (a Python literal of this size would only cost formatting and byte-compiling).

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

CLI_NAME = "corners"
ROOT_HELP = "Corners: every API operation from the terminal."
API_KEY_ENV = "CORNERS_API_KEY"
BASE_URL_ENV = "CORNERS_BASE_URL"
BASE_URL_ARGUMENT = "base_url"
#: path parameters the client fills from its settings: (option, client argument, environment variable)
PATH_DEFAULTS: list[tuple[str, str, str]] = []

_TABLE: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("commands.json").read_text(encoding="utf-8")
)
#: nested command groups: {"path": [...], "help": ...}
GROUPS: list[dict[str, Any]] = _TABLE["groups"]
#: one entry per operation: its group, name, arguments, options and help
COMMANDS: list[dict[str, Any]] = _TABLE["commands"]
