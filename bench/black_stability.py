"""How much of the rendered code black has to change, piece by piece.

Black formats a piece in one pass when its input is already black's output, and in two
when it is not (black.format_str re-runs itself to settle trailing commas), so templates
that emit black-stable code halve the formatter's time. This reports, per generated
file, how many pieces black leaves unchanged, and can print the changes it makes.

    .venv/bin/python bench/black_stability.py SPEC [--diff PATH-SUBSTRING] [--max N]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import format as fmt  # noqa: E402
from generator.load import load  # noqa: E402
from generator.parse import parse  # noqa: E402
from generator.render import render  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("--diff", default=None, help="print black's changes to files whose path contains this")
    parser.add_argument("--max", type=int, default=3, help="changed pieces to print per file (default 3)")
    args = parser.parse_args()
    files = render(parse(load(args.spec), None))
    report = fmt.black_changes(files)
    total = changed_total = 0
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path, (n, diffs) in report.items():
        changed = len(diffs)
        group = "resources/*" if "/resources/" in path and not path.endswith("__init__.py") else path
        groups[group][0] += n
        groups[group][1] += changed
        total += n
        changed_total += changed
        if args.diff is not None and args.diff in path:
            for before, after in diffs[: args.max]:
                print(f"--- {path}")
                sys.stdout.writelines(
                    line + "\n" for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
                )
    for group, (n, changed) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        if changed:
            print(f"{changed:5d} of {n:5d} pieces changed  {group}")
    print(f"black-stable: {total - changed_total} of {total} pieces ({100 * (total - changed_total) / max(total, 1):.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
