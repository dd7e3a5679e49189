"""OAuth 2's client-credentials grant (RFC 6749, section 4.4) and password grant (4.3): a
bearer token fetched from the API's token endpoint with the client's ID and secret, or the
user's name and password, kept until shortly before it expires, and fetched again then or
when the API refuses it.

What is here does no I/O, so that the sync and the async client share it: each sends
`request()` its own way and gives the answer to `accept()`.
"""

from __future__ import annotations

import asyncio
import base64
import os
import threading
from typing import Any
from urllib.parse import quote_plus

import httpx

from . import _settings as settings
from ._exceptions import ResponseValidationError

__all__ = ["TokenSource", "is_token_request"]

#: a token is fetched again this long before the server said it expires (or a tenth of
#: its life, when that is shorter), so that a request does not carry one that lapses on
#: the way
_MARGIN = 30.0
#: the request extension that marks a request for a token
_TOKEN_REQUEST = "sdk_token_request"


class TokenSource:
    """The token of one client, and how to get another."""

    def __init__(
        self,
        url: str,
        client_id: str,
        client_secret: str,
        scope: str,
        grant: str = "client_credentials",
    ) -> None:
        self.url = url
        #: the client's ID and secret; for the password grant, the user's name and password
        self._client_id = client_id
        self._client_secret = client_secret
        self._scope = scope
        self._grant = grant
        #: the password grant's fields sent as JSON, tried once a server refuses the form
        #: as a body it cannot read (Airflow's /auth/token takes JSON)
        self.json = False
        self.token: str | None = None
        self._expires: float | None = None
        #: how the client authenticates to the token endpoint: its ID and secret in the
        #: form (as most servers take them), else HTTP basic (which RFC 6749 says every
        #: server must take), tried once a server refuses the form's
        self.basic = False
        self.thread_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None

    @classmethod
    def of(cls, base_url: str, credentials: dict[str, str]) -> TokenSource | None:
        """The token source of a client with these credentials (None where the API has no
        such flow or the client was not given both the ID and the secret)."""
        flow = settings.TOKEN_FLOW
        if flow is None:
            return None
        _, id_name, secret_name, url, scope, grant = flow
        client_id, secret = credentials.get(id_name), credentials.get(secret_name)
        if not client_id or not secret:
            return None
        other_url = (
            os.environ.get(settings.TOKEN_URL_ENV, "").strip() if settings.TOKEN_URL_ENV else ""
        )
        other_scope = os.environ.get(settings.TOKEN_SCOPE_ENV) if settings.TOKEN_SCOPE_ENV else None
        # (a relative token URL is the API's: taken from the client's address)
        return cls(
            str(httpx.URL(base_url).join(other_url or url)),
            client_id,
            secret,
            scope if other_scope is None else other_scope.strip(),
            grant,
        )

    def same(self, other: TokenSource) -> bool:
        """Whether `other` asks the same endpoint for the same token."""
        return (self.url, self._client_id, self._client_secret, self._scope, self._grant) == (
            other.url,
            other._client_id,
            other._client_secret,
            other._scope,
            other._grant,
        )

    @property
    def async_lock(self) -> asyncio.Lock:
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        return self._async_lock

    def current(self, now: float) -> str | None:
        """The token, while it is good for more than the margin."""
        if self.token is not None and (self._expires is None or now < self._expires):
            return self.token
        return None

    def forget(self, token: str) -> None:
        """The API refused `token`: the next request fetches another."""
        if self.token == token:
            self.token = None

    def request(self, http: httpx.Client | httpx.AsyncClient, timeout: Any) -> httpx.Request:
        form = {"grant_type": self._grant}
        if self._scope:
            form["scope"] = self._scope
        headers = {"Accept": "application/json"}
        if self._grant == "password":
            form.update(username=self._client_id, password=self._client_secret)
            return http.build_request(
                "POST",
                self.url,
                data=None if self.json else form,
                json=form if self.json else None,
                headers=headers,
                timeout=timeout,
                extensions={_TOKEN_REQUEST: True},
            )
        if self.basic:
            # (each form-encoded first: RFC 6749, section 2.3.1)
            pair = f"{quote_plus(self._client_id)}:{quote_plus(self._client_secret)}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        else:
            form.update(client_id=self._client_id, client_secret=self._client_secret)
        return http.build_request(
            "POST",
            self.url,
            data=form,
            headers=headers,
            timeout=timeout,
            extensions={_TOKEN_REQUEST: True},
        )

    def try_another_way(self, response: httpx.Response) -> bool:
        """Whether to ask again another way: with HTTP basic, where the server refused the
        client as the form named it (`invalid_client`); for the password grant, as JSON,
        where it could not read the form (415, or FastAPI's 422). Each is tried once."""
        if self._grant == "password":
            if self.json or response.status_code not in (415, 422):
                return False
            self.json = True
            return True
        if self.basic or response.status_code not in (400, 401):
            return False
        try:
            body = response.json()
        except (ValueError, UnicodeDecodeError):
            body = None
        if response.status_code == 401 or (
            isinstance(body, dict) and body.get("error") == "invalid_client"
        ):
            self.basic = True
            return True
        return False

    def accept(self, response: httpx.Response, now: float) -> str:
        """The token of the endpoint's answer, kept until shortly before it expires."""
        try:
            body = response.json()
        except (ValueError, UnicodeDecodeError):
            body = None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token.strip():
            raise ResponseValidationError(
                response, f"the token endpoint {self.url} answered without an access_token"
            )
        kind = body.get("token_type") if isinstance(body, dict) else None
        if isinstance(kind, str) and kind.lower() != "bearer":
            raise ResponseValidationError(
                response,
                f"the token endpoint gave a {kind!r} token; the client sends bearer tokens",
            )
        lifetime = body.get("expires_in") if isinstance(body, dict) else None
        if isinstance(lifetime, str) and lifetime.strip().isdigit():
            lifetime = int(lifetime)  # (some servers send it as a string)
        self.token = token.strip()
        self._expires = (
            now + lifetime - min(_MARGIN, lifetime / 10)
            if isinstance(lifetime, (int, float)) and not isinstance(lifetime, bool)
            else None  # (no lifetime: kept until the API refuses it)
        )
        return self.token


def is_token_request(request: httpx.Request) -> bool:
    """Whether `request` asks for a token (its answer holds one: it is not logged)."""
    return bool(request.extensions.get(_TOKEN_REQUEST))
