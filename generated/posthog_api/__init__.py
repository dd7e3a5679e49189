"""PostHog API: a typed Python client and CLI.

```py
from posthog_api import PostHog

client = PostHog()  # reads POSTHOG_PERSONAL_API_KEY, POSTHOG_PROJECT_ID
```
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._base_client import APIResponse
    from ._client import DEFAULT_BASE_URL, AsyncPostHog, PostHog
    from ._models import UnknownVariant
    from ._pagination import AsyncPage, SyncPage
    from ._polling import Progress
    from ._streaming import ServerSentEvent
    from ._types import NOT_GIVEN, NotGiven
    from .errors import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        InternalServerError,
        LongRunningError,
        LongRunningTimeoutError,
        NotFoundError,
        PermissionDeniedError,
        PostHogError,
        QuotaExceededError,
        RateLimitError,
        ResponseValidationError,
        UnprocessableEntityError,
    )

# Imported on first use, so that `import posthog_api` (and the CLI's start-up) stays cheap.
_LAZY = {
    "APIResponse": "._base_client",
    "DEFAULT_BASE_URL": "._client",
    "PostHog": "._client",
    "AsyncPostHog": "._client",
    "SyncPage": "._pagination",
    "AsyncPage": "._pagination",
    "Progress": "._polling",
    "ServerSentEvent": "._streaming",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "UnknownVariant": "._models",
}
_ERRORS = {
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "LongRunningError",
    "LongRunningTimeoutError",
    "NotFoundError",
    "PermissionDeniedError",
    "PostHogError",
    "QuotaExceededError",
    "RateLimitError",
    "ResponseValidationError",
    "UnprocessableEntityError",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name) or (".errors" if name in _ERRORS else None)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "PostHog",
    "AsyncPostHog",
    "DEFAULT_BASE_URL",
    "APIResponse",
    "SyncPage",
    "AsyncPage",
    "Progress",
    "ServerSentEvent",
    "NOT_GIVEN",
    "NotGiven",
    "UnknownVariant",
    "__version__",
    "PostHogError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "QuotaExceededError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ResponseValidationError",
    "ConfigurationError",
    "LongRunningError",
    "LongRunningTimeoutError",
]
