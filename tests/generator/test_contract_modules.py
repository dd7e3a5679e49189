"""The generated project's contract tests: a module per resource in tests/contract/, one
mock server for the session. Run as a user runs them: pytest in a subprocess, in the
generated project, over real HTTP on loopback."""

from __future__ import annotations

import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bench.typecheck import write_config
from generator.pipeline import generate
from tests.contract import prism
from tests.packages import mypy_cache_args, write

ROOT = Path(__file__).resolve().parents[2]
CORNERS = ROOT / "tests" / "golden" / "corners" / "openapi.yaml"
PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"
TYPED_ARGUMENTS = ROOT / "tests" / "generator" / "regressions" / "contract-typed-arguments.yaml"
JSON_BINARY = ROOT / "tests" / "generator" / "regressions" / "contract-json-binary.yaml"
NAMED_ARGUMENTS = ROOT / "tests" / "generator" / "regressions" / "contract-named-arguments.yaml"
ACCEPT_ENUM = ROOT / "tests" / "generator" / "regressions" / "contract-accept-enum.yaml"
RAW_BODIES = ROOT / "tests" / "generator" / "regressions" / "contract-raw-bodies.yaml"
QUERY_JSON = ROOT / "tests" / "generator" / "regressions" / "contract-query-json.yaml"
UPLOADS = ROOT / "tests" / "generator" / "regressions" / "contract-uploads.yaml"
POLYMORPHIC = ROOT / "tests" / "generator" / "regressions" / "contract-polymorphic.yaml"
PLAIN_EXTENSION = ROOT / "tests" / "generator" / "regressions" / "contract-plain-extension.yaml"
READ_WRITE_ONLY = ROOT / "tests" / "generator" / "regressions" / "contract-read-write-only.yaml"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corners")
    write(generate(CORNERS), out)
    return out


def pytest_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(project)},
    )


def test_a_module_per_resource_holds_that_resources_tests(project: Path) -> None:
    modules = sorted(p.name for p in (project / "tests" / "contract").glob("test_*.py"))
    resources = sorted(f"test_{p.stem}.py" for p in (project / "corners" / "resources").glob("*.py") if p.stem != "__init__")
    assert modules == resources
    for module in modules:
        text = (project / "tests" / "contract" / module).read_text(encoding="utf-8")
        attribute = module.removeprefix("test_").removesuffix(".py")
        calls = set(re.findall(r"client\.(\w+)\.\w+\(", text))
        assert calls == {attribute}, f"{module} calls {calls}"


def test_every_test_passes_with_one_server_for_the_session(project: Path) -> None:
    run = pytest_in(project, "--setup-show", "tests")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"\b5 passed\b", run.stdout), run.stdout[-500:]
    assert run.stdout.count("SETUP    S client") == 1, run.stdout[-3000:]


def test_one_resources_tests_run_alone(project: Path) -> None:
    run = pytest_in(project, "--collect-only", "tests/contract/test_pets.py")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    collected = re.findall(r"^tests/contract/test_pets.py::(\w+)$", run.stdout, re.MULTILINE)
    defined = re.findall(r"^def (test_\w+)", (project / "tests/contract/test_pets.py").read_text(encoding="utf-8"), re.MULTILINE)
    assert collected == defined and 0 < len(collected) < 5, run.stdout
    run = pytest_in(project, "tests/contract/test_pets.py")
    assert run.returncode == 0 and f"{len(collected)} passed" in run.stdout, run.stdout[-3000:]


@pytest.mark.parametrize("spec", [CORNERS, TYPED_ARGUMENTS, JSON_BINARY, NAMED_ARGUMENTS, ACCEPT_ENUM, RAW_BODIES,
                                  QUERY_JSON], ids=lambda spec: spec.stem if spec != CORNERS else "corners")
