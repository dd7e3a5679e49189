"""What makes generation fast must never change what is generated or hide a problem:
formatting in pieces is byte-identical to black on the whole file, the validation caches
never hide an invalid spec, the stamp never hides a change, and `--formatter ruff`
round-trips through `check`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator import format as fmt
from generator.pipeline import STAMP, TEMPLATES, generate
from generator.render import render
from tests.conftest import ROOT

PETSTORE = ROOT / "tests" / "golden" / "petstore" / "openapi.yaml"


def whole(text: str) -> str:
    return black.format_str(text, mode=fmt._black_mode())


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut even small files, into small pieces, so that every rule is exercised."""
    monkeypatch.setattr(fmt, "_SPLIT_MIN_CHARS", 0)
    monkeypatch.setattr(fmt, "_PIECE_CHARS", 1)
    monkeypatch.setattr(fmt, "_LITERAL_MIN_CHARS", 1)


TRICKY = '''"""Module docstring."""
@decorator
def right_after_the_docstring(): pass



import os
X = 1
def f(a,b): return a+b
def g(): ...
def h(): ...

# a comment that belongs to the next function
def commented(): pass

@overload
def over(x: int) -> int: ...
@overload
def over(x: str) -> str: ...

class Big(Base):
    """Doc."""
    attr: int = 1
    def one(self): return 1

    @property
    def two(self): return {'a':1,'b':[1,2,3]}

    def three(self, x = 'it\\'s'): return x
    async def four(self): ...
    def five(self): ...

    class Inner: pass

    # trailing comment in the class
Big.model_rebuild()
TEXT = """
class NotAClass:
def not_a_function(): pass
"""

def after_string(): pass
COMMANDS: list[dict[str, Any]] = [
    {'name': 'a', 'help': 'x' * 3, 'options': [{'flag': 'b', 'kind': 'str'}, {'flag': 'c', 'kind': 'int'}], 'long': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'},
    {'name': 'b', 'help': None},
    {
      'name': 'c',
      'nested': [1,
   2],
    },
    (1 +
     2),
]
OTHER = [
    'a',
    'b'
]
def last(): return [1,2,3,]
'''


def test_pieces_give_what_black_gives_on_the_whole_file(small_pieces: None) -> None:
    steps = fmt.plan(TRICKY)
    assert steps is not None and len(list(fmt.pieces_of(steps))) > 5
    assert fmt.format_text(TRICKY) == whole(TRICKY)


def test_pieces_give_what_black_gives_on_every_generated_file(small_pieces: None, tmp_path: Path) -> None:
    from generator.load import load
    from generator.parse import parse

    for spec in (ROOT / "spec" / "openapi.yaml", PETSTORE):
        files = render(parse(load(spec), None), templates=TEMPLATES)
        for path, text in files.items():
            if path.endswith(".py"):
                assert fmt.format_text(text) == whole(text), path


def test_a_cut_that_does_not_parse_falls_back_to_the_whole_file(small_pieces: None) -> None:
    # "class" at the start of a line inside a string: the piece before it does not parse
    text = 'x = 1\n\n\nS = """\n\nclass Y:\n    pass\n"""\n\n\ndef f(): pass\n'
    assert fmt.format_text(text) == whole(text)
    out, _ = fmt.format_files({"m.py": text}, cache=None)
    assert out["m.py"] == whole(text)


def test_the_piece_cache_gives_the_same_output_after_a_change(small_pieces: None, tmp_path: Path) -> None:
    cache = fmt.FormatCache(tmp_path / "cache")
    first, _ = fmt.format_files({"m.py": TRICKY}, cache=cache)
    changed = TRICKY.replace("def two(self)", "def two_changed(self)")
    second, _ = fmt.format_files({"m.py": changed}, cache=cache)
    assert first["m.py"] == whole(TRICKY)
    assert second["m.py"] == whole(changed)


def run_generator(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=300)


def invalid(spec_text: str) -> str:
    """Petstore with one operation made invalid (a response without its description)."""
    start = spec_text.index("responses:")
    at = spec_text.index("description:", start)
    line_end = spec_text.index("\n", at)
    return spec_text[:at] + "x-no-description: true" + spec_text[line_end:]


