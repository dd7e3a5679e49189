"""The generated README's Python examples are real, typed code: every ```py block of
generated/README.md passes mypy --strict against the generated package (issue 17: the
query.run example failed it while run() returned a union for a HogQLQuery). The package's
own code is checked by make typecheck; here mypy reads its signatures and skips its bodies."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bench.typecheck import write_config
from tests.conftest import GENERATED
from tests.packages import mypy_cache_args

PREAMBLE = """\
from posthog_api import AsyncPostHog, PostHog

client = PostHog(api_key="k", project_id="1")
async_client = AsyncPostHog(api_key="k", project_id="1")
"""


def _blocks() -> list[str]:
    text = (GENERATED / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```py\n(.*?)```", text, flags=re.DOTALL)


def test_every_python_block_type_checks(tmp_path: Path) -> None:
    blocks = _blocks()
    assert len(blocks) >= 10
    for index, block in enumerate(blocks):
        body = block if block.startswith("from posthog_api import PostHog\n") else PREAMBLE + block
        if "await " in body:  # top-level awaits belong in a coroutine
            body = "async def example() -> None:\n" + "".join(f"    {line}\n" for line in body.splitlines())
        (tmp_path / f"example_{index:02d}.py").write_text(body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(write_config(tmp_path, trusted=["posthog_api"])), *mypy_cache_args(),
         str(tmp_path)],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(GENERATED)}, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_typed_query_gives_a_typed_result(tmp_path: Path) -> None:
    """The overloads of query.run/create (x-sdk-overloads): a HogQLQuery gives a
    HogQLQueryResponse; a dict gives the union."""
    (tmp_path / "check.py").write_text(PREAMBLE + """
from typing import assert_type

from posthog_api.types import HogQLQuery, HogQLQueryResponse, QueryResponse, QueryStatusResponse

typed = client.query.run(query=HogQLQuery(query="select 1"))
assert_type(typed, HogQLQueryResponse)
created = client.query.create(query=HogQLQuery(query="select 1"))
assert_type(created, HogQLQueryResponse | QueryStatusResponse)  # 202: it runs in the background
loose = client.query.run(query={"kind": "HogQLQuery", "query": "select 1"})
assert_type(loose, QueryResponse)
""", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(write_config(tmp_path, trusted=["posthog_api"])), *mypy_cache_args(),
         str(tmp_path / "check.py")],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(GENERATED)}, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-3000:]
