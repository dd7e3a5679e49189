"""bench/peer_first_call.py: it finds an operation in each peer's layout of code by method
and path, imports the package, and makes the call against its loopback server.

The packages here are small stand-ins written in each peer's layout (the real ones take
minutes to generate); each raises unless the request reached the server and `{}` came back,
so a call reported without an error is one that went over HTTP.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "peer_first_call.py"

#: what both stand-ins send: GET base_url + path, the answer parsed as JSON, which must be {}
CALL = """
import json, urllib.request

def get(base_url, path):
    with urllib.request.urlopen(base_url + path, timeout=10) as answer:
        body = json.loads(answer.read())
    if body != {}:
        raise ValueError(body)
    return body
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def opc_package(root: Path) -> Path:
    """openapi-python-client's layout: api/<tag>/<operation>.py with sync_detailed()."""
    return write(root, {
        "things_client/__init__.py": "from .client import Client\n",
        "things_client/client.py": """
            class Client:
                def __init__(self, base_url):
                    self.base_url = base_url
        """,
        "things_client/_http.py": CALL,
        "things_client/api/__init__.py": "",
        "things_client/api/things/__init__.py": "",
        "things_client/api/things/list_things.py": """
            def _get_kwargs():
                return {"method": "get", "url": "/things"}
        """,
        "things_client/api/things/get_thing.py": """
            from ..._http import get

            def _get_kwargs(thing_id: int):
                return {
                    "method": "get",
                    "url": "/things/{thing_id}".format(thing_id=thing_id),
                }

            def sync_detailed(*, client, thing_id: int, verbose: bool = False):
                if not isinstance(thing_id, int):
                    raise TypeError(thing_id)
                return get(client.base_url, _get_kwargs(thing_id)["url"])
        """,
    })


def ogen_package(root: Path) -> Path:
    """openapi-generator's layout: api/<tag>_api.py, one class, a method per operation."""
    return write(root, {
        "openapi_client/__init__.py": """
            from .configuration import Configuration
            from .api_client import ApiClient
        """,
        "openapi_client/configuration.py": """
            class Configuration:
                def __init__(self, host):
                    self.host = host
        """,
        "openapi_client/api_client.py": """
            class ApiClient:
                def __init__(self, configuration):
                    self.configuration = configuration
        """,
        "openapi_client/_http.py": CALL,
        "openapi_client/api/__init__.py": "",
        "openapi_client/api/things_api.py": """
            from .._http import get


            class ThingsApi:
                def __init__(self, api_client):
                    self.api_client = api_client

                def list_things(self):
                    raise AssertionError("the wrong operation")

                def _list_things_serialize(self):
                    return dict(
                        method='GET',
                        resource_path='/things',
                    )

                def delete_thing(self, name: str, **kwargs):
                    if name != "x":
                        raise TypeError(name)
                    return get(self.api_client.configuration.host, "/things/" + name)

                def _delete_thing_serialize(self, name):
                    return dict(
                        method='DELETE',
                        resource_path='/things/{name}',
                    )
        """,
    })


def first_call(peer: str, out: Path, method: str, path: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, str(SCRIPT), peer, str(out), method, path],
                          capture_output=True, text=True, timeout=60, check=True)
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_an_openapi_python_client_operation_is_found_and_called_over_http(tmp_path):
    result = first_call("openapi-python-client", opc_package(tmp_path), "get", "/things/{thing_id}")
    assert result["error"] == ""
    assert isinstance(result["call"], float) and result["call"] > 0
    assert isinstance(result["import"], float) and result["import"] > 0


def test_an_openapi_generator_operation_is_found_by_method_and_path(tmp_path):
    # the DELETE, not the GET on the path above it, nor the method before it in the class
    result = first_call("openapi-generator", ogen_package(tmp_path), "delete", "/things/{name}")
    assert result["error"] == ""
    assert isinstance(result["call"], float) and result["call"] > 0


def test_an_operation_the_peer_did_not_write_is_reported_not_timed(tmp_path):
    out = opc_package(tmp_path / "opc")
    assert first_call("openapi-python-client", out, "post", "/things/{thing_id}") == {"error": "operation not found"}
    out = ogen_package(tmp_path / "ogen")
    assert first_call("openapi-generator", out, "get", "/other") == {"error": "operation not found"}


def test_a_call_that_raises_is_timed_and_named(tmp_path):
    # openapi-generator's list_things raises (as a model would on `{}`): timed all the same
    result = first_call("openapi-generator", ogen_package(tmp_path), "get", "/things")
    assert result["error"] == "AssertionError"
    assert isinstance(result["call"], float)
