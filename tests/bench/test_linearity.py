"""bench/run.py's cost-against-size table: each document's CPU per operation and per MB
against the medians, the same beyond the smallest document's run, and the goals judged."""

from __future__ import annotations

from pathlib import Path

from bench import run


def _doc(name: str, ops: int, mb: float, cpu: float) -> run.DocResult:
    measure = run.Measure(wall=cpu, cpu=cpu, rss=0.0, returncode=0, stdout="", stderr="")
    return run.DocResult(name, Path(name), ops, mb, [measure], [], {}, None)


def _table(report: run.Report) -> dict[str, list[str]]:
    """The table's rows by document name (its cells, stripped)."""
    rows = [line for line in report.extra if line.startswith("| ") and not line.startswith("| document")]
    return {cells[0]: cells for cells in ([c.strip() for c in line.strip("|").split("|")] for line in rows)}


def test_cost_beyond_the_smallest_run_takes_its_fixed_cost_out() -> None:
    report = run.Report()
    # cost = 0.1 s for any run + 2 ms per operation: per operation, the smallest document
    # looks dear; beyond the 0.1 s of the smallest run, every document costs the same
    docs = [_doc("a", 50, 1.0, 0.2), _doc("b", 500, 1.0, 1.1), _doc("c", 1000, 2.0, 2.1), _doc("d", 2000, 4.0, 4.1)]
    run.linearity(report, docs, run.Curated(ops=25, mb=0.5, cpu=0.15, wall=0.15, smallest_cpu=0.1))
    table = _table(report)
    assert table["spec/openapi.yaml (curated)"][5] == "6.0"  # 150 ms / 25 operations
    assert [table[name][9] for name in ("a", "b", "c", "d")] == ["2.0"] * 4  # (CPU - 100 ms) / operations
    assert table["spec/openapi.yaml (curated)"][10] == "1.00"  # at the median beyond the fixed cost
    goals = {g.goal: g for g in report.goals}
    per_op = goals["cost per operation at most 2x the median"]
    assert per_op.holds is False and "curated" in per_op.measured  # 6 ms against a median of 2.2
    assert "beyond the smallest run's 100 ms: worst" in per_op.measured and per_op.measured.endswith(", 1.00x")


def test_without_the_smallest_run_the_columns_beyond_it_stay_empty() -> None:
    report = run.Report()
    docs = [_doc("a", 100, 1.0, 0.3), _doc("b", 200, 2.0, 0.5), _doc("c", 400, 3.0, 0.9), _doc("d", 800, 4.0, 1.7)]
    run.linearity(report, docs, None)
    table = _table(report)
    assert table["a"][9:13] == ["", "", "", ""]
    assert {g.goal for g in report.goals} >= {"cost per operation at most 2x the median", "cost per MB at most 2x the median"}
