"""The feature-check report of the demo (examples/, built once per session by `assay demo`):
its values are the drift tests' own, and its histograms are numpy's on the same edges."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from assay.artifacts.features_report import FILE_NAME, load_features_report
from assay.dbt_runner import run_dbt
from assay.features.dbt import DbtProject, show_rows

EPS = 1e-4  # the package's ε floor (macros/ml/binning.sql)


@pytest.fixture(scope="module")
def report(demo_project: Path):
    return load_features_report(demo_project / "target" / FILE_NAME)


def by_name(report) -> dict:
    return {test.name: test for test in report.tests}


def test_demo_report_covers_every_drift_test(report):
    tests = by_name(report)
    assert set(tests) == {"serving_features_drift_vs_training", "serving_features_category_drift_vs_training",
                          "serving_features_share_drifted"}
    assert all(test.error is None and test.model == "model.churn_ml.serving_features" for test in tests.values())
    assert (report.metadata.adapter_type, report.metadata.target_name, report.metadata.project_name) == ("duckdb", "dev", "churn_ml")
    numeric = tests["serving_features_drift_vs_training"]
    assert [c.column_name for c in numeric.columns] == ["tenure_days", "events_30d", "sessions_30d", "spend_30d",
                                                       "avg_session_minutes", "support_tickets_30d", "days_since_last_event"]
    assert {v.statistic for c in numeric.columns for v in c.statistics} == {"psi", "ks"}
    # The share test runs at severity error: PSI's default threshold is 0.25 there, 0.1 at warn.
    assert {v.threshold for c in tests["serving_features_share_drifted"].columns for v in c.statistics} == {0.25}
    assert {v.threshold for c in numeric.columns for v in c.statistics if v.statistic == "psi"} == {0.1}


def test_values_equal_the_failing_rows_the_tests_store(report, demo_project, monkeypatch):
    monkeypatch.setenv("ASSAY_DEMO_DB", str(demo_project / "target/demo.duckdb"))
    common = ["--project-dir", str(demo_project), "--profiles-dir", str(demo_project), "--no-write-json"]
    run_dbt(["test", "--select", "serving_features_drift_vs_training", "serving_features_category_drift_vs_training",
             "--store-failures", *common])
    dbt = DbtProject(demo_project, demo_project)
    stored = {}
    for name in ("serving_features_drift_vs_training", "serving_features_category_drift_vs_training"):
        rows = show_rows(dbt, f"select column_name, statistic, value, threshold, n_ref, n_cur, detail from main_dbt_test__audit.{name}")
        stored[name] = {(row["column_name"], row["statistic"]): (float(row["value"]), float(row["threshold"]), row["n_ref"],
                        row["n_cur"], row["detail"]) for row in rows}
    assert set(stored["serving_features_drift_vs_training"]) == {("avg_session_minutes", "psi"), ("avg_session_minutes", "ks")}
    assert set(stored["serving_features_category_drift_vs_training"]) == {("country", "psi")}
    tests = by_name(report)
    for name, failing in stored.items():
        computed = {(c.column_name, v.statistic): v for c in tests[name].columns for v in c.statistics}
        # Every failing row is a drifted row of the report, with the same numbers (bit for bit) ...
        for key, (value, threshold, n_ref, n_cur, detail) in failing.items():
            mine = computed[key]
            assert (mine.value, mine.threshold, mine.n_ref, mine.n_cur, mine.detail) == (value, threshold, n_ref, n_cur, detail)
            assert mine.drifted is True
        # ... and every other row of the report is one the test let pass.
        assert {key for key, v in computed.items() if v.drifted is not False} == set(failing)


def _data(demo_project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, dict]:
    """The non-NULL values of each column of the reference and the current table, read through dbt
    (dbt-duckdb keeps the database open in this process)."""
    monkeypatch.setenv("ASSAY_DEMO_DB", str(demo_project / "target/demo.duckdb"))
    dbt = DbtProject(demo_project, demo_project)

    def columns(table: str) -> dict[str, list]:
        rows = show_rows(dbt, f"select * from {{{{ ref('{table}') }}}}")
        return {name: [row[name] for row in rows if row[name] is not None] for name in rows[0]}

    return columns("training_set"), columns("serving_features")


def test_histograms_are_numpys_on_the_same_edges(report, demo_project, monkeypatch):
    reference, current = _data(demo_project, monkeypatch)
    tests = by_name(report)
    for column in tests["serving_features_drift_vs_training"].columns:
        ref = np.array(reference[column.column_name], dtype=float)
        cur = np.array(current[column.column_name], dtype=float)
        # Edges: the reference deciles (percentile_cont = numpy's linear), duplicates collapsed.
        edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
        assert [b.hi for b in column.bins[:-1]] == pytest.approx(list(edges), rel=1e-12)
        assert column.bins[0].lo is None and column.bins[-1].hi is None
        # Bins are (lo, hi]: np.searchsorted(side="left") counts the edges below each value.
        ref_shares = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1) / len(ref)
        cur_shares = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1) / len(cur)
        assert [b.ref_share for b in column.bins] == pytest.approx(list(ref_shares), abs=1e-12)
        assert [b.cur_share for b in column.bins] == pytest.approx(list(cur_shares), abs=1e-12)
        assert math.fsum(b.cur_share for b in column.bins) == pytest.approx(1, abs=1e-12)
        assert math.fsum(b.ref_share for b in column.bins) == pytest.approx(1, abs=1e-12)
        # The PSI the test compares is the one of these very shares.
        p, q = np.maximum(ref_shares, EPS), np.maximum(cur_shares, EPS)
        psi = next(v.value for v in column.statistics if v.statistic == "psi")
        assert psi == pytest.approx(float(np.sum((q - p) * np.log(q / p))), rel=1e-9)

    for column in tests["serving_features_category_drift_vs_training"].columns:
        ref_values, cur_values = reference[column.column_name], current[column.column_name]
        shares = {b.category: (b.ref_share, b.cur_share, b.unseen) for b in column.bins}
        expected = {
            category: (ref_values.count(category) / len(ref_values), cur_values.count(category) / len(cur_values),
                       category not in ref_values)
            for category in set(ref_values) | set(cur_values)
        }
        assert shares.keys() == expected.keys()
        for category, (ref_share, cur_share, unseen) in expected.items():
            assert shares[category] == (pytest.approx(ref_share, abs=1e-12), pytest.approx(cur_share, abs=1e-12), unseen)
    country = {b.category: b for c in tests["serving_features_category_drift_vs_training"].columns for b in c.bins}
    assert country["MX"].unseen and country["MX"].ref_share == 0  # the market launched in June


def test_demo_site_has_a_report_page_with_histograms(demo_site):
    page = (demo_site / "features/model.churn_ml.serving_features.html").read_text()
    # 9 features; the numeric ones drawn once for the two tests on the same deciles.
    assert page.count('<svg class="histogram"') == 9
    assert 'id="no-report"' not in page
