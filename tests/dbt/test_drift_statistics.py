"""The drift statistics of group mla, proven against numpy/scipy on every engine.

The integration models mla_stats_numeric / mla_stats_categorical materialise every statistic of
every seed column against the reference relation ('relation'), the stored profile ('profile')
and an empty current table ('empty'); mla_profile holds the stored profiles. Each value here is
recomputed with numpy/scipy from the seed CSVs on the same bins and must agree within 1e-9
relative. Distributions: skewed (lognormal), heavy-tailed (Student t, 2 df), normal, Poisson
(ties, collapsed edges), constant, all-NULL; and an empty current table."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr

from dbt_project_runner import INTEGRATION_DIR, dbt

SEEDS = INTEGRATION_DIR / "seeds"
NUMERIC = ["skewed", "heavy", "stable", "counts", "const", "allnull"]
CATEGORICAL = ["segment", "region", "flag", "nullcat"]
EPS = 1e-4
REL = 1e-9


def _read(name: str) -> dict[str, list[str]]:
    with (SEEDS / f"{name}.csv").open() as f:
        rows = list(csv.DictReader(f))
    return {k: [r[k] for r in rows] for k in rows[0]}


REF, CUR = _read("mla_reference"), _read("mla_current")


def numeric(data, column) -> np.ndarray:
    if column == "allnull":
        return np.array([], dtype=float)
    return np.array([float(v) for v in data[column]])


def categorical(data, column) -> list[str]:
    return [] if column == "nullcat" else list(data[column])


def close(actual, expected, rel=REL):
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return actual is None
    if actual is None:
        return False
    return abs(actual - expected) <= rel * max(abs(actual), abs(expected)) + 1e-15


def schema(engine_run) -> str:
    return "main" if engine_run.engine == "duckdb" else "assay_it"


def stats_table(engine_run, model: str) -> dict[tuple, dict]:
    rows = engine_run.query(
        f"select path, column_name, statistic, value, threshold, drifted, n_ref, n_cur, detail "
        f"from {schema(engine_run)}.{model}"
    )
    out = {}
    for path, column, statistic, value, threshold, drifted, n_ref, n_cur, detail in rows:
        out[(path, column, statistic)] = {
            "value": None if value is None else float(value),
            "threshold": None if threshold is None else float(threshold),
            "drifted": None if drifted is None else drifted.lower() in ("true", "t"),
            "n_ref": None if n_ref is None else float(n_ref),
            "n_cur": None if n_cur is None else float(n_cur),
            "detail": detail,
        }
    return out


def profile_edges(engine_run, column: str, label: str = "mla_train") -> np.ndarray:
    rows = engine_run.query(
        f"select hi from {schema(engine_run)}.mla_profile where profile_label = '{label}' "
        f"and column_name = '{column}' and record_type = 'bin' and hi is not null order by bin_id"
    )
    return np.array([float(r[0]) for r in rows])


def binned(p_counts: np.ndarray, q_counts: np.ndarray) -> dict[str, float]:
    """Every binned statistic from reference and current counts on the same bins (numpy/scipy)."""
    m = q_counts.sum()
    p, q = p_counts / p_counts.sum(), q_counts / m
    pe, qe = np.maximum(p, EPS), np.maximum(q, EPS)
    chi2 = float(np.sum((q_counts - m * pe) ** 2 / (m * pe)))
    df = len(p) - 1
    return {
        "psi": float(np.sum((qe - pe) * np.log(qe / pe))),
        "kl": float(np.sum(rel_entr(pe, qe))),
        "js": float(jensenshannon(p, q)),
        "hellinger": float(np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2))),
        "tvd": float(0.5 * np.sum(np.abs(p - q))),
        "linf": float(np.max(np.abs(p - q))),
        "chi_square": chi2,
        "chi_square_threshold": float(stats.chi2.ppf(0.95, df)) if df > 0 else None,
        "cramers_v": float(np.sqrt(chi2 / (m * df))) if df > 0 else 0.0,
    }


def expected_numeric(engine_run, column: str) -> dict[str, float | None]:
    ref, cur = numeric(REF, column), numeric(CUR, column)
    if len(ref) == 0 or len(cur) == 0:
        return {s: None for s in ["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "ks", "wasserstein"]}
    edges = profile_edges(engine_run, column)
    # the frozen edges are numpy's deciles with duplicates collapsed
    np.testing.assert_allclose(edges, np.unique(np.quantile(ref, np.arange(1, 10) / 10)), rtol=REL, atol=0)
    nbins = len(edges) + 1
    # bins are (previous edge, edge]: searchsorted side='left' counts the edges < x
    p_counts = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=nbins).astype(float)
    q_counts = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=nbins).astype(float)
    out = binned(p_counts, q_counts)
    grid = np.arange(0, 101) / 100
    points = np.quantile(ref, grid)
    f_ref = np.array([np.mean(ref <= t) for t in points])
    f_cur = np.array([np.mean(cur <= t) for t in points])
    out["ks"] = float(np.max(np.abs(f_cur - f_ref)))
    n, m = len(ref), len(cur)
    out["ks_threshold"] = max(math.sqrt(-0.5 * math.log(0.025)) * math.sqrt((n + m) / (n * m)), 0.1)
    u = np.arange(1, 100) / 100
    w1 = float(np.mean(np.abs(np.quantile(ref, u) - np.quantile(cur, u))))
    sd = float(np.std(ref, ddof=1))
    out["wasserstein"] = w1 / sd if sd > 0 else (0.0 if w1 == 0 else None)
    return out


def expected_categorical(column: str) -> dict[str, float | None]:
    ref, cur = categorical(REF, column), categorical(CUR, column)
    if not ref or not cur:
        return {s: None for s in ["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "z_test"]}
    cats = sorted(set(ref) | set(cur))
    p_counts = np.array([ref.count(c) for c in cats], dtype=float)
    q_counts = np.array([cur.count(c) for c in cats], dtype=float)
    out = binned(p_counts, q_counts)
    n1, n2 = len(cur), len(ref)
    p1 = sum(cur.count(c) for c in ("1", "true")) / n1
    p2 = sum(ref.count(c) for c in ("1", "true")) / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    out["z_test"] = 0.0 if pooled * (1 - pooled) <= 0 else (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return out


def numeric_paths(engine_run) -> tuple[str, ...]:
    """The paths mla_stats_numeric holds. Spark builds only 'profile': all ten numeric statistics
    against a reference relation in one query (paths 'relation' and 'empty') run its 4 GB driver
    out of memory (README "Spark"); there the report test checks the relation path instead."""
    return ("profile",) if engine_run.engine == "spark" else ("relation", "profile")


@pytest.mark.parametrize("column", NUMERIC)
def test_numeric_statistics_match_numpy_scipy(engine_run, column):
    table = stats_table(engine_run, "mla_stats_numeric")
    expected = expected_numeric(engine_run, column)
    for path in numeric_paths(engine_run):
        for statistic in ["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "ks", "wasserstein"]:
            got = table[(path, column, statistic)]
            assert close(got["value"], expected[statistic]), (path, column, statistic, got, expected[statistic])
            if expected[statistic] is None:
                # NULL rule: no distribution to compare -> NULL value, NULL drifted (the test fails it)
                assert got["drifted"] is None and got["detail"], got
        if expected["ks"] is not None:
            assert close(table[(path, column, "ks")]["threshold"], expected["ks_threshold"])
            if expected.get("chi_square_threshold") is not None:
                assert close(table[(path, column, "chi_square")]["threshold"], expected["chi_square_threshold"])


@pytest.mark.parametrize("column", CATEGORICAL)
def test_categorical_statistics_match_numpy_scipy(engine_run, column):
    table = stats_table(engine_run, "mla_stats_categorical")
    expected = expected_categorical(column)
    for path in ("relation", "profile"):
        for statistic in ["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "z_test"]:
            got = table[(path, column, statistic)]
            assert close(got["value"], expected[statistic]), (path, column, statistic, got, expected[statistic])
        if expected.get("chi_square_threshold") is not None:
            assert close(table[(path, column, "chi_square")]["threshold"], expected["chi_square_threshold"])


def test_empty_current_gives_null_statistics(engine_run):
    models = [("mla_stats_categorical", CATEGORICAL)]
    if "relation" in numeric_paths(engine_run):
        models.append(("mla_stats_numeric", NUMERIC))
    for model, columns in models:
        rows = {k: v for k, v in stats_table(engine_run, model).items() if k[0] == "empty"}
        assert rows and all(v["value"] is None and v["drifted"] is None for v in rows.values())
        assert {k[1] for k in rows} == set(columns)


def test_relation_and_profile_paths_agree(engine_run):
    for model in ("mla_stats_numeric", "mla_stats_categorical"):
        table = stats_table(engine_run, model)
        for (path, column, statistic), got in table.items():
            if path == "relation":
                other = table[("profile", column, statistic)]
                assert close(other["value"], got["value"], rel=1e-12) and other["drifted"] == got["drifted"]


@pytest.mark.parametrize("column", ["skewed", "heavy", "stable", "counts"])
def test_binned_ks_within_documented_bound_of_exact_ks(column):
    """The binned KS evaluates the CDFs at the 101 reference quantiles only: it is never above
    scipy's exact two-sample D, and at most the largest reference mass between two consecutive
    points (about 0.01 plus ties) below it."""
    ref, cur = numeric(REF, column), numeric(CUR, column)
    points = np.quantile(ref, np.arange(0, 101) / 100)
    f_ref = np.array([np.mean(ref <= t) for t in points])
    f_cur = np.array([np.mean(cur <= t) for t in points])
    binned_d = np.max(np.abs(f_cur - f_ref))
    exact = stats.ks_2samp(ref, cur).statistic
    bound = max(np.max(np.diff(np.concatenate([[0.0], f_ref]))), 0.0)
    assert binned_d <= exact + 1e-12
    assert exact - binned_d <= bound + 1e-12, (exact, binned_d, bound)


def test_profile_summary_and_quantiles_match_numpy(engine_run):
    rows = engine_run.query(
        f"select column_name, record_type, quantile_u, q_value, ref_share, n, n_null, mean, std, null_rate, "
        f"distinct_count, min_value, max_value from {schema(engine_run)}.mla_profile where profile_label = 'mla_train'"
    )
    f = lambda v: None if v is None else float(v)  # noqa: E731
    for column in NUMERIC:
        x = numeric(REF, column)
        summary = [r for r in rows if r[0] == column and r[1] == "summary"]
        assert len(summary) == 1
        _, _, _, _, _, n, n_null, mean, std, null_rate, dc, lo, hi = summary[0]
        assert int(n) == 2000 and int(n_null) == 2000 - len(x) and close(f(null_rate), (2000 - len(x)) / 2000)
        if len(x) == 0:
            assert mean is None and not [r for r in rows if r[0] == column and r[1] != "summary"]
            continue
        assert close(f(mean), float(np.mean(x)), rel=1e-12) or close(f(mean), float(np.mean(x)))
        assert close(f(std), float(np.std(x, ddof=1))) or (np.std(x) == 0 and f(std) == 0)
        assert int(dc) == len(np.unique(x)) and f(lo) == x.min() and f(hi) == x.max()
        quantiles = sorted((float(r[2]), float(r[3]), float(r[4])) for r in rows if r[0] == column and r[1] == "quantile")
        assert len(quantiles) == 101
        for u, q, share in quantiles:
            assert close(q, float(np.quantile(x, u))), (column, u, q)
            assert close(share, float(np.mean(x <= q))), (column, u, share)
    for column in CATEGORICAL:
        x = categorical(REF, column)
        cat_rows = [r for r in rows if r[0] == column and r[1] == "category"]
        assert len(cat_rows) == len(set(x))
    # category shares
    got = engine_run.query(
        f"select category, ref_share from {schema(engine_run)}.mla_profile where profile_label = 'mla_train' "
        f"and column_name = 'segment' and record_type = 'category'"
    )
    seg = categorical(REF, "segment")
    for category, share in got:
        assert close(float(share), seg.count(category) / len(seg))


def test_capture_profile_run_operation_and_package_model(engine_run, tmp_path):
    """capture_profile (run-operation) and the package model store the same profile rows as the
    inline profile the tests compute."""
    if engine_run.engine == "spark":
        pytest.skip("the harness's own SparkSession holds the embedded Derby metastore for the rest of "
                    "the session, so a second dbt process cannot open it (README \"Spark\")")
    common = ["--target", engine_run.engine, "--target-path", str(tmp_path / "target")]
    args = "{relation: mla_ref, label: mla_captured, column_list: [skewed, counts, const], categorical_columns: [segment]}"
    op = dbt(["run-operation", "assay.capture_profile", "--args", args, *common], INTEGRATION_DIR, engine_run.env)
    assert op.returncode == 0, op.stdout[-3000:]
    # capturing a label again replaces it rather than duplicating it
    op = dbt(["run-operation", "assay.capture_profile", "--args", args, *common], INTEGRATION_DIR, engine_run.env)
    assert op.returncode == 0, op.stdout[-3000:]
    s = schema(engine_run)
    key = "column_name, record_type, coalesce(bin_id, -1), coalesce(category, ''), coalesce(quantile_u, -1)"
    values = "ref_share, q_value, lo, hi, n, n_null, mean, std, distinct_count"
    captured = engine_run.query(f"select {key}, {values} from {s}.assay_profiles where profile_label = 'mla_captured' order by 1, 2, 3, 4, 5")
    inline = engine_run.query(
        f"select {key}, {values} from {s}.mla_profile where profile_label = 'mla_train' "
        f"and column_name in ('skewed', 'counts', 'const', 'segment') order by 1, 2, 3, 4, 5")
    assert len(captured) == len(inline) > 0

    def same(a, b):
        for x, y in zip(a, b):
            if x == y:
                continue
            assert close(float(x), float(y), rel=1e-12), (a, b)
        return True

    assert all(same(a, b) for a, b in zip(captured, inline))

    variables = ("{assay_enable_models: true, assay_reference_profiles: [{model: mla_ref, label: mla_model, "
                 "column_list: [skewed, counts, const], categorical_columns: [segment]}]}")
    run = dbt(["run", "--select", "assay.assay_reference_profile", "--vars", variables, *common], INTEGRATION_DIR, engine_run.env)
    assert run.returncode == 0, run.stdout[-3000:]
    modelled = engine_run.query(
        f"select {key}, {values} from {s}.assay_reference_profile where profile_label = 'mla_model' order by 1, 2, 3, 4, 5")
    assert len(modelled) == len(inline)
    assert all(same(a, b) for a, b in zip(modelled, inline))


def test_report_rows_are_the_drift_statistics_and_their_bins(engine_run):
    """mla_report: what `assay features report` computes, with a drift test's arguments."""
    rows = engine_run.query(
        f"select part, record, column_name, statistic, value, threshold, bin_id, hi, category, unseen, folded, ref_share, cur_share "
        f"from {schema(engine_run)}.mla_report"
    )
    number = lambda v: None if v is None else float(v)  # noqa: E731
    stats = {(r[2], r[3]): (number(r[4]), number(r[5])) for r in rows if r[1] == "statistic"}
    numeric_table = stats_table(engine_run, "mla_stats_numeric")
    categorical_table = stats_table(engine_run, "mla_stats_categorical")
    # The report's numeric part reads the reference relation; on Spark, where mla_stats_numeric has
    # no relation path, it is held to the profile path (the two agree to 1e-12 on the others).
    numeric_path = numeric_paths(engine_run)[0]
    for column in ("skewed", "counts", "allnull"):
        for statistic in ("psi", "ks", "wasserstein"):
            assert close(stats[(column, statistic)][0], numeric_table[(numeric_path, column, statistic)]["value"], rel=1e-12)
        assert stats[(column, "psi")][1] == 0.1  # the default PSI threshold at severity warn
    for column in ("segment", "region"):
        assert close(stats[(column, "psi")][0], categorical_table[("profile", column, "psi")]["value"], rel=1e-12)
        assert stats[(column, "psi")][1] == 0.25  # ... and at severity error

    bins: dict[str, list] = {}
    for r in rows:
        if r[1] == "bin":
            bins.setdefault(r[2], []).append(r)
    assert "allnull" not in bins  # no reference bins to draw
    for column in ("skewed", "counts"):
        ref, cur = numeric(REF, column), numeric(CUR, column)
        edges = profile_edges(engine_run, column)
        ordered = sorted(bins[column], key=lambda r: int(r[6]))
        assert [number(r[7]) for r in ordered[:-1]] == pytest.approx(list(edges), rel=REL) and ordered[-1][7] is None
        n = len(edges) + 1
        np.testing.assert_allclose([number(r[11]) for r in ordered], np.bincount(np.searchsorted(edges, ref, side="left"), minlength=n) / len(ref), atol=1e-12)
        np.testing.assert_allclose([number(r[12]) for r in ordered], np.bincount(np.searchsorted(edges, cur, side="left"), minlength=n) / len(cur), atol=1e-12)
    for column in ("segment", "region"):
        ref, cur = categorical(REF, column), categorical(CUR, column)
        kept = [r for r in bins[column] if r[8] is not None]
        folded = [r for r in bins[column] if r[8] is None]
        categories = set(ref) | set(cur)
        assert len(kept) == 2 and len(folded) == 1 and int(folded[0][10]) == len(categories) - 2
        # The 2 kept are the largest by the larger share; the folded bar holds the rest.
        share = {c: max(ref.count(c) / len(ref), cur.count(c) / len(cur)) for c in categories}
        assert {r[8] for r in kept} == set(sorted(categories, key=lambda c: (-share[c], c))[:2])
        for r in kept:
            assert close(number(r[12]), cur.count(r[8]) / len(cur), rel=1e-12)
        assert math.fsum(number(r[11]) for r in bins[column]) == pytest.approx(1, abs=1e-12)
        assert math.fsum(number(r[12]) for r in bins[column]) == pytest.approx(1, abs=1e-12)
