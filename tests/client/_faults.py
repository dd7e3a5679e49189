"""Fault injection for the generated client: scripted servers, in process and on loopback.

A test scripts what the "server" does with each request it receives, in order:

    backend.script(Reply(429, THROTTLED, headers={"Retry-After": "7"}), Reply(200, VARIABLE))

`Reply` answers, `Reset` drops the connection without answering, `Stall`
never answers (so the client's read timeout fires) and `Trickle` answers a
byte at a time. Two backends play the same script:

- `TransportBackend`: an `httpx.MockTransport`, where Reset and Stall raise
  the exceptions httpx would raise;
- `LoopbackBackend`: a real HTTP server on 127.0.0.1, where Reset closes the
  socket with an RST, Stall holds the connection open and Trickle sends its
  reply slowly (every read the client makes returns quickly, with one byte).

Both record every request they receive (`backend.requests`), and the client
they hand out sleeps on a fake clock (`backend.time.sleeps`), so retries and
polling cost no wall time and their waits can be asserted exactly.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from posthog_api import AsyncPostHog, PostHog

#: the API key every scripted client uses; no log line or error message may contain it
SECRET_KEY = "phx_s3cr3t_SHOULD_NEVER_BE_SEEN_0123456789"
PROJECT = "4242"
#: the read timeout of loopback clients in scenarios that stall (seconds); the only real wait in the suite
STALL_TIMEOUT = 0.2


@dataclass(frozen=True)
class Reply:
    """Answer with this status, JSON body (or raw bytes/str with its content type) and headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str) and "json" not in self.content_type:
            return self.body.encode()
        return json.dumps(self.body).encode()

    def all_headers(self) -> dict[str, str]:
        return {"content-type": self.content_type, **self.headers} if self.body is not None else dict(self.headers)


@dataclass(frozen=True)
class Reset:
    """Close the connection without answering, as a crashed server or a proxy would."""


@dataclass(frozen=True)
class Stall:
    """Read the request and never answer: the client's read timeout fires."""


@dataclass(frozen=True)
class Trickle:
    """Send `reply` one byte every `interval` seconds: its body only, or from the status
    line on when `headers` (for at most 30 s, or until the client hangs up)."""

    reply: Reply
    interval: float = 0.3
    headers: bool = False


Step = Reply | Reset | Stall | Trickle


@dataclass
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any

    @property
    def line(self) -> str:
        """`GET /api/...` (what the assertions compare)."""
        return f"{self.method} {self.path}"


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


