"""Every identifier decision in one place.

Spec names are arbitrary text; Python names are not. These functions turn the
one into the other so that the result is a valid identifier, is never a
keyword, does not shadow what the generated code itself needs, and is stable:
the same input always gives the same name.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import sys
import unicodedata
from collections.abc import Iterable

_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_BUILTINS = frozenset(dir(builtins))
#: names a pydantic model or our base classes use for themselves: every public attribute
#: of pydantic's BaseModel (test_parse_and_naming checks against the installed one), and
#: our base's to_dict, to_json, from_dict and from_json; a field of one of these names
#: would hide it
MODEL_RESERVED = frozenset(
    {"model_computed_fields", "model_config", "model_construct", "model_copy", "model_dump", "model_dump_json",
     "model_extra", "model_fields", "model_fields_set", "model_json_schema", "model_parametrized_name",
     "model_post_init", "model_rebuild", "model_validate", "model_validate_json", "model_validate_strings",
     "copy", "dict", "json", "schema", "schema_json", "construct", "validate", "parse_obj", "parse_raw", "parse_file",
     "from_orm", "update_forward_refs", "to_dict", "to_json", "from_dict", "from_json", "fields", "register", "self", "cls"}
)
#: arguments every generated method already has
ARGUMENT_RESERVED = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "body", "cast", "httpx", "wait_timeout",
     "on_progress", "run_to_completion", "async_run_to_completion"}
)
#: names a schema's class may not take: none, since generated modules import every name
#: from outside the API document under a private alias (`_Any`, `_BaseModel`, ...)
MODULE_RESERVED: frozenset[str] = frozenset()

BUILTIN_NAMES = frozenset(name for name in dir(builtins) if not name.startswith("_"))
#: top-level module names a generated package must not take: the standard library's and
#: those of the packages it or its tests import
TAKEN_MODULES = frozenset(sys.stdlib_module_names) | frozenset(
    {"test", "tests", "httpx", "httpcore", "pydantic", "pydantic_core", "click", "pytest", "anyio", "mcp", "yaml",
     "jmespath", "typing_extensions", "annotated_types", "certifi", "idna", "h11", "sniffio"}
)
#: what the generated client class has besides its resources (an attribute named so
#: would hide it)
CLIENT_MEMBERS = frozenset(
    {"with_options", "with_raw_response", "close", "api_key", "base_url", "host", "timeout", "max_retries",
     "copy", "request", "request_page", "request_stream", "max_response_bytes", "default_headers", "http_client",
     "strict_response_validation", "max_concurrent_jobs"}
)
#: what every resource class has besides its operations
RESOURCE_MEMBERS = frozenset({"with_options", "with_raw_response", "with_streaming_response"})
#: class names the generated modules define or import unaliased besides the API's
RUNTIME_CLASS_NAMES = frozenset({"SyncAPIClient", "AsyncAPIClient", "APIResponse"})
#: the runtime's errors, which every package's errors.py imports beside `<Client>Error`
RUNTIME_ERROR_NAMES = frozenset({
    "APIConnectionError", "APIError", "APIStatusError", "APIStreamError", "APITimeoutError", "AuthenticationError",
    "BadRequestError", "ConfigurationError", "ConflictError", "InternalServerError", "InvalidArgumentError",
    "LongRunningError", "LongRunningTimeoutError", "NotFoundError", "PermissionDeniedError",
    "QuotaExceededError", "RateLimitError", "RedirectError", "NotModifiedError", "ResponseTooLargeError",
    "ResponseValidationError", "SDKError", "UnprocessableEntityError",
})

# An acronym's plural is one word ("APIs", "listIDs": apis, list_ids, not ap_is, list_i_ds),
# and so is OAuth ("OAuth2Token", "oAuthScopes": oauth2_token, oauth_scopes, not o_auth2_token).
_WORD_BOUNDARY = re.compile(
    r"[A-Z]{2,}s[0-9]*(?![a-z])|[Oo]Auth[0-9]*(?![a-z])|[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])|[0-9]+"
)


_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def _ascii(text: str) -> str:
    """Fold accents away; anything else that is not a word character becomes a space."""
    folded = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", folded)


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    result: list[str] = []
    for chunk in _ascii(text).split():
        result.extend(_WORD_BOUNDARY.findall(chunk))
    return tuple(result)


def words(text: str) -> list[str]:
    """Split camelCase, snake_case, kebab-case and spaced text into words."""
    return list(_words(text))


# The case conversions are kept, as _words is: the same names come back for every
# operation, field and command that uses them (GitHub: 18,000 pascal and 19,000 snake
# calls in parse alone, as many again in the views and the CLI's table).


@functools.lru_cache(maxsize=65536)
def snake(text: str) -> str:
    return "_".join(_words(text)).lower() or "value"


@functools.lru_cache(maxsize=65536)
def pascal(text: str) -> str:
    name = "".join(word[:1].upper() + word[1:] for word in _words(text))
    return name or "Model"


@functools.lru_cache(maxsize=65536)
def constant(text: str) -> str:
    return "_".join(_words(text)).upper() or "VALUE"


@functools.lru_cache(maxsize=65536)
def kebab(text: str) -> str:
    return snake(text).replace("_", "-")


def _leading_digit(name: str, prefix: str) -> str:
    return prefix + name if name[:1].isdigit() else name


def safe(name: str, reserved: Iterable[str] = (), avoid_builtins: bool = False) -> str:
    """Append `_` until `name` is neither a keyword nor in `reserved`."""
    reserved = frozenset(reserved)
    while name in _RESERVED or name in reserved or (avoid_builtins and name in _BUILTINS):
        name += "_"
    return name


@functools.lru_cache(maxsize=65536)
def attribute_name(wire: str, reserved: frozenset[str] = MODEL_RESERVED) -> str:
    """A model field or argument name for a JSON property or parameter name."""
    name = _leading_digit(snake(wire), "n_")
    if name.startswith("_"):
        name = "f" + name
    return safe(name, reserved)


@functools.lru_cache(maxsize=65536)
def class_name(text: str, reserved: frozenset[str] = MODULE_RESERVED) -> str:
    return safe(_leading_digit(pascal(text), "N"), reserved, avoid_builtins=True)


#: a schema name that is a dotted path of three parts or more, its last the type's own
#: name: kube-openapi's `io.k8s.api.core.v1.Pod`, Twilio's `api.v2010.account.address`,
#: .NET's `Billbee.Interfaces.BillbeeAPI.Model.OrderApiModel`; not a generic's name
#: spelt out (FastAPI's `ResponseOk_List_apps.api.routes.Template__`: its last part is
#: the argument's, not the class's)
_DOTTED_NAME = re.compile(r"^[A-Za-z][\w-]*(?:\.[\w-]+)+\.[A-Za-z][\w-]*$")


def short_schema_names(names: Iterable[str]) -> dict[str, str]:
    """The schema names that are dotted paths, each with its shortest dotted suffix whose
    class name no other schema's has: `io.k8s.api.core.v1.Pod` is `Pod`, and
    `io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler` beside v2's `v1.HorizontalPodAutoscaler`
    (`V1HorizontalPodAutoscaler`, as Kubernetes' own client names it); core's and
    events' `Event` `core.v1.Event` and `events.v1.Event`. A name no dotted path is (or a
    single one) is not here: it is the class's name as it was."""
    every = list(dict.fromkeys(names))
    dotted = [n for n in every if _DOTTED_NAME.match(n) and not n.endswith("_")]
    if len(dotted) < 2:
        return {}
    taken = {class_name(n) for n in every if n not in dotted}
    parts = {n: n.split(".") for n in dotted}
    short: dict[str, str] = {}
    depth = 1
    while len(short) < len(dotted):
        candidates = {n: ".".join(parts[n][-depth:]) for n in dotted if n not in short}
        counts: dict[str, int] = {}
        for text in candidates.values():
            counts[class_name(text)] = counts.get(class_name(text), 0) + 1
        for n, text in candidates.items():
            cls = class_name(text)
            if depth >= len(parts[n]) or (counts[cls] == 1 and cls not in taken):
                short[n] = text
                taken.add(cls)
        depth += 1
    return short


