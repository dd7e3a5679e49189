"""Import of a peer's generated package, then its first call of one operation.

Run by bench/run.py in a fresh interpreter of the peer's virtualenv (which holds the
runtime its output needs): `python peer_first_call.py PEER OUTPUT METHOD PATH`. Prints one
line of JSON: seconds to import the package, to build its client, and for the call (the
operation's module and models loaded, the request made and the answer parsed), and the
name of any exception the call raised (it is timed all the same).

The operation is found by its method and path in the peer's code, before the clock
starts. openapi-python-client writes one module per operation (api/<tag>/<op>.py, with
sync_detailed()); openapi-generator one class per tag (api/<tag>_api.py) with a method per
operation, and a package __init__ that imports every class and model. A loopback server
answers `{}` to every request.
"""

from __future__ import annotations

import http.server
import importlib
import inspect
import json
import re
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

warnings.simplefilter("ignore")  # openapi-generator's models warn about shadowed fields


class _Answer(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def find_opc(out: Path, method: str, path: str) -> tuple[str, str] | None:
    """(package, module of the operation) in openapi-python-client's output."""
    package = next((p.parent.name for p in sorted(out.glob("*/client.py"))), None)
    if package is None:
        return None
    wanted = re.compile(r'"method": "' + re.escape(method) + r'",\s*"url": "' + re.escape(path) + '"')
    for module in sorted((out / package / "api").rglob("*.py")):
        if wanted.search(module.read_text(encoding="utf-8")):
            return package, ".".join([package, *module.relative_to(out / package).with_suffix("").parts])
    return None


def find_ogen(out: Path, method: str, path: str) -> tuple[str, str, str, str] | None:
    """(package, module, class, method name) of the operation in openapi-generator's output."""
    package = "openapi_client"
    wanted = re.compile(r"def _(\w+)_serialize\((?:(?!\n    def ).)*?method='" + re.escape(method.upper())
                        + r"',\s*resource_path='" + re.escape(path) + "'", re.S)
    for module in sorted((out / package / "api").glob("*_api.py")):
        text = module.read_text(encoding="utf-8")
        found = wanted.search(text)
        cls = re.search(r"^class (\w+)", text, re.M)
        if found and cls:
            return package, f"{package}.api.{module.stem}", cls.group(1), found.group(1)
    return None


def dummy(parameter: inspect.Parameter) -> Any:
    """A value of the parameter's annotated type (a string when in doubt)."""
    kind = str(parameter.annotation)
    return 1 if "int" in kind else 1.0 if "float" in kind else True if "bool" in kind else "x"


def main() -> None:
    peer, out, method, path = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    opc = find_opc(out, method, path) if peer == "openapi-python-client" else None
    ogen = find_ogen(out, method, path) if peer == "openapi-generator" else None
    if opc is None and ogen is None:
        print(json.dumps({"error": "operation not found"}))
        return
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    sys.path.insert(0, str(out))

    started = time.perf_counter()
    package = importlib.import_module(opc[0] if opc else ogen[0] if ogen else "")
    imported = time.perf_counter()
    client = package.Client(base_url=url) if opc else package.ApiClient(package.Configuration(host=url))
    ready = time.perf_counter()
    error = ""
    try:
        if opc:
            call = importlib.import_module(opc[1]).sync_detailed
            call(client=client, **{n: dummy(p) for n, p in inspect.signature(call).parameters.items()
                                   if p.default is inspect.Parameter.empty and n != "client"})
        elif ogen:
            call = getattr(getattr(importlib.import_module(ogen[1]), ogen[2])(client), ogen[3])
            call(**{n: dummy(p) for n, p in inspect.signature(call).parameters.items()
                    if p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD})
    except Exception as exc:  # noqa: BLE001 - `{}` is not every operation's answer: timed all the same
        error = type(exc).__name__
    done = time.perf_counter()
    print(json.dumps({"import": imported - started, "client": ready - imported, "call": done - ready, "error": error}))


if __name__ == "__main__":
    main()
