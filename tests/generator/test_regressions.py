"""One small hand-written spec per class of failure found on public API descriptions
(issue 14), in tests/generator/regressions/. Each must generate with no traceback, give
a package whose every module imports, and pass mypy --strict; then what the class was
about is checked."""

from __future__ import annotations

import ast
import asyncio
import base64
import collections.abc
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import threading
import typing
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from bench.typecheck import write_config
from generator.diagnostics import Diagnostic, SpecError
from generator.pipeline import generate
from tests.conftest import GENERATED, ROOT
from tests.packages import contract_runs as run_contract_tests
from tests.packages import mypy_cache_args, mypy_strict, once_per_session, write

HERE = Path(__file__).parent / "regressions"
#: the address given to clients of the specs that name no server (they want one)
SOMEWHERE = "https://api.example.com"
SPECS = sorted(p.stem for p in HERE.glob("*.yaml"))


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, list[Diagnostic]]]:
    """spec name -> (output folder, package name, diagnostics), built once per session."""

    def build(folder: Path) -> dict[str, tuple[Path, str, list[Diagnostic]]]:
        built = {}
        for name in SPECS:
            package = "regress_" + name.replace("-", "_")
            result = generate(HERE / f"{name}.yaml", package_name=package)
            write(result, folder / name)
            built[name] = (folder / name, package, result.diagnostics)
        return built

    return once_per_session(tmp_path_factory, "regressions", build)


def _import_all(out: Path, package: str) -> dict[str, ModuleType]:
    sys.path.insert(0, str(out))
    try:
        root = importlib.import_module(package)
        modules = {package: root}
        for path in sorted((out / package).rglob("*.py")):
            rel = path.relative_to(out).with_suffix("")
            name = ".".join(rel.parts)
            if name.endswith(".__init__"):
                name = name[: -len(".__init__")]
            if not name.endswith("__main__"):
                modules[name] = importlib.import_module(name)
        return modules
    finally:
        sys.path.remove(str(out))


@pytest.mark.parametrize("name", SPECS)
def test_every_module_imports(packages: dict[str, tuple[Path, str, list[Diagnostic]]], name: str) -> None:
    out, package, _ = packages[name]
    modules = _import_all(out, package)
    assert f"{package}._client" in modules and f"{package}.types" in modules