class FakeTime:
    """A clock that only moves when the client sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def install(self, client: PostHog | AsyncPostHog) -> None:
        """Make `client` sleep and tell time by this clock (retries and polling then cost no wall time)."""
        client._sleep = self.async_sleep if isinstance(client, AsyncPostHog) else self.sleep  # type: ignore[assignment]
        client._clock = self.clock


class Backend:
    """What scenarios need from a server: a script, a record of requests and clients wired to it."""

    name = "backend"
    url = "http://posthog.test"

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.time = FakeTime()
        self._script: deque[Step] = deque()
        self._fallback: dict[str, Step] = {}
        self._lock = threading.Lock()
        self.clients: list[PostHog] = []
        #: every exception a scenario saw, for the secrets test to inspect
        self.errors: list[BaseException] = []

    def script(self, *steps: Step) -> None:
        self._script.extend(steps)

    def otherwise(self, method: str, step: Step) -> None:
        """What to do with `method` requests once the script is used up (e.g. keep answering 202)."""
        self._fallback[method.upper()] = step

    def next_step(self, received: Received) -> Step:
        with self._lock:
            self.requests.append(received)
            if self._script:
                return self._script.popleft()
            return self._fallback.get(
                received.method, Reply(599, {"detail": f"nothing scripted for {received.line}"})
            )

    @property
    def lines(self) -> list[str]:
        return [r.line for r in self.requests]

    def count(self, method: str) -> int:
        return sum(1 for r in self.requests if r.method == method)

    def _settings(self, options: dict[str, Any]) -> dict[str, Any]:
        return {"api_key": SECRET_KEY, "project_id": PROJECT, "host": self.url, **options}

    def client(self, **options: Any) -> PostHog:
        raise NotImplementedError

    def async_client(self, **options: Any) -> AsyncPostHog:
        raise NotImplementedError

    def close(self) -> None:
        for client in self.clients:
            client.close()


class TransportBackend(Backend):
    """The script played by an `httpx.MockTransport`, in process."""

    name = "transport"

    def _play(self, request: httpx.Request, body: bytes) -> httpx.Response:
        received = Received(
            request.method,
            request.url.path,
            dict(request.url.params.multi_items()),
            dict(request.headers),
            _decode(body),
        )
        step = self.next_step(received)
        if isinstance(step, Reset):
            raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)
        if isinstance(step, (Stall, Trickle)):
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(step.status, headers=step.all_headers(), content=step.payload())

    def client(self, **options: Any) -> PostHog:
        def handler(request: httpx.Request) -> httpx.Response:
            return self._play(request, request.read())

        options.pop("timeout", None)  # a stall raises at once here
        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = PostHog(http_client=http, **self._settings(options))
        self.time.install(client)
        self.clients.append(client)
        return client

    def async_client(self, **options: Any) -> AsyncPostHog:
        async def handler(request: httpx.Request) -> httpx.Response:
            return self._play(request, await request.aread())

        options.pop("timeout", None)
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        client = AsyncPostHog(http_client=http, **self._settings(options))
        self.time.install(client)
        return client


class _ScriptedHandler(BaseHTTPRequestHandler):
    server: _ScriptedServer
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        received = Received(
            self.command, url.path, dict(parse_qsl(url.query, keep_blank_values=True)),
            {k.lower(): v for k, v in self.headers.items()}, _decode(raw),
        )
        step = self.server.backend.next_step(received)
        if isinstance(step, Reset):
            self._reset()
        elif isinstance(step, Stall):
            self._stall()
        elif isinstance(step, Trickle):
            self._trickle(step)
        else:
            self._reply(step)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def setup(self) -> None:
        super().setup()
        # Without this, a response written in two parts waits for the client's delayed ACK (~40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _reply(self, step: Reply) -> None:
        payload = step.payload()
        # send_response_only: no Server and Date headers of its own, so a scripted Date is the only one.
        self.send_response_only(step.status)
        for name, value in step.all_headers().items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _trickle(self, step: Trickle) -> None:
        payload = step.reply.payload()
        head = f"HTTP/1.1 {step.reply.status} {self.responses.get(step.reply.status, ('',))[0]}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in step.reply.all_headers().items())
        data = (head + f"content-length: {len(payload)}\r\n\r\n").encode() + payload
        sent = 0 if step.headers else len(data) - len(payload)
        self.close_connection = True
        give_up = time.monotonic() + 30
        try:
            self.wfile.write(data[:sent])
            while sent < len(data) and time.monotonic() < give_up:
                time.sleep(step.interval)
                self.wfile.write(data[sent : sent + 1])
                sent += 1
        except OSError:
            pass  # the client hung up, as it should

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout makes close() send an RST instead of a FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _stall(self) -> None:
        # Wait for the client to give up and close; the guard only matters if it never does.
        self.connection.settimeout(10)
        try:
            self.rfile.read(1)
        except OSError:
            pass
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


class _ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, backend: LoopbackBackend) -> None:
        super().__init__(("127.0.0.1", 0), _ScriptedHandler)
        self.backend = backend

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The client hanging up (a timeout the test provoked) is part of the script.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class LoopbackBackend(Backend):
    """The script played by a real HTTP server on 127.0.0.1."""

    name = "loopback"

    def __init__(self) -> None:
        super().__init__()
        self._server = _ScriptedServer(self)
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        # A short poll interval: shutdown() waits for the serving loop to notice.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)
        self._thread.start()

    def client(self, **options: Any) -> PostHog:
        options.setdefault("timeout", 10.0)
        client = PostHog(**self._settings(options))
        self.time.install(client)
        self.clients.append(client)
        return client

    def async_client(self, **options: Any) -> AsyncPostHog:
        options.setdefault("timeout", 10.0)
        client = AsyncPostHog(**self._settings(options))
        self.time.install(client)
        return client

    def close(self) -> None:
        super().close()
        self._server.shutdown()
        self._server.server_close()


def run_async(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def backend_named(name: str) -> Iterator[Backend]:
    backend: Backend = TransportBackend() if name == "transport" else LoopbackBackend()
    try:
        yield backend
    finally:
        backend.close()
