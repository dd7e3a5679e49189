"""Figures of the generated MCP server: the size of its tool list and its start-up time.

    .venv/bin/python bench/mcp_figures.py                 # the curated spec and asana.yaml
    .venv/bin/python bench/mcp_figures.py box.json notion.json

For each API: the `tools/list` answer (the tools as a client receives them, compact
JSON) in bytes and in estimated tokens (characters / 4), in tools mode and in search
mode; and the server's start-up, from spawning `<cli> mcp` to the end of the MCP
handshake, wall clock and CPU (the child's user + system time, read after it exits).
Servers run over stdio, as an agent's host starts them. Corpus specs are rendered
into a temporary folder without formatting (the figures do not depend on it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def render(spec: Path, out: Path) -> tuple[str, str, int]:
    """(package, CLI module, operations) of the package rendered for `spec` into `out`."""
    from generator.load import load
    from generator.parse import parse
    from generator.render import render as render_files

    api = parse(load(spec))
    for path, text in render_files(api).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return api.sdk.package_name, f"{api.sdk.package_name}.cli", len(api.operations)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def measure(pythonpath: Path, cli_module: str, mode: str) -> dict[str, Any]:
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters

    env = {
        "PYTHONPATH": str(pythonpath),
        # never used: no tool is called; set so that no setting is missing
        **{name: "x" for name in ("POSTHOG_PERSONAL_API_KEY",)},
    }
    params = StdioServerParameters(
        command=sys.executable, args=["-m", cli_module, "mcp", "--mode", mode], env=env
    )
    cpu_before = _children_cpu()
    started = time.perf_counter()
    async with Client(params, mode="legacy") as client:
        ready = time.perf_counter() - started
        result = await client.list_tools()
    cpu = _children_cpu() - cpu_before
    tools = [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in result.tools]
    size = len(json.dumps(tools, separators=(",", ":"), ensure_ascii=False).encode())
    return {"tools": len(tools), "bytes": size, "tokens": size // 4, "start_s": ready, "cpu_s": cpu}


def main() -> int:
    import anyio

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("specs", nargs="*", default=["asana.yaml"], help="corpus specs (file names)")
    args = parser.parse_args()
    targets: list[tuple[str, Path, str]] = [("curated (spec/)", ROOT / "generated", "posthog_api.cli")]
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.specs:
            out = Path(tmp) / Path(name).stem
            _, cli_module, _ = render(CORPUS / name, out)
            targets.append((name, out, cli_module))
        print("| API | mode | tools | tool list bytes | ~tokens | start-up wall | start-up CPU |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for label, path, cli_module in targets:
            for mode in ("tools", "search"):
                row = anyio.run(measure, path, cli_module, mode)
                print(
                    f"| {label} | {mode} | {row['tools']} | {row['bytes']:,} | {row['tokens']:,} "
                    f"| {row['start_s']:.2f} s | {row['cpu_s']:.2f} s |",
                    flush=True,
                )
    print(f"\n({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
