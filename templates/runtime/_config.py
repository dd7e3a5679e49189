"""The client's settings: from its arguments, else the environment, else the defaults.

Which environment variables, hosts and path defaults exist is the API's business
(`_settings`); how they are read and checked is the same for every API.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from . import _settings as settings
from ._exceptions import ConfigurationError
from ._types import NotGiven

__all__ = ["DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "ClientConfig", "resolve"]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
#: hosts that may be reached over plain http without a warning (the key would cross the
#: network in clear)
_LOCAL_HOSTS = frozenset(
    {"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "host.docker.internal"}
)
_RESERVED_SUFFIXES = (".localhost", ".test", ".invalid", ".example", ".internal", ".local")
#: the plain-http hosts warned about already (InsecureHostWarning)
_WARNED: set[str] = set()


@dataclass(frozen=True)
class ClientConfig:
    api_key: str | None
    base_url: httpx.URL
    timeout: float | httpx.Timeout | None
    max_retries: int
    default_headers: Mapping[str, str] = field(default_factory=dict)
    path_defaults: Mapping[str, str] = field(default_factory=dict)
    strict_response_validation: bool = False
    #: the other credentials given (settings.CREDENTIALS), by argument name
    credentials: Mapping[str, str] = field(default_factory=dict)
    #: why a call that needs credentials is refused (what is missing), where the API has
    #: operations that need none and the client was made without them; else None
    missing_credentials: str | None = None


def _env(name: str) -> str | None:
    """An environment variable, with an empty value treated as unset."""
    value = os.environ.get(name, "").strip()
    return value or None


def resolve(
    *,
    api_key: str | None,
    base_url: str | None,
    path_defaults: Mapping[str, str | None],
    timeout: float | httpx.Timeout | None | NotGiven,
    max_retries: int | None,
    default_headers: Mapping[str, str] | None,
    strict_response_validation: bool | None = None,
    credentials: Mapping[str, str | None] | None = None,
) -> ClientConfig:
    """Every setting from its argument, else its environment variable, else its default;
    ConfigurationError names what is missing or malformed (never the value of a secret).
    Credentials are missing only where every operation needs them
    (settings.CREDENTIALS_REQUIRED); elsewhere a call of one that does is refused."""
    api_key = api_key or _env(settings.API_KEY_ENV)
    given = {
        name: value
        for name in settings.CREDENTIALS
        if (value := _credential(name, (credentials or {}).get(name)))
    }
    missing = missing_credential(bool(api_key), given)
    if missing is not None and settings.CREDENTIALS_REQUIRED:
        raise ConfigurationError(_missing_message(missing))
    return ClientConfig(
        api_key=api_key,
        base_url=normalize_base_url(_base_url(base_url)),
        timeout=_timeout(timeout),
        max_retries=_max_retries(max_retries),
        default_headers=_default_headers(default_headers),
        path_defaults={name: _path_default(name, value) for name, value in path_defaults.items()},
        strict_response_validation=_flag(strict_response_validation, settings.STRICT_ENV),
        credentials=given,
        missing_credentials=None if missing is None else _missing_message(missing),
    )


def _credential(name: str, value: str | None) -> str | None:
    return value or _env(settings.CREDENTIALS[name][0])


def ways() -> tuple[tuple[str, ...], ...]:
    """The ways of authenticating the API takes, each the settings it wants ("api_key",
    credentials' names): the key with what its requirement wants beside it, and where the
    requirements offer others (settings.WAYS), those too."""
    if settings.AUTH_SCHEME == "none":
        return ((),)
    return settings.WAYS or (("api_key", *settings.CREDENTIALS),)


def missing_credential(has_key: bool, credentials: Mapping[str, str]) -> str | None:
    """What a client with these credentials lacks to authenticate at all: the first
    setting the key's way wants and was not given, where no way is complete; else None."""
    given = {*credentials, *(("api_key",) if has_key else ())}
    known = ways()
    if any(given.issuperset(way) for way in known):
        return None
    key_way = next((way for way in known if "api_key" in way), known[0])
    return next(name for name in key_way if name not in given)


def other_ways() -> list[tuple[str, ...]]:
    """The ways that do not want the API key (each optional: any one will do)."""
    return [way for way in ways() if "api_key" not in way]


def _missing_message(name: str) -> str:
    if name == "api_key":
        text = (
            f"No API key: pass api_key=... or set the {settings.API_KEY_ENV} environment variable"
        )
    else:
        env = settings.CREDENTIALS[name][0]
        text = (
            f"No {name}: the API wants it beside the API key; pass {name}=... or set the {env} "
            "environment variable"
        )
    ways = [
        " with ".join(f"{n}=... ({settings.CREDENTIALS[n][0]})" for n in way)
        for way in other_ways()
    ]
    if ways:
        listed = "; ".join(ways[:-1]) + "; or " + ways[-1] if len(ways) > 1 else ways[0]
        text += f" (or authenticate another way the API takes: {listed})"
    return text


def _base_url(url: str | None) -> str:
    """The argument, else BASE_URL_ENV, else the default; a short name from HOSTS or an
    alias from HOST_ALIASES becomes its URL."""
    url = url or _env(settings.BASE_URL_ENV) or settings.DEFAULT_BASE_URL
    if not url:
        raise ConfigurationError(no_address_message(f"pass {settings.BASE_URL_ARGUMENT}=..."))
    key = url.strip().lower()
    return settings.HOSTS.get(key) or settings.HOST_ALIASES.get(key.rstrip("/")) or url


def no_address_message(how: str) -> str:
    """Why a client of an API whose document gives no address wants one (`how`: the
    argument or option that gives it)."""
    example = f"https://<host>{settings.SERVER_PATH}"
    return (
        f"No server address: the API document {settings.NO_SERVER.rstrip(',')}; {how} "
        f"(such as {example}) or set the {settings.BASE_URL_ENV} environment variable"
    )


def default_base_url() -> str:
    """The API's own address (DEFAULT_BASE_URL), as normalize_base_url writes it; "" where
    the document gives none."""
    if not settings.DEFAULT_BASE_URL:
        return ""
    return str(_parse_base_url(settings.DEFAULT_BASE_URL))


def _parse_base_url(url: str) -> httpx.URL:
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    return httpx.URL(url.rstrip("/") + "/")


def normalize_base_url(url: str) -> httpx.URL:
    """`eu.example.com` and `https://eu.example.com/` both become `https://eu.example.com/`;
    credentials written into the URL are refused (they would show in logs and errors)."""
    try:
        parsed = _parse_base_url(url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"The server address is not a URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError("The server address must be an http(s) URL with a host name")
    if parsed.userinfo:
        raise ConfigurationError(
            "The server address must not contain a user name or password; give the key as api_key"
        )
    if parsed.scheme == "http" and not _local(parsed.host) and parsed.host not in _WARNED:
        _WARNED.add(parsed.host)  # once per host and process: copies of a client say it again
        warnings.warn(
            f"{parsed.host} is reached over plain http: the API key crosses the network "
            "unencrypted "
            "(use https://)",
            InsecureHostWarning,
            stacklevel=6,  # the line that made the client (through resolve and the constructors)
        )
    return parsed


def _local(host: str) -> bool:
    """This machine, or a name reserved never to resolve on the internet (RFC 2606, 6761)."""
    return host in _LOCAL_HOSTS or host.endswith(_RESERVED_SUFFIXES)


class InsecureHostWarning(UserWarning):
    """The client talks to a host other than this machine over plain http."""


def _timeout(timeout: float | httpx.Timeout | None | NotGiven) -> float | httpx.Timeout | None:
    if not isinstance(timeout, NotGiven):
        return timeout
    text = _env(settings.TIMEOUT_ENV)
    if text is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        raise ConfigurationError(
            f"{settings.TIMEOUT_ENV} must be a number of seconds, not {text!r}"
        ) from None
    if not seconds > 0 or seconds == float("inf"):
        raise ConfigurationError(
            f"{settings.TIMEOUT_ENV} must be more than 0 seconds, not {text!r}"
        )
    return seconds


def _max_retries(max_retries: int | None) -> int:
    if max_retries is None:
        text = _env(settings.MAX_RETRIES_ENV)
        if text is None:
            return DEFAULT_MAX_RETRIES
        try:
            max_retries = int(text)
        except ValueError:
            raise ConfigurationError(
                f"{settings.MAX_RETRIES_ENV} must be a whole number, not {text!r}"
            ) from None
    if max_retries < 0:
        raise ConfigurationError(f"max_retries must be 0 or more, got {max_retries}")
    return max_retries


def _default_headers(headers: Mapping[str, str] | None) -> Mapping[str, str]:
    """The argument, else DEFAULT_HEADERS_ENV as a JSON object: `{"X-Team": "data"}`."""
    if headers is not None:
        return dict(headers)
    text = _env(settings.DEFAULT_HEADERS_ENV)
    if text is None:
        return {}
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
        # The value is not echoed: a header may hold a credential.
        raise ConfigurationError(
            f"{settings.DEFAULT_HEADERS_ENV} must be a JSON object of strings, "
            'like {"X-Name": "value"}'
        )
    return {str(k): v for k, v in parsed.items()}


def _flag(value: bool | None, env: str) -> bool:
    if value is not None:
        return value
    text = _env(env)
    if text is None:
        return False
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    if text.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{env} must be true or false, not {text!r}")


def _path_default(name: str, value: str | None) -> str:
    env, _description, argument = settings.PATH_DEFAULTS.get(name, ("", "", name))
    value = value or (_env(env) if env else None)
    if not value:
        where = f" or set the {env} environment variable" if env else ""
        raise ConfigurationError(f"No {argument}: pass {argument}=...{where}")
    if value.strip() in ("", ".", ".."):
        # In a URL path these name the parent resource (or this one), not a value of `name`.
        raise ConfigurationError(f"{name} cannot be {value!r}: it would address another resource")
    return value
