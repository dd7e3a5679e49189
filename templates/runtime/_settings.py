"""Stand-in for the generated `_settings` module, so that the runtime type-checks where
it stands (tests/runtime). Never copied: every package gets its own, generated from
its API document (templates/package/_settings.py.jinja)."""

from __future__ import annotations

PACKAGE = "example_api"
DISTRIBUTION = "example-api"
VERSION = "0.1.0"
API_TITLE = "Example API"
CLIENT_NAME = "Example"
CLI_NAME = "example-api"
CLI_HELP = "Example API: every API operation from the terminal."
API_KEY_ENV = "EXAMPLE_API_KEY"
BASE_URL_ENV = "EXAMPLE_BASE_URL"
LOG_ENV = "EXAMPLE_LOG"
TIMEOUT_ENV = "EXAMPLE_TIMEOUT"
MAX_RETRIES_ENV = "EXAMPLE_MAX_RETRIES"
DEFAULT_HEADERS_ENV = "EXAMPLE_DEFAULT_HEADERS"
STRICT_ENV = "EXAMPLE_STRICT_RESPONSE_VALIDATION"
BASE_URL_ARGUMENT = "base_url"
AUTH_SCHEME = "bearer"
AUTH_NAME = "Authorization"
AWS_SIGNING: tuple[str, str, str, str] | None = None
DEFAULT_BASE_URL = "https://api.example.com"
NO_SERVER = ""
SERVER_PATH = ""
HOSTS: dict[str, str] = {}
HOST_ALIASES: dict[str, str] = {}
PATH_DEFAULTS: dict[str, tuple[str, str, str]] = {}
CREDENTIALS: dict[str, tuple[str, str, str]] = {}
WAYS: tuple[tuple[str, ...], ...] = ()
SECURITY: tuple[tuple[str, ...], ...] = ()
CREDENTIALS_REQUIRED = True
TOKEN_FLOW: tuple[str, str, str, str, str, str] | None = None
TOKEN_URL_ENV = "EXAMPLE_TOKEN_URL"
TOKEN_SCOPE_ENV = "EXAMPLE_TOKEN_SCOPE"