def enum_member(value: object) -> str:
    if isinstance(value, str):
        name = constant(value) if value else "EMPTY"
    elif isinstance(value, bool):
        name = "TRUE" if value else "FALSE"
    elif isinstance(value, (int, float)):
        name = ("MINUS_" if value < 0 else "") + constant(str(abs(value)).replace(".", "_"))
    else:
        name = "VALUE"
    name = _leading_digit(name, "V_")
    if name.startswith("_"):
        name = "V" + name
    return safe(name, ("name", "value", "mro"))


#: module and file names are kept short enough for every file system (a name part has
#: 255 bytes at most) and for people; a longer one ends in a hash of the whole text
MAX_MODULE_NAME = 64


def _bounded(name: str, text: str) -> str:
    """`name` (made from `text`), or its start and a hash of `text` when it is longer than MAX_MODULE_NAME."""
    if len(name) <= MAX_MODULE_NAME:
        return name
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return name[: MAX_MODULE_NAME - 9].rstrip("_") + "_" + digest


def file_stem(text: str) -> str:
    """`text` in snake case, at most MAX_MODULE_NAME characters: a file name's stem."""
    return _bounded(snake(text), text)


def module_name(text: str) -> str:
    """A valid module name for `text` (a tag or namespace): snake case, no leading digit,
    not a keyword or a builtin, at most MAX_MODULE_NAME characters."""
    name = _bounded(_leading_digit(snake(text), "n_"), text)
    return safe(name, ("test", "tests", "types", "models", "common"), avoid_builtins=True)


#: what a method may not be called: an argument's reserved names, and the client's own
_METHOD_RESERVED = ARGUMENT_RESERVED | {"with_options", "with_raw_response"}


@functools.lru_cache(maxsize=65536)
def method_name(text: str) -> str:
    return safe(_leading_digit(snake(text), "op_"), _METHOD_RESERVED)


class UniqueNames:
    """Hands out names unique within one scope, deterministically: first come, first served."""

    def __init__(self, taken: Iterable[str] = ()):
        self._taken: set[str] = set(taken)

    def claim(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self._taken:
            candidate = f"{name}{n}"
            n += 1
        self._taken.add(candidate)
        return candidate

    def __contains__(self, name: str) -> bool:
        return name in self._taken


def unique(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    pool = UniqueNames(taken)
    return [pool.claim(name) for name in names]
