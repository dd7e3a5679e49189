"""The command table of the CLI, generated from the API document: plain data.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from typing import Any

CLI_NAME = "petstore"
ROOT_HELP = "Petstore: every API operation from the terminal."
API_KEY_ENV = "PETSTORE_API_KEY"
BASE_URL_ENV = "PETSTORE_BASE_URL"
BASE_URL_ARGUMENT = "base_url"
#: path parameters the client fills from its settings: (option, client argument, environment variable)
PATH_DEFAULTS: list[tuple[str, str, str]] = []

GROUPS: list[dict[str, Any]] = [
    {"path": ["pets"], "help": "Everything about pets."},
]

COMMANDS: list[dict[str, Any]] = [
    {
        "groups": ["pets"],
        "name": "list",
        "operation_id": "pets_list",
        "attrs": ["pets"],
        "method": "list",
        "help": "List pets\n\nExample: petstore pets list",
        "short_help": "List pets",
        "arguments": [],
        "options": [
            {
                "flag": "limit",
                "name": "limit",
                "kind": "int",
                "choices": [],
                "required": False,
                "help": "",
                "target": "arg",
            },
            {
                "flag": "offset",
                "name": "offset",
                "kind": "int",
                "choices": [],
                "required": False,
                "help": "",
                "target": "arg",
            },
            {
                "flag": "status",
                "name": "status",
                "kind": "choice",
                "choices": ["available", "pending", "sold"],
                "required": False,
                "help": "",
                "target": "arg",
            },
        ],
        "body": None,
        "body_required": False,
        "paginated": True,
        "stream": False,
        "alias_groups": None,
        "shortcut": None,
    },
    {
        "groups": ["pets"],
        "name": "create",
        "operation_id": "pets_create",
        "attrs": ["pets"],
        "method": "create",
        "help": "Create a pet\n\nExample: petstore pets create",
        "short_help": "Create a pet",
        "arguments": [],
        "options": [
            {
                "flag": "name",
                "name": "name",
                "wire": "name",
                "kind": "str",
                "choices": [],
                "required": True,
                "help": 'The pet\'s "name" \\ with quotes',
                "target": "body",
            },
            {
                "flag": "tag",
                "name": "tag",
                "wire": "tag",
                "kind": "str",
                "choices": [],
                "required": False,
                "help": "",
                "target": "body",
            },
            {
                "flag": "status",
                "name": "status",
                "wire": "status",
                "kind": "choice",
                "choices": ["available", "pending", "sold"],
                "required": False,
                "help": "",
                "target": "body",
            },
            {
                "flag": "born",
                "name": "born",
                "wire": "born",
                "kind": "str",
                "choices": [],
                "required": False,
                "help": "",
                "target": "body",
            },
        ],
        "body": "fields",
        "body_required": True,
        "paginated": False,
        "stream": False,
        "alias_groups": None,
        "shortcut": None,
    },
    {
        "groups": ["pets"],
        "name": "retrieve",
        "operation_id": "pets_retrieve",
        "attrs": ["pets"],
        "method": "retrieve",
        "help": "Get a pet\n\nExample: petstore pets retrieve <PET-ID>",
        "short_help": "Get a pet",
        "arguments": [{"name": "pet_id", "metavar": "PET-ID"}],
        "options": [],
        "body": None,
        "body_required": False,
        "paginated": False,
        "stream": False,
        "alias_groups": None,
        "shortcut": None,
    },
    {
        "groups": ["pets"],
        "name": "destroy",
        "operation_id": "pets_destroy",
        "attrs": ["pets"],
        "method": "destroy",
        "help": "Delete a pet\n\nExample: petstore pets destroy <PET-ID>",
        "short_help": "Delete a pet",
        "arguments": [{"name": "pet_id", "metavar": "PET-ID"}],
        "options": [],
        "body": None,
        "body_required": False,
        "paginated": False,
        "stream": False,
        "alias_groups": None,
        "shortcut": None,
    },
]