@pytest.mark.slow
def test_every_package_passes_mypy_strict(packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    result = mypy_strict([(out, package) for out, package, _ in packages.values()], tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]


def _settings_interface(source: str) -> dict[str, str]:
    """A settings module's names and their types: the annotation, else the value's type."""
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = ast.unparse(node.annotation)
        elif isinstance(node, ast.Assign) and [type(t) for t in node.targets] == [ast.Name]:
            found[node.targets[0].id] = type(ast.literal_eval(node.value)).__name__
    return found


def test_every_settings_module_types_like_the_stand_in(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """The runtime is type-checked once, where it stands, against the stand-in
    templates/runtime/_settings.py, and bench/typecheck.py trusts each package's copy of
    it: sound only while every generated _settings.py has the same names and types."""
    expected = _settings_interface((ROOT / "templates" / "runtime" / "_settings.py").read_text(encoding="utf-8"))
    assert {"AUTH_SCHEME", "HOSTS", "PATH_DEFAULTS"} <= expected.keys()
    modules = [out / package / "_settings.py" for out, package, _ in packages.values()]
    modules.append(GENERATED / "posthog_api" / "_settings.py")
    for module in modules:
        assert _settings_interface(module.read_text(encoding="utf-8")) == expected, module


def test_cycles_through_every_combinator(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["cycles"]
    types = _import_all(out, package)[f"{package}.types"]
    tree = types.Tree.model_validate({"children": [{"children": [], "parent": {"children": []}}]})
    assert isinstance(tree.children[0], types.Tree) and isinstance(tree.children[0].parent, types.Tree)
    a = types.A.model_validate({"back": {"back": {}}, "next": {"next": "end"}})
    assert isinstance(a.back, types.A) and isinstance(a.next, types.A) and a.next.next == "end"  # B.back is an A
    everything = types.Everything.model_validate({"json": [1, "x", {"k": [None]}], "list": [[[]]], "map": {"a": {"b": {}}}})
    assert everything.json_ == [1, "x", {"k": [None]}]  # `json` is a pydantic method: the field takes json_


def test_values_a_literal_cannot_hold_degrade_with_a_warning(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["values"]
    assert any("enum values that are objects or lists" in d.message and d.location.line for d in diagnostics)
    source = "".join(p.read_text() for p in (out / package / "models").glob("*.py"))
    assert "Literal[0.0" not in source and "Literal[1.5" not in source


def test_names_are_valid_unique_and_never_shadow(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["names"]
    modules = _import_all(out, package)
    client_module = modules[f"{package}._client"]
    client = client_module.Names(api_key="k", base_url="https://api.example.com")
    # tags equal up to case or punctuation are separate resources, each reachable
    attributes = [a for a in dir(type(client)) if not a.startswith("_")]
    resource_names = {type(getattr(client, a)).__name__ for a in attributes if a.endswith(("users", "groups", "users2", "groups2"))}
    assert len(resource_names) == 4, attributes
    # no tag took a client member's or a builtin's name
    assert callable(client.with_options) and callable(client.close)
    # schema names the runtime uses keep their names and do not break the runtime
    types = modules[f"{package}.types"]
    for name in ("Operation", "Query", "Any", "NotGiven", "SyncPage", "Field", "Tag"):
        assert isinstance(getattr(types, name), type), name
    # a repeated operationId is a located warning and a distinct name
    assert any(d.code == "naming" and "duplicated" in d.message and d.location.line for d in diagnostics)
    # module names stay short and valid, and so do the fixtures' file names (an
    # operationId longer than a file name may be: Microsoft Graph beta)
    for path in (out / package).rglob("*.py"):
        assert len(path.name) <= 70 and path.stem.isidentifier(), path.name
    fixtures = list((out / package / "testing" / "fixtures").iterdir())
    assert fixtures and all(len(path.name) <= 75 for path in fixtures), max(fixtures, key=lambda p: len(p.name)).name
    # `_nodes` made an attribute takes no other property's name: each reads its own key
    info = types.NodesInfo.model_validate({"nodes": {"n1": {"name": "a"}}})
    assert info.nodes2 is None and info.nodes["n1"].name == "a"
    info = types.NodesInfo.model_validate({"_nodes": {"total": 2}, "nodes": {}})
    assert info.nodes2 is not None and info.nodes2.total == 2 and info.to_dict() == {"_nodes": {"total": 2}, "nodes": {}}


CONTRACT_SPECS = [n for n in SPECS if n.startswith(("auth-", "contract-"))]


@pytest.fixture(scope="module")
def contract_runs(packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path_factory: pytest.TempPathFactory,
                  ) -> dict[str, tuple[int, list[str]]]:
    """Every package's own contract tests, in one pytest process: spec name -> (tests run, failures)."""
    return run_contract_tests({name: packages[name][0] for name in CONTRACT_SPECS}, tmp_path_factory.mktemp("contract"))


@pytest.mark.parametrize("name", CONTRACT_SPECS)
def test_the_packages_own_contract_tests_pass(contract_runs: dict[str, tuple[int, list[str]]], name: str) -> None:
    """Whatever the security scheme: the mock server takes the key where the document
    says it goes (header, query, cookie, basic) or none at all. contract-*: one class of
    contract-test failure seen on the APIs.guru directory each (see each spec's comment)."""
    ran, failures = contract_runs[name]
    assert ran > 0 and not failures, failures


def test_the_type_wins_over_properties_with_a_warning(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-type-vs-properties"]
    types = _import_all(out, package)[f"{package}.types"]
    statement = types.Statement.model_validate({"actions": [{"id": "SendEmail"}], "label": "x"})
    assert statement.actions == [{"id": "SendEmail"}] and statement.label == "x"
    assert sum("constrain nothing" in d.message for d in diagnostics) == 3
    testing = _import_all(out, package)[f"{package}.testing"]
    with testing.mock_client(testing.MockAPI()) as client:
        assert client.policies.count_users() == 1


def test_every_reference_to_a_nullable_schema_is_optional(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-nullable-ref"]
    types = _import_all(out, package)[f"{package}.types"]
    found = types.Installation.model_validate({"id": 1, "account": None, "suspended_by": None, "reviewers": [None]})
    assert found.account is None and found.suspended_by is None and found.reviewers == [None]


def test_a_resource_class_never_takes_a_models_name(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["names-resource-vs-model"]
    modules = _import_all(out, package)
    types = modules[f"{package}.types"]
    # the models keep the schemas' names; the resources step aside
    assert set(types.VaultExtendedInfoResource.model_fields) == {"integrity_key"}
    assert set(types.AsyncJobsResourceWithRawResponse.model_fields) == {"id"}
    vaults = modules[f"{package}.resources.vault_extended_info"]
    assert vaults.VaultExtendedInfoResource2.__name__ == "VaultExtendedInfoResource2"
    assert vaults.VaultExtendedInfoResource is types.VaultExtendedInfoResource
    jobs = modules[f"{package}.resources.jobs"]
    assert jobs.AsyncJobsResource2.__name__ == "AsyncJobsResource2"


def test_an_allof_of_strings_is_a_string(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-allof-of-strings"]
    types = _import_all(out, package)[f"{package}.types"]
    assert types.PartyId is str and types.Code is str
    assert types.Tags == list[str]
    role = types.Role.model_validate({"relatedPartyId": "p-1", "tags": ["a"], "code": "c"})
    assert (role.related_party_id, role.tags, role.code) == ("p-1", ["a"], "c")


def test_a_multipart_body_that_is_one_file(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-multipart-file"]
    modules = _import_all(out, package)
    testing = modules[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.attachments.upload_attachment("t-1", body=b"%PDF-1.7")
        client.attachments.upload_attachment("t-1")
    assert [(call.status, call.body) for call in api.calls] == [(200, b"%PDF-1.7"), (200, None)]


def test_overloads_told_apart_by_a_fragment_reach_their_own_operation(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """`/analyze` (JSON) and `/analyze#overload=stream` (a `type: object, format: file`
    image): the image is a file to upload, sent as one, and answered by the stream operation."""
    out, package, _ = packages["contract-fragment-overload"]
    modules = _import_all(out, package)
    method = modules[f"{package}.resources.vision"].VisionResource.analyze_image_in_stream
    assert method.__annotations__["body"] == "_FileField"  # bytes, a binary file, or a named part
    testing = modules[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.vision.analyze_image_in_stream(body=b"\x89PNG\r\n", language="es")
        client.vision.analyze_image(url="https://example.com/cat.png")
    stream, by_url = api.calls
    assert (stream.operation_id, stream.status, stream.body) == ("analyzeImageInStream", 200, b"\x89PNG\r\n")
    assert (by_url.operation_id, by_url.status, by_url.body) == ("analyzeImage", 200, {"url": "https://example.com/cat.png"})


def test_closed_members_of_a_composition_take_each_others_fields(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """The mock's validator reads `additionalProperties: false` over allOf and oneOf
    members as the models do (one merged object), and still refuses a field no member
    declares; a required property that a member declares readOnly is not asked of a request."""
    out, package, _ = packages["contract-closed-allof"]
    modules = _import_all(out, package)
    testing, validator = modules[f"{package}.testing"], modules[f"{package}.testing._validator"]
    schemas = yaml.safe_load((HERE / "contract-closed-allof.yaml").read_text(encoding="utf-8"))["components"]["schemas"]
    label = {"shipment": {"ship_to": {"address_line1": "1 Main St", "residential": True}}, "note": None}
    validator.validate(label, {"$ref": "#/components/schemas/CreateLabel"}, schemas, direction="request")
    with pytest.raises(validator.Invalid) as refused:
        label["shipment"]["ship_to"]["floor"] = 3
        validator.validate(label, {"$ref": "#/components/schemas/CreateLabel"}, schemas, direction="request")
    assert (refused.value.message, refused.value.attr) == ("unexpected field", "shipment.ship_to.floor")
    with pytest.raises(validator.Invalid, match="required"):  # a response must have it
        validator.validate({"ship_to": {"address_line1": "x", "residential": False}},
                           {"$ref": "#/components/schemas/Shipment"}, schemas, direction="response")
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.rates.compare_rates(rate_options={"carrier_ids": ["se-1"]}, extra_body={"shipment_ids": ["se-2"]})
        with pytest.raises(modules[f"{package}._exceptions"].BadRequestError, match="unexpected field"):
            client.rates.compare_rates(rate_options={}, extra_body={"shipment_ids": ["se-2"], "weight": 3})
    assert [call.status for call in api.calls] == [200, 400]


def test_bodies_go_with_the_media_type_the_document_names(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-media-types"]
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.employments.add_attachment("e-1", creditor={"priority": 0}).id == "id"
        client.namespaces.patch_namespace("default", labels={"team": "web"})
        assert client.employments.add_note(text="hello").id == 1
        client.photos.put_photo("p-1", body=b"\x89PNG")
        client.photos.put_any_photo("p-1", body=b"\x89PNG")
    assert [(call.status, call.headers["content-type"], call.body) for call in api.calls] == [
        (201, "applicationjson;version=2018-01-01", {"creditor": {"priority": 0}}),
        (200, "application/merge-patch+json", {"labels": {"team": "web"}}),
        (201, "text/json", {"text": "hello"}),
        (204, "image/png", b"\x89PNG"),
        (204, "application/octet-stream", b"\x89PNG"),
    ]


def test_a_named_type_takes_plain_data_only_where_it_stands_for_classes(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """An alias of a string or of a list of strings takes what it names; one of a union
    of models takes a dict too, and one of a list of models a list of dicts, as the
    models and lists of them themselves do."""
    out, package, _ = packages["contract-named-arguments"]
    resource = _import_all(out, package)[f"{package}.resources.pets"]
    annotations = inspect.signature(resource.PetsResource.adopt_pet).parameters
    assert {name: annotations[name].annotation for name in ("owner", "tags", "companion", "labels", "friend")} == {
        "owner": "UserId",
        "tags": "Tags | list[dict[str, _Any]]",
        "companion": "Companion | dict[str, _Any]",
        "labels": "Labels",
        "friend": "BestFriend | dict[str, _Any] | _NotGiven",
    }
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.pets.adopt_pet(owner="u-1", tags=[{"name": "calm"}], companion={"serial": "r2"}, labels=["a"])
    assert [(call.status, call.query, call.body) for call in api.calls] == [
        (201, {"owner": "u-1"}, {"tags": [{"name": "calm"}], "companion": {"serial": "r2"}, "labels": ["a"]})]


def test_a_list_of_enums_takes_the_enums_param_alias(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """An enum that arguments take only in a list gets its `<Enum>Param` alias too (the
    enum or its values), and the list's annotation names it, as a single one's does."""
    out, package, _ = packages["contract-typed-arguments"]
    modules = _import_all(out, package)
    annotations = inspect.signature(modules[f"{package}.resources.events"].EventsResource.create_report).parameters
    assert annotations["metrics"].annotation == "_Sequence[AggregateParam]"
    assert typing.get_args(modules[f"{package}.models"].AggregateParam)[1] == typing.Literal["AVERAGE", "MAXIMUM"]


def test_a_body_sent_as_text_or_raw_content_is_typed_as_it_is_sent(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Whatever its schema: a text body takes a str, raw content bytes; and the client
    sends bytes given for text, and text given for raw content, as their bytes."""
    out, package, _ = packages["contract-raw-bodies"]
    modules = _import_all(out, package)
    resource = modules[f"{package}.resources.releases"].ReleasesResource
    assert [inspect.signature(method).parameters["body"].annotation
            for method in (resource.update_release, resource.connect_network, resource.load_policy)] == [
        "str", "_FileContent", "_FileContent"]
    api = modules[f"{package}.testing"].MockAPI()
    with modules[f"{package}.testing"].mock_client(api) as client:
        client.releases.update_release("r-1", body=b"notes: first")
        client.releases.connect_network("n-1", body=b'{"container": "3613f73ba0e4"}')
        client.releases.load_policy("p-1", body="- !user al\u00efce")
    assert [(call.status, call.headers["content-type"], call.body) for call in api.calls] == [
        (200, "text/plain", "notes: first"),
        (204, "application/octet-stream", b'{"container": "3613f73ba0e4"}'),
        (201, "application/x-yaml", "- !user al\u00efce".encode()),
    ]


class _Recorder(BaseHTTPRequestHandler):
    """Keeps (method, path, Content-Type, body) of every request; answers a PATCH with an
    empty JSON object, anything else with 204."""

    seen: list[tuple[str, str, str, bytes]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, self.headers.get("Content-Type", ""), body))
        answer = b"{}" if self.command == "PATCH" else b""
        self.send_response(200 if answer else 204)
        if answer:
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_PUT = do_PATCH = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_cli_sends_a_text_or_raw_body_as_it_is_given(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """--data of a body sent as text or raw content is that content: the text itself, a
    file's bytes (@file) or standard input's, not JSON to decode (an object schema under
    text/plain sent a dict's repr; a YAML text was refused as invalid JSON)."""
    out, package, _ = packages["contract-raw-bodies"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = package.upper()
    env = {**os.environ, "PYTHONPATH": str(out), f"{prefix}_BASE_URL": f"http://127.0.0.1:{server.server_port}",
           f"{prefix}_API_KEY": "k"}
    payload = tmp_path / "payload.bin"
    payload.write_bytes(b'\x00{"container": "3613f73ba0e4"}\xff')

    def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", f"{package}.cli", "releases", *args], input=stdin,
                              capture_output=True, env=env, timeout=60)

    try:
        runs = [cli("update-release", "r-1", "--data", '{"notes": "first"}'),
                cli("connect-network", "n-1", "--data", f"@{payload}"),
                cli("load-policy", "p-1", "--data", "-", stdin="- !user al\u00efce\n".encode())]
        help_text = cli("load-policy", "--help").stdout.decode()
    finally:
        server.shutdown()
        server.server_close()
    assert [run.returncode for run in runs] == [0, 0, 0], [run.stderr.decode()[-500:] for run in runs]
    assert _Recorder.seen == [
        ("PATCH", "/releases/r-1", "text/plain", b'{"notes": "first"}'),
        ("POST", "/networks/n-1/connect", "application/octet-stream", payload.read_bytes()),
        ("PUT", "/policies/p-1", "application/x-yaml", "- !user al\u00efce\n".encode()),
    ]
    assert "--data TEXT|@FILE|-" in help_text and "--data '- !user alice'" in help_text


def test_the_cli_body_option_is_body_where_the_api_has_a_data_option(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """Where a body field or a parameter takes --data, the whole body is given with --body
    (a file, standard input or JSON text), and --help and the messages say so."""
    out, package, _ = packages["cli-body-option-named-data"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = package.upper()
    env = {**os.environ, "PYTHONPATH": str(out), f"{prefix}_BASE_URL": f"http://127.0.0.1:{server.server_port}",
           f"{prefix}_API_KEY": "k"}
    context = tmp_path / "context.json"
    context.write_text('{"name": "edge", "data": {"ntp": ["10.0.0.1"]}}', encoding="utf-8")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", f"{package}.cli", "contexts", *args], capture_output=True,
                              text=True, env=env, timeout=60)

    try:
        runs = [cli("create-config-context", "--body", f"@{context}"),
                cli("put-batch", "--data", "nightly", "--body", "[3, 4]")]
        missing = cli("create-config-context", "--data", "{}")
        help_text = cli("put-batch", "--help").stdout
    finally:
        server.shutdown()
        server.server_close()
    assert [run.returncode for run in runs] == [0, 0], [run.stderr[-500:] for run in runs]
    assert [(method, path, json.loads(body)) for method, path, _, body in _Recorder.seen] == [
        ("POST", "/config-contexts", {"name": "edge", "data": {"ntp": ["10.0.0.1"]}}),
        ("PUT", "/batches?data=nightly", [3, 4]),
    ]
    assert missing.returncode == 2 and "Missing option '--name' (or give it in --body)." in missing.stderr
    assert "--body JSON|@FILE|-" in help_text and "put-batch --body '[1, 2]'" in help_text


def test_bytes_in_a_json_body_go_as_their_text(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """JSON holds no bytes: a `format: binary` field of a JSON body (typed bytes) is sent
    as its UTF-8 text, as pydantic writes a model's bytes field; bytes that are no UTF-8
    text are refused before anything is sent, saying why."""
    out, package, _ = packages["contract-json-binary"]
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.media.upload_media(file=b"caf\xc3\xa9 {}")
        with pytest.raises(ValueError, match="bytes in a JSON body must be UTF-8 text"):
            client.media.upload_media(file=b"\x89PNG")
    assert [(call.status, call.body) for call in api.calls] == [(201, {"file": "caf\u00e9 {}"})]


def test_a_path_written_with_two_slashes_is_sent_so(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-stream-and-slashes"]
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.peers.get_openapi()
        events = list(client.peers.stream_configuration("p-1"))
    assert [(call.path, call.status) for call in api.calls] == [("//openapi", 200), ("/peers/p-1/configuration/stream", 200)]
    assert [sorted(event.json()) for event in events] == [["configuration", "peer"]]


def test_a_stream_answered_in_its_other_form_keeps_the_body(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """An operation that offers an event stream or another form (flightctl's build log:
    text/plain once the build is done): the method streams, and an answer that is no
    event stream was read as SSE lines, every one dropped. It is one event of the text."""
    out, package, _ = packages["contract-stream-and-slashes"]
    modules = _import_all(out, package)
    client_class = modules[package].StreamAndSlashes
    answers = [("text/plain; charset=utf-8", "line 1\nkey: value\n"), ("application/json", '"done"'),
               ("text/event-stream", "data: a\n\ndata: b\n\n"), ("text/plain", "")]

    def answer(request: httpx.Request) -> httpx.Response:
        kind, text = answers[len(sent)]
        sent.append(request.headers["accept"])
        return httpx.Response(200, headers={"content-type": kind}, text=text)

    sent: list[str] = []
    with client_class(base_url="https://api.example.com", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        got = [[e.data for e in client.peers.stream_answers()] for _ in answers]
    assert got == [["line 1\nkey: value\n"], ['"done"'], ["a", "b"], []]
    assert all("text/event-stream" in accept for accept in sent)

    async def read_async() -> list[list[str]]:
        transport = httpx.MockTransport(answer)
        async with modules[package].AsyncStreamAndSlashes(base_url="https://api.example.com",
                                                          http_client=httpx.AsyncClient(transport=transport)) as client:
            found = []
            for _ in answers:
                found.append([e.data async for e in await client.peers.stream_answers()])
            return found

    sent.clear()
    assert asyncio.run(read_async()) == got


class _LineStreamer(BaseHTTPRequestHandler):
    """Answers each path with its lines, one chunk each; a line of None waits until the
    test has read the values before it (`read`), so that a value must reach the caller
    while the stream is still open."""

    streams: dict[str, tuple[str, list[str | None]]] = {}
    read = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        kind, lines = self.streams[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for line in lines:
            if line is None:
                assert self.read.wait(10), "the client did not read the values sent so far"
                continue
            data = line.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, *args: Any) -> None:
        pass


def test_json_lines_answers_are_read_as_their_values_arrive(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """A stream of JSON values, one a line (NDJSON, a JSON text sequence, grpc-gateway's
    `{"result": ...}` under application/json), over real HTTP on loopback: each value
    reaches the caller typed as it arrives (a watch read as one JSON body never ends);
    a value spread over lines is read whole; an `{"error": ...}` line raises
    APIStreamError after the values before it; a value that does not match is read as far
    as it goes, or raises with strict_response_validation."""
    out, package, _ = packages["contract-json-lines"]
    modules = _import_all(out, package)
    models, errors = modules[f"{package}.models"], modules[f"{package}.errors"]
    _LineStreamer.streams = {
        "/deployments/d-1/events": ("application/x-ndjson", ['{"id": "e1", "type": "start"}\n', None,
                                                             '{"id": "e2", "type": "ready", "text": "up"}\n']),
        "/metrics": ("application/json-seq", ['\x1e{"name": "a",', '\n "value": 1}\n', '\x1e{"name": "b", "value": 2.5}\n']),
        "/workflows/watch": ("application/json", ['{"result": {"type": "ADDED", "name": "w"}}\n', None,
                                                  '{"error": {"grpc_code": 5, "http_code": 404, "message": "gone"}}\n']),
        "/report": ("application/x-ndjson", ['{"name": "a"}\n']),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _LineStreamer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].Lines(base_url=base_url) as client:
            _LineStreamer.read.clear()
            events = client.deployments.list_deployment_events("d-1")
            first = next(events)
            _LineStreamer.read.set()
            rest = list(events)
            assert [(e.id, e.type, e.text) for e in [first, *rest]] == [("e1", "start", None), ("e2", "ready", "up")]
            assert all(isinstance(e, models.Event) for e in rest)
            assert [(m.name, m.value) for m in client.metrics.list_metrics()] == [("a", 1), ("b", 2.5)]
            _LineStreamer.read.clear()
            watch = client.workflows.workflow_service_watch_workflows()
            assert next(watch).to_dict() == {"type": "ADDED", "name": "w"}
            _LineStreamer.read.set()
            with pytest.raises(errors.APIStreamError) as raised:
                next(watch)
            assert (raised.value.code, raised.value.detail) == ("5", "gone")
            assert str(raised.value) == "The stream ended with an error (code 5): gone"
            assert isinstance(raised.value, errors.APIError)
        with modules[package].Lines(base_url=base_url, strict_response_validation=True) as strict:
            _LineStreamer.streams["/metrics"] = ("application/x-ndjson", ['{"name": "a", "value": 1}\n', '{"name": "b"}\n'])
            values = strict.metrics.list_metrics()
            assert next(values).name == "a"
            with pytest.raises(errors.ResponseValidationError, match="value: Field required"):
                next(values)
        with modules[package].Lines(base_url=base_url) as client:
            assert [m.to_dict() for m in client.metrics.list_metrics()] == [{"name": "a", "value": 1}, {"name": "b"}]

        async def read_async() -> list[Any]:
            async with modules[package].AsyncLines(base_url=base_url) as client:
                _LineStreamer.read.set()
                return [e.id async for e in await client.deployments.list_deployment_events("d-1")]

        assert asyncio.run(read_async()) == ["e1", "e2"]
        # the CLI prints each value as a JSON line; an error in the stream exits 1, saying so
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base_url}
        _LineStreamer.read.set()
        cli = [subprocess.run([sys.executable, "-m", f"{package}.cli", *args], capture_output=True, text=True,
                              env=env, timeout=60)
               for args in (["deployments", "list-deployment-events", "d-1"],
                            ["workflows", "workflow-service-watch-workflows"])]
    finally:
        server.shutdown()
        server.server_close()
    assert cli[0].returncode == 0, cli[0].stderr
    assert [json.loads(line) for line in cli[0].stdout.splitlines()] == [
        {"id": "e1", "type": "start"}, {"id": "e2", "type": "ready", "text": "up"}]
    assert cli[1].returncode == 1 and json.loads(cli[1].stdout) == {"type": "ADDED", "name": "w"}
    assert "The stream ended with an error (code 5): gone" in cli[1].stderr


def test_an_x_stream_yields_each_post_as_it_is_made(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """X's filtered stream answers application/json and never ends: a post a line, a blank
    line every few seconds to keep the connection. Marked `x-twitter-streaming: true`, it
    was read as one JSON body and the program hung. Each post reaches the caller typed
    while the stream is open now, the keep-alives skipped; sync, async and the CLI over
    real HTTP on loopback; the rules beside it stay plain JSON. And its lists are pages,
    followed by `meta.next_token` (a NextToken, a named string) sent as
    `pagination_token`, though the answer has a list of `errors` beside its `data`."""
    out, package, _ = packages["contract-x-api"]
    modules = _import_all(out, package)
    models = modules[f"{package}.models"]
    first = {"data": {"id": "1", "text": "hello"}, "matching_rules": [{"id": "r1", "tag": "greetings"}]}
    second = {"data": {"id": "2", "text": "again"}, "matching_rules": [{"id": "r1"}]}
    _LineStreamer.streams = {
        "/2/tweets/search/stream": ("application/json", [json.dumps(first) + "\r\n", "\r\n", None, "\r\n",
                                                         json.dumps(second) + "\r\n"]),
        "/2/tweets/search/stream?backfill_minutes=2": ("application/json", [json.dumps(first) + "\r\n"]),
        "/2/tweets/search/stream/rules": ("application/json", ['{"data": [{"id": "r1", "value": "hello"}], '
                                                               '"meta": {"sent": "2026-12-08T02:00:00Z"}}']),
        "/2/users/u1/followers?max_results=1": ("application/json", [
            '{"data": [{"id": "a"}], "meta": {"next_token": "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i", "result_count": 1}}']),
        "/2/users/u1/followers?max_results=1&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i": (
            "application/json", ['{"meta": {"result_count": 0}}']),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _LineStreamer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].XStyle(base_url=base_url, api_key="t", strict_response_validation=True) as client:
            _LineStreamer.read.clear()
            stream = client.tweets.search_stream()
            post = next(stream)  # while the server holds the stream open
            _LineStreamer.read.set()
            rest = list(stream)
            rules = client.tweets.get_rules()
            followers = [user.id for user in client.users.followers("u1", max_results=1)]

        async def read_async() -> list[str]:
            async with modules[package].AsyncXStyle(base_url=base_url, api_key="t") as client:
                return [p.data.id async for p in await client.tweets.search_stream(backfill_minutes=2) if p.data]

        assert asyncio.run(read_async()) == ["1"]
        settings = modules[f"{package}._settings"]  # (a name ending in _api is not repeated: X_API_KEY)
        env = {**os.environ, "PYTHONPATH": str(out), settings.BASE_URL_ENV: base_url, settings.API_KEY_ENV: "t"}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "tweets", "search-stream"],
                             capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(post, models.FilteredStreamingTweetResponse) and post.data and post.data.text == "hello"
    assert [p.data.id for p in rest if p.data] == ["2"]  # the keep-alive lines are no posts
    assert rules.data and rules.data[0].value == "hello"
    assert followers == ["a"]  # the second page by the first's meta.next_token: no `data` where it is empty
    assert cli.returncode == 0, cli.stderr
    assert [json.loads(line)["data"]["id"] for line in cli.stdout.splitlines()] == ["1", "2"]


class _BodyTokenServer(BaseHTTPRequestHandler):
    """Pages by a token in the request's body, as Notion's search and AWS's JSON
    operations do; notes each body."""

    bodies: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        self.bodies.append(body)
        if self.path == "/v1/search":
            second = body.get("start_cursor") == "c2"
            # (the last page's cursor is one to sync from later, as Plaid's: has_more ends the walk)
            answer: dict[str, Any] = {"object": "list", "results": [{"id": "p2" if second else "p1"}],
                                      "next_cursor": "c3" if second else "c2", "has_more": not second}
        else:
            second = body.get("nextToken") == "t2"
            answer = {"logGroups": [{"logGroupName": "/b" if second else "/a"}], **({} if second else {"nextToken": "t2"})}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_list_paged_by_a_token_in_its_body_walks_its_pages(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Notion's search and AWS's JSON operations take the next page's token in the
    request's body: the method returned the first answer, and the caller walked the
    pages by hand. It returns pages now, each sending the same body with the answer's
    token. Sync, async and the CLI's --all, over real HTTP on loopback."""
    out, package, _ = packages["contract-body-token-pages"]
    modules = _import_all(out, package)
    _BodyTokenServer.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BodyTokenServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].BodyTokens(base_url=base_url) as client:
            found = [page.id for page in client.search.search(query="plans", page_size=1)]
            groups = [group.log_group_name for group in client.logs.describe_log_groups(log_group_name_prefix="/")]

        async def read_async() -> list[str]:
            async with modules[package].AsyncBodyTokens(base_url=base_url) as client:
                return [page.id async for page in await client.search.search(query="plans")]

        assert asyncio.run(read_async()) == ["p1", "p2"]
        env = {**os.environ, "PYTHONPATH": str(out), modules[f"{package}._settings"].BASE_URL_ENV: base_url}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "logs", "describe-log-groups", "--all"],
                             capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert found == ["p1", "p2"] and groups == ["/a", "/b"]
    assert _BodyTokenServer.bodies[:4] == [
        {"query": "plans", "page_size": 1}, {"query": "plans", "page_size": 1, "start_cursor": "c2"},
        {"logGroupNamePrefix": "/"}, {"logGroupNamePrefix": "/", "nextToken": "t2"}]
    assert cli.returncode == 0, cli.stderr
    assert [json.loads(line)["logGroupName"] for line in cli.stdout.splitlines()] == ["/a", "/b"]


class _SlackServer(BaseHTTPRequestHandler):
    """Answers every call with 200, as Slack does: the message, or `ok: false` and why."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()))
        answer = {"ok": True, "channel": "C1", "ts": "1503435956.000247"} if form.get("channel") == "C1" \
            else {"ok": False, "error": "channel_not_found"}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_failure_answered_with_a_success_status_raises(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Slack answers a failed call with 200 and `{"ok": false, "error": ...}`, its
    document's `default` answer: the client read it as a message (lenient: `ok` false,
    no channel, unnoticed; strict: an error about missing fields). It raises
    APIFailureError now, whose code is Slack's reason; sync, async and the CLI (exit 1,
    the reason on stderr), over real HTTP on loopback. A success still parses."""
    out, package, _ = packages["contract-answered-failure"]
    modules = _import_all(out, package)
    errors = modules[f"{package}.errors"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlackServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        for strict in (False, True):
            with modules[package].SlackStyle(base_url=base_url, api_key="xoxb-1", strict_response_validation=strict) as client:
                assert client.chat.post_message(channel="C1", text="hi").ts == "1503435956.000247"
                with pytest.raises(errors.APIFailureError) as caught:
                    client.chat.post_message(channel="C2", text="hi")
            assert caught.value.status_code == 200 and caught.value.body == {"ok": False, "error": "channel_not_found"}
            assert "channel_not_found" in str(caught.value) and isinstance(caught.value, errors.APIStatusError)

        async def post_async() -> None:
            async with modules[package].AsyncSlackStyle(base_url=base_url, api_key="xoxb-1") as client:
                await client.chat.post_message(channel="C2")

        with pytest.raises(errors.APIFailureError):
            asyncio.run(post_async())
        settings = modules[f"{package}._settings"]
        env = {**os.environ, "PYTHONPATH": str(out), settings.BASE_URL_ENV: base_url, settings.API_KEY_ENV: "xoxb-1"}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "chat", "post-message", "--channel", "C2"],
                             capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert cli.returncode == 1 and "channel_not_found" in cli.stderr and "Traceback" not in cli.stderr, cli.stderr
    assert "| `APIFailureError` | a success status whose body the API document describes as a failure (`ok` is " \
        "`false`)" in (out / "README.md").read_text(encoding="utf-8")


def test_a_parameter_that_is_the_credentials_header_is_no_argument(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """envoice's and Apideck's documents list `Authorization` as a required parameter beside
    the bearer scheme: every call took the key again, and sent what it was given. The
    client sends the key it has; the other header parameters stay arguments."""
    out, package, _ = packages["contract-credential-parameter"]
    modules = _import_all(out, package)
    seen: list[dict[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append({k: v for k, v in request.headers.items() if k in ("authorization", "x-fapi-interaction-id")})
        return httpx.Response(200, json=[{"id": "i1"}])

    Client = modules[package].CredentialParameter
    with Client(api_key="t0k", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        parameters = inspect.signature(client.invoices.list_invoices).parameters
        assert "authorization" not in parameters and "x_fapi_interaction_id" in parameters
        assert [i.id for i in client.invoices.list_invoices(x_fapi_interaction_id="f1")] == ["i1"]
    assert seen == [{"authorization": "Bearer t0k", "x-fapi-interaction-id": "f1"}]


class _KubeServer(_LineStreamer):
    """_LineStreamer, keyed by path and query, noting each request's Accept."""

    seen: list[tuple[str, str]] = []
    keys: set[str] = set()  # the Authorization headers sent

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.seen.append((self.path, self.headers.get("Accept", "")))
        self.keys.add(self.headers.get("Authorization", ""))
        super().do_GET()

    def do_PATCH(self) -> None:  # noqa: N802 (http.server's name)
        """A merge patch answered with what it sets; anything else refused as Kubernetes does."""
        self.seen.append((self.path, self.headers.get("Content-Type", "")))
        patch = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        merge = self.headers.get("Content-Type") == "application/merge-patch+json"
        data = patch if merge else b'{"kind": "Status", "message": "cannot unmarshal object into []jsonPatchOp"}'
        self.send_response(200 if merge else 400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_a_query_flag_named_by_the_streams_media_type_asks_for_the_stream(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """kube-openapi's lists answer `application/json;stream=watch` where the query says
    `watch=true`: the method read that as one JSON body, which a watch never ends (the
    program hung). It yields each event as it arrives now (as JSON values: the document
    gives the stream the list's schema, which no event is), and without it the list,
    paged by the `continue` token of each chunk's metadata. And
    an answer offered in JSON beside YAML, protobuf or XML, which the client asks for as
    JSON alone, is the model, not `Model | bytes` or `Model | str` (a server that answers
    XML anyway raised an error saying so before, and does). A patch, an object, goes as a
    merge patch, not as the JSON Patch listed first (an array). The README says the key is
    the authorization header's whole value. Over real HTTP on loopback,
    sync, async, the CLI; mypy reads the overloads."""
    out, package, _ = packages["contract-kube-openapi"]
    modules = _import_all(out, package)
    models = modules[f"{package}.models"]
    assert ("The API key is sent as the `authorization` header, as it is given (the whole value: `Bearer <token>` "
            "where the API wants a bearer token).") in (out / "README.md").read_text(encoding="utf-8")
    added = {"type": "ADDED", "object": {"metadata": {"name": "a"}, "data": {"k": "v"}}}
    deleted = {**added, "type": "DELETED"}
    _KubeServer.seen, _KubeServer.keys = [], set()
    _KubeServer.streams = {
        "/api/v1/configmaps?watch=true": ("application/json", [json.dumps(added) + "\n", None, json.dumps(deleted) + "\n"]),
        "/api/v1/configmaps": ("application/json", ['{"items": [{"metadata": {"name": "a"}}], "metadata": {"continue": "c1"}}']),
        "/api/v1/configmaps?continue=c1": ("application/json", ['{"items": [{"metadata": {"name": "b"}}], "metadata": {}}']),
        "/api/v1/configmaps/a": ("application/json", ['{"metadata": {"name": "a"}}']),
        "/pets/p1": ("application/json", ['{"name": "Rex"}']),
        "/reports?format=csv": ("text/csv", ["name\nRex\n"]),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _KubeServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].KubeStyle(base_url=base_url, api_key="Bearer t0k", strict_response_validation=True) as client:
            _KubeServer.read.clear()
            watch = client.core.list_config_maps(watch=True)
            first = next(watch)  # while the server holds the stream open
            _KubeServer.read.set()
            rest = list(watch)
            listed = [config_map.metadata.name for config_map in client.core.list_config_maps()]
            one = client.core.read_config_map("a")
            pet = client.pets.get_pet("p1")
            report = client.pets.get_report(format="csv")
            patched = client.core.patch_config_map("default", "a", body={"data": {"k": "v2"}})
        assert first == added and rest == [deleted]
        assert listed == ["a", "b"]  # the second chunk by the first's `continue`
        assert isinstance(one, models.ConfigMap) and isinstance(pet, models.Pet) and pet.name == "Rex"
        assert report == "name\nRex\n"
        assert _KubeServer.seen == [("/api/v1/configmaps?watch=true", "application/json;stream=watch"),
                                    ("/api/v1/configmaps", "application/json"),
                                    ("/api/v1/configmaps?continue=c1", "application/json"),
                                    ("/api/v1/configmaps/a", "application/json"), ("/pets/p1", "application/json"),
                                    ("/reports?format=csv", "application/json"),
                                    ("/api/v1/namespaces/default/configmaps/a", "application/merge-patch+json")]
        assert isinstance(patched, models.ConfigMap) and patched.data == {"k": "v2"}

        async def watch_async() -> list[Any]:
            async with modules[package].AsyncKubeStyle(base_url=base_url, api_key="Bearer t0k") as client:
                return [event["type"] async for event in await client.core.list_config_maps(watch=True)]

        _KubeServer.read.set()
        assert asyncio.run(watch_async()) == ["ADDED", "DELETED"]
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base_url,
               f"{package.upper()}_API_KEY": "Bearer t0k"}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "core", "list-config-maps", "--watch"],
                             capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert cli.returncode == 0, cli.stderr
    assert [json.loads(line) for line in cli.stdout.splitlines()] == [added, deleted]
    assert _KubeServer.keys == {"Bearer t0k"}  # as given, by every call

    # a server that answers XML though JSON was asked for: an error that says so, the
    # answer on it (the method promises a Pet)
    xml = httpx.MockTransport(lambda request: httpx.Response(
        200, headers={"content-type": "application/xml"}, text="<pet><name>Rex</name></pet>"))
    with modules[package].KubeStyle(base_url="https://k.example.com", api_key="k",
                                    http_client=httpx.Client(transport=xml)) as client:
        with pytest.raises(modules[f"{package}.errors"].ResponseValidationError, match="expected JSON, got application/xml") as caught:
            client.pets.get_pet("p1")
    assert caught.value.response.text == "<pet><name>Rex</name></pet>"

    (tmp_path / "check.py").write_text(f"""\
from collections.abc import Iterator
from typing import Any, assert_type

from {package} import KubeStyle, SyncPage, models

client = KubeStyle(base_url="https://kubernetes.example.com", api_key="Bearer t0k")
assert_type(client.core.list_config_maps(watch=True), Iterator[Any])
assert_type(client.core.list_config_maps(), SyncPage[models.ConfigMap])
assert_type(client.core.read_config_map("a"), models.ConfigMap)
assert_type(client.pets.get_pet("p1"), models.Pet)
assert_type(client.pets.get_report(format="csv"), models.Pet | str)
""", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(write_config(tmp_path, trusted=[package])),
         *mypy_cache_args(), str(tmp_path / "check.py")],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(out)}, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]


class _DocumentServer(BaseHTTPRequestHandler):
    """Answers in the type the Accept names, as a server that negotiates: JSON, a PDF,
    a CSV, a calendar entry; notes each request's path and Accept."""

    seen: list[tuple[str, str]] = []
    documents = {"application/pdf": b"%PDF-1.7\n\xe2\xe3", "text/csv": b"id\na1\n",
                 "text/calendar": b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        accept = self.headers.get("Accept", "")
        self.seen.append((self.path, accept))
        if accept in self.documents:
            kind, data = accept, self.documents[accept]
        elif self.path.startswith("/advisories"):
            kind, data = "application/json", b'{"count": 1, "next": null, "results": [{"id": "a1"}]}'
        else:
            kind, data = "application/json", b'{"id": "p1", "net": 1234.5}'
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    def log_message(self, *args: Any) -> None:
        pass


def test_an_answer_offered_as_another_document_is_had_by_the_accept_argument(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """loket.nl's payslip is JSON or a PDF, an export JSON pages or a CSV: the client asked
    for JSON alone and the other document could not be had but by a header of one's own
    and `with_raw_response`. `accept` names it now, and the method returns its bytes or
    text (typed by overloads); a list asked for a CSV returns it whole, not pages. XML
    beside JSON is no such choice; a body field named `accept` leaves the argument
    `accept_type`. Over real HTTP on loopback, sync, async and the CLI (the PDF byte for
    byte on its standard output); mypy reads the overloads."""
    out, package, _ = packages["contract-accept-documents"]
    modules = _import_all(out, package)
    models = modules[f"{package}.models"]
    _DocumentServer.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _DocumentServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].Documents(base_url=base_url, api_key="k", strict_response_validation=True) as client:
            payslip = client.payslips.get_payslip("p1")
            pdf = client.payslips.get_payslip("p1", accept="application/pdf")
            listed = [a.id for a in client.advisories.list()]
            csv = client.advisories.list(accept="text/csv")
            entry = client.invitations.answer_invitation(accept=True, accept_type="text/calendar")

        async def read_async() -> bytes:
            async with modules[package].AsyncDocuments(base_url=base_url, api_key="k") as client:
                return await client.payslips.get_payslip("p1", accept="application/pdf")

        assert asyncio.run(read_async()) == _DocumentServer.documents["application/pdf"]
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base_url,
               f"{package.upper()}_API_KEY": "k"}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "payslips", "get-payslip", "p1",
                              "--accept", "application/pdf"], capture_output=True, env=env, timeout=60)
        listing = subprocess.run([sys.executable, "-m", f"{package}.cli", "advisories", "list", "--all",
                                  "--accept", "text/csv"], capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(payslip, models.Payslip) and payslip.net == 1234.5
    assert pdf == _DocumentServer.documents["application/pdf"]
    assert listed == ["a1"] and csv == "id\na1\n"
    assert entry == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert _DocumentServer.seen[:5] == [("/payslips/p1", "application/json"), ("/payslips/p1", "application/pdf"),
                                        ("/advisories", "application/json"), ("/advisories", "text/csv"),
                                        ("/invitations", "text/calendar")]
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout == _DocumentServer.documents["application/pdf"]
    assert listing.returncode == 0 and listing.stdout == "id\na1\n", listing.stderr  # whole, not its characters
    assert "accept" not in inspect.signature(modules[f"{package}.resources.advisories"].AdvisoriesResource.get).parameters
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert 'document = client.payslips.get_payslip("id", accept="application/pdf")' in readme

    (tmp_path / "check.py").write_text(f"""\
from typing import assert_type

from {package} import Documents, SyncPage, models

client = Documents(base_url="https://api.example.com", api_key="k")
assert_type(client.payslips.get_payslip("p1"), models.Payslip)
assert_type(client.payslips.get_payslip("p1", accept="application/json"), models.Payslip)
assert_type(client.payslips.get_payslip("p1", accept="application/pdf"), bytes)
assert_type(client.advisories.list(), SyncPage[models.Advisory])
assert_type(client.advisories.list(accept="text/csv"), str)
assert_type(client.advisories.list(
    accept="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), bytes)
assert_type(client.advisories.get("a1"), models.Advisory)
assert_type(client.invitations.answer_invitation(accept=True, accept_type="text/calendar"), str)
""", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(write_config(tmp_path, trusted=[package])),
         *mypy_cache_args(), str(tmp_path / "check.py")],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(out)}, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]


class _Generator(BaseHTTPRequestHandler):
    """An LLM server: each answer whole as JSON, or, where the body says `stream: true`,
    as it is made (events for /chat/completions, JSON lines for /generate)."""

    seen: list[tuple[str, str, dict[str, Any]]] = []  # (path, Accept, body)

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        self.seen.append((self.path, self.headers.get("Accept", ""), body))
        chat = self.path == "/chat/completions"
        if body.get("stream"):
            kind = "text/event-stream" if chat else "application/x-ndjson"
            parts = ['data: {"id": "c1", "delta": "Hel"}\n\n', 'data: {"id": "c1", "delta": "lo"}\n\n'] if chat \
                else ['{"response": "Hel", "done": false}\n', '{"response": "lo", "done": true}\n']
        else:
            kind = "application/json"
            parts = ['{"id": "c1", "text": "Hello"}' if chat else '{"response": "Hello", "done": true}']
        data = "".join(parts).encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_stream_field_chooses_between_the_answer_and_its_stream(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """OpenAI's chat completions offer JSON and an event stream, and the body's `stream`
    chooses. The method always streamed (one event of the whole JSON, where the caller
    left `stream` out); it answers JSON now, typed, and streams where `stream=True`: events,
    or typed values for JSON lines (Ollama's generate). Over real HTTP on loopback, sync,
    async and the CLI; mypy reads the overloads (the package passes --strict)."""
    out, package, _ = packages["contract-stream-flag"]
    modules = _import_all(out, package)
    models = modules[f"{package}.models"]
    _Generator.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Generator)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        with modules[package].StreamFlag(base_url=base_url) as client:
            whole = client.chat.create_chat_completion(model="m", messages=["hi"])
            events = [e.parse().delta for e in client.chat.create_chat_completion(model="m", messages=["hi"], stream=True)]
            parts = list(client.generate.generate(prompt="hi", stream=True))
            answer = client.generate.generate(prompt="hi", stream=False)
        assert isinstance(whole, models.Completion) and whole.text == "Hello"
        assert events == ["Hel", "lo"]
        assert all(isinstance(p, models.Part) for p in parts) and [p.response for p in parts] == ["Hel", "lo"]
        assert isinstance(answer, models.Part) and answer.done is True
        assert [(path, accept.split(",")[0], body.get("stream")) for path, accept, body in _Generator.seen] == [
            ("/chat/completions", "application/json", None), ("/chat/completions", "text/event-stream", True),
            ("/generate", "application/x-ndjson", True), ("/generate", "application/json", False)]

        async def read_async() -> list[str]:
            async with modules[package].AsyncStreamFlag(base_url=base_url) as client:
                streamed = await client.generate.generate(prompt="hi", stream=True)
                return [p.response async for p in streamed]

        assert asyncio.run(read_async()) == ["Hel", "lo"]
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base_url}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "chat", "create-chat-completion", "--model", "m",
                              "--messages", '["hi"]', "--stream"], capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.splitlines() == ['{"id": "c1", "delta": "Hel"}', '{"id": "c1", "delta": "lo"}']

    # a multipart body's field (OpenAI's transcriptions): `stream=true` is a form field
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/audio/speech":  # audio, or its events where stream_format is sse
            if json.loads(request.content).get("stream_format") == "sse":
                return httpx.Response(200, headers={"content-type": "text/event-stream"}, text='data: {"id": "s", "delta": "a"}\n\n')
            return httpx.Response(200, headers={"content-type": "application/octet-stream"}, content=b"ID3\x00\xff")
        if b'name="stream"\r\n\r\ntrue\r\n' in request.content:
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, text='data: {"delta": "a"}\n\n')
        return httpx.Response(200, json={"id": "t1", "text": "whole"})

    transport = httpx.MockTransport(answer)
    with modules[package].StreamFlag(base_url="https://api.example.com", http_client=httpx.Client(transport=transport)) as client:
        assert client.audio.create_transcription(file=b"RIFF").text == "whole"
        assert [e.data for e in client.audio.create_transcription(file=b"RIFF", stream=True)] == ['{"delta": "a"}']
        # OpenAI's speech: audio (it was one event of the audio read as text), or events
        assert client.audio.create_speech(input="hi") == b"ID3\x00\xff"
        assert [e.parse().delta for e in client.audio.create_speech(input="hi", stream_format="sse")] == ["a"]

    # an event's parse(): read leniently where the data differs (no id), unless the client
    # is strict; OpenAI's closing `[DONE]` is no JSON, and says so
    def chunks(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"},
                              text='data: {"delta": "a"}\n\ndata: [DONE]\n\n')

    for strict in (False, True):
        with modules[package].StreamFlag(base_url="https://api.example.com", strict_response_validation=strict,
                                         http_client=httpx.Client(transport=httpx.MockTransport(chunks))) as client:
            first, done = client.chat.create_chat_completion(model="m", messages=[], stream=True)
            if strict:
                with pytest.raises(ValueError, match="does not match the API document: id: Field required"):
                    first.parse()
            else:
                assert isinstance(first.parse(), models.Chunk) and first.parse().delta == "a"
            with pytest.raises(ValueError):
                done.parse()


def test_the_readme_shows_a_stream_and_mypy_reads_the_stream_fields_overloads(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """The package's README shows a call that streams (with stream=True where a field asks
    for it), and its code type-checks; mypy reads each overload: the answer's model
    without `stream`, the events with stream=True, either with a bool, typed values for
    JSON lines."""
    out, package, _ = packages["contract-stream-flag"]
    section = (out / "README.md").read_text(encoding="utf-8").split("## Streams\n", 1)[1].split("\n## ", 1)[0]
    assert "`stream=True` asks for it (without it the method returns the whole answer)" in section
    [code] = re.findall(r"```py\n(.*?)```", section, flags=re.DOTALL)
    assert "stream=True):" in code
    (tmp_path / "check.py").write_text(f"""\
from collections.abc import Iterator
from typing import assert_type

from {package} import ServerSentEvent, StreamFlag, models

client = StreamFlag(base_url="https://llm.example.com")
{code}
assert_type(client.chat.create_chat_completion(model="m", messages=[]), models.Completion)
assert_type(client.chat.create_chat_completion(model="m", messages=[], stream=True),
            Iterator[ServerSentEvent[models.Chunk]])
flag: bool = bool(client)
assert_type(client.chat.create_chat_completion(model="m", messages=[], stream=flag),
            models.Completion | Iterator[ServerSentEvent[models.Chunk]])
for event in client.chat.create_chat_completion(model="m", messages=[], stream=True):
    assert_type(event.parse(), models.Chunk)
assert_type(client.generate.generate(prompt="p", stream=True), Iterator[models.Part])
assert_type(client.generate.generate(prompt="p"), models.Part)
assert_type(client.audio.create_speech(input="hi"), bytes)
assert_type(client.audio.create_speech(input="hi", stream_format="sse"), Iterator[ServerSentEvent[models.Chunk]])
""", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(write_config(tmp_path, trusted=[package])),
         *mypy_cache_args(), str(tmp_path / "check.py")],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(out)}, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]


def test_an_item_schema_types_each_value_of_a_stream(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """OpenAPI 3.2's itemSchema describes each value of a JSON Lines answer: the method
    yields that type (it yielded Any), and the mock answers a value of it."""
    out, package, _ = packages["contract-item-schema"]
    modules = _import_all(out, package)
    resource = modules[f"{package}.resources.logs"]
    hints = typing.get_type_hints(resource.LogsResource.tail_logs, vars(resource))
    assert hints["return"] == collections.abc.Iterator[modules[f"{package}.models"].Entry]
    testing = modules[f"{package}.testing"]
    with testing.mock_client(testing.MockAPI()) as client:
        [entry] = client.logs.tail_logs()
    assert entry.text and entry.at.year > 2000


def test_a_requirement_naming_a_scheme_in_another_case_reads_that_scheme(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-security-scheme-case"]
    assert sorted((d.pointer, d.message) for d in diagnostics) == [
        ("/paths/~1kerberos/get/security/0/Kerberos", "security scheme 'Kerberos' is not defined in "
         "components.securitySchemes; no client can meet this requirement"),
        ("/paths/~1kerberos/get/security/1/basicauth", "security scheme 'basicauth' is not defined (names are "
         "case-sensitive); 'BasicAuth' is read"),
        ("/security/0/basicAuth", "security scheme 'basicAuth' is not defined (names are case-sensitive); "
         "'BasicAuth' is read")]
    assert {d.location.line for d in diagnostics} == {7, 23}  # where the document names them
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.drafts.list().to_dict() == {}
        client.drafts.negotiate()
    assert all(call.headers["authorization"].startswith("Basic ") for call in api.calls)


def test_an_api_key_header_name_no_client_can_send_is_replaced_with_a_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["auth-header-name"]
    [warning] = [d for d in diagnostics if "not an HTTP header name" in d.message]
    assert "'Adv-Security-Token'" in warning.message and warning.location.line == 23
    settings = _import_all(out, package)[f"{package}._settings"]
    assert (settings.AUTH_SCHEME, settings.AUTH_NAME) == ("header", "Adv-Security-Token")


def test_a_form_body_that_is_one_value_is_sent_as_it_is(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-form-one-value"]
    modules = _import_all(out, package)
    testing = modules[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        client.misc.detect_food_in_text(body="text=I like tacos&lang=en")
        client.misc.create_recipe_card(body="title=Tacos")
    form, multipart = api.calls
    assert (form.status, form.body) == (200, "text=I like tacos&lang=en")
    assert form.headers["content-type"] == "application/x-www-form-urlencoded"
    assert (multipart.status, multipart.body) == (200, b"title=Tacos")  # the one part


def test_an_unresolvable_discriminator_mapping_entry_is_a_located_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["discriminator-broken-mapping"]
    ignored = [d for d in diagnostics if "mapping of 'A'" in d.message]
    assert len(ignored) == 1 and "cannot be resolved; the entry is ignored" in ignored[0].message and ignored[0].location.line
    types = _import_all(out, package)[f"{package}.types"]
    assert types.RecordA.model_validate({"type": "A", "data": "1.2.3.4"}).data == "1.2.3.4"


def test_a_pattern_that_backtracks_exponentially_is_not_judged(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """The package generated at all (the fixture above would not have returned); its mock
    server's validator leaves the nested-repeat pattern alone and still judges the slug."""
    out, package, _ = packages["pattern-backtracking"]
    validator = _import_all(out, package)[f"{package}.testing._validator"]
    schema = {"type": "object", "properties": {
        "url": {"type": "string", "pattern": r"^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$"},
        "slug": {"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$"}}}
    validator.validate({"url": "https://www.example.com/" + "a" * 40 + "!", "slug": "a-b"}, schema, {}, direction="request")
    with pytest.raises(validator.Invalid):
        validator.validate({"url": "x", "slug": "A--b"}, schema, {}, direction="request")


def test_inline_schemas_repeated_word_for_word_share_one_class(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-repeated-inline"]
    modules = _import_all(out, package)
    types = modules[f"{package}.types"]
    lists = modules[f"{package}.resources.lists"].ListsResource
    # the four copies of the list (two media types, three operations) are one class
    shared = types.GetListsResponse
    for method in (lists.list, lists.get, lists.update):
        assert getattr(types, method.__annotations__["return"]) is shared, method
    assert not {"GetListsResponse2", "GetListResponse", "UpdateListResponse"} & set(types.__all__)
    # the links item (and its enum), repeated inside every copy, is one class too ...
    link = types.GetListsResponseLinksItem
    assert shared.model_fields["links"].annotation == list[link] | None
    assert types.GetCampaignsResponse.model_fields["links"].annotation == list[link] | None
    assert not any("LinksItem" in name for name in set(types.__all__) - {"GetListsResponseLinksItem", "GetListsResponseLinksItemMethod"})
    # ... while a copy that differs in its description keeps its own class
    campaign = types.GetCampaignsResponse.model_validate(
        {"id": "c", "_links": [{"href": "/c", "method": "GET"}], "list": {"id": "l", "_links": [{"method": "POST"}]}})
    assert type(campaign.list) is types.GetCampaignsResponseList and types.GetCampaignsResponseList is not shared
    assert types.GetCampaignsResponseList.__doc__ == "The list it is sent to."
    assert campaign.list.links == [link(method=types.GetListsResponseLinksItemMethod.POST)]


def test_copies_keep_classes_of_their_own_when_sharing_is_off(tmp_path: Path) -> None:
    """x-sdk share-inline-copies: false, for a project that wants names that never move."""
    text = (HERE / "contract-repeated-inline.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text.replace("paths:\n", "x-sdk: {share-inline-copies: false}\npaths:\n", 1), encoding="utf-8")
    result = generate(spec, package_name="unshared")
    models = "".join(v for k, v in result.files.items() if k.startswith("unshared/models/"))
    for name in ("GetListsResponse", "GetListsResponse2", "GetListResponse", "UpdateListResponse", "GetCampaignsResponseLinksItem"):
        assert f"\nclass {name}(" in models, name
    assert not result.diagnostics
    spec.write_text(text.replace("paths:\n", "x-sdk: {share-inline-copies: maybe}\npaths:\n", 1), encoding="utf-8")
    warned = generate(spec, package_name="unshared").diagnostics
    assert [(d.pointer, d.message) for d in warned] == [
        ("/x-sdk/share-inline-copies", "share-inline-copies must be true or false; true is used")]


def test_copies_share_a_class_only_when_they_are_the_same_values(tmp_path: Path) -> None:
    """Identical inline schemas share the first one's class, found by their text (written
    by orjson): a NaN, which orjson would write as null, and a number past 64 bits, which
    it refuses, keep copies that differ there apart, and copies that do not together."""
    def body(default: str) -> str:
        return ("      responses:\n        '200':\n          description: ok\n          content:\n"
                "            application/json:\n              schema:\n                type: object\n"
                f"                properties:\n                  level: {{type: number, default: {default}}}\n")
    defaults = {"nan1": ".nan", "nan2": ".nan", "null1": "null", "null2": "null", "big1": "18446744073709551617",
                "big2": "18446744073709551617", "other": "1.5"}
    paths = "".join(f"  /{name}:\n    get:\n      operationId: {name}\n{body(value)}" for name, value in defaults.items())
    spec = tmp_path / "openapi.yaml"
    spec.write_text(f"openapi: 3.0.3\ninfo: {{title: Copies, version: '1'}}\npaths:\n{paths}", encoding="utf-8")
    models = "".join(v for k, v in generate(spec, package_name="copies").files.items() if k.startswith("copies/models/"))
    classes = sorted(line.split("(")[0][len("class "):] for line in models.splitlines() if line.startswith("class "))
    assert classes == ["Big1Response", "Nan1Response", "Null1Response", "OtherResponse"]


def test_a_discriminator_on_a_base_its_subtypes_include(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Pet's discriminator names Cat and Dog, which are allOf Pet (and Shape's oneOf names
    Circle and Square, alike): the mock server went round Pet, Cat, Pet... until the
    recursion limit and dropped the connection, and the fixtures gave up the documented
    examples for it. It now checks a tagged body as the subtype the tag names, once."""
    out, package, _ = packages["contract-discriminator-base"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "pets.json").read_text())["createPet"]
    assert fixture["request"]["body"] == {"petType": "cat", "name": "Tom", "huntingSkill": "lazy"}
    assert fixture["responses"]["201"]["body"] == {"petType": "dog", "name": "Rex", "packSize": 3}
    api = _import_all(out, package)[f"{package}.testing"].MockAPI()

    def status(path: str, body: dict[str, object]) -> int:
        code, _, _ = api.handle("POST", path, [], {"content-type": "application/json"}, json.dumps(body).encode())
        return int(code)

    assert status("/pets", {"petType": "dog", "name": "Rex", "packSize": 3}) == 201
    assert status("/pets", {"petType": "dog", "name": "Rex"}) == 400  # a Dog needs its packSize
    assert status("/pets", {"petType": "cat", "name": "Tom", "huntingSkill": "bored"}) == 400
    assert status("/shapes", {"kind": "Square", "side": 2}) == 200
    assert status("/shapes", {"kind": "Square"}) == 400


def test_a_subtype_no_subclass_can_be_is_its_own_class_with_a_located_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Robot redefines Pet's name as an integer: mypy refuses such a subclass, so Robot
    stays a class of its own, and the warning says where and why; Pet's table of
    subclasses leaves it out."""
    out, package, diagnostics = packages["contract-polymorphic"]
    warned = [d for d in diagnostics if "Robot extends Pet" in d.message]
    assert len(warned) == 1 and warned[0].location.line > 0, diagnostics
    assert "redefines property 'name' as another type" in warned[0].message
    models = _import_all(out, package)[f"{package}.types"]
    assert models.Robot.__mro__[1] is not models.Pet and "Robot" not in str(models.Pet.__subtypes__)
    assert models.Puppy.__mro__[1:3] == (models.Dog, models.Pet)
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert '(`Dog` extends `Pet`)' in readme and '("dog" makes a `Dog`)' in readme


def test_the_mock_routes_alike_in_every_process(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    # `{lat}.{format}` with a format of json, xml or yaml: its matcher tried json and yaml
    # in a set's order, which follows the process's string hashes
    out, package, _ = packages["contract-wire"]
    code = f"import {package}.testing._mock as m; print([[p.pattern for p, _ in r[1]] for r in m._routes()])"
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONPATH": str(out), "PYTHONHASHSEED": str(seed)}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        assert run.returncode == 0, run.stderr
        seen.add(run.stdout)
    assert len(seen) == 1
    assert "(yaml|json|xml)" in seen.pop()


def _whole_tools(read: Callable[[str], str], package: str) -> list[dict[str, Any]]:
    """Each tool's line of `mcp/tools.json` with its input schema and call from its file."""
    listed = json.loads(read(f"{package}/mcp/tools.json"))["tools"]
    return [{**tool, **json.loads(read(f"{package}/mcp/tools/{tool['file']}"))["tools"][tool["name"]]} for tool in listed]


def test_a_tool_is_the_same_without_the_operations_before_it(
    packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path
) -> None:
    out, package, _ = packages["mcp-cycles-order"]
    tools = {t["operation_id"]: t for t in _whole_tools(lambda rel: (out / rel).read_text(), package)}
    spec = yaml.safe_load((HERE / "mcp-cycles-order.yaml").read_text())
    del spec["paths"]["/wrappers"]
    alone_spec = tmp_path / "alone.yaml"
    alone_spec.write_text(yaml.safe_dump(spec))
    alone = _whole_tools(generate(alone_spec, package_name=package).files.__getitem__, package)
    assert alone == [tools["createA"]]  # its schema and its name
    assert len(tools["createA"]["name"]) <= 64 and "create_a" in tools["createA"]["name"]
    a_inside_b = tools["createA"]["input_schema"]["properties"]["a"]["properties"]["b"]["properties"]["a"]
    assert a_inside_b == {"type": "object", "description": "A: not expanded here."}


def test_every_pyproject_reads_as_toml(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    import tomllib

    for name, (out, _, _) in packages.items():
        project = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        assert project["description"].startswith("Typed Python client for the "), name


def test_a_title_beyond_ascii_builds_a_wheel_that_says_it(packages: dict[str, tuple[Path, str, list[Diagnostic]]],
                                                          tmp_path: Path) -> None:
    import zipfile

    out, _, _ = packages["project-text-beyond-ascii"]
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(out)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    assert 'Summary: Typed Python client for the Owl 🦉 "quoted" \\back\\slash API' in text


def test_none_is_a_null_body_where_the_body_is_required_and_takes_null(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-null-body"]
    modules = _import_all(out, package)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with modules[package].NullBody(api_key="k", base_url=f"http://127.0.0.1:{server.server_port}") as client:
            client.marks.set_marks(body=None)
            client.marks.set_marks(body=["a"])
            client.marks.add_marks(body=None)
            client.marks.reset(body=None)
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.seen == [
        ("PUT", "/marks", "application/json", b"null"),
        ("PUT", "/marks", "application/json", b'["a"]'),
        ("POST", "/marks", "", b""),
        ("POST", "/reset", "application/json", b"null"),
    ]


def test_a_ref_that_is_not_a_string_is_ignored_with_a_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    _, _, diagnostics = packages["ref-not-a-string"]
    found = [(d.pointer, d.message) for d in diagnostics if "not a reference" in d.message]
    assert found == [
        ("/components/schemas/Value/anyOf/2/$ref", "$ref is null, not a reference; it is ignored"),
        ("/components/schemas/Holder/properties/odd/$ref", "$ref is 7, not a reference; it is ignored"),
    ]
    assert all(d.location.line for d in diagnostics)


def test_the_readme_of_an_api_with_no_credentials_offers_no_key(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """A document that declares no security: the key would not be sent, so the README
    neither asks for one nor puts one in the MCP host's settings, and it names no scopes;
    its examples run as written."""
    out, package, _ = packages["auth-none"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up\n", 1)[1].split("\n## ", 1)[0]
    assert "api_key" not in setup and "API_KEY" not in readme.split("## Settings", 1)[0]
    assert "describes no credentials, so the client sends none" in setup and "default_headers=" in setup
    assert '{"mcpServers": {"regress-auth-none": {"command": "regress-auth-none", "args": ["mcp"]}}}' in readme
    assert "| `PermissionDeniedError` | 403: the credentials do not allow this |" in readme
    assert "missing_scope" not in readme
    modules = _import_all(out, package)
    for block in (setup, readme.split("## Errors", 1)[1]):
        code = block.split("```py\n", 1)[1].split("```", 1)[0]
        scope: dict[str, Any] = {}
        exec(compile(code, "README.md", "exec"), scope)  # as a user runs it
    assert scope["APIStatusError"] is modules[package].APIStatusError


def test_a_document_with_an_empty_title_and_version_reads_well(tmp_path: Path) -> None:
    """Temporal's OpenAPI 3 document has `title: ""`: the README said "a client for the
    (version ...)"."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text((HERE / "auth-none.yaml").read_text(encoding="utf-8").replace(
        'info: {title: Auth none, version: "1"}', 'info: {title: "", version: ""}'), encoding="utf-8")
    files = generate(spec, package_name="untitled").files
    assert "A typed Python client for the API,\ngenerated from its OpenAPI document." in files["README.md"]
    assert 'description = "Typed Python client for the API"' in files["pyproject.toml"]


def test_grpc_gateways_default_title_and_version_name_the_api_by_its_proto_package(tmp_path: Path) -> None:
    """A gRPC service that sets no OpenAPI info gets grpc-gateway's defaults: the .proto
    file's path as the title and "version not set". The package was
    `temporal_api_workflowservice_v1_request_response_proto` and its README said "(version
    version not set)"; the name is the path's words that name the API."""
    spec = tmp_path / "openapi.yaml"
    for title, package, client in [
            ("temporal/api/workflowservice/v1/request_response.proto", "temporal_workflowservice", "TemporalWorkflowservice"),
            ("github.com/acme/proto/inventory/v1alpha1/inventory_service.proto", "acme_inventory", "AcmeInventory"),
            ("service.proto", "service", "Service")]:
        spec.write_text((HERE / "auth-none.yaml").read_text(encoding="utf-8").replace(
            'info: {title: Auth none, version: "1"}', f'info: {{title: "{title}", version: "version not set"}}'),
            encoding="utf-8")
        files = generate(spec).files
        assert f"{package}/_client.py" in files
        assert f"class {client}(_SyncAPIClient):" in files[f"{package}/_client.py"]
        readme = files["README.md"]
        assert "version not set" not in readme and ".proto" not in readme.split("## Install")[0]


def test_a_document_of_webhooks_only_gives_their_payloads_models_and_says_so(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["webhooks-only"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    examples = readme.split("## Examples", 1)[1].split("\n## ", 1)[0]
    assert "no operations, so the client has no methods" in examples
    assert f"`{package}.models`, the payloads of its 2 webhooks among them" in examples
    models = _import_all(out, package)[f"{package}.models"]
    [block] = examples.split("```py\n")[1:]
    code = block.split("```", 1)[0]
    assert "the body of a `push` webhook" in code
    scope: dict[str, Any] = {"body": '{"ref": "main", "commits": [{"id": "c1", "message": "m"}]}'}
    exec(compile(code, "README.md", "exec"), scope)  # the README's example, as a user runs it
    assert isinstance(scope["event"], models.PushEvent) and scope["event"].commits[0].id == "c1"
    # a payload that differs from the document (a number where a string is declared, a
    # field added later) is still read: the client's own lenient reading
    scope["body"] = '{"ref": "main", "commits": [{"id": 7}], "pusher": {"name": "x"}}'
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["event"].commits[0].id == 7 and scope["event"].model_extra == {"pusher": {"name": "x"}}


def test_type_null_beside_a_combinator_is_read_as_nullable(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["null-type-beside-combinator"]
    models = _import_all(out, package)[f"{package}.models"]
    with_author = models.Advisory.model_validate({"author": {"login": "octocat"}, "assigned_at": 1.5})
    assert with_author.author.login == "octocat" and with_author.assigned_at == 1.5
    assert models.Advisory.model_validate({"author": None}).author is None
    found = [(d.pointer, d.message) for d in diagnostics if "type null beside" in d.message]
    assert found == [
        ("/components/schemas/Advisory/properties/author/type",
         "type null beside allOf admits null alone; read as nullable: the allOf or null"),
        ("/components/schemas/Advisory/properties/assigned_at/type",
         "type null beside oneOf admits null alone; read as nullable: the oneOf or null"),
    ]
    assert all(d.location.line for d in diagnostics if "type null beside" in d.message)


def test_a_named_map_is_a_dict_of_its_values_models(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-named-maps"]
    modules = _import_all(out, package)
    models, testing = modules[f"{package}.types"], modules[f"{package}.testing"]
    assert models.APIs == dict[str, models.API] and models.Labels == dict[str, str]
    assert models.Codes == dict[str, int]  # its one patternProperties entry
    assert models.Tree == dict[str, typing.Any]  # a map of itself: the inner one is Any
    resource = modules[f"{package}.resources.apis"].APIsResource
    annotations = {name: p.annotation for name, p in inspect.signature(resource.add_apis).parameters.items()}
    assert annotations["apis"] == "_Mapping[str, API | dict[str, _Any]]"  # covariant: a dict of a subclass too
    assert inspect.signature(resource.replace_apis).parameters["body"].annotation == "APIs | dict[str, dict[str, _Any]]"
    assert inspect.signature(resource.put_labels).parameters["body"].annotation == "Labels"
    assert annotations["history"] == "_Mapping[str, _Sequence[API | dict[str, _Any]]] | _NotGiven"
    contract = (out / "tests" / "contract" / "test_apis.py").read_text(encoding="utf-8")
    assert "models.API.from_dict(" in contract and "model_validate" not in contract

    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        api.respond("listAPIs", 200, {"petstore": {"preferred": "v2", "added": "2024-05-01T00:00:00Z"}})
        found = client.apis.list_apis()
        assert isinstance(found["petstore"], models.API) and found["petstore"].added.year == 2024
        client.apis.replace_apis(body={"a": models.API.from_dict({"preferred": "v1"}), "b": {"preferred": "v2"}})
        client.apis.add_apis(apis={"a": {"preferred": "v1"}}, codes={"EN": 3}, history={"a": [{"preferred": "v0"}]})
        refused = modules[f"{package}._exceptions"].BadRequestError
        with pytest.raises(refused, match=r"unexpected field \(field: codes\.english\)"):
            client.apis.add_apis(apis={}, codes={"english": 3})
        with pytest.raises(refused, match=r"\(field: codes\.EN\)"):
            client.apis.add_apis(apis={}, codes={"EN": "three"})  # type: ignore[dict-item]
        api.respond("getCatalog", 200, {"count": 2, "a": {"id": "a", "preferred": "v1"}, "b": {"preferred": 3}})
        catalog = client.apis.get_catalog()
        assert catalog.count == 2 and [type(v) for v in catalog.model_extra.values()] == [models.API] * 2
        assert catalog.model_extra["b"].preferred == 3  # read as far as it goes
        tree = client.trees.get_tree_ids(tree_ids="t-1")
    assert tree.tree is None
    assert [call.body for call in api.calls[1:3]] == [
        {"a": {"preferred": "v1"}, "b": {"preferred": "v2"}},
        {"apis": {"a": {"preferred": "v1"}}, "codes": {"EN": 3}, "history": {"a": [{"preferred": "v0"}]}}]


def test_a_server_url_with_variables_is_called_at_their_defaults(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["server-variables"]
    client_class = _import_all(out, package)[package].ServerVariables
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json=[1])

    for address in ({}, {"base_url": "https://old.example.com"}, {"base_url": "https://us.example.com/v2"}):
        with client_class(**address, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
            assert client.default.list_points() == [1]
    assert sent == ["https://eu.example.com/v2/points", "https://eu.example.com/v2/points", "https://us.example.com/v2/points"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "| `base_url` | `REGRESS_SERVER_VARIABLES_BASE_URL` | `https://eu.example.com/v2` |" in readme
    assert ("The default address is the API's `https://{region}.example.com/{version}` with each variable's default:\n"
            "- `region`: `eu` (or `us`): where the data is kept\n- `version`: `v2`\n") in readme


def test_an_operation_with_a_server_of_its_own_is_sent_there_from_the_default_address(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["operation-servers"]
    client_class = _import_all(out, package)[package].OperationServers
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url}")
        return httpx.Response(201 if request.method == "POST" else 200, json={"name": "r"})

    for address in ({}, {"base_url": "api"}, {"base_url": "https://proxy.example.net/api"}):
        with client_class(**address, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
            client.default.upload_asset("r", body=b"data")
            client.default.get_repo("r")
            client.with_options(max_retries=1).default.upload_asset("r", body=b"data")
    assert sent == [
        "POST https://main.uploads.example.com/repos/r/assets",
        "GET https://api.example.com/v1/repos/r",
        "POST https://main.uploads.example.com/repos/r/assets",
    ] * 2 + [
        "POST https://proxy.example.net/api/repos/r/assets",
        "GET https://proxy.example.net/api/repos/r",
        "POST https://proxy.example.net/api/repos/r/assets",
    ]
    warned = sorted((d.pointer, d.message.split(";")[0]) for d in diagnostics if "server '" in d.message)
    assert warned == [("/paths/~1legacy/get/servers/0/url", "server 'http://legacy.example.com' is plain http where the API's is https"),
                      ("/paths/~1relative/get/servers/0/url", "server '/v2' is not an address a client can call")]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert ("Some operations are served from another address than the API's, as its document says:\n"
            "- https://main.uploads.example.com: `client.upload_asset`\n\n"
            "They are sent there while `base_url` is the default") in readme


def test_x_ms_pageable_lists_walk_every_page(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-ms-pageable"]
    modules = _import_all(out, package)
    testing, types, pages = modules[f"{package}.testing"], modules[f"{package}.types"], modules[f"{package}._pagination"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        vaults = client.vaults.list(top=10)
        assert isinstance(vaults, pages.SyncPage) and len(vaults.items) == 2 and vaults.has_next_page()
        assert [type(v) for v in vaults] == [types.Vault] * 5  # three pages, nextLink followed
        users = list(client.users.list())
        assert [type(u) for u in users] == [types.User] * 5
        regions = client.regions.list()  # nextLinkName null: everything at once
        assert isinstance(regions, types.RegionsListResponse)
        skus = client.skus.list_available(location="westeurope")  # a POST: the envelope
        assert isinstance(skus, types.VaultList)
        # no list where the items would be: the answer as it is
        status = client.statuses.get_mam_statuses()
        assert isinstance(status, types.GetMAMStatusesResponse) and status.status
        monitors = client.monitors.list_monitors(page=0, page_size=5)
        assert isinstance(monitors, list) and monitors and all(isinstance(m, types.User) for m in monitors)
    assert sorted(d.message for d in diagnostics if "not paged" in d.message) == [
        "x-ms-pageable: the response has no list 'value' for a page's items (itemName names it), so the operation "
        "is not paged",
        "x-pagination: the response has no list 'results' for a page's items (items names it), so the operation is "
        "not paged",
    ]
    assert [(call.operation_id, call.query.get("$top")) for call in api.calls[:3]] == [("Vaults_List", "10")] * 3


def test_lists_that_page_in_the_well_known_ways_walk_every_page(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-inferred-pages"]
    modules = _import_all(out, package)
    testing, types, pages = modules[f"{package}.testing"], modules[f"{package}.types"], modules[f"{package}._pagination"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        books = client.books.list(page_size=2)
        assert isinstance(books, pages.SyncPage) and len(books.items) == 2 and books.has_next_page()
        assert [type(b) for b in books] == [types.Book] * 5
        tokens = [call.query.get("pageToken") for call in api.calls if call.operation_id == "books.list"]
        assert tokens == [None, "2", "4"]  # each the token the page before gave
        repos = client.repos.list(per_page=2)
        assert [type(r) for r in repos] == [types.Repo] * 5  # a bare list, the Link header followed
        raw = client.repos.with_raw_response.list(per_page=2)
        assert raw.headers["Link"].endswith('rel="next"') and len(list(raw.parse())) == 5
        runs = client.repos.runs_list()
        assert isinstance(runs.envelope, types.RunsListResponse) and [type(r) for r in runs] == [types.Repo] * 5
        assert "body" not in inspect.signature(client.customers.list).parameters
        customers = list(client.customers.list(limit=2))
        assert [c.id for c in customers] == [f"{customers[0].id.rsplit('_', 1)[0]}_{i}" for i in range(5)]
        after = [call.query.get("starting_after") for call in api.calls if call.operation_id == "GetCustomers"]
        assert after == [None, customers[1].id, customers[3].id]
        # OpenAI's `after` and Anthropic's `after_id` alike; an `after` that is a time filters
        assistants = list(client.assistants.list_assistants(limit=2))
        after = [call.query.get("after") for call in api.calls if call.operation_id == "listAssistants"]
        assert len(assistants) == 5 and after == [None, assistants[1].id, assistants[3].id]
        assert len(list(client.models.list_models(limit=2))) == 5
        audit = client.audit.list_audit()  # (the whole answer, unpaged)
        assert not isinstance(audit, pages.SyncPage) and "has_more" in type(audit).model_fields
        assert [type(f) for f in client.functions.list_functions()] == [types.Book] * 5
        # an offset, walked to the total the answer gives (no request past it)
        assert [type(e) for e in client.events.list_events(limit=2)] == [types.Book] * 5
        offsets = [call.query.get("offset") for call in api.calls if call.operation_id == "listEvents"]
        assert offsets == [None, "2", "4"]
        assert isinstance(client.events.list_logs(), types.ListLogsResponse)
        assert [type(i) for i in client.events.get_linode_instances()] == [types.Book] * 5
        numbers = [call.query.get("page") for call in api.calls if call.operation_id == "getLinodeInstances"]
        assert numbers == [None, "2", "3"]  # three pages counted, none asked for past them
        # the counts in an object of the answer (Giphy's `pagination`, Billbee's `Paging`)
        gifs = client.events.search_gifs(limit=2)
        assert gifs.count == 5 and [type(g) for g in gifs] == [types.Book] * 5
        assert [c.query.get("offset") for c in api.calls if c.operation_id == "searchGifs"] == [None, "2", "4"]
        assert [type(p) for p in client.events.list_products()] == [types.Book] * 5
        assert [c.query.get("page") for c in api.calls if c.operation_id == "listProducts"] == [None, "2", "3"]
        # HAL's items in `_embedded` (Akeneo's), its next link in `_links`
        hal = client.events.get_products(limit=2)
        assert len(hal.items) == 2 and [type(p) for p in hal] == [types.Book] * 5
        # the same styles declared by x-pagination
        assert [type(m) for m in client.events.list_moments()] == [types.Book] * 5
        assert [call.query.get("pos") for call in api.calls if call.operation_id == "listMoments"] == [None, "2", "4"]
        assert [type(f) for f in client.events.list_feeds()] == [types.Book] * 5
        # a link in one of the answer's objects, and a token in one
        assert [type(a) for a in client.articles.list_articles(page_size=2)] == [types.Book] * 5
        assert [type(c) for c in client.articles.list_call()] == [types.Book] * 5
        assert [type(c) for c in client.articles.conversations_list()] == [types.Book] * 5
        assert [type(c) for c in client.articles.list_companies()] == [types.Book] * 5
        cursors = [call.query.get("cursor") for call in api.calls if call.operation_id == "conversations.list"]
        assert cursors == [None, "2", "4"]
        # a page offered as CSV too: the client asks for JSON alone, and pages it
        assert [type(e) for e in client.shelves.exports_list()] == [types.Book] * 5
        # not paged: the answer as it is
        assert isinstance(client.buckets.list_objects(), types.ListObjectsResponse)
        assert isinstance(client.shelves.list(), types.ShelvesListResponse)
        assert isinstance(client.shelves.authors_list(page_token="t"), types.AuthorsListResponse)
        assert isinstance(client.shelves.notes_list(), types.NotesListResponse)
        assert isinstance(client.repos.get("r"), types.Repo)
        assert isinstance(client.articles.get_playlist("p"), types.GetPlaylistResponse)

    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={"tags": [{"name": "a"}], "next": "c2VjcmV0"})

    root = modules[package]
    with root.InferredPages(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        assert [t.name for t in client.articles.list_tags()] == ["a"]  # a token, not a link: no further
    assert sent == ["https://api.example.com/tags"]

    # over HTTP, from a server whose links name another host and path: the client keeps its
    # own address (and its key), taking the link's query only
    seen: list[str] = []

    class Linking(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append(f"{self.path} {self.headers.get('Authorization')}")
            page = int(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)).get("page", "1"))
            body = json.dumps([{"id": page, "full_name": f"r{page}"}]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if page < 3:
                self.send_header("Link", f'<https://elsewhere.example/repositories/9?page={page + 1}>; rel="next", '
                                         '<https://elsewhere.example/repositories/9?page=3>; rel="last"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Linking)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}"
        with root.InferredPages(api_key="k", base_url=address) as client:
            assert [r.full_name for r in client.repos.list(per_page=1)] == ["r1", "r2", "r3"]

        async def walk() -> list[str]:
            async with root.AsyncInferredPages(api_key="k", base_url=address) as client:
                return [r.full_name async for r in await client.repos.list()]

        assert asyncio.run(walk()) == ["r1", "r2", "r3"]
    finally:
        server.shutdown()
        server.server_close()
    assert seen[:3] == ["/repos?per_page=1 Bearer k", "/repos?per_page=1&page=2 Bearer k", "/repos?per_page=1&page=3 Bearer k"]
    assert seen[3:] == ["/repos Bearer k", "/repos?page=2 Bearer k", "/repos?page=3 Bearer k"]

    # the command line: a table of the first page says more follow; --all prints every item
    prefix = package.upper()
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
    with modules[f"{package}.testing.server"].MockServer() as mock:
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": mock.url, f"{prefix}_API_KEY": "k"})
        cli = [sys.executable, "-m", f"{package}.cli"]
        table = subprocess.run([*cli, "repos", "list", "--per-page", "2", "-o", "table"], capture_output=True,
                               env=env, timeout=60)
        assert table.returncode == 0 and "More on the next pages; --all prints every one." in table.stderr.decode()
        every = subprocess.run([*cli, "books", "list", "--all", "-o", "jsonl"], capture_output=True, env=env, timeout=60)
        assert every.returncode == 0, every.stderr.decode()[-500:]
        assert len(every.stdout.decode().splitlines()) == 5
        counted = subprocess.run([*cli, "events", "search-gifs", "--limit", "2", "-o", "table"], capture_output=True,
                                 env=env, timeout=60)  # the total in the answer's `pagination`
        assert counted.returncode == 0 and "2 of 5 shown; --all prints every one." in counted.stderr.decode()
        embedded = subprocess.run([*cli, "events", "get-products", "--limit", "2", "-o", "jsonl"], capture_output=True,
                                  env=env, timeout=60)  # a page's items, though they are in `_embedded`
        assert embedded.returncode == 0 and len(embedded.stdout.decode().splitlines()) == 2, embedded.stderr.decode()


def test_every_credential_of_the_keys_requirement_is_a_setting_sent_with_it(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    out, package, _ = packages["auth-credentials"]
    modules = _import_all(out, package)
    client_class, configuration_error = modules[package].Credentials, modules[package].ConfigurationError
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"name": "n"})

    def client(**settings: str) -> Any:
        return client_class(http_client=httpx.Client(transport=httpx.MockTransport(answer)), **settings)

    assert "legacy" not in inspect.signature(client_class).parameters  # (Authorization is partner's)
    given = {"api_key": "k-1", "user_id": "u-1", "account": "a-1", "session": "s-1", "partner": "p-1"}
    with caplog.at_level("DEBUG", logger=package), client(**given) as first:
        first.default.get_me()
        first.with_options(max_retries=0).default.get_me()
    for request in sent:
        assert (request.headers["x-api-key"], request.headers["x-user-id"]) == ("k-1", "u-1")
        assert request.headers["authorization"] == "Bearer p-1" and request.headers["cookie"] == "sid=s-1"
        assert request.url.params["account"] == "a-1"
    assert caplog.text and not any(secret in caplog.text for secret in given.values() if secret != "k-1")
    assert "k-1" not in caplog.text

    env = {key: value for key, value in os.environ.items() if not key.startswith("REGRESS_AUTH_CREDENTIALS_")}
    env.update({"PYTHONPATH": str(out), "REGRESS_AUTH_CREDENTIALS_API_KEY": "k-1"})
    command = subprocess.run([sys.executable, "-m", f"{package}.cli", "default", "get-me"],
                             capture_output=True, env=env, timeout=60)
    assert command.returncode == 2, command.stderr
    assert b"No user_id: set REGRESS_AUTH_CREDENTIALS_USER_ID (the API wants it beside the API key)." in command.stderr
    with pytest.raises(configuration_error, match="No user_id: .* REGRESS_AUTH_CREDENTIALS_USER_ID"):
        client(api_key="k-1", account="a-1", session="s-1", partner="p-1")
    monkeypatch.setenv("REGRESS_AUTH_CREDENTIALS_USER_ID", "u-env")
    client(api_key="k-1", account="a-1", session="s-1", partner="p-1").default.get_me()
    assert sent[-1].headers["x-user-id"] == "u-env"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert '    user_id="...",  # or set REGRESS_AUTH_CREDENTIALS_USER_ID\n' in readme
    assert "- `user_id`: Your user id (sent as the `X-User-Id` header)\n" in readme


class _AuthRecorder(BaseHTTPRequestHandler):
    """Keeps (path, the credentials' places: X-Api-Key, Authorization, the `partner`
    query parameter) of every request; answers with a name."""

    seen: list[tuple[str, str | None, str | None, str | None]] = []

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        partner = urllib.parse.parse_qs(url.query).get("partner")
        self.seen.append((url.path, self.headers.get("X-Api-Key"), self.headers.get("Authorization"),
                          partner[0] if partner else None))
        answer = b'{"name": "n"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_each_request_sends_the_first_way_its_operation_takes_that_the_client_has(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    out, package, diagnostics = packages["contract-auth-ways"]
    assert [(d.pointer, d.message) for d in diagnostics if d.location.line] == [(
        "/paths/~1both/get/security/0/userToken", "'basic' and 'userToken' both go in the 'authorization' header: no "
        "request can carry both; the client sends its usual credentials instead")]
    modules = _import_all(out, package)
    root, testing, errors = modules[package], modules[f"{package}.testing"], modules[f"{package}.errors"]
    assert modules[f"{package}._settings"].WAYS == (("api_key",), ("basic",), ("user_token",), ("partner_key", "basic"),
                                                          ("api_key", "partner_key"))
    prefix = package.upper()  # (REGRESS_CONTRACT_AUTH_WAYS)
    for name in ("API_KEY", "BASIC", "USER_TOKEN", "PARTNER_KEY"):
        monkeypatch.delenv(f"{prefix}_{name}", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AuthRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    operations = ("get_status", "get_me", "get_mixed", "list_reports", "get_both", "list_flows", "ping")
    basic = "Basic " + base64.b64encode(b"u:p").decode()

    def sent(**settings: str) -> dict[str, tuple[str | None, str | None, str | None]]:
        _AuthRecorder.seen = []
        with root.AuthWays(base_url=url, max_retries=0, **settings) as client:
            for method in operations:
                getattr(client.default, method)()
        return {path: (key, authorization, partner) for path, key, authorization, partner in _AuthRecorder.seen}

    try:
        # the key alone: sent everywhere, as before (an operation whose ways the client
        # lacks gets the usual credentials, and its server says what is missing)
        assert set(sent(api_key="k").values()) == {("k", None, None)}
        assert sent(api_key="k", user_token="t") == {
            "/status": ("k", None, None), "/me": (None, "Bearer t", None), "/mixed": (None, "Bearer t", None),
            "/reports": ("k", None, None), "/both": ("k", None, None), "/flows": (None, "Bearer t", None),
            "/ping": ("k", None, None)}
        # no key at all: the document's other way, and a way of two credentials together
        assert sent(basic="u:p", partner_key="pk") == {
            "/status": (None, basic, None), "/me": (None, basic, None), "/mixed": (None, basic, None),
            "/reports": (None, basic, "pk"), "/both": (None, basic, None), "/flows": (None, basic, None),
            "/ping": (None, basic, None)}
        # a way no client can take is none: /both gets the usual credentials
        assert sent(basic="u:p", user_token="t")["/both"] == (None, basic, None)
        monkeypatch.setenv(f"{prefix}_USER_TOKEN", "t-env")
        with caplog.at_level("DEBUG", logger=package):
            assert sent(basic="u:p")["/me"] == (None, "Bearer t-env", None)
        assert "t-env" not in caplog.text and "/me" in caplog.text
        monkeypatch.delenv(f"{prefix}_USER_TOKEN")

        async def mixed() -> None:
            async with root.AsyncAuthWays(base_url=url, api_key="k", user_token="t") as client:
                await client.default.get_mixed()
        _AuthRecorder.seen = []
        asyncio.run(mixed())
        assert _AuthRecorder.seen == [("/mixed", None, "Bearer t", None)]

        with root.AuthWays(base_url=url, partner_key="pk") as half:  # (half of a way is none: /ping needs none)
            half.ping()
            with pytest.raises(root.ConfigurationError) as refused:
                half.get_status()
        assert str(refused.value) == (
            f"getStatus needs credentials. No API key: pass api_key=... or set the {prefix}_API_KEY environment "
            "variable (or authenticate "
            f"another way the API takes: basic=... ({prefix}_BASIC); user_token=... ({prefix}_USER_TOKEN); "
            f"or partner_key=... ({prefix}_PARTNER_KEY) with basic=... ({prefix}_BASIC))")

        env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": url})

        def cli(*args: str, **settings: str) -> subprocess.CompletedProcess[bytes]:
            return subprocess.run([sys.executable, "-m", f"{package}.cli", "default", *args], capture_output=True,
                                  env={**env, **settings}, timeout=60)
        _AuthRecorder.seen = []
        ran = cli("get-status", **{f"{prefix}_BASIC": "u:p"})
        assert ran.returncode == 0, ran.stderr.decode()[-500:]
        assert _AuthRecorder.seen == [("/status", None, basic, None)]
        root_help = subprocess.run([sys.executable, "-m", f"{package}.cli", "--help"], capture_output=True, env=env,
                                   timeout=60)
        said = (f"The API key comes from --api-key or the {prefix}_API_KEY environment variable; other credentials "
                f"from theirs: {prefix}_BASIC, {prefix}_USER_TOKEN, {prefix}_PARTNER_KEY.")
        assert "".join(said.split()) in "".join(root_help.stdout.decode().split())  # (wrapped, at hyphens too)
        refused_cli = cli("get-status")
        assert refused_cli.returncode == 2, refused_cli.stderr
        assert (f"No API key: pass --api-key KEY or set {prefix}_API_KEY (or set {prefix}_BASIC or {prefix}_USER_TOKEN "
                f"or {prefix}_PARTNER_KEY and {prefix}_BASIC: another way the API takes).") in refused_cli.stderr.decode()
    finally:
        server.shutdown()
        server.server_close()

    # the mock server checks each operation's ways as the document gives them
    api = testing.MockAPI()
    with testing.mock_client(api) as mocked:  # (every credential given)
        mocked.default.get_me()
        mocked.default.list_reports()
        mocked.default.get_both()
        mocked.default.list_flows()
        assert [call.status for call in api.calls] == [200, 200, 200, 200]
    with testing.mock_client(api, user_token="", partner_key="") as mocked:
        mocked.default.get_status()
        with pytest.raises(errors.AuthenticationError) as me:
            mocked.default.get_me()  # the key, where the document names the user's token only
        with pytest.raises(errors.AuthenticationError) as reports:
            mocked.default.list_reports()  # basic credentials without the partner key
        mocked.default.ping()
    # (the server says only that it refused; the client says what the operation takes)
    assert str(me.value).endswith(f"(this operation takes user_token ({prefix}_USER_TOKEN); the client has not got "
                                  "it and sent its usual credentials)")
    assert f"takes partner_key ({prefix}_PARTNER_KEY) with basic ({prefix}_BASIC);" in str(reports.value)
    with testing.mock_client(api, api_key=testing.INVALID_KEY, user_token="") as mocked, \
            pytest.raises(errors.AuthenticationError) as key:
        mocked.default.get_mixed()  # (a way it has, refused: nothing to add)
    assert "this operation takes" not in str(key.value)
    with testing.mock_client(api, api_key="", basic="u:p", user_token="", partner_key="") as mocked:
        mocked.default.get_status()  # the document's other way, no key

    # the MCP server keeps every credential of the environment out of what it returns
    monkeypatch.setenv(f"{prefix}_BASIC", "u:mcp-secret")
    mcp = modules[f"{package}.mcp.server"]
    assert mcp.McpApp(mcp.Options()).redact("the server said u:mcp-secret") == "the server said [redacted]"

    readme = (out / "README.md").read_text(encoding="utf-8")
    assert ("The ways: the API key; or `basic`; or `user_token`; or `partner_key` with `basic`; "
            "or the API key with `partner_key`.\n") in readme
    assert f"- `user_token` (`{prefix}_USER_TOKEN`): A user's OAuth token (sent as a bearer token in the " \
        "Authorization header)\n" in readme
    assert f"| `basic` | `{prefix}_BASIC` | none: another way to authenticate (above) |\n" in readme
    assert 'user_token="...",' not in readme  # (the example shows the key's way)
    assert "credentials the client was not given, `client_hint` names them |" in readme
    # what the README says of errors, retries and the command line is this API's
    assert "missing required scope 'profile' (this operation needs an API key with the scope profile)" in readme
    assert "running a query" not in readme and "LongRunningError" not in readme
    assert "Lists serve five items" not in readme and "phx_read_only" not in readme and "jobs answer 202" not in readme
    assert "answers 401 unless the request carries every credential of one of its ways." in readme
    assert "every request and response, retries with backoff and typed errors.\n" in readme  # (no pages)
    assert "Neither the API key nor another credential appears in a log line, an error message or a `repr`: the\n" \
        "`X-Api-Key` header is logged as `<redacted>`" in readme
    assert "```sh\nregress-contract-auth-ways --help\nregress-contract-auth-ways get-status --help\n```" in readme
    # (no operation has a tag: their resource is not said to be "tagged default"; they are
    # the client's own methods)
    assert ("### `client`\n\nOperations the API document gives no tag.\n\n"
            "These are the client's own methods (`client.default` has them too).\n") in readme
    assert "result = client.get_status()\n" in readme


def test_the_operations_the_document_gives_no_tag_are_the_clients_own_methods(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    out, package, _ = packages["contract-auth-ways"]
    modules = _import_all(out, package)
    root, testing = modules[package], modules[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.get_status() == client.default.get_status()  # (both ways, as before)
        raw = client.with_raw_response.get_status()
        assert raw.status_code == 200 and raw.parse() == client.get_status()
        with client.with_streaming_response.get_status() as streamed:
            assert streamed.status_code == 200
        assert client.with_options(max_retries=1).get_me() is not None
    assert [call.operation_id for call in api.calls] == ["getStatus"] * 5 + ["getMe"]
    assert "its own methods (and `default`'s)" in (root.AuthWays.__doc__ or "")

    async def together() -> None:
        async with testing.mock_async_client(api) as client:
            await client.get_mixed()
            await client.with_raw_response.ping()
    asyncio.run(together())
    assert [call.operation_id for call in api.calls[-2:]] == ["getMixed", "ping"]
    contract = (out / "tests" / "contract" / "test_default.py").read_text(encoding="utf-8")
    assert "client.get_status()" in contract and "client.default." not in contract

    # the command line has them at its root too (and in the group, as before)
    prefix = package.upper()
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
    with modules[f"{package}.testing.server"].MockServer() as server:
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": server.url, f"{prefix}_API_KEY": "k"})
        printed = []
        for words in (["get-status"], ["default", "get-status"]):
            ran = subprocess.run([sys.executable, "-m", f"{package}.cli", *words], capture_output=True, env=env,
                                 timeout=60)
            assert ran.returncode == 0, ran.stderr.decode()[-500:]
            printed.append(json.loads(ran.stdout))
        fixtures = [json.loads(f.read_text(encoding="utf-8")) for f in (out / package / "testing" / "fixtures").glob("*.json")]
        answer = next(f["getStatus"] for f in fixtures if "getStatus" in f)["responses"]["200"]["body"]
        assert printed[0] == printed[1] == answer  # what the server sent (the mock's fixture)
    listed = subprocess.run([sys.executable, "-m", f"{package}.cli", "--help"], capture_output=True, env=env,
                            timeout=60).stdout.decode()
    assert "  default       Operations the API document gives no tag.\n" in listed
    assert "  get-status    Get status\n" in listed and "  mcp " in listed
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert ("methods: `regress-contract-auth-ways get-status`, as well as `regress-contract-auth-ways default "
            "get-status`.\n") in readme

    # an operation named like one of the client's members (close, request, a tag's
    # attribute) keeps them all on `client.default` only: nothing of the client is hidden
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: Closing, version: '1'}\npaths:\n"
                    "  /close: {post: {operationId: close, responses: {'204': {description: closed}}}}\n"
                    "  /ping: {get: {operationId: ping, responses: {'204': {description: up}}}}\n", encoding="utf-8")
    files = generate(spec, package_name="closing").files
    assert "class Closing(_SyncAPIClient):" in files["closing/_client.py"]
    assert "### `client.default`\n" in files["README.md"] and "client's own methods" not in files["README.md"]
    spec.write_text(spec.read_text(encoding="utf-8").replace("operationId: close,", "operationId: shut, tags: "
                                                             "[with_streaming_response],"), encoding="utf-8")
    files = generate(spec, package_name="closing").files  # (a tag named like a member the resource gives)
    assert "class Closing(_SyncAPIClient):" in files["closing/_client.py"]


class _TokenIssuer(BaseHTTPRequestHandler):
    """An OAuth 2 token endpoint (/oauth/token) and an API that takes its tokens (any other
    path answers with the token it was asked with; a token not issued, or revoked, 401)."""

    asked: list[tuple[dict[str, str], str | None]] = []  # (the form, the Authorization header)
    seen: list[tuple[str, str | None]] = []
    valid: set[str] = set()
    lifetime: int | None = 3600
    basic_only = False  # (refuse the ID and secret in the form, as some servers do)
    secret = "cs-9f2e"

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        answer = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.path != "/oauth/token":
            return self.do_GET()
        form = dict(urllib.parse.parse_qsl(raw))
        authorization = self.headers.get("Authorization")
        self.asked.append((form, authorization))
        pair = (form.get("client_id"), form.get("client_secret"))
        if authorization:
            pair = tuple(base64.b64decode(authorization.removeprefix("Basic ")).decode().split(":", 1))  # type: ignore[assignment]
        elif self.basic_only:
            pair = (None, None)
        if pair != ("cid", self.secret):
            return self._answer(401, {"error": "invalid_client", "error_description": "Client authentication failed."})
        token = f"tok-{len(self.asked)}"
        self.valid.add(token)
        self._answer(200, {"access_token": token, "token_type": "bearer",
                           **({"expires_in": self.lifetime} if self.lifetime is not None else {})})

    def do_GET(self) -> None:
        authorization = self.headers.get("Authorization")
        self.seen.append((self.path, authorization))
        token = (authorization or "").removeprefix("Bearer ")
        if self.path != "/health" and token not in self.valid and token != "key":
            return self._answer(401, {"detail": "Invalid token."})
        self._answer(200, {"token": token})

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _PasswordLogin(BaseHTTPRequestHandler):
    """A FastAPI service's login (/login/access-token: the user's name and password as a
    form, or as JSON only where `json_only`, answered with a token) and an API that takes
    its tokens (/users/me; a token not issued, or revoked, 401)."""

    asked: list[tuple[str, dict[str, Any]]] = []  # (the Content-Type, the fields)
    seen: list[str | None] = []
    valid: set[str] = set()
    json_only = False

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        answer = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        kind = self.headers.get("Content-Type", "")
        fields = json.loads(raw) if "json" in kind else dict(urllib.parse.parse_qsl(raw))
        self.asked.append((kind.split(";")[0], fields))
        if self.json_only and "json" not in kind:
            return self._answer(422, {"detail": [{"loc": ["body"], "msg": "Input should be a valid dictionary",
                                                  "type": "model_attributes_type"}]})
        if (fields.get("username"), fields.get("password")) != ("al", "pw-7c1d"):
            return self._answer(400, {"detail": "Incorrect email or password"})
        token = f"tok-{len(self.asked)}"
        self.valid.add(token)
        self._answer(200, {"access_token": token, "token_type": "bearer"})

    def do_GET(self) -> None:  # noqa: N802
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        self.seen.append(token)
        if token not in self.valid:
            return self._answer(401, {"detail": "Could not validate credentials"})
        self._answer(200, {"email": "al@example.com", "token": token})

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_client_given_a_username_and_password_logs_in_by_itself(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], monkeypatch: pytest.MonkeyPatch) -> None:
    """OAuth 2's password flow (FastAPI's OAuth2PasswordBearer): given the user's name and
    password, the client fetches its bearer token from the flow's tokenUrl (a form, as RFC
    6749 says; as JSON where the server cannot read the form, as Airflow's), and again when
    the API refuses it; a wrong password is the login's refusal, the password never shown."""
    out, package, _ = packages["contract-oauth-password"]
    modules = _import_all(out, package)
    root, errors, settings = modules[package], modules[f"{package}.errors"], modules[f"{package}._settings"]
    assert settings.TOKEN_FLOW == ("api_key", "username", "password", "/login/access-token", "", "password")
    assert settings.WAYS == (("api_key",), ("username", "password"))
    for name in ("API_KEY", "USERNAME", "PASSWORD", "TOKEN_URL"):
        monkeypatch.delenv(f"{package.upper()}_{name}", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PasswordLogin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"

    def reset(json_only: bool = False) -> None:
        _PasswordLogin.asked, _PasswordLogin.seen, _PasswordLogin.valid = [], [], set()
        _PasswordLogin.json_only = json_only

    form = ("application/x-www-form-urlencoded", {"grant_type": "password", "username": "al", "password": "pw-7c1d"})
    try:
        reset()
        with root.PasswordLogin(base_url=url, username="al", password="pw-7c1d", max_retries=0) as client:
            assert client.users.read_user_me().token == "tok-1"
            assert client.users.read_user_me().token == "tok-1"
            _PasswordLogin.valid.clear()  # (revoked: logged in again, once)
            assert client.users.read_user_me().token == "tok-2"
        assert _PasswordLogin.asked == [form, form]
        assert _PasswordLogin.seen == ["tok-1", "tok-1", "tok-1", "tok-2"]

        reset(json_only=True)
        with root.PasswordLogin(base_url=url, username="al", password="pw-7c1d", max_retries=0) as client:
            assert client.users.read_user_me().token == "tok-2"
            _PasswordLogin.valid.clear()
            assert client.users.read_user_me().token == "tok-3"  # (JSON from then on)
        assert [kind for kind, _ in _PasswordLogin.asked] == [
            "application/x-www-form-urlencoded", "application/json", "application/json"]

        reset()
        with root.PasswordLogin(base_url=url, username="al", password="wrong-pw", max_retries=0) as client, \
                pytest.raises(errors.BadRequestError) as refused:
            client.users.read_user_me()
        assert "Incorrect email or password" in str(refused.value) and "wrong-pw" not in str(refused.value)
        assert f"the token endpoint {url}/login/access-token refused username" in str(refused.value)
        assert _PasswordLogin.seen == []  # (the API was not called without a token)

        async def read_async() -> str:
            async with root.AsyncPasswordLogin(base_url=url, username="al", password="pw-7c1d") as client:
                return str((await client.users.read_user_me()).token)

        reset()
        assert asyncio.run(read_async()) == "tok-1"
    finally:
        server.shutdown()
        server.server_close()


def test_a_client_given_its_oauth_client_id_and_secret_fetches_and_renews_its_token(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    out, package, diagnostics = packages["contract-oauth-client-credentials"]
    modules = _import_all(out, package)
    root, testing, errors = modules[package], modules[f"{package}.testing"], modules[f"{package}.errors"]
    prefix = package.upper()
    settings = modules[f"{package}._settings"]
    assert settings.WAYS == (("api_key",), ("client_id", "client_secret"))
    assert settings.TOKEN_FLOW == ("api_key", "client_id", "client_secret", "/oauth/token", "items:read items:write",
                                   "client_credentials")
    for name in ("API_KEY", "CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL", "TOKEN_SCOPE"):
        monkeypatch.delenv(f"{prefix}_{name}", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TokenIssuer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"

    def reset(**state: Any) -> None:
        _TokenIssuer.asked, _TokenIssuer.seen, _TokenIssuer.valid = [], [], set()
        _TokenIssuer.lifetime, _TokenIssuer.basic_only, _TokenIssuer.secret = 3600, False, "cs-9f2e"
        for key, value in state.items():
            setattr(_TokenIssuer, key, value)

    try:
        # one token, fetched at the first call (the ID and secret in the form, the scopes
        # the requirements name), and kept for the calls after it
        reset()
        with caplog.at_level("DEBUG", logger=package), \
                root.ClientCredentials(base_url=url, client_id="cid", client_secret="cs-9f2e", max_retries=0) as client:
            assert client.list_items().token == "tok-1"
            assert client.create_item(name="n").token == "tok-1"
            client.with_options(timeout=5).health()  # (a copy shares the token)
        assert _TokenIssuer.asked == [({"grant_type": "client_credentials", "scope": "items:read items:write",
                                        "client_id": "cid", "client_secret": "cs-9f2e"}, None)]
        assert _TokenIssuer.seen == [("/items", "Bearer tok-1"), ("/items", "Bearer tok-1"), ("/health", "Bearer tok-1")]
        assert "tok-1" not in caplog.text and "cs-9f2e" not in caplog.text and "/oauth/token" in caplog.text

        # a token the API refuses (revoked) is fetched again, once, and the call goes on
        reset()
        with root.ClientCredentials(base_url=url, client_id="cid", client_secret="cs-9f2e", max_retries=0) as client:
            client.list_items()
            _TokenIssuer.valid.clear()
            assert client.list_items().token == "tok-2"
            # one that expires: fetched again shortly before it does, not after a refusal
            now = [client._clock()]
            client._clock = lambda: now[0]
            now[0] += 3600 - 29
            assert client.list_items().token == "tok-3"
        assert [path for path, _ in _TokenIssuer.seen] == ["/items"] * 4  # (no refusal the second time)
        assert len(_TokenIssuer.asked) == 3

        # a server that takes the ID and secret as basic credentials only: asked again so,
        # and so from then on
        reset(basic_only=True, lifetime=None)
        basic = "Basic " + base64.b64encode(b"cid:cs-9f2e").decode()
        with root.ClientCredentials(base_url=url, client_id="cid", client_secret="cs-9f2e", max_retries=0) as client:
            client.list_items()
            _TokenIssuer.valid.clear()
            client.list_items()
        assert [auth for _, auth in _TokenIssuer.asked] == [None, basic, basic]
        assert "client_secret" not in _TokenIssuer.asked[1][0]

        # a wrong secret: the token endpoint's refusal, said as such, the secret never shown
        reset(secret="other")
        with root.ClientCredentials(base_url=url, client_id="cid", client_secret="cs-9f2e", max_retries=0) as client, \
                pytest.raises(errors.AuthenticationError) as refused:
            client.list_items()
        assert str(refused.value) == (
            f"401 invalid_client: Client authentication failed. (the token endpoint {url}/oauth/token refused "
            f"client_id ({prefix}_CLIENT_ID) and client_secret ({prefix}_CLIENT_SECRET))")
        assert [path for path, _ in _TokenIssuer.seen] == []  # (the API was not called without a token)

        # the key, where given, is sent instead; the ID and secret can come from the environment
        reset()
        with root.ClientCredentials(base_url=url, api_key="key", client_id="cid", client_secret="cs-9f2e") as client:
            assert client.list_items().token == "key"
        assert _TokenIssuer.asked == []
        monkeypatch.setenv(f"{prefix}_CLIENT_ID", "cid")
        monkeypatch.setenv(f"{prefix}_CLIENT_SECRET", "cs-9f2e")
        monkeypatch.setenv(f"{prefix}_TOKEN_SCOPE", "items:read")
        with root.ClientCredentials(base_url=url) as client:
            assert client.list_items().token == "tok-1"
        assert _TokenIssuer.asked[0][0]["scope"] == "items:read"
        monkeypatch.delenv(f"{prefix}_TOKEN_SCOPE")

        # the async client; tasks that need a token at once share one
        reset()

        async def together() -> list[str]:
            async with root.AsyncClientCredentials(base_url=url) as client:
                answers = await asyncio.gather(*(client.list_items() for _ in range(5)))
            return [a.token for a in answers]
        assert asyncio.run(together()) == ["tok-1"] * 5
        assert len(_TokenIssuer.asked) == 1
        # and threads of one sync client
        reset()
        with root.ClientCredentials(base_url=url) as client:
            threads = [threading.Thread(target=client.list_items) for _ in range(5)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert len(_TokenIssuer.asked) == 1 and len(_TokenIssuer.seen) == 5

        # the command line, its credentials from the environment
        reset()
        env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": url, f"{prefix}_CLIENT_ID": "cid",
                    f"{prefix}_CLIENT_SECRET": "cs-9f2e"})
        ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "default", "list-items"], capture_output=True,
                             env=env, timeout=60)
        assert ran.returncode == 0, ran.stderr.decode()[-500:]
        assert json.loads(ran.stdout) == {"token": "tok-1"}
        monkeypatch.delenv(f"{prefix}_CLIENT_ID")
        monkeypatch.delenv(f"{prefix}_CLIENT_SECRET")
    finally:
        server.shutdown()
        server.server_close()

    with root.ClientCredentials(base_url=url, client_id="cid") as half:  # (half of a way is none)
        with pytest.raises(root.ConfigurationError) as unset:
            half.list_items()
    assert str(unset.value).endswith(f"(or authenticate another way the API takes: client_id=... ({prefix}_CLIENT_ID) "
                                     f"with client_secret=... ({prefix}_CLIENT_SECRET))")

    # the mock server is the token endpoint, and refuses a token it revoked
    api = testing.MockAPI()
    with testing.mock_client(api, api_key="") as mocked:
        mocked.list_items()
        api.revoke_tokens()
        mocked.create_item(name="n")
    assert [(call.operation_id, call.status) for call in api.calls] == [
        ("oauth_token", 200), ("listItems", 200), ("createItem", 401), ("oauth_token", 200), ("createItem", 200)]
    assert all("client_secret" not in str(call.body) for call in api.calls)

    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "The ways: the API key; or `client_id` with `client_secret`.\n" in readme
    assert (f"- `client_id` (`{prefix}_CLIENT_ID`) with `client_secret` (`{prefix}_CLIENT_SECRET`): the OAuth 2 "
            "client ID and secret (below)\n") in readme
    assert ("With `client_id` and `client_secret` (OAuth 2 client credentials) the client fetches its\n"
            "own bearer token from `/oauth/token`, asking for `items:read items:write`; it keeps the\n") in readme
    assert 'client = ClientCredentials(client_id="...", client_secret="...")\n' in readme
    assert f"`{prefix}_TOKEN_URL` sends the token request to another address" in readme


def test_form_fields_go_as_their_styles_say(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-form-styles"]
    modules = _import_all(out, package)
    client_class, testing = modules[package].FormStyles, modules[f"{package}.testing"]
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(urllib.parse.unquote_plus(request.content.decode()))
        return httpx.Response(200, json={"id": "c-1"})

    arguments: dict[str, Any] = {
        "events": ["a", "b"], "tags": ["x", "y"], "codes": [1, 2], "balance": 5, "profile": {},
        "address": {"city": "Oslo", "lines": ["1 St", "Floor 2"]}, "settings": {"theme": "dark"},
        "items": [{"price": "p-1", "quantity": 2}, {"price": "p-2"}], "etags_etag": "e-1",
    }
    with client_class(api_key="k", base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.default.create_customer(**arguments)
    assert sent == ["events=a&events=b&tags=x|y&codes=1,2&address[city]=Oslo&address[lines][0]=1 St"
                    "&address[lines][1]=Floor 2&items[0][price]=p-1&items[0][quantity]=2&items[1][price]=p-2"
                    '&profile=&settings={"theme":"dark"}&balance=5&etags[etag]=e-1']
    api = testing.MockAPI()
    with testing.mock_client(api) as mocked:
        mocked.default.create_customer(**arguments)
    sent_body = {("etags[etag]" if k == "etags_etag" else k): v for k, v in arguments.items()}
    assert api.calls[-1].status == 200 and api.calls[-1].body == sent_body


def test_each_operation_asks_for_what_it_answers_with(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-accept"]
    modules = _import_all(out, package)
    client_class, testing, errors = modules[package].Accept, modules[f"{package}.testing"], modules[f"{package}.errors"]
    accepts: dict[str, str] = {}

    def answer(request: httpx.Request) -> httpx.Response:
        accepts[request.url.path] = request.headers["accept"]
        media = request.headers["accept"].split(",")[0].replace("*/*", "text/plain").replace("/*", "/png")
        text = '{"id": "r-1", "n": 1}' if "json" in media else "data: x\n\n"
        return httpx.Response(200, headers={"content-type": media}, text=text)

    with client_class(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.reports.get_pdf("r-1")
        client.reports.export()
        client.reports.get("r-1")
        client.articles.list_articles()
        client.articles.create_article_version("a-1")
        client.articles.flush_requests()
        client.people.get_avatar("p-1")
        client.people.list_logs()
        assert [event.data for event in client.people.chat(message="hi")] == ["x"]
        client.reports.get_pdf("r-2", extra_headers={"Accept": "*/*"})
        client.reports.get_pdf("r-3", extra_headers={"accept": "application/octet-stream"})
    assert accepts == {
        "/reports/r-1/pdf": "application/pdf",
        "/reports/export": "text/csv",
        "/reports/r-1": "application/json",  # listed beside XML: JSON, which the client reads
        "/articles": "application/vnd.api+json",
        "/articles/a-1/versions": "application/vnd.example.version+json, application/vnd.example.created+json",
        "/agent-requests": "application/json",  # listed beside ld+json, html and csv
        "/avatars/p-1": "image/*",
        "/logs": "text/plain, application/atom+xml",  # the name with a line break in it is left out
        "/chat": "text/event-stream",
        "/reports/r-2/pdf": "*/*",  # the caller's own header wins
        "/reports/r-3/pdf": "application/octet-stream",  # in any case, and is the only one
    }
    # the mock answers 406 where the Accept cannot take its answer, as Django REST framework does
    api = testing.MockAPI()
    with testing.mock_client(api) as mocked:
        assert mocked.reports.get_pdf("r-1") == api.calls[-1].response_body.encode()
        mocked.articles.flush_requests()  # the fixture is ld+json: answered as the JSON asked for
        assert mocked.articles.with_raw_response.flush_requests().headers["content-type"] == "application/json"
        with pytest.raises(errors.APIStatusError) as refused:
            mocked.reports.get_pdf("r-1", extra_headers={"Accept": "application/json"})
    assert refused.value.status_code == 406 and "answers application/pdf" in str(refused.value)


def test_the_cli_writes_a_binary_answer_byte_for_byte(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """`reports get-pdf r-1 > report.pdf` keeps the file as the API sent it (it was
    decoded as text with its bad bytes replaced, and a newline added); a terminal gets
    a note of its size instead of bytes that would scramble it."""
    from tests.cli._support import in_terminal

    out, package, _ = packages["contract-accept"]
    server_module = _import_all(out, package)[f"{package}.testing.server"]
    pdf = b"%PDF-1.7\n\x00\xff\xfe binary \r\n\x80"
    command = [sys.executable, "-m", f"{package}.cli", "reports", "get-pdf", "r-1"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("REGRESS_") and key != "TERM"}
    with server_module.MockServer() as server:
        server.api.respond("getReportPdf", 200, pdf, content_type="application/pdf", times=2)
        env.update(PYTHONPATH=str(out), REGRESS_CONTRACT_ACCEPT_API_KEY="k", REGRESS_CONTRACT_ACCEPT_BASE_URL=server.url)
        piped = subprocess.run(command, capture_output=True, env=env, timeout=60)
        screen = in_terminal(server.url, command=command, **env)
    assert piped.returncode == 0 and piped.stdout == pdf, piped.stderr
    assert screen.returncode == 0 and f"The answer is binary ({len(pdf)} bytes)" in screen.text, screen.text


def test_a_parameter_of_a_json_media_type_goes_as_one_json_text(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-query-json"]
    modules = _import_all(out, package)
    client_class, testing = modules[package].QueryJSON, modules[f"{package}.testing"]
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"count": 0})

    q = {"page": 2, "filters": [{"col": "name", "value": "sales"}]}
    where = [{"attribute": "os", "value": "linux"}]
    with client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.charts.list(q=q, where=where, note="hi", x_tags=["a", "b"])
    assert list(sent[0].url.params.multi_items()) == [
        ("q", '{"page":2,"filters":[{"col":"name","value":"sales"}]}'),
        ("where", '[{"attribute":"os","value":"linux"}]'),
        ("note", "hi"),
    ]
    assert sent[0].headers["x-tags"] == "a,b"
    api = testing.MockAPI()  # which reads them back as the document describes them
    with testing.mock_client(api) as mocked:
        mocked.charts.list(q=q, where=where)
    assert api.calls[-1].status == 200 and api.calls[-1].query["q"] == sent[0].url.params["q"]


def test_a_deep_object_query_parameter_nests_its_lists_and_objects(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-query-deep-object"]
    modules = _import_all(out, package)
    client_class, testing, types = modules[package].DeepQuery, modules[f"{package}.testing"], modules[f"{package}.types"]
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": []})

    arguments: dict[str, Any] = {
        "expand": ["data.default_source", "data.invoice"],
        "filter": types.Filter(email="a@b.c", updated={"since": "2025-01-01T00:00:00Z"}, tags=["x", "y"]),
        "created": {"gt": 5},
    }
    with client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.customers.list_customers(**arguments)
        client.customers.list_customers(expand=[], created={})  # empty: nothing sent
    assert list(sent[0].url.params.multi_items()) == [
        ("expand[0]", "data.default_source"), ("expand[1]", "data.invoice"),
        ("filter[email]", "a@b.c"), ("filter[updated][since]", "2025-01-01T00:00:00Z"),
        ("filter[tags][0]", "x"), ("filter[tags][1]", "y"), ("created[gt]", "5"),
    ]
    assert not sent[1].url.params
    api = testing.MockAPI()  # which reads them back, and checks them against their schemas
    with testing.mock_client(api) as mocked:
        mocked.customers.list_customers(**arguments)
        with pytest.raises(modules[f"{package}.errors"].BadRequestError):
            mocked.customers.list_customers(expand=["x" * 101])
    assert api.calls[0].status == 200


def test_an_upload_takes_a_file_and_a_retry_sends_it_all_again(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    out, package, _ = packages["contract-uploads"]
    client_class = _import_all(out, package)[package].Uploads
    sent: list[bytes] = []
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        sent.append(request.read())
        if request.method == "PUT" and len(sent) == 1:
            return httpx.Response(503)  # retried: the same bytes must go again
        return httpx.Response(200, json={"id": "f-1"}) if request.method == "POST" else httpx.Response(204)

    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01binary\xff" * 1000)
    with client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client._sleep = lambda seconds: None
        with blob.open("rb") as file:
            client.files.put_blob("b-1", body=file)
        assert sent == [blob.read_bytes()] * 2
        client.files.upload_file(file=("report.csv", b"a,b\n1,2\n", "text/csv"), purpose="import",
                                 labels={"team": "data"})
        with blob.open("rb") as file:
            client.files.upload_file(file=file, purpose="archive", labels={"team": "ops"})
    named, opened = requests[2].read(), requests[3].read()
    assert b'filename="report.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n' in named
    # an object part is JSON, and says so; a string part stays a plain field
    assert b'name="labels"\r\nContent-Type: application/json\r\n\r\n{"team":"data"}' in named
    assert b'name="purpose"\r\n\r\nimport' in named
    assert b'filename="blob.bin"' in opened and blob.read_bytes() in opened
    assert 'a file opened in binary mode (`open(path, "rb")`' in (out / "README.md").read_text(encoding="utf-8")


def test_a_path_parameter_that_is_a_path_keeps_its_slashes(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-slashed-path"]
    modules = _import_all(out, package)
    client_class, testing, errors = modules[package].SlashedPath, modules[f"{package}.testing"], modules[f"{package}.errors"]
    paths: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.raw_path.decode())
        return httpx.Response(200, json={})

    with client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.role_assignments.list_for_scope("/subscriptions/1/resourceGroups/my rg")
        client.diagnostic_settings.create_or_update("subscriptions/1/", "a/b", storage_account_id="s")
        for wrong in ("subscriptions/../2", "subscriptions//rg", "/"):
            with pytest.raises(errors.InvalidArgumentError):
                client.role_assignments.list_for_scope(wrong)
    assert paths == ["/subscriptions/1/resourceGroups/my%20rg/providers/Microsoft.Authorization/roleAssignments",
                     "/subscriptions/1/providers/microsoft.insights/diagnosticSettings/a%2Fb"]
    api = testing.MockAPI()  # which routes a value across segments
    with testing.mock_client(api) as mocked:
        mocked.role_assignments.list_for_scope("subscriptions/1/resourceGroups/rg")
        mocked.diagnostic_settings.create_or_update("subscriptions/1", "setting", storage_account_id="s")
    assert [(call.operation_id, call.status) for call in api.calls] == [
        ("RoleAssignments_ListForScope", 200), ("DiagnosticSettings_CreateOrUpdate", 200)]


def test_a_required_parameter_the_document_gives_a_value_for_may_be_left_out(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-sent-defaults"]
    modules = _import_all(out, package)
    client_class, testing = modules[package].SentDefaults, modules[f"{package}.testing"]
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"value": []})

    parameters = inspect.signature(client_class(api_key="k", base_url=SOMEWHERE).vaults.list).parameters
    assert parameters["kind"].default is inspect.Parameter.empty  # two values: the caller's choice
    assert all(repr(parameters[name].default) == "NOT_GIVEN" for name in ("api_version", "format", "x_ms_version"))
    with client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.vaults.list(kind="hot")
        client.vaults.list(kind="cold", api_version="2016-06-01", format="xml")
    assert [dict(r.url.params) for r in sent] == [
        {"api-version": "2021-04-01", "format": "json", "kind": "hot"},
        {"api-version": "2016-06-01", "format": "xml", "kind": "cold"},
    ]
    assert [r.headers["x-ms-version"] for r in sent] == ["2019-12-12"] * 2
    api = testing.MockAPI()  # which still requires each, as the document does
    with testing.mock_client(api) as mocked:
        mocked.vaults.list(kind="hot")
    assert api.calls[-1].status == 200


def test_a_client_parameter_of_azure_is_a_client_setting(packages: dict[str, tuple[Path, str, list[Diagnostic]]],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out, package, _ = packages["contract-azure-client-settings"]
    modules = _import_all(out, package)
    client_class, errors = modules[package].VaultManagement, modules[f"{package}.errors"]
    paths: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        return httpx.Response(200, json={"value": []})

    def client(**settings: str) -> Any:
        return client_class(base_url=SOMEWHERE, http_client=httpx.Client(transport=httpx.MockTransport(answer)), **settings)

    assert "accountName" not in inspect.signature(client_class).parameters  # no path uses it
    monkeypatch.delenv("REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_SUBSCRIPTION_ID", raising=False)
    with pytest.raises(errors.ConfigurationError, match="No subscription_id: pass subscription_id=... or set "
                       "the REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_SUBSCRIPTION_ID environment variable"):
        client()
    first = client(subscription_id="s-1")
    first.vaults.list_by_resource_group("rg")
    first.with_options(max_retries=0).vaults.list_by_resource_group("rg")  # the setting goes with the copy
    first.vaults.list_by_resource_group("rg", subscription_id="s-2")  # a call may give its own
    assert first.subscription_id == "s-1"
    monkeypatch.setenv("REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_SUBSCRIPTION_ID", "s-env")
    client().operations.list()
    client().vaults.list_by_resource_group("rg")
    assert paths == ["/subscriptions/s-1/resourceGroups/rg/vaults"] * 2 + [
        "/subscriptions/s-2/resourceGroups/rg/vaults", "/providers/Microsoft.KeyVault/operations",
        "/subscriptions/s-env/resourceGroups/rg/vaults"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("REGRESS_CONTRACT_AZURE")}
    env.update(PYTHONPATH=str(out), REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_API_KEY="k",
               REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_BASE_URL=SOMEWHERE)
    command = subprocess.run([sys.executable, "-m", f"{package}.cli", "vaults", "list-by-resource-group", "rg"],
                             capture_output=True, env=env, timeout=60)
    assert command.returncode == 2, command.stderr
    assert (b"No subscription_id: pass --subscription-id or set REGRESS_CONTRACT_AZURE_CLIENT_SETTINGS_SUBSCRIPTION_ID."
            in command.stderr), command.stderr


class _AzureOperations(BaseHTTPRequestHandler):
    """Answers each (method, path) with the next of its scripted (status, headers, body);
    keeps (method, path, Authorization) of every request. "{here}" and "{there}" in a
    header stand for this server's address by IP and by name (another host to a client)."""

    script: dict[tuple[str, str], list[tuple[int, dict[str, str], Any]]] = {}
    seen: list[tuple[str, str, str | None]] = []

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, self.headers.get("Authorization")))
        status, headers, body = self.script[(self.command, self.path)].pop(0)
        port = self.server.server_address[1]
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for name, value in {"Retry-After": "0", **headers}.items():
            self.send_header(name, value.format(here=f"http://127.0.0.1:{port}", there=f"http://localhost:{port}"))
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_an_azure_long_running_operation_is_waited_for(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """Each way Azure says where to watch an operation, over real HTTP on loopback: the
    method returns what the operation ends with (or raises where it fails), the token
    goes to the API's own host and not to another the server names, and
    with_raw_response returns the first answer without waiting."""
    import asyncio

    out, package, _ = packages["contract-azure-long-running"]
    modules = _import_all(out, package)
    disks, errors = modules[package], modules[f"{package}.errors"]
    running = {"properties": {"provisioningState": "Creating"}}
    done = {"name": "d1", "properties": {"provisioningState": "Succeeded", "diskSizeGB": 64}}
    _AzureOperations.seen = []
    _AzureOperations.script = {
        # the status monitor (a URL of the server's own), then the resource itself
        ("PUT", "/disks/d1"): [(201, {"Azure-AsyncOperation": "{here}/ops/1"}, running)] * 2,
        ("GET", "/ops/1"): [(200, {}, {"status": "InProgress"}), (200, {}, {"status": "Succeeded"})],
        ("GET", "/disks/d1"): [(200, {}, done)],
        # a Location to poll until it stops answering 202
        ("DELETE", "/disks/d2"): [(202, {"Location": "/deletes/2"}, None)],
        ("GET", "/deletes/2"): [(202, {}, None), (204, {}, None)],
        # final-state-via location: the monitor, then the result at Location
        ("POST", "/disks/d3/beginGetAccess"): [(202, {"Azure-AsyncOperation": "/ops/3", "Location": "/results/3"}, None)],
        ("GET", "/ops/3"): [(200, {}, {"status": "Succeeded"})],
        ("GET", "/results/3"): [(200, {}, {"accessSAS": "https://sas"})],
        # no header: the resource's provisioningState
        ("PUT", "/disks/d4"): [(200, {}, {"properties": {"provisioningState": "Updating"}})],
        ("GET", "/disks/d4"): [(200, {}, {"properties": {"provisioningState": "Updating"}}),
                               (200, {}, {"name": "d4", "properties": {"provisioningState": "Succeeded"}})],
        # a failure, on a monitor at another host
        ("PUT", "/disks/d5"): [(201, {"Azure-AsyncOperation": "{there}/ops/5"}, running)],
        ("GET", "/ops/5"): [(200, {}, {"status": "Failed", "error": {"code": "QuotaExceeded", "message": "no room"}})],
        # a POST with a monitor and no Location: the result is the monitor's last body
        ("POST", "/disks/d10/beginGetAccess"): [(202, {"Azure-AsyncOperation": "/ops/10"}, None)],
        ("GET", "/ops/10"): [(200, {}, {"status": "Succeeded", "accessSAS": "https://sas-10"})],
        # a change that failed at once
        ("PUT", "/disks/d11"): [(200, {}, {"properties": {"provisioningState": "Failed"}})],
        # a monitor that does not say
        ("PUT", "/disks/d8"): [(201, {"Azure-AsyncOperation": "/ops/8"}, running)],
        ("GET", "/ops/8"): [(200, {}, {"percentComplete": 50})],
        # the async client
        ("PUT", "/disks/d6"): [(201, {"Location": "/ignored", "Azure-AsyncOperation": "/ops/6"}, running)],
        ("GET", "/ops/6"): [(200, {}, {"status": "succeeded"})],
        ("GET", "/disks/d6"): [(200, {}, {"name": "d6", "properties": {"provisioningState": "Succeeded"}})],
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AzureOperations)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        with disks.Disks(api_key="token", base_url=url, max_retries=0) as client:
            created = client.disks.create_or_update("d1", name="d1")
            assert (created.name, created.properties.disk_size_gb) == ("d1", 64)
            first = client.disks.with_raw_response.create_or_update("d1", name="d1")
            assert first.status_code == 201
            assert client.disks.delete("d2") is None
            assert client.disks.grant_access("d3").access_sas == "https://sas"
            assert client.disks.grant_access("d10").access_sas == "https://sas-10"
            assert client.disks.create_or_update("d4").name == "d4"
            with pytest.raises(errors.LongRunningError, match="the operation ended Failed: QuotaExceeded: no room") as failed:
                client.disks.create_or_update("d5")
            assert failed.value.error_message == "QuotaExceeded: no room"
            with pytest.raises(errors.LongRunningError, match="the operation ended Failed$"):
                client.disks.create_or_update("d11")
            with pytest.raises(errors.LongRunningError, match=r"status monitor \(http://127.0.0.1:\d+/ops/8\) answered "
                               "with no status"):
                client.disks.create_or_update("d8")

        async def in_async() -> Any:
            async with disks.AsyncDisks(api_key="token", base_url=url, max_retries=0) as client:
                return await client.disks.create_or_update("d6")

        assert asyncio.run(in_async()).name == "d6"
    finally:
        server.shutdown()
        server.server_close()
    assert [(method, path) for method, path, _ in _AzureOperations.seen] == [
        ("PUT", "/disks/d1"), ("GET", "/ops/1"), ("GET", "/ops/1"), ("GET", "/disks/d1"), ("PUT", "/disks/d1"),
        ("DELETE", "/disks/d2"), ("GET", "/deletes/2"), ("GET", "/deletes/2"),
        ("POST", "/disks/d3/beginGetAccess"), ("GET", "/ops/3"), ("GET", "/results/3"),
        ("POST", "/disks/d10/beginGetAccess"), ("GET", "/ops/10"),
        ("PUT", "/disks/d4"), ("GET", "/disks/d4"), ("GET", "/disks/d4"),
        ("PUT", "/disks/d5"), ("GET", "/ops/5"), ("PUT", "/disks/d11"), ("PUT", "/disks/d8"), ("GET", "/ops/8"),
        ("PUT", "/disks/d6"), ("GET", "/ops/6"), ("GET", "/disks/d6")]
    tokens = {(method, path): auth for method, path, auth in _AzureOperations.seen}
    assert tokens[("GET", "/ops/1")] == tokens[("GET", "/results/3")] == "Bearer token"
    assert tokens[("GET", "/ops/5")] is None  # the monitor at another host gets no token
    assert not any(_AzureOperations.script.values())
    fixture = json.loads((out / package / "testing" / "fixtures" / "disks.json").read_text())["Disks_CreateOrUpdate"]
    assert fixture["responses"]["201"]["body"] == {"name": "d1", "properties": {"provisioningState": "Succeeded",
                                                                                "diskSizeGB": 64}}
    # where the server says nothing of when to look again: 1 s, doubling up to 30 s
    delay = modules[f"{package}._arm_polling"].delay
    assert [delay(None, polls) for polls in (0, 1, 4, 5, 9)] == [1.0, 2.0, 16.0, 30.0, 30.0]
    assert delay(7.5, 3) == 7.5


def test_ctrl_c_while_the_cli_waits_for_an_azure_operation_says_it_goes_on(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """The CLI waits as the method does; interrupted, it exits 130 and does not claim the
    operation was cancelled (that is said of a PostHog query it ran, which it cancels)."""
    import signal
    import time

    out, package, _ = packages["contract-azure-long-running"]
    _AzureOperations.seen = []
    _AzureOperations.script = {
        ("PUT", "/disks/d7"): [(201, {"Azure-AsyncOperation": "/ops/7"}, {"properties": {"provisioningState": "Creating"}})],
        ("GET", "/ops/7"): [(200, {"Retry-After": "0.05"}, {"status": "InProgress"})] * 10_000,
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AzureOperations)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = package.upper()
    env = {**os.environ, "PYTHONPATH": str(out), f"{prefix}_BASE_URL": f"http://127.0.0.1:{server.server_port}",
           f"{prefix}_API_KEY": "token"}
    try:
        run = subprocess.Popen([sys.executable, "-m", f"{package}.cli", "disks", "create-or-update", "d7"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(path == "/ops/7" for _, path, _ in list(_AzureOperations.seen)) < 3:
            time.sleep(0.05)
        run.send_signal(signal.SIGINT)
        _, err = run.communicate(timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 130, err
    assert err.strip() == "Interrupted.", err


def test_the_cli_shows_on_a_terminal_what_an_azure_operation_is_at(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """On a terminal the CLI shows each poll's state on one line while it waits, and
    clears it before the result; on a pipe it shows nothing."""
    import pty

    out, package, _ = packages["contract-azure-long-running"]
    disk = {"name": "d9", "properties": {"provisioningState": "Succeeded"}}
    prefix = package.upper()

    def run(on_terminal: bool) -> tuple[str, str]:
        _AzureOperations.seen = []
        _AzureOperations.script = {
            ("PUT", "/disks/d9"): [(201, {"Azure-AsyncOperation": "/ops/9"}, {"properties": {"provisioningState": "Creating"}})],
            ("GET", "/ops/9"): [(200, {}, {"status": "InProgress"})] * 2 + [(200, {}, {"status": "Succeeded"})],
            ("GET", "/disks/d9"): [(200, {}, disk)],
        }
        server = ThreadingHTTPServer(("127.0.0.1", 0), _AzureOperations)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "PYTHONPATH": str(out), f"{prefix}_BASE_URL": f"http://127.0.0.1:{server.server_port}",
               f"{prefix}_API_KEY": "token"}
        master, terminal = pty.openpty() if on_terminal else (-1, -1)
        try:
            command = subprocess.Popen([sys.executable, "-m", f"{package}.cli", "disks", "create-or-update", "d9"],
                                       stdout=subprocess.PIPE, stderr=terminal if on_terminal else subprocess.PIPE,
                                       env=env)
            shown = b""
            if on_terminal:
                os.close(terminal)
                while True:
                    try:
                        chunk = os.read(master, 4096)
                    except OSError:  # the terminal's other end closed
                        break
                    if not chunk:
                        break
                    shown += chunk
            stdout, stderr = command.communicate(timeout=60)
        finally:
            if on_terminal:
                os.close(master)
            server.shutdown()
            server.server_close()
        assert command.returncode == 0, (shown or stderr or b"").decode()
        assert json.loads(stdout)["properties"]["provisioningState"] == "Succeeded"
        return shown.decode() if on_terminal else (stderr or b"").decode(), stdout.decode()

    shown, _ = run(on_terminal=True)
    assert "\r\x1b[Kwaiting: InProgress (" in shown and "waiting: Succeeded (" in shown and shown.endswith("\r\x1b[K"), shown
    piped, _ = run(on_terminal=False)
    assert piped == ""


def test_the_cli_can_start_an_azure_operation_without_waiting(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """--no-wait (a command of a long-running operation has it, as Azure's own CLI does)
    prints the first answer and polls nothing."""
    out, package, _ = packages["contract-azure-long-running"]
    _AzureOperations.seen = []
    _AzureOperations.script = {
        ("PUT", "/disks/d12"): [(201, {"Azure-AsyncOperation": "/ops/12"},
                                 {"name": "d12", "properties": {"provisioningState": "Creating"}})],
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AzureOperations)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = package.upper()
    env = {**os.environ, "PYTHONPATH": str(out), f"{prefix}_BASE_URL": f"http://127.0.0.1:{server.server_port}",
           f"{prefix}_API_KEY": "token"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", f"{package}.cli", "disks", *args], capture_output=True,
                              text=True, env=env, timeout=60)

    try:
        started = cli("create-or-update", "d12", "--no-wait")
        helps = [cli(command, "--help").stdout for command in ("create-or-update", "get")]
    finally:
        server.shutdown()
        server.server_close()
    assert started.returncode == 0, started.stderr
    assert json.loads(started.stdout)["properties"]["provisioningState"] == "Creating"
    assert [(method, path) for method, path, _ in _AzureOperations.seen] == [("PUT", "/disks/d12")]
    assert "--no-wait" in helps[0] and "operation goes on on the server" in " ".join(helps[0].split())
    assert "--no-wait" not in helps[1]


def test_operations_that_need_no_credentials_are_called_without_them(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, package, _ = packages["contract-public-operations"]
    prefix = package.upper()
    for name in [k for k in os.environ if k.startswith(prefix)]:
        monkeypatch.delenv(name)
    modules = _import_all(out, package)
    client_class, errors, testing = modules[package].PublicOperations, modules[f"{package}._exceptions"], modules[f"{package}.testing"]
    assert modules[f"{package}._settings"].CREDENTIALS_REQUIRED is False
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"up": True} if request.url.path == "/status" else [])

    with client_class(http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:  # no key
        assert client.service.get_status().up is True
        assert client.service.list_quotes() == []
        with pytest.raises(errors.ConfigurationError) as refused:
            client.service.get_me()
    assert str(refused.value) == f"getMe needs credentials. No API key: pass api_key=... or set the {prefix}_API_KEY environment variable"
    assert [r.url.path for r in sent] == ["/status", "/quotes"]  # nothing was sent for getMe
    assert all("authorization" not in r.headers for r in sent)
    with client_class(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.service.list_quotes()  # the key goes where given: it raises the quota
        client.service.get_status()
    assert [r.headers["authorization"] for r in sent[2:]] == ["Bearer k", "Bearer k"]

    # the mock takes the public operations without credentials, and refuses the other
    api = testing.MockAPI()
    with client_class(base_url=testing.MOCK_BASE_URL, http_client=httpx.Client(transport=testing.mock_transport(api))) as client:
        client.service.get_status()
        client.service.list_quotes()
    assert [call.status for call in api.calls] == [200, 200]
    with httpx.Client(transport=testing.mock_transport(api), base_url=testing.MOCK_BASE_URL) as raw:
        assert raw.get("/me").status_code == 401

    # the command line: a public command runs without a key; the other says what it lacks
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
    with modules[f"{package}.testing.server"].MockServer() as server:
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": server.url})
        ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "service", "get-status"], capture_output=True,
                             env=env, timeout=60)
        assert ran.returncode == 0 and json.loads(ran.stdout) == {"up": True}, ran.stderr.decode()[-500:]
        ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "service", "get-me"], capture_output=True,
                             env=env, timeout=60)
        assert ran.returncode == 2 and f"No API key: pass --api-key KEY or set {prefix}_API_KEY" in ran.stderr.decode()
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert (f"| `api_key` | `{prefix}_API_KEY` | none: 2 of the 3 operations need no credentials; a call of one of "
            "the other 1 without it raises `ConfigurationError` naming the variable |") in readme
    assert ("\n2 of the 3 operations need no credentials: a client made without them calls those, and refuses the "
            "others with `ConfigurationError`.\n") in readme

    # an API that declares a scheme and requires it nowhere (StackExchange's): the key is
    # optional, and sent where given; one whose every operation needs it still refuses
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: Open, version: '1'}\n"
                    "paths: {/q: {get: {operationId: q, responses: {'204': {description: ok}}}}}\n"
                    "components: {securitySchemes: {key: {type: apiKey, in: query, name: key}}}\n", encoding="utf-8")
    files = generate(spec, package_name="open_api").files
    assert "CREDENTIALS_REQUIRED = False\n" in files["open_api/_settings.py"]
    assert "none: no operation needs credentials, and the key is sent where given" in files["README.md"]
    assert "\nNo operation needs credentials: the client works without them, and sends them where given.\n" in files["README.md"]
    spec.write_text(spec.read_text(encoding="utf-8").replace("paths:", "security: [{key: []}]\npaths:"), encoding="utf-8")
    files = generate(spec, package_name="open_api").files
    assert "CREDENTIALS_REQUIRED = True\n" in files["open_api/_settings.py"]
    assert "public=True" not in files["open_api/resources/default.py"]


def test_a_model_at_the_head_of_a_long_chain_builds_under_the_default_recursion_limit(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """A fresh interpreter (the default limit of 1,000 frames): made by hand, read from a
    response, and as a list; the contract tests call both operations too."""
    out, package, _ = packages["contract-deep-model-chain"]
    code = (f"import sys\nfrom {package} import models\nfrom {package}.testing import MockAPI, mock_client\n"
            "assert sys.getrecursionlimit() == 1000\n"
            "node = models.Node1(name='a', next={'b': models.Node2(name='b')})\n"
            "with mock_client(MockAPI()) as client:\n"
            "    first, middle = client.nodes.get_first(), client.nodes.list_middle()\n"
            "print(node.next['b'].name, type(first).__name__, type(middle).__name__)\n")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(out)})
    assert ran.returncode == 0 and ran.stdout.split() == ["b", "Node1", "list"], ran.stderr[-2000:]


def test_a_client_of_an_api_with_no_server_address_wants_one(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, package, _ = packages["contract-no-server"]
    prefix = package.upper()
    for name in [k for k in os.environ if k.startswith(prefix)]:
        monkeypatch.delenv(name)
    modules = _import_all(out, package)
    client_class, errors = modules[package].NoServer, modules[f"{package}._exceptions"]
    with pytest.raises(errors.ConfigurationError) as refused:
        client_class()
    assert str(refused.value) == (
        "No server address: the API document names only a path, /api/v3; pass base_url=... (such as "
        f"https://<host>/api/v3) or set the {prefix}_BASE_URL environment variable")
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"up": True})

    with client_class(base_url="https://pdns.example.com/api/v3", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        assert client.service.get_status().up is True
    monkeypatch.setenv(f"{prefix}_BASE_URL", "https://other.example.com/api/v3")
    with client_class(http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.service.get_status()
    assert [str(r.url) for r in sent] == ["https://pdns.example.com/api/v3/status", "https://other.example.com/api/v3/status"]

    # the command line says it before anything is sent, and runs once given one
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
    env["PYTHONPATH"] = str(out)
    ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "service", "get-status"], capture_output=True,
                         env=env, timeout=60)
    assert ran.returncode == 2 and (
        "No server address: the API document names only a path, /api/v3; pass --host URL (such as "
        f"https://<host>/api/v3) or set the {prefix}_BASE_URL environment variable.") in ran.stderr.decode()
    with modules[f"{package}.testing.server"].MockServer() as server:
        ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "--host", server.url, "service", "get-status"],
                             capture_output=True, env=env, timeout=60)
    assert ran.returncode == 0 and json.loads(ran.stdout) == {"up": True}, ran.stderr.decode()[-500:]
    helped = subprocess.run([sys.executable, "-m", f"{package}.cli", "--help"], capture_output=True, env=env,
                            timeout=60).stdout.decode()
    assert "required: the API document names only a path, /api/v3." in " ".join(helped.split())
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert 'base_url="https://<host>/api/v3",  # or set' in readme
    assert (f"| `base_url` | `{prefix}_BASE_URL` | none: required (the API document names only a path, /api/v3); "
            "the client raises `ConfigurationError` naming the variable |") in readme

    # no server at all; and a path first, a host after: the host is the default
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: Bare, version: '1'}\n"
                    "paths: {/q: {get: {operationId: q, responses: {'204': {description: ok}}}}}\n", encoding="utf-8")
    files = generate(spec, package_name="bare").files
    written = files["bare/_settings.py"].replace('"', "'")
    assert "DEFAULT_BASE_URL = ''\n" in written and "NO_SERVER = 'names no server'\n" in written
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "paths:", "servers: [{url: /v1}, {url: 'https://api.example.com/v1'}]\npaths:"), encoding="utf-8")
    files = generate(spec, package_name="bare").files
    assert "DEFAULT_BASE_URL = 'https://api.example.com/v1'\n" in files["bare/_settings.py"].replace('"', "'")


def test_a_body_that_is_a_polymorphic_base_takes_a_subclass_whole(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-polymorphic-body"]
    modules = _import_all(out, package)
    client_class, types = modules[package].PolymorphicBody, modules[f"{package}.types"]
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"access_token": "t"})

    with client_class(http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        assert "grant_type" not in inspect.signature(client.token).parameters
        client.token(body=types.CodeRequest(grant_type="authorization_code", code="c-1", redirect_uri="https://x.example"))
        client.token_json(body=types.RefreshRequest(grant_type="refresh_token", refresh_token="r-1"))
        client.token(body={"grant_type": "refresh_token", "refresh_token": "r-2"})
    assert urllib.parse.parse_qs(sent[0].content.decode()) == {
        "grant_type": ["authorization_code"], "code": ["c-1"], "redirect_uri": ["https://x.example"]}
    assert json.loads(sent[1].content) == {"grant_type": "refresh_token", "refresh_token": "r-1"}
    assert urllib.parse.parse_qs(sent[2].content.decode()) == {"grant_type": ["refresh_token"], "refresh_token": ["r-2"]}


def test_a_schema_the_document_lacks_is_any_value_with_a_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-missing-schema"]
    assert sorted((d.severity, d.code, d.pointer, d.location.line, d.message) for d in diagnostics) == [
        ("warning", "ref", "/components/schemas/RowPage/properties/results/items/$ref", 50,
         "$ref '#/components/schemas/HubDbTableRowV3Wrapper' names nothing in the document (did you mean 'HubDbTableRowV3'?); "
         "the value there is taken as any JSON value"),
        ("warning", "ref", "/paths/~1rows/post/requestBody/content/application~1json/schema/$ref", 28,
         "$ref '#/components/schemas/RowInputWrapper' names nothing in the document; the value there is taken as "
         "any JSON value"),
    ]
    modules = _import_all(out, package)
    testing, types = modules[f"{package}.testing"], modules[f"{package}.types"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        page = client.rows.list()
        assert isinstance(page, types.RowPage) and isinstance(page.total, int)
        assert isinstance(client.rows.create(body={"anything": [1, "two"]}), types.HubDbTableRowV3)
    assert api.calls[-1].body == {"anything": [1, "two"]}
    with pytest.raises(SpecError) as refused:
        generate(HERE / "contract-missing-schema.yaml", strict=True)
    assert [(d.severity, d.location.line) for d in refused.value.diagnostics] == [("error", 28), ("error", 50)]


def test_an_ndjson_body_is_a_list_sent_a_json_value_a_line(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-ndjson-body"]
    modules = _import_all(out, package)
    testing, client_class = modules[f"{package}.testing"], modules[package].NDJSONBodies
    actions = [{"index": {"_index": "books", "_id": "1"}}, {"title": "Über", "pages": 3}]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.documents.bulk(body=actions).errors in (True, False)
    assert api.calls[-1].body == actions  # the mock read the lines back into the list its schema checks
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"errors": False})

    with client_class(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.documents.bulk(body=actions)
        client.documents.upload(body=b'{"a":1}\n')
    assert sent[0].headers["content-type"] == "application/x-ndjson"
    assert sent[0].content == '{"index":{"_index":"books","_id":"1"}}\n{"title":"Über","pages":3}\n'.encode()
    assert (sent[1].headers["content-type"], sent[1].content) == ("application/x-ndjson", b'{"a":1}\n')


def test_objects_and_lists_are_made_and_checked_to_their_counts(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-counts"]
    testing = _import_all(out, package)[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        answer = client.tags.tag_resource("arn", tags={"team": "data"}, labels={"colour": "red", "size": 2},
                                          described={"team": "data"})
        assert len(answer.tags) >= 1 and 2 <= len(answer.history) <= 3
        assert len(answer.ids) >= 2 and len(set(answer.ids)) == len(answer.ids), answer.ids
        for tags, labels, wrong in (({}, {"colour": "red", "size": 2}, "tags"), ({"a": "b"}, {"colour": "red"}, "labels")):
            with pytest.raises(Exception, match="400") as raised:
                client.tags.tag_resource("arn", tags=tags, labels=labels, described={"a": "b"})
            assert wrong in str(raised.value) and "at least" in str(raised.value)
    fixture = json.loads(next((out / package / "testing" / "fixtures").glob("*.json")).read_text(encoding="utf-8"))
    body = next(iter(fixture.values()))["request"]["body"] if isinstance(fixture, dict) else None
    assert body is not None and len(body["tags"]) >= 1 and set(body["labels"]) == {"colour", "size"}, body
    assert len(body["described"]) >= 1  # (its minProperties under an allOf)


def test_the_mock_answers_with_the_examples_of_optional_properties(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-optional-examples"]
    testing = _import_all(out, package)[f"{package}.testing"]
    with testing.mock_client(testing.MockAPI()) as client:
        [card] = client.cards.list()
        assert card.to_dict() == {"name": "Birthday", "id": 42, "price": 3.5, "tags": ["red", "gold"]}
        assert client.cards.create(name="x").price == 3.5
        summary = client.cards.summarise()  # maxProperties 1: one example would do, none is given
        assert summary.to_dict() == {}
    fixture = json.loads((out / package / "testing" / "fixtures" / "cards.json").read_text(encoding="utf-8"))
    assert fixture["createCard"]["request"]["body"] == {"name": "Birthday"}  # a request's stay out


def test_a_duration_is_made_and_checked_as_iso_8601(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-duration"]
    testing = _import_all(out, package)[f"{package}.testing"]
    with testing.mock_client(testing.MockAPI()) as client:
        answer = client.configurations.update_service_configuration(reward_wait_time="PT1H30M", model_export_frequency="P1D")
        assert answer.reward_wait_time and answer.model_export_frequency
        with pytest.raises(Exception, match="400") as raised:
            client.configurations.update_service_configuration(reward_wait_time="1h", model_export_frequency="P1D")
        assert "duration" in str(raised.value)
    fixture = json.loads((out / package / "testing" / "fixtures" / "configurations.json").read_text(encoding="utf-8"))
    assert fixture["updateServiceConfiguration"]["request"]["body"] == {"rewardWaitTime": "P1D", "modelExportFrequency": "P1D"}


def test_a_required_multipart_form_without_fields_goes_as_the_empty_form(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-empty-form"]
    modules = _import_all(out, package)
    testing, client_class = modules[f"{package}.testing"], modules[package].EmptyForm
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    with client_class(base_url="https://api.example.com",
                      http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.filters.filter_data("stop-words")
    boundary = sent[0].headers["content-type"].removeprefix("multipart/form-data; boundary=")
    assert boundary and sent[0].content == f"--{boundary}--\r\n".encode()
    api = testing.MockAPI()
    with testing.mock_client(api) as client:  # the mock reads it as the form of no fields
        client.filters.filter_data("stop-words")
    assert api.calls[-1].body == {}


def test_an_operation_answering_only_101_is_generated_with_a_warning(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-websocket-handshake"]
    warned = [d for d in diagnostics if "101 Switching Protocols" in d.message]
    assert [(d.pointer, d.location.line) for d in warned] == [("/paths/~1v1~1realtime/get/responses/101", 15)]
    assert "use a WebSocket client" in warned[0].message
    client = _import_all(out, package)[package].WebSocketHandshake
    assert hasattr(client(base_url="https://x.example"), "realtime")


def test_an_enum_of_digit_strings_beside_type_integer_is_read_as_numbers(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-numeric-string-enums"]
    assert sum("read as the numbers they spell" in d.message for d in diagnostics) == 2
    modules = _import_all(out, package)
    fixture = json.loads((out / package / "testing" / "fixtures" / "applications.json").read_text(encoding="utf-8"))
    assert fixture["getApplication"]["request"]["query"] == {"scope": 1}

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.params["scope"] == "4"
        return httpx.Response(200, json={"scope": 4, "ratio": 0.5})

    with modules[package].NumericStringEnums(base_url="https://api.example.com", strict_response_validation=True,
                                             http_client=httpx.Client(transport=httpx.MockTransport(answer))) as c:
        app = c.applications.get_application("a", scope=4)
    assert app.scope == 4 and app.ratio == 0.5
    testing = modules[f"{package}.testing"]
    with testing.mock_client(testing.MockAPI()) as c:  # the mock reads `scope=2` as the number 2
        assert c.applications.get_application("a", scope=2).scope in (1, 2, 4)


def test_a_file_under_a_json_media_type_is_the_bodys_bytes(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-json-file"]
    modules = _import_all(out, package)
    body = b'{"error": {"code": "NotFound", "lines": [1, 2]}}'

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    with modules[package].JSONFile(base_url="https://api.example.com", strict_response_validation=True,
                                   http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        assert client.errors.download_error("e1") == body


def test_nullable_beside_a_ref_lets_a_strict_client_read_null(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-ref-siblings"]
    modules = _import_all(out, package)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": "a1", "parent": None})

    with modules[package].RefSiblings(base_url="https://api.example.com", strict_response_validation=True,
                                      http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        account = client.account.delete_account(profile_token="t")
    assert account.id == "a1" and account.parent is None
    fixture = json.loads((out / package / "testing" / "fixtures" / "account.json").read_text(encoding="utf-8"))
    assert fixture["addDroplets"]["request"]["body"] == {"droplet_ids": [1]}  # required beside the $ref


def test_a_query_parameter_named_as_the_query_credential_goes_once_as_given(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["auth-query"]
    modules = _import_all(out, package)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204) if request.url.path == "/connect" else httpx.Response(200, json={"status": "active"})

    with modules[package].AuthQuery(api_key="secret", base_url="https://api.example.com",
                                    http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        client.things.connect(api_key="their client")
        client.things.get_thing("a")
    assert sent[0].url.params.get_list("api_key") == ["their client"]
    assert sent[1].url.params.get_list("api_key") == ["secret"]  # elsewhere the credential


def test_a_required_object_of_optional_fields_is_given_one_in_the_fixtures(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-empty-form"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "filters.json").read_text(encoding="utf-8"))
    assert fixture["aggregate"]["request"]["query"] == {"json": {"data": "data"}}
    assert fixture["filterForm"]["request"]["body"] == {"data": "data"}
    assert fixture["enableAuthenticator"]["request"]["body"] == {"enabled": True}
    modules = _import_all(out, package)
    api = modules[f"{package}.testing"].MockAPI()
    with modules[f"{package}.testing"].mock_client(api) as client:
        client.filters.aggregate(json={"data": "data"})
    assert api.calls[-1].query == {"data": "data"}  # the object's field, exploded


def test_a_one_of_value_fits_one_member_alone(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-one-of-exclusive"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "payments.json").read_text(encoding="utf-8"))
    method = fixture["pay"]["request"]["body"]["paymentMethod"]
    assert method == {"bankAccountNumber": "bankAccountNumber", "type": "ach"}, method
    domain = fixture["addDomain"]["request"]["body"]
    assert domain == {"method": "method", "name": "name", "token": "token"}, domain
    variable = fixture["addCacheVariable"]["request"]["body"]["cache_variable"]
    assert variable == {"name": "name", "configuration": {"type": "recent_value"}}, variable
    assert fixture["setFieldValue"]["request"]["body"] == {"value": True}
    # as text, `1` meets integer and string: the string member's own value meets one alone
    request = fixture["getWorkflow"]["request"]
    assert request["path"] == {"workflow_id": "workflow_id"}, request
    assert request["query"] == {"ref": "2025-01-01"}, request  # "7" reads as a number too
    assert fixture["getVideo"]["request"]["path"] == {"id": "2y84q2MQUMWPbiEcxNXMgC"}  # a uuid is a string too
    # `{bearer: token}` is a basic config too: not the example, and the basic member's value
    assert fixture["addProvider"]["request"]["body"] == {"config": {}}


def test_a_content_type_parameter_is_given_the_type_the_client_sends(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-media-types"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "employments.json").read_text(encoding="utf-8"))
    assert fixture["subscribe"]["request"]["headers"]["Content-Type"] == "application/json"


def test_a_pattern_the_mock_cannot_judge_is_met_by_the_fixture(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-unjudged-pattern"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "users.json").read_text(encoding="utf-8"))
    email = fixture["addUser"]["request"]["body"]["email"]
    assert re.fullmatch(r"[A-Za-z0-9][-+._A-Za-z0-9]*@([-_.A-Za-z0-9]+\.)+[A-Za-z]{2,}", email), email


def test_a_requirement_of_the_key_and_another_scheme_sends_both(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], monkeypatch: pytest.MonkeyPatch) -> None:
    out, package, _ = packages["contract-auth-ways"]
    root = _import_all(out, package)[package]
    for name in ("API_KEY", "BASIC", "USER_TOKEN", "PARTNER_KEY"):
        monkeypatch.delenv(f"{package.upper()}_{name}", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AuthRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        _AuthRecorder.seen = []
        with root.AuthWays(base_url=url, max_retries=0, api_key="k", partner_key="pk") as client:
            client.default.get_keyed()
        with root.AuthWays(base_url=url, max_retries=0, api_key="k") as client:  # half of it: the usual key
            client.default.get_keyed()
    finally:
        server.shutdown()
        server.server_close()
    assert _AuthRecorder.seen == [("/keyed", "k", None, "pk"), ("/keyed", "k", None, None)]


def test_a_text_body_of_one_scalar_is_that_scalar_as_text(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, _ = packages["contract-raw-bodies"]
    fixture = json.loads((out / package / "testing" / "fixtures" / "settings.json").read_text(encoding="utf-8"))
    assert fixture["setFacetSearch"]["request"]["body"] == "true"


class _Redirector(BaseHTTPRequestHandler):
    """Answers as GitHub's downloads do: 302 to an address (absolute or relative, or
    none), and the content at /content."""

    def do_GET(self) -> None:  # noqa: N802 (the handler's name)
        location = {"/repos/abs/tarball": "https://codeload.example.com/abs.tar.gz?token=t",
                    "/repos/rel/tarball": "../../content?part=1", "/repos/rel/logs": "/content",
                    "/repos/moved": "/repos/elsewhere", "/repos/temp/tarball": "/content"}.get(self.path)
        if self.path.startswith("/content"):
            self._answer(200, {"Content-Type": "application/gzip"}, b"\x1f\x8bdata")
        elif self.path == "/repos/none/tarball":
            self._answer(302, {}, b"")
        elif location is not None:
            status = {"/repos/moved": 301, "/repos/temp/tarball": 307}.get(self.path, 302)
            self._answer(status, {"Location": location}, b"")
        else:
            self._answer(404, {"Content-Type": "application/json"}, b'{"message": "no"}')

    def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_redirect_that_is_the_only_answer_returns_its_address(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """An operation documented as answering only a redirect (GitHub's archive and log
    downloads) returns the address, made absolute, where it raised RedirectError (any
    redirect status: a server may say 307 for 302); with a client that follows redirects, the address the content came from. A redirect no
    operation documents is still an error, and a documented one without a Location says
    so. The CLI prints the address."""
    out, package, _ = packages["contract-redirect-answer"]
    modules = _import_all(out, package)
    errors = modules[f"{package}._exceptions"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    RedirectAnswer = modules[package].RedirectAnswer
    try:
        with RedirectAnswer(base_url=base) as client:
            assert client.repos.download_tarball("abs") == "https://codeload.example.com/abs.tar.gz?token=t"
            assert client.repos.download_tarball("rel") == f"{base}/content?part=1"
            assert client.repos.download_logs("rel") == f"{base}/content"
            assert client.repos.download_tarball("temp") == f"{base}/content"  # 307 where it lists 302
            raw = client.repos.with_raw_response.download_tarball("abs")
            assert raw.status_code == 302 and raw.parse().startswith("https://codeload.example.com/")
            with pytest.raises(errors.ResponseValidationError, match="no Location header"):
                client.repos.download_tarball("none")
            with pytest.raises(errors.RedirectError) as moved:
                client.repos.get_repo("moved")
            assert moved.value.location == "/repos/elsewhere"
        with RedirectAnswer(base_url=base, http_client=httpx.Client(follow_redirects=True)) as client:
            assert client.repos.download_tarball("rel") == f"{base}/content?part=1"

        async def in_async() -> str:
            async with modules[package].AsyncRedirectAnswer(base_url=base) as client:
                address: str = await client.repos.download_logs("rel")
                return address

        assert asyncio.run(in_async()) == f"{base}/content"
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "repos", "download-tarball", "rel"],
                             capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert cli.returncode == 0, cli.stderr[-500:]
    assert f"{base}/content?part=1" in cli.stdout


def test_descriptions_in_html_read_as_markdown_everywhere(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """AWS's `<p>`, `<code>`, `<note>`, `<a href>` and lists become Markdown in the
    docstrings (methods, arguments, models, fields), --help and the MCP tools."""
    out, package, _ = packages["html-descriptions"]
    modules = _import_all(out, package)
    method = modules[f"{package}.resources.identity"].IdentityResource.get_caller_identity
    doc = inspect.getdoc(method) or ""
    assert "Note: No permissions are required for `sts:GetCallerIdentity`. See [the *IAM User Guide*]" \
           "(https://docs.example.com/iam)." in " ".join(doc.split())  # (the docstring is wrapped)
    assert "- one\n- two" in doc and "version: The version, `2011-06-15` & later." in doc
    model = modules[f"{package}.types"].Identity
    assert "The caller, as **STS** sees it." in (model.__doc__ or "")
    assert '"""The ARN of the caller, e.g. `arn:aws:iam::1:user/x`."""' in inspect.getsource(model)
    env = {**os.environ, "PYTHONPATH": str(out)}
    help_text = subprocess.run([sys.executable, "-m", f"{package}.cli", "identity", "get-caller-identity", "--help"],
                               capture_output=True, text=True, env=env, timeout=60).stdout
    tools = _whole_tools(lambda rel: (out / rel).read_text(encoding="utf-8"), package)
    readme = (out / "README.md").read_text(encoding="utf-8")
    for text in (doc, model.__doc__ or "", help_text, json.dumps(tools), readme):
        assert not re.search(r"</?(p|code|note|a|b|i|ul|li|fullname)\b", text), text
    assert "`sts:GetCallerIdentity`" in help_text
    assert "`2011-06-15` & later" in json.dumps(tools[0]["input_schema"])
    # a control character an entity spells is cleaned as one written out is
    sources = "".join(path.read_text(encoding="utf-8") for path in out.rglob("*") if path.suffix in (".py", ".json", ".md"))
    assert "\u202e" not in sources + help_text and "\x1b" not in sources + help_text


class _AWSVerifier(BaseHTTPRequestHandler):
    """Checks each request's AWS signature as AWS does: made again from the request as it
    came (path, query, headers, body) with the secret key, then compared."""

    secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    seen: list[tuple[str, str, str]] = []  # (path and query, signed headers, verdict)
    bodies: list[bytes] = []
    sign: Callable[..., str]

    def do_POST(self) -> None:  # noqa: N802 (the handler's name)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = httpx.Headers([(k, v) for k, v in self.headers.items()])
        given = headers.get("authorization", "")
        fields = dict(part.split("=", 1) for part in given.removeprefix("AWS4-HMAC-SHA256 ").split(", "))
        signed = fields.get("SignedHeaders", "").split(";")
        scope = fields.get("Credential", "").split("/", 1)[-1].split("/")
        expected = type(self).sign(
            "POST", httpx.URL(f"http://{headers['host']}{self.path}"),
            httpx.Headers([(k, v) for k, v in headers.items() if k.lower() in signed]), body,
            access_key_id="AKIDEXAMPLE", secret_access_key=self.secret, service=scope[2], region=scope[1])
        verdict = "valid" if given == expected else "invalid"
        _AWSVerifier.seen.append((self.path, fields.get("SignedHeaders", ""), verdict + " " + "/".join(scope[1:3])))
        _AWSVerifier.bodies.append(body)
        payload = b'{"MessageId": "m-1"}' if verdict == "valid" else b'{"message": "SignatureDoesNotMatch"}'
        self.send_response(200 if verdict == "valid" else 403)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


def test_aws_documents_sign_each_request(packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """An awsSigv4 scheme (every AWS document of the directory): the client, the async
    client and the CLI sign with the access key ID, the secret key and the session token,
    for the document's signing name and region, as a server that checks signatures finds
    them; the X-Amz-* parameters are the signature's own, not arguments."""
    out, package, _ = packages["auth-aws-sigv4"]
    modules = _import_all(out, package)
    _AWSVerifier.sign = staticmethod(modules[f"{package}._sigv4"].authorization)  # type: ignore[assignment]
    _AWSVerifier.seen, _AWSVerifier.bodies = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AWSVerifier)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    Client = modules[package].AmazonQueueService
    try:
        with Client(api_key="AKIDEXAMPLE", aws_secret_access_key=_AWSVerifier.secret, base_url=base,
                    aws_session_token="session/token+=") as client:
            assert client.send_message("orders 1", message_body="hi", delay_seconds=5).message_id == "m-1"
            client.list_queues(max_results=5)  # the body's field, not the query's copy
            assert _AWSVerifier.seen.pop()[0] == "/" and json.loads(_AWSVerifier.bodies.pop()) == {"MaxResults": 5}
        with Client(api_key="AKIDEXAMPLE", aws_secret_access_key="not the secret", base_url=base,
                    max_retries=0) as client:
            with pytest.raises(modules[f"{package}._exceptions"].PermissionDeniedError):
                client.send_message("orders", message_body="hi")

        async def in_async() -> str:
            async with modules[package].AsyncAmazonQueueService(
                    api_key="AKIDEXAMPLE", aws_secret_access_key=_AWSVerifier.secret, base_url=base) as client:
                return str((await client.send_message("q", message_body="x")).message_id)

        assert asyncio.run(in_async()) == "m-1"
        env = {**os.environ, "PYTHONPATH": str(out), f"{package.upper()}_BASE_URL": base,
               "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": _AWSVerifier.secret,
               "AWS_SESSION_TOKEN": "session-secret-42"}
        cli = subprocess.run([sys.executable, "-m", f"{package}.cli", "--debug", "send-message", "q",
                              "--message-body", "x"], capture_output=True, text=True, env=env, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert cli.returncode == 0, cli.stderr[-500:]
    assert "X-Amz-Security-Token" in cli.stderr or "x-amz-security-token" in cli.stderr  # (the debug log)
    assert "session-secret-42" not in cli.stderr + cli.stdout and _AWSVerifier.secret not in cli.stderr
    help_text = subprocess.run([sys.executable, "-m", f"{package}.cli", "--help"], capture_output=True, text=True,
                               env=env, timeout=60).stdout
    assert "Your AWS access key ID" in " ".join(help_text.split())
    assert [verdict for _, _, verdict in _AWSVerifier.seen] == [
        "valid eu-west-1/sqs", "invalid eu-west-1/sqs", "valid eu-west-1/sqs", "valid eu-west-1/sqs"]
    path, signed, _ = _AWSVerifier.seen[0]
    assert path == "/queues/orders%201?Delay%20Seconds=5"
    assert "x-amz-security-token" in signed.split(";") and "x-amz-date" in signed.split(";")
    method = inspect.signature(Client(api_key="k", aws_secret_access_key="s").send_message)
    assert not any(name.startswith("x_amz") for name in method.parameters)
    listing = inspect.signature(Client(api_key="k", aws_secret_access_key="s").list_queues)
    assert "max_results" in listing.parameters and "max_results2" not in listing.parameters
    # a REST list: its own `nextToken` pages it, and the converter's copies are no arguments
    sources = inspect.signature(Client(api_key="k", aws_secret_access_key="s").list_dead_letter_source_queues)
    assert [name for name in sources.parameters if "token" in name or "results" in name] == ["next_token", "max_results"]

    def answer(request: httpx.Request) -> httpx.Response:
        second = request.url.params.get("nextToken") == "t2"
        return httpx.Response(200, json={"queueUrls": ["q2" if second else "q1"], **({} if second else {"nextToken": "t2"})})

    with Client(api_key="k", aws_secret_access_key="s", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        assert list(client.list_dead_letter_source_queues("orders", max_results=1)) == ["q1", "q2"]


def test_operations_whose_operation_id_names_nothing_get_methods_named_from_their_paths(
    packages: dict[str, tuple[Path, str, list[Diagnostic]]],
) -> None:
    out, package, diagnostics = packages["contract-names-from-paths"]
    assert not diagnostics
    modules = _import_all(out, package)
    root, testing = modules[package], modules[f"{package}.testing"]

    def methods(module: str, cls: str) -> list[str]:
        found = vars(getattr(modules[f"{package}.resources.{module}"], cls))
        return [name for name, value in found.items() if callable(value) and not name.startswith("_")]

    assert methods("pullrequests", "PullrequestsResource") == [
        "list_for_repository", "create", "get_comment", "update_comment", "delete_comment", "approve", "list",
        "summarise_pullrequests_of_user"]  # a person's operationId is kept
    assert methods("certificate_actions", "CertificateActionsResource") == ["list", "apply_to_resources"]
    assert methods("contacts", "ContactsResource") == ["list_for_alliance", "list_for_character"]
    assert methods("ip_access_management", "IPAccessManagementResource") == [
        "list_access_settings_whitelist", "create_access_settings_whitelist", "get_access_settings_whitelist"]
    client_methods = {name for name in dir(root.NamesFromPaths) if not name.startswith("_")}
    assert {"list_customers", "get_customer", "update_customer", "confirm_payment_intent",
            "make_account_link"} <= client_methods  # x-sdk-method is kept too
    # the docstring of an operation with no summary says what the name says
    get_comment = modules[f"{package}.resources.pullrequests"].PullrequestsResource.get_comment
    assert get_comment.__doc__ == "Get comment"

    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.pullrequests.get_comment("ws", "repo", 7, 9).name
        assert [t.name for t in client.contacts.list_for_character(5)]
        assert client.update_customer("cus_1", name="n").name
    assert [(c.operation_id, c.path) for c in api.calls] == [
        ("get_v2_repositories_workspace_repo_slug_pullrequests_pull_request_id_comments_comment_id",
         "/v2/repositories/ws/repo/pullrequests/7/comments/9"),
        ("get_characters_character_id_contacts", "/characters/5/contacts/"),
        ("PostCustomersCustomer", "/v1/customers/cus_1")]

    # the command line's words are the methods'
    env = {key: value for key, value in os.environ.items() if not key.startswith(package.upper())}
    prefix = "REGRESS_CONTRACT_NAMES_FROM_PATHS"
    with modules[f"{package}.testing.server"].MockServer() as server:
        env.update({"PYTHONPATH": str(out), f"{prefix}_BASE_URL": server.url, f"{prefix}_KEY": "k",
                    f"{prefix}_API_KEY": "k"})
        ran = subprocess.run([sys.executable, "-m", f"{package}.cli", "pullrequests", "get-comment", "ws", "repo",
                              "7", "9"], capture_output=True, env=env, timeout=60)
    assert ran.returncode == 0, ran.stderr.decode()[-500:]
    assert "name" in json.loads(ran.stdout)


def test_fastapis_operation_ids_give_the_route_functions_names(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    out, package, diagnostics = packages["contract-fastapi-route-names"]
    assert not diagnostics
    modules = _import_all(out, package)
    testing = modules[f"{package}.testing"]

    def methods(module: str, cls: str) -> list[str]:
        found = vars(getattr(modules[f"{package}.resources.{module}"], cls))
        return [name for name, value in found.items() if callable(value) and not name.startswith("_")]

    assert methods("flows", "FlowsResource") == ["read_flows", "read_flow", "delete_flow"]  # (less its tag)
    assert methods("runs", "RunsResource") == [
        "read_flows_id_runs_run_id_get", "read_runs_run_id_get", "update", "ping"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert client.flows.read_flow("01890000-0000-7000-8000-000000000001").name
    assert [c.operation_id for c in api.calls] == ["read_flow_flows__id__get"]  # the API's own id, as before
    models = modules[f"{package}.models"]
    for name in ("UploadFileBody", "UploadFileBodyMode", "ReadFlowsBody", "BodyReadFlowsFlowsGet", "CreateDocumentBody"):
        assert isinstance(getattr(models, name), type), name
    assert not hasattr(models, "BodyUploadFileFilesPost")
    text = (HERE / "contract-fastapi-route-names.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text.replace("paths:\n", "x-sdk: {names-from-paths: false}\npaths:\n", 1), encoding="utf-8")
    resources = "".join(v for k, v in generate(spec, package_name="old_names").files.items()
                        if k.startswith("old_names/resources/"))
    assert "    def read_flow_flows_id_get(" in resources and "def read_flow(" not in resources


def test_a_tags_name_every_method_repeats_after_its_verb_is_left_out(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """`client.core_v1.list_namespaced_pod`, as Kubernetes' own client names it, not
    `list_core_v1_namespaced_pod`; the names kept where leaving the tag out would lose
    what tells methods apart or take a word that is no verb's place, and all of them with
    names-from-paths: false."""
    out, package, diagnostics = packages["names-tag-after-verb"]
    assert not diagnostics
    modules = _import_all(out, package)

    def methods(module: str) -> list[str]:
        resource = next(v for k, v in vars(modules[f"{package}.resources.{module}"]).items()
                        if k.endswith("Resource") and not k.startswith(("Async", "_")) and "With" not in k)
        return [name for name, value in vars(resource).items() if callable(value) and not name.startswith("_")]

    assert methods("core_v1") == ["list_namespaced_pod", "read_namespaced_pod", "delete_namespaced_pod"]
    assert methods("audiobooks") == ["get_an_audiobook", "get_several_audiobooks"]  # (not every one repeats it)
    assert methods("flows") == ["read_flows", "read_flow"]  # (both would be `read`)
    assert methods("accounts") == ["adsense_accounts_list", "adsense_accounts_get"]  # (`adsense` is no verb)
    assert methods("uploads") == ["upload_form", "upload_text"]  # (its name is the verb)
    spec = tmp_path / "openapi.yaml"
    text = (HERE / "names-tag-after-verb.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("paths:\n", "x-sdk: {names-from-paths: false}\npaths:\n", 1), encoding="utf-8")
    resources = generate(spec, package_name="old_names").files["old_names/resources/core_v1.py"]
    assert "    def list_core_v1_namespaced_pod(" in resources


def test_schemas_named_by_dotted_paths_are_classes_of_their_shortest_unique_suffix(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path) -> None:
    """`Pod`, not `IoK8sApiCoreV1Pod`; a suffix two schemas share goes longer, and a plain
    name the document has keeps its class; names-from-paths: false keeps the whole paths."""
    out, package, diagnostics = packages["names-dotted-schemas"]
    assert not diagnostics
    types = _import_all(out, package)[f"{package}.types"]
    for name in ("Pod", "PodList", "CoreV1Event", "EventsV1Event", "V1HorizontalPodAutoscaler",
                 "V2HorizontalPodAutoscaler", "V1Status", "Status"):
        assert isinstance(getattr(types, name), type), name
    assert not any(name.startswith("IoK8s") for name in types.__all__)
    assert types.Status.model_fields.keys() == {"text"} and types.V1Status.model_fields.keys() == {"code"}
    spec = tmp_path / "openapi.yaml"
    text = (HERE / "names-dotted-schemas.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("paths:\n", "x-sdk: {names-from-paths: false}\npaths:\n", 1), encoding="utf-8")
    models = "".join(v for k, v in generate(spec, package_name="old_names").files.items() if "/models/" in k)
    assert "class IoK8sApiCoreV1Pod(" in models and "class Pod(" not in models


def test_names_from_paths_can_be_turned_off(tmp_path: Path) -> None:
    """x-sdk names-from-paths: false, for a project whose users call the old names."""
    text = (HERE / "contract-names-from-paths.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text.replace("paths:\n", "x-sdk: {names-from-paths: false}\npaths:\n", 1), encoding="utf-8")
    result = generate(spec, package_name="old_names")
    resources = "".join(v for k, v in result.files.items() if k.startswith("old_names/resources/"))
    for name in ("get_v2_repositories_workspace_repo_slug_pullrequests_pull_request_id_comments_comment_id",
                 "post_certificates_id_actions_apply_to_resources", "get_alliances_alliance_id_contacts"):
        assert f"    def {name}(" in resources, name
    assert not result.diagnostics
    spec.write_text(text.replace("paths:\n", "x-sdk: {names-from-paths: 1}\npaths:\n", 1), encoding="utf-8")
    warned = generate(spec, package_name="old_names").diagnostics
    assert [(d.pointer, d.message) for d in warned] == [
        ("/x-sdk/names-from-paths", "names-from-paths must be true or false; true is used")]


def test_a_document_that_tags_nothing_is_grouped_by_its_paths_first_segments(
    packages: dict[str, tuple[Path, str, list[Diagnostic]]], tmp_path: Path,
) -> None:
    out, package, diagnostics = packages["contract-untagged-groups"]
    assert not diagnostics
    modules = _import_all(out, package)
    testing = modules[f"{package}.testing"]
    api = testing.MockAPI()
    with testing.mock_client(api) as client:
        assert [c.name for c in client.customers.list()] and client.customers.get("cus_1").name
        assert [s.name for s in client.customers.list_sources("cus_1")]
        assert client.customers.get_balance("cus_1").name and client.customers.get_customer("cus_1").name
        assert client.charges.capture("ch_1").name and [c.name for c in client.charges.search()]
        assert client.get_account().name  # a path alone under its segment: the client's own
        assert client.get_root().name  # no segment: the client's own method, as before
        assert not hasattr(client, "get_customers")
    customers = modules[f"{package}.resources.customers"].CustomersResource
    assert (customers.get.__doc__, customers.list_sources.__doc__) == ("Get customers", "List sources")
    assert [(c.operation_id, c.path) for c in api.calls] == [
        ("GetCustomers", "/v1/customers"), ("GetCustomersCustomer", "/v1/customers/cus_1"),
        ("GetCustomersCustomerSources", "/v1/customers/cus_1/sources"),
        ("getCustomerBalance", "/v1/customers/cus_1/balance"), ("getCustomer", "/v1/customers/cus_1/profile"),
        ("PostChargesChargeCapture", "/v1/charges/ch_1/capture"), ("charges_search", "/v1/charges/search"),
        ("GetAccount", "/v1/account"), ("getRoot", "/")]
    # the command line has a group per resource
    prefix = package.upper()
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefix)}
    env.update({"PYTHONPATH": str(out)})
    listed = subprocess.run([sys.executable, "-m", f"{package}.cli", "--help"], capture_output=True, env=env,
                            timeout=60).stdout.decode()
    assert re.search(r"\n  customers +", listed) and re.search(r"\n  get-root +", listed), listed

    # one path per first segment (AWS's query APIs): the client's own methods, as before
    text = (HERE / "contract-untagged-groups.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(re.sub(r"  /v1/(customers/\{customer\}(/sources)?|charges/(\{charge\}/capture|search)):\n"
                           r"(    .*\n|      .*\n)+", "", text), encoding="utf-8")
    flat = generate(spec, package_name="flat")
    client_module = flat.files["flat/resources/default.py"]
    assert "    def list_customers(" in client_module and "    def list_charges(" in client_module
    assert not any(k.startswith("flat/resources/customers") for k in flat.files)


class _SwaggerTwoPets(BaseHTTPRequestHandler):
    """Keeps (method, path and query, headers asked for, Content-Type, body) of every
    request; answers as contract-swagger2.yaml says each operation does."""

    seen: list[tuple[str, str, dict[str, str], str, bytes]] = []
    PET = b'{"id": 1, "name": "Rex", "kind": "Dog", "tag": null, "barks": true}'

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k in ("X-API-Key", "Authorization", "X-Request-Id")}
        self.seen.append((self.command, self.path, headers, self.headers.get("Content-Type", ""), body))
        route = f"{self.command} {self.path.split('?')[0]}"
        status, kind, answer = {
            "GET /v2/pets": (200, "application/json", b"[" + self.PET + b"]"),
            "POST /v2/pets": (201, "application/json", self.PET),
            "GET /v2/pets/1": (404, "application/json", b'{"message": "no pet 1"}'),
            "GET /v2/pets/1/photo": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\xff"),
            "POST /v2/login": (204, "", b""),
        }.get(route, (200, "application/json", self.PET))
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_PUT = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_swagger_2_document_gives_a_client_that_talks_as_the_document_says(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """A Swagger 2.0 document is read as its OpenAPI 3.0 form: the client calls host and
    basePath over https by default, writes lists as their collectionFormat says, sends a
    body parameter as JSON, formData as a form (multipart with a file), reads a file
    answer as bytes and a root response's schema as the error's body."""
    out, package, diagnostics = packages["contract-swagger2"]
    assert diagnostics == []
    modules = _import_all(out, package)
    client_class, errors = modules[package].SwaggerTwo, modules[f"{package}.errors"]
    assert "| `base_url` | `REGRESS_CONTRACT_SWAGGER2_BASE_URL` | `https://api.example.com/v2` |" in (
        out / "README.md").read_text(encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SwaggerTwoPets)
    _SwaggerTwoPets.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with client_class(api_key="k-1", basic="al:pw", oauth="t-1",
                          base_url=f"http://127.0.0.1:{server.server_port}/v2") as client:
            pets = client.pets.list_pets(limit=5, tags=["a", "b"], status=["available", "sold"], x_request_id="r-1")
            created = client.pets.create_pet(name="Rex", tag="good")
            with pytest.raises(errors.APIStatusError) as missing:
                client.pets.get_pet(1)
            client.pets.rename_pet(1, name="Rex", nicknames=["R", "T-Rex"])
            client.pets.upload_photo(1, photo=("rex.png", b"\x89PNG", "image/png"), caption="at the beach")
            photo = client.pets.get_photo(1)
            client.session.login()
    finally:
        server.shutdown()
        server.server_close()
    assert [p.name for p in pets] == ["Rex"] and pets[0].tag is None and created.kind == "Dog"
    assert missing.value.status_code == 404 and missing.value.body == {"message": "no pet 1"}
    assert photo == b"\x89PNG\r\n\x1a\n\x00\xff"
    seen = _SwaggerTwoPets.seen
    assert seen[0][:3] == ("GET", "/v2/pets?limit=5&tags=a%2Cb&status=available&status=sold",
                           {"X-API-Key": "k-1", "X-Request-Id": "r-1"})
    assert seen[1][1:] == ("/v2/pets", {"X-API-Key": "k-1"}, "application/json", b'{"name":"Rex","tag":"good"}')
    assert seen[2][:3] == ("GET", "/v2/pets/1", {"Authorization": "Bearer t-1"})
    assert seen[3][0] == "PUT" and seen[3][3] == "application/x-www-form-urlencoded"
    assert urllib.parse.unquote_plus(seen[3][4].decode()) == "name=Rex&nicknames=R,T-Rex"
    assert seen[4][3].startswith("multipart/form-data; boundary=")
    assert b'name="photo"; filename="rex.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG' in seen[4][4]
    assert b'name="caption"\r\n\r\nat the beach' in seen[4][4]
    assert seen[6][:3] == ("POST", "/v2/login", {"Authorization": "Basic " + base64.b64encode(b"al:pw").decode()})


def test_an_enum_beside_a_lists_items_is_the_values_the_items_take(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-array-enum"]
    warned = sorted(d.pointer for d in diagnostics if "beside a list's items" in d.message)
    assert len(warned) == 4 and all(pointer.endswith("/enum") for pointer in warned)
    modules = _import_all(out, package)
    client_class, testing, errors = modules[package].ArrayEnum, modules[f"{package}.testing"], modules[f"{package}.errors"]
    sent: list[tuple[str, bytes]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((urllib.parse.unquote(request.url.query.decode()), request.read()))
        return httpx.Response(200, json={"purposes": ["FEATURES", "ATTRIBUTES"]})

    with client_class(http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        answered = client.collections.repurpose_collection(purposes=["FEATURES", "LANDMARKS"], fields=["id", "name"],
                                                           kinds=["face"])
    assert sent == [("purposes=FEATURES&purposes=LANDMARKS&fields=id,name", b'{"kinds":["face"]}')]
    assert answered.purposes == ["FEATURES", "ATTRIBUTES"]
    api = testing.MockAPI()
    with testing.mock_client(api) as mocked:
        mocked.collections.repurpose_collection(purposes=["LANDMARKS"], fields=["email"], kinds=["landmark", "face"])
        with pytest.raises(errors.APIStatusError) as refused:
            mocked.collections.repurpose_collection(purposes=["LANDMARKS"], fields=["email"], kinds=["nose"])
    assert api.calls[0].status == 200 and refused.value.status_code == 400


class _QueryMethod(BaseHTTPRequestHandler):
    """Answers QUERY /records with the records its body matches; the first request with 503."""

    seen: list[tuple[str, str, bytes]] = []

    def do_QUERY(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, body))
        answer = b"" if len(self.seen) == 1 else b'[{"id": "r-1", "note": null}]'
        self.send_response(503 if len(self.seen) == 1 else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_an_openapi_3_2_query_operation_is_sent_with_its_body_and_retried_as_a_get_is(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    out, package, diagnostics = packages["contract-openapi32"]
    assert sorted((d.pointer, d.code) for d in diagnostics) == [
        ("/paths/~1records~1{id}/additionalOperations", "unsupported"),
        ("/paths/~1records~1{id}/get/parameters/0/in", "unsupported"),
    ]
    client_class = _import_all(out, package)[package].ThreeTwo
    # a media type of components.mediaTypes is the answer's type, as one written in place is
    assert typing.get_type_hints(client_class(base_url=SOMEWHERE).records.get)["return"].__name__ == "Record"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _QueryMethod)
    _QueryMethod.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with client_class(base_url=f"http://127.0.0.1:{server.server_port}") as client:
            client._sleep = lambda seconds: None
            found = client.records.search(match_="r-", limit=None)  # `match` is a keyword
    finally:
        server.shutdown()
        server.server_close()
    assert [r.id for r in found] == ["r-1"] and found[0].note is None
    assert _QueryMethod.seen == [("QUERY", "/records", b'{"match":"r-","limit":null}')] * 2


def test_an_azure_data_plane_client_calls_the_account_it_is_given_and_its_query_paths(
        packages: dict[str, tuple[Path, str, list[Diagnostic]]]) -> None:
    """AutoRest's parameterized host in a Swagger 2.0 document: no default address (an
    empty account name makes no host), so the client says it wants one; given one, the
    operations of x-ms-paths go to their paths with the query part written there."""
    out, package, _ = packages["contract-swagger2-azure"]
    modules = _import_all(out, package)
    client_class, errors = modules[package].Blob, modules[f"{package}.errors"]
    with pytest.raises(errors.ConfigurationError, match="base_url"):
        client_class()
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={"names": ["a.txt"]})

    with client_class(base_url="https://acme.blob.core.windows.net",
                      http_client=httpx.Client(transport=httpx.MockTransport(answer))) as client:
        listed = client.default.container_list_blobs("photos", prefix="2026/")
    assert sent == ["https://acme.blob.core.windows.net/photos?restype=container&comp=list&prefix=2026%2F"]
    assert listed.names == ["a.txt"]
