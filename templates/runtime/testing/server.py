"""A mock of the API over real HTTP on loopback, answering from the spec's fixtures.

    python -m <package>.testing.server --port 0

prints the URL it listens on (`http://127.0.0.1:PORT`) on its first line of
output and serves until interrupted or sent SIGTERM. It validates requests
against the spec and answers errors in the API's format; see `_mock.MockAPI`.
The `next` links of its pages point at the server itself.
"""

from __future__ import annotations

import argparse
import signal
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from .. import _settings as settings
from ._mock import SPECIAL_KEYS, MockAPI, parse_query

__all__ = ["MockServer", "main"]


class _Handler(BaseHTTPRequestHandler):
    server: MockServer
    protocol_version = "HTTP/1.1"
    # Small JSON answers must not wait for the peer's delayed ACK (Nagle).
    disable_nagle_algorithm = True

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        status, headers, payload = self.server.api.handle(
            self.command, url.path, parse_query(url.query), dict(self.headers.items()), body
        )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _serve
    do_QUERY = _serve  # OpenAPI 3.2's QUERY

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


class MockServer(ThreadingHTTPServer):
    """The mock API on a loopback port; use as a context manager in tests."""

    daemon_threads = True

    def __init__(self, port: int = 0, *, api: MockAPI | None = None, verbose: bool = False) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.api = api or MockAPI()
        self.api.base_url = self.url  # `next` links lead back here
        self.verbose = verbose
        self._thread: threading.Thread | None = None

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-request (a timeout, a cancelled call) is normal
        # traffic for a mock, not a fault worth a traceback; anything else is shown.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> MockServer:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()
        self.server_close()


def main(argv: list[str] | None = None) -> int:
    keys = "\n".join(f"  {key:<16}{what}" for key, what in SPECIAL_KEYS.items())
    parser = argparse.ArgumentParser(
        prog=f"python -m {settings.PACKAGE}.testing.server",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent("""\
            API keys (in the usual header; any other key is accepted):
            {keys}

            Asynchronous jobs answer 202 while running, then 200 with the result
            (--polls-before-complete); lists serve 5 items, 2 a page, with `next`
            links to this server.
            """).format(keys=keys),
    )
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: any free port)")
    parser.add_argument(
        "--polls-before-complete",
        type=int,
        default=2,
        help="202 answers before an async job completes",
    )
    parser.add_argument(
        "--strict-ids",
        action="store_true",
        help="answer 404 for an id (or name) in the path that no fixture knows, as the API "
        "would; by default any id is found",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    server = MockServer(
        args.port,
        api=MockAPI(polls_before_complete=args.polls_before_complete, strict_ids=args.strict_ids),
        verbose=args.verbose,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print(server.url, flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