def test_the_tests_pass_mypy_strict(spec: Path, tmp_path: Path) -> None:
    """A user's `mypy --strict` over the project reads these modules too: each argument
    must be what its annotation takes (a date as a date, bytes as bytes, in a JSON body
    too, a list's enum values as members...), and a method that returns None is not
    called for its value."""
    out = tmp_path / "out"
    write(generate(spec), out)
    package = next(path.parent.name for path in out.glob("*/_models.py"))
    config = write_config(tmp_path, [package])
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(),
         "tests/contract"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


USER_CODE = """\
from typed_arguments import TypedArguments, models
from typed_arguments.testing.server import MockServer

with MockServer() as server, TypedArguments(api_key="k", base_url=server.url, max_retries=0) as client:
    client.events.upload_devices(body=[models.UploadDevicesBodyVariant1ItemVariant1(name="n")])
    client.events.upload_devices(body=(models.UploadDevicesBodyVariant2ItemVariant1(id="i"),))
    client.events.upload_devices(body=[{"serial": "s"}])
    print("sent")
"""


def test_a_body_of_one_of_two_lists_of_unions_takes_models_and_dicts(tmp_path: Path) -> None:
    """here.com's `list[A | B] | list[C | D]` body took no list a caller could write:
    mypy types `[A()]` there as list[A], which list[A | B] does not take. Such lists are
    Sequences now (a tuple too), beside list[dict]; the mock accepts what is sent."""
    out = tmp_path / "out"
    write(generate(TYPED_ARGUMENTS), out)
    (out / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    config = write_config(tmp_path, ["typed_arguments"])
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "user_code.py"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    ran = subprocess.run([sys.executable, "user_code.py"], cwd=out, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(out)})
    assert ran.returncode == 0 and ran.stdout.strip() == "sent", ran.stdout[-2000:] + ran.stderr[-3000:]


UPLOAD_CODE = """\
from pathlib import Path

from uploads import Uploads
from uploads.testing.server import MockServer

Path("blob.bin").write_bytes(b"\\x00binary")
with MockServer() as server, Uploads(base_url=server.url, max_retries=0) as client:
    with open("blob.bin", "rb") as file:
        client.files.upload_file(file=file, purpose="archive", labels={"team": "ops"})
    client.files.upload_file(file=("report.csv", b"a,b", "text/csv"), purpose="import", labels={"team": "data"})
    client.files.upload_file(file=b"raw", purpose="raw", labels={"team": "x"})
    with open("blob.bin", "rb") as file:
        client.files.put_blob("b-1", body=file)
    print("sent", len(server.api.calls))
"""


def test_an_upload_takes_a_binary_file_or_a_named_part_under_mypy(tmp_path: Path) -> None:
    """What a user writes to upload a file type-checks under mypy --strict, and the mock
    server takes it."""
    out = tmp_path / "out"
    write(generate(UPLOADS), out)
    (out / "user_code.py").write_text(UPLOAD_CODE, encoding="utf-8")
    config = write_config(tmp_path, ["uploads"])
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "user_code.py"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    ran = subprocess.run([sys.executable, "user_code.py"], cwd=out, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(out)})
    assert ran.returncode == 0 and ran.stdout.strip() == "sent 4", ran.stdout[-2000:] + ran.stderr[-3000:]



POLYMORPHIC_CODE = """\
import json

from polymorphic import Polymorphic, models
from polymorphic.testing.server import MockServer

with MockServer() as server, Polymorphic(base_url=server.url, max_retries=0) as client:
    pets = client.pets.list_pets()
    sizes = [pet.pack_size for pet in pets if isinstance(pet, models.Dog)]
    puppy = models.Puppy(petType="pup", name="Bit", packSize=1, teething=True)
    shelter = client.pets.create_shelter(name="Home", resident=puppy)
    client.pets.create_shelters(body=[models.Shelter(name="Den", resident=puppy)])
    fish = client.aquariums.list_fish()[0]
    robot = client.robots.get_robot()
    print(json.dumps({
        "read": [type(pet).__name__ for pet in pets],
        "sizes": sizes,
        "unknown": pets[3].model_extra,
        "sent": [server.api.calls[1].body, server.api.calls[2].body],
        "shelter": [type(shelter.resident).__name__, shelter.to_dict()],
        "fish": [type(fish).__name__, isinstance(fish, models.Pet)],
        "robot": [type(robot).__name__, isinstance(robot, models.Pet)],
        "constructed": type(models.Pet(petType="dog", name="Rex")).__name__,
    }))
"""


