"""Confirmation tokens for destructive calls: the first call gets one, the second spends it.

A token is random, bound to the tool and its exact arguments, valid for `ttl` seconds
and good for one use; it lives in this process only.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["Confirmations", "TTL"]

#: seconds a confirmation token stays valid
TTL = 120.0
#: tokens kept at most (the oldest go first)
MAX_TOKENS = 256


def _digest(tool: str, arguments: Mapping[str, Any]) -> str:
    text = json.dumps([tool, arguments], sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class Confirmations:
    def __init__(self, ttl: float = TTL, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._tokens: dict[str, tuple[str, float]] = {}

    def issue(self, tool: str, arguments: Mapping[str, Any]) -> str:
        now = self._clock()
        self._tokens = {t: v for t, v in self._tokens.items() if v[1] > now}
        while len(self._tokens) >= MAX_TOKENS:
            self._tokens.pop(next(iter(self._tokens)))
        token = secrets.token_urlsafe(12)
        self._tokens[token] = (_digest(tool, arguments), now + self.ttl)
        return token

    def redeem(self, tool: str, arguments: Mapping[str, Any], token: str) -> str | None:
        """None when the token confirms this call (it is spent then), else why not."""
        entry = self._tokens.get(token)
        if entry is None:
            return "the confirmation token is unknown or was used already"
        digest, expires = entry
        if self._clock() > expires:
            del self._tokens[token]
            return f"the confirmation token expired (tokens last {self.ttl:g}s)"
        if digest != _digest(tool, arguments):
            return "the confirmation token was given for other arguments or another tool"
        del self._tokens[token]
        return None