def test_a_validated_spec_that_changes_is_validated_again(tmp_path: Path) -> None:
    spec, out, cache = tmp_path / "spec.yaml", tmp_path / "out", tmp_path / "cache"
    spec.write_text(PETSTORE.read_text())
    env = {"XDG_CACHE_HOME": str(cache)}
    assert run_generator("generate", str(spec), "-o", str(out), env=env).returncode == 0
    manifest = json.loads((out / ".generator-manifest.json").read_text())
    assert manifest.get("validated")  # the clean validation is recorded
    spec.write_text(invalid(PETSTORE.read_text()))
    for extra_env in (env, {"SDKGEN_NO_CACHE": "1"}, {**env, "SDKGEN_NO_FORK": "1"}):
        result = run_generator("check", str(spec), "-o", str(out), "--strict", env=extra_env)
        assert result.returncode == 2, result.stderr
        assert "description" in result.stderr
        result = run_generator("generate", str(spec), "-o", str(out), env=extra_env)
        assert result.returncode == 0 and "warning" in result.stderr and "description" in result.stderr
        assert "validated" not in json.loads((out / ".generator-manifest.json").read_text())
        assert not (out / STAMP).exists()  # a run with warnings leaves no stamp


def test_a_changed_path_item_is_validated_even_when_the_rest_was_clean(tmp_path: Path) -> None:
    spec, out, cache = tmp_path / "spec.yaml", tmp_path / "out", tmp_path / "cache"
    text = PETSTORE.read_text()
    spec.write_text(text)
    env = {"XDG_CACHE_HOME": str(cache)}
    assert run_generator("generate", str(spec), "-o", str(out), env=env).returncode == 0
    # a harmless change goes through the path-item shortcut...
    spec.write_text(text.replace("summary:", "summary: Changed.", 1) if "summary: " in text else text)
    assert run_generator("check", str(spec), "-o", str(out), "--strict", env=env).returncode in (0, 1)
    # ... an invalid one does not
    spec.write_text(invalid(text))
    result = run_generator("check", str(spec), "-o", str(out), "--strict", env=env)
    assert result.returncode == 2 and "description" in result.stderr, result.stderr


def test_a_repeated_operation_id_across_path_items_is_found(tmp_path: Path) -> None:
    from generator.load import load
    from generator.validate import fingerprint, validate, validate_cached

    spec, store = tmp_path / "spec.yaml", tmp_path / "store"
    text = PETSTORE.read_text()
    spec.write_text(text)
    doc = load(spec)
    assert validate_cached(doc, fingerprint(doc), store) == []
    ids = [op["operationId"] for item in doc.data["paths"].values() for op in item.values() if isinstance(op, dict) and "operationId" in op]
    assert len(ids) >= 2
    spec.write_text(text.replace(f"operationId: {ids[1]}", f"operationId: {ids[0]}", 1))
    doc = load(spec)
    problems = validate_cached(doc, fingerprint(doc), store)
    assert problems == validate(doc) and any("not unique" in p.message for p in problems)


def test_the_stamp_is_dropped_when_a_template_changes(tmp_path: Path) -> None:
    templates, out = tmp_path / "templates", tmp_path / "out"
    shutil.copytree(TEMPLATES, templates)
    result = generate(PETSTORE, out, templates=templates)
    assert result.inputs
    from generator.pipeline import write_stamp
    from generator.write import write_files

    write_files(out, result.files, result.manifest)
    write_stamp(out, result)
    assert generate(PETSTORE, out, templates=templates).files == result.files
    target = next(p for p in templates.rglob("models.py.jinja"))
    target.write_text(target.read_text() + "\n# changed\n")
    again = generate(PETSTORE, out, templates=templates)
    assert again.inputs != result.inputs
    assert any(again.files[p] != result.files[p] for p in result.files if p.endswith("models.py"))


def test_ruff_round_trips_through_check(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {"SDKGEN_NO_CACHE": "1"}
    result = run_generator("generate", str(PETSTORE), "-o", str(out), "--formatter", "ruff", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / ".generator-manifest.json").read_text())["formatter"].startswith("ruff-")
    (out / STAMP).unlink()  # compare through the whole pipeline, not the stamp
    assert run_generator("check", str(PETSTORE), "-o", str(out), env=env).returncode == 0
    assert run_generator("check", str(PETSTORE), "-o", str(out), "--formatter", "ruff", env=env).returncode == 0
    assert run_generator("check", str(PETSTORE), "-o", str(out), "--formatter", "black", env=env).returncode == 1
    # and back to black, the default
    assert run_generator("generate", str(PETSTORE), "-o", str(out), env=env).returncode == 0
    (out / STAMP).unlink()
    assert run_generator("check", str(PETSTORE), "-o", str(out), env=env).returncode == 0