def test_an_object_of_a_polymorphic_base_is_read_as_the_subclass_it_names(tmp_path: Path) -> None:
    """A subtype (allOf a base with a discriminator) is a subclass of its base: a field or
    list typed Pet holds the Dog, Puppy (x-ms-discriminator-value) or Cat (its schema's
    name) the server's petType names, and a value no subclass has reads as a Pet with
    its fields kept. A Puppy goes where a Pet does, under mypy --strict, and is sent
    with all its fields, inside another model too, as the CLI prints one. A subtype
    that redefines a property as another type stays a class of its own."""
    out = tmp_path / "out"
    write(generate(POLYMORPHIC), out)
    (out / "user_code.py").write_text(POLYMORPHIC_CODE, encoding="utf-8")
    config = write_config(tmp_path, ["polymorphic"])
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "user_code.py"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    env = {**os.environ, "PYTHONPATH": str(out)}
    ran = subprocess.run([sys.executable, "user_code.py"], cwd=out, capture_output=True, text=True, timeout=120, env=env)
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-3000:]
    puppy = {"petType": "pup", "name": "Bit", "packSize": 1, "teething": True}
    assert json.loads(ran.stdout) == {
        "read": ["Dog", "Puppy", "Cat", "Pet"],
        "sizes": [3, 1],
        "unknown": {"legs": 2},
        "sent": [{"name": "Home", "resident": puppy}, [{"name": "Den", "resident": puppy}]],
        "shelter": ["Dog", {"name": "Home", "resident": {"petType": "dog", "name": "Rex", "packSize": 3}}],
        "fish": ["Fish", True],
        "robot": ["Robot", False],
        "constructed": "Pet",
    }
    cli = subprocess.run(
        [sys.executable, "-c", "import subprocess, sys\n"
         "from polymorphic.testing.server import MockServer\n"
         "with MockServer() as server:\n"
         "    sys.exit(subprocess.run([sys.executable, '-m', 'polymorphic.cli', 'pets', 'create-shelter',\n"
         "        '--name', 'Home', '--resident', '{\"petType\": \"dog\", \"name\": \"Rex\", \"packSize\": 3}'],\n"
         "        env={'POLYMORPHIC_BASE_URL': server.url, 'PYTHONPATH': sys.path[0] or '.'}).returncode)"],
        cwd=out, capture_output=True, text=True, timeout=120, env=env,
    )
    assert cli.returncode == 0, cli.stderr[-3000:]
    # what the server sent: the mock echoes the resident, with no owner
    assert json.loads(cli.stdout)["resident"] == {"petType": "dog", "name": "Rex", "packSize": 3}


