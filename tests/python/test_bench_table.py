"""bench/run.py's final table: verdicts come from the benches' conditions, never from the table.

The benches themselves are not run here (they take minutes and venvs of their own); these tests
feed the table the JSON shape bench/comparisons.py defines."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
from comparisons import comparison, condition  # noqa: E402

spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
bench_run = sys.modules["bench_run"] = importlib.util.module_from_spec(spec)  # dataclasses look it up
spec.loader.exec_module(bench_run)


def bench(name: str, comparisons: list[dict] | None = None, failure: str | None = None):
    b = bench_run.Bench(name, f"{name} title", BENCH / name / "run.py", [], [], seconds=90.0, failure=failure)
    b.results = {"bench": name, "comparisons": comparisons or []}
    return b


@pytest.mark.parametrize(
    "value, op, bound, met",
    [(1.5, "<=", 1.5, True), (1.51, "<=", 1.5, False), (5.0, ">=", 5.0, True), (1.0, ">", 1.0, False), (None, ">=", 5.0, False)],
)
def test_condition_verdict_at_the_bound(value, op, bound, met):
    assert condition(value, "x", op, bound)["met"] is met


def test_condition_rejects_an_unknown_operator():
    with pytest.raises(ValueError, match="unknown target operator '<'"):
        condition(1.0, "x", "<", 2.0)


def test_table_rows_carry_ratio_target_and_verdict():
    rows = [
        comparison("DuckDB: batched vs floor", "batched 1.00 s; floor 0.80 s",
                   time=condition(1.25, "x the time", "<=", 1.5)),
        comparison("assay vs pandas", "assay 1 s, 100 MB; pandas 1.5 s, 300 MB",
                   time=condition(1.5, "x faster", ">=", 2.0), memory=condition(1 / 3, "x its memory", "<=", 0.5)),
        comparison("site build", "publish 0.3 s", time=condition(0.39, " s")),
        comparison("assay vs evidently", "not run (--skip-evidently)", time=condition(None, "x faster")),
    ]
    lines = bench_run.table([bench("checks", rows)]).splitlines()
    words = [" ".join(line.split()) for line in lines]  # the columns' padding apart
    assert words[2:] == [
        "checks title, 1.5 min",
        "DuckDB: batched vs floor 1.25x the time - time <= 1.5x met",
        "batched 1.00 s; floor 0.80 s",
        "assay vs pandas 1.50x faster 0.33x its memory time >= 2x, memory <= 0.5x MISSED (time)",
        "assay 1 s, 100 MB; pandas 1.5 s, 300 MB",
        "site build 0.39 s - - no target",
        "publish 0.3 s",
        "assay vs evidently n/a - - not run",
        "not run (--skip-evidently)",
    ]
    # the columns line up: every verdict starts where the header's does
    assert len({line.index(v) for line, v in zip(lines[3:10:2], ["met", "MISSED", "no target", "not run"])}
               | {lines[0].index("verdict")}) == 1


def test_a_failed_bench_is_a_failed_row_with_its_reason():
    lines = bench_run.table([bench("drift", failure="exit status 1; its output: out/drift.log")]).splitlines()
    assert " ".join(lines[3].split()) == "drift: no figures - - - FAILED"
    assert lines[4] == "      exit status 1; its output: out/drift.log"
