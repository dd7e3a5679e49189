"""PostHog API: a typed Python client.

```py
from posthog_api import PostHog

client = PostHog()  # reads POSTHOG_PERSONAL_API_KEY, POSTHOG_PROJECT_ID
```
"""

from ._base_client import APIResponse
from ._client import DEFAULT_BASE_URL, AsyncPostHog, PostHog
from ._pagination import AsyncPage, SyncPage
from ._polling import Progress
from ._streaming import ServerSentEvent
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__
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