READ_WRITE_ONLY_CODE = """\
import datetime
import json
import logging

from read_write_only import ReadWriteOnly, ResponseValidationError, models
from read_write_only.testing.server import MockServer

noted: list[str] = []
handler = logging.Handler(logging.DEBUG)
handler.emit = lambda record: noted.append(record.getMessage())  # type: ignore[method-assign]
logging.getLogger("read_write_only").addHandler(handler)
logging.getLogger("read_write_only").setLevel(logging.DEBUG)
without_ids = {"id": 5, "items": [{"sku": "x"}]}

with MockServer() as server, ReadWriteOnly(
    base_url=server.url, max_retries=0, strict_response_validation=True
) as client:
    item = models.LineItem(sku="a")
    order = client.orders.create_order(items=[item])
    assigned: int = order.items[0].id
    created: datetime.datetime = order.items[0].created_at
    client.users.create(name="Ada", password="secret")
    user = client.users.get("7")
    server.api.respond("createOrder", 201, without_ids)
    try:
        client.orders.create_order(items=[item])
        strict = "read"
    except ResponseValidationError as exc:
        strict = str(exc)
    lenient = ReadWriteOnly(base_url=server.url, max_retries=0)
    server.api.respond("createOrder", 201, without_ids)
    partial = lenient.orders.create_order(items=[item])
    print(json.dumps({
        "strict": strict,
        "lenient": [partial.items[0].sku, [n for n in noted if "differs" in n]],
        "from_dict": models.LineItem.from_dict({"sku": "y", "id": 1}).to_dict(),
        "sent": [server.api.calls[0].body, server.api.calls[1].body],
        "built": [item.id, sorted(item.model_fields_set), item.to_dict()],
        "read": [order.id, assigned, created.year > 1900],
        "user": [user.id, user.password, sorted(user.model_fields_set)],
        "fetched": models.LineItem.model_validate({"id": 3, "sku": "c", "createdAt": "2026-01-02T00:00:00Z"}).to_dict(),
    }))
"""


def test_read_only_fields_are_left_out_of_what_is_sent_and_write_only_ones_out_of_what_is_read(
        tmp_path: Path) -> None:
    """OpenAPI requires a readOnly property in responses only and a writeOnly one in
    requests only. A LineItem built to be sent leaves out its required read-only id and
    createdAt (mypy --strict and pydantic both take it), while a response's keeps the
    type the server sends; a User read with strict_response_validation lacks the
    password it was created with, and nothing raises."""
    out = tmp_path / "out"
    write(generate(READ_WRITE_ONLY), out)
    (out / "user_code.py").write_text(READ_WRITE_ONLY_CODE, encoding="utf-8")
    config = write_config(tmp_path, ["read_write_only"])
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "user_code.py"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    ran = subprocess.run([sys.executable, "user_code.py"], cwd=out, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(out)})
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-3000:]
    seen = json.loads(ran.stdout)
    assert seen["sent"] == [{"items": [{"sku": "a"}]}, {"name": "Ada", "password": "secret"}]
    assert seen["built"] == [None, ["sku"], {"sku": "a"}]
    assert seen["read"][1:] == [1, True] and isinstance(seen["read"][0], int)
    assert seen["user"] == [7, None, ["id", "name"]]
    assert seen["fetched"] == {"id": 3, "sku": "c", "createdAt": "2026-01-02T00:00:00Z"}
    # ... but the server must send them: strict reading raises, lenient reading says so
    assert "items.0: Field required in responses: id, createdAt" in seen["strict"]
    assert seen["lenient"][0] == "x" and len(seen["lenient"][1]) == 2, seen["lenient"]
    assert all("items[0].id: missing" in n or "items[0].createdAt: missing" in n for n in seen["lenient"][1])
    assert seen["from_dict"] == {"sku": "y", "id": 1}
    assert "such as `Order.id`)\nmay be left out of a model built to be sent" in (out / "README.md").read_text()


PLAIN_EXTENSION_CODE = """\
import json

from plain_extension import PlainExtension, models
from plain_extension.testing.server import MockServer


def name_of(pet: models.Pet) -> str:
    return pet.name


with MockServer() as server, PlainExtension(base_url=server.url, max_retries=0) as client:
    new = models.NewPet(name="Rex", tag="dog")
    puppy = client.pets.create_pet(name="Bit", tag="pup")
    client.shelters.create_shelter(name="Home", resident=new)
    client.shelters.create_shelter(name="Den", resident=puppy)
    litter: list[models.NewPet] = [new, puppy]
    client.shelters.create_shelter(name="Pen", residents=litter)
    client.shelters.create_shelter(name="Mixed", residents=(new, {"name": "Tom"}))
    robots = client.robots.list_robots()
    print(json.dumps({
        "names": [name_of(new), name_of(puppy)],
        "puppy": [type(puppy).__name__, isinstance(puppy, models.NewPet), isinstance(puppy, models.Pet)],
        "lists": [server.api.calls[3].body["residents"][0], server.api.calls[4].body["residents"]],
        "sent": [server.api.calls[1].body, server.api.calls[2].body["resident"] == puppy.to_dict()],
        "robot": [c.__name__ for c in models.Robot.__mro__[:2]],
        "loop": [models.Loop.__mro__[1].__name__, models.Knot.__mro__[1].__name__],
    }))
"""


def test_a_schema_that_extends_another_is_its_subclass(tmp_path: Path) -> None:
    """NewPet is allOf Pet and more, Puppy allOf NewPet: each is a subclass of the one it
    extends, so a NewPet or a Puppy goes where a Pet does under mypy --strict and is sent
    with its own fields, and a list[NewPet] or a tuple mixing models and dicts where a
    list of Pets does; Robot, which redefines a field of Pet's as another type, stays a
    class of its own, and of Loop and Knot, which extend each other, one is the base."""
    out = tmp_path / "out"
    generated = generate(PLAIN_EXTENSION)
    assert not [d for d in generated.diagnostics if "subclass" in d.message or "extends" in d.message]
    write(generated, out)
    (out / "user_code.py").write_text(PLAIN_EXTENSION_CODE, encoding="utf-8")
    config = write_config(tmp_path, ["plain_extension"])
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *mypy_cache_args(), "user_code.py"],
        cwd=out, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(out)},
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    ran = subprocess.run([sys.executable, "user_code.py"], cwd=out, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(out)})
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-3000:]
    seen = json.loads(ran.stdout)
    assert seen["names"][0] == "Rex" and seen["puppy"] == ["Puppy", True, True]
    assert seen["sent"][0] == {"name": "Home", "resident": {"name": "Rex", "tag": "dog"}}
    assert seen["sent"][1] is True  # the Puppy, as read
    assert seen["lists"] == [{"name": "Rex", "tag": "dog"}, [{"name": "Rex", "tag": "dog"}, {"name": "Tom"}]]
    assert seen["robot"] == ["Robot", "BaseModel"]
    assert sorted(seen["loop"]) in (["BaseModel", "Knot"], ["BaseModel", "Loop"])  # one base, not two
    assert "(`NewPet` extends `Pet`): a subclass goes" in (out / "README.md").read_text(encoding="utf-8")


class _Teapot(http.server.BaseHTTPRequestHandler):
    """Answers every request 418 and remembers its path: proof of who was called."""

    seen: list[str] = []

    def _answer(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        body = b'{"detail": "a teapot"}'
        self.send_response(418)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def test_with_test_api_base_url_the_tests_call_that_server_instead_of_the_mock(project: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Teapot)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "tests/contract/test_pets.py"],
            cwd=project, capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONPATH": str(project), "TEST_API_BASE_URL": url},
        )
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 1, run.stdout[-3000:]
    assert "418" in run.stdout and re.search(r"\b\d+ failed\b", run.stdout), run.stdout[-3000:]
    assert any(" /pets" in seen for seen in _Teapot.seen), _Teapot.seen


def test_the_tests_pass_against_prism_serving_the_document(tmp_path: Path) -> None:
    """Prism's reading of the document (requests validated, answers made from it) agrees
    with the client's: the contract tests pass against it as against the package's mock."""
    try:
        binary = prism.ensure_prism()
    except prism.PrismUnavailable as exc:
        pytest.skip(f"Prism cannot be had: {exc}")
    write(generate(PETSTORE), tmp_path)
    with prism.serve(binary, PETSTORE, tmp_path / "prism.log") as server:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "tests"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONPATH": str(tmp_path), "TEST_API_BASE_URL": server.url},
        )
        log = (tmp_path / "prism.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, run.stdout[-3000:] + log[-3000:]
    tests = int(re.search(r"\b(\d+) passed\b", run.stdout).group(1))  # type: ignore[union-attr]
    assert tests >= 3 and log.count("Request received") >= tests, log[-3000:]
