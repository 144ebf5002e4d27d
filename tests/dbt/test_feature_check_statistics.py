"""The mlb statistics agree with numpy on the same seeds, on every engine, for the reference
relation and for the stored profile: skewed (f_skewed), heavy-tailed (f_heavy), constant
(f_const), partly NULL (f_sparse), all-NULL (f_allnull) and an empty current relation."""

from __future__ import annotations

import math

import pytest

import feature_check_numpy as npx

NUMERIC = ["f_normal", "f_skewed", "f_heavy", "f_const", "f_sparse", "f_allnull", "score", "score_shifted"]
CATEGORICAL = ["cat", "cat_id", "label"]
QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]

REFERENCE = npx.load("mlb_reference")
CURRENT = {"mlb_current": npx.load("mlb_current"), "mlb_current_empty": {k: [] for k in REFERENCE}}


def _shift(a, b):
    return None if a is None or b is None else a - b


def expected(check: str, relation: str, column: str, statistic: str, profile: bool):
    cur, ref = CURRENT[relation][column], REFERENCE[column]
    if check == "null_rate":
        return npx.null_rate(cur) - npx.null_rate(ref) if cur else None
    if check == "mean_std":
        return npx.smd(cur, ref) if statistic == "smd" else npx.std_ratio(cur, ref)
    if check == "out_of_range":
        return npx.out_of_range_share(cur, ref)
    if check == "quantile":
        return npx.max_quantile_diff(cur, ref, QUANTILES)
    if check == "new_category":
        return npx.new_category_rate(cur, ref)
    if check == "cardinality":
        return npx.distinct_ratio(cur, ref)
    if check == "cardinality_share":
        return npx.distinct_ratio(cur, ref, share=True)
    if check == "label_z":
        return npx.z_two_proportions(cur, ref)
    if check == "prediction":
        if statistic == "mean_shift":
            return npx.mean_shift(cur, ref)
        ref_rate = npx.positive_rate_from_grid(ref) if profile else npx.positive_rate(ref)
        return _shift(npx.positive_rate(cur), ref_rate)
    raise AssertionError(check)


@pytest.mark.parametrize("model", ["mlb_stats_reference", "mlb_stats_profile"])
def test_statistics_agree_with_numpy(engine_run, model):
    rows = engine_run.query(
        f"select check_name, current_relation, column_name, statistic, value from {_schema(engine_run)}.{model}")
    assert len(rows) == 2 * (len(CATEGORICAL + NUMERIC) + 2 * len(NUMERIC) + len(NUMERIC) + len(NUMERIC)
                             + len(CATEGORICAL) + len(CATEGORICAL + NUMERIC) + len(CATEGORICAL) + 1 + 2 * len(NUMERIC))
    mismatches = []
    for check, relation, column, statistic, value in rows:
        want = expected(check, relation, column, statistic, profile=model.endswith("profile"))
        got = None if value is None else float(value)
        if want is None or got is None:
            ok = want is None and got is None
        else:
            ok = math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)
        if not ok:
            mismatches.append((check, relation, column, statistic, got, want))
    assert not mismatches, mismatches


def test_profile_positive_rate_within_grid_bound():
    """The documented bound: the profile's reference positive rate is within 0.01 of the exact share."""
    for column in ["score", "score_shifted", "f_heavy"]:
        exact, grid = npx.positive_rate(REFERENCE[column]), npx.positive_rate_from_grid(REFERENCE[column])
        assert abs(exact - grid) <= 0.01 + 1e-12, (column, exact, grid)


def _schema(engine_run) -> str:
    return "main" if engine_run.engine == "duckdb" else "assay_it"


def _stored(engine_run, name, columns, order):
    return engine_run.query(f"select {columns} from {engine_run.audit_table(name)} order by {order}")


def test_failing_rows_of_column_checks(engine_run):
    assert engine_run.columns_of("mlb_mean_std_fail_reference") == [
        "column_name", "statistic", "value", "threshold", "n_ref", "n_cur", "detail"]
    rows = _stored(engine_run, "mlb_mean_std_fail_reference", "column_name, statistic, threshold, n_ref, n_cur", "1")
    assert [(c, s, float(t), int(r), int(n)) for c, s, t, r, n in rows] == [
        ("f_skewed", "std_ratio", 2.0, 1000, 800), ("f_sparse", "smd", 2.0, 1000, 800)]
    rows = _stored(engine_run, "mlb_null_shift_fail_profile", "column_name, value, detail", "1")
    assert [(c, round(float(v), 12), d) for c, v, d in rows] == [
        ("f_sparse", 0.24375, "current null rate 0.303750, reference null rate 0.060000")]


def test_new_category_detail_lists_top_unseen(engine_run):
    rows = _stored(engine_run, "mlb_new_category_fail_reference", "column_name, value, detail", "1")
    assert [(c, float(v)) for c, v, _ in rows] == [("cat", 0.05), ("cat_id", 0.26125)]
    assert rows[0][2] == "40 of 800 rows unseen; top unseen: e (34), f (6)"
    # top_n = 5 values, most frequent first; ties by value
    top = rows[1][2].split("top unseen: ")[1].split(", ")
    assert len(top) == 5
    unseen = [v for v in CURRENT["mlb_current"]["cat_id"] if v not in set(REFERENCE["cat_id"])]
    counts = sorted(((-unseen.count(v), v) for v in set(unseen)))[:5]
    assert top == [f"{v} ({-n})" for n, v in counts]


def test_point_in_time_failing_rows_are_the_leaking_rows(engine_run):
    name = "mlb_pit_leaky_fail"
    assert engine_run.columns_of(name) == ["entity_id", "feature_ts", "observation_ts"]
    rows = _stored(engine_run, name, "entity_id, feature_ts, observation_ts", "entity_id, observation_ts")
    assert [(int(e), f[:16], o[:16]) for e, f, o in rows] == [
        (1, "2026-01-05 00:00", "2026-01-02 12:00"),
        (2, "2026-01-06 00:00", "2026-01-03 00:00"),
        (2, "2026-01-06 00:00", "2026-01-06 00:30"),
        (3, "2026-01-04 00:00", "2026-01-03 00:00"),
    ]


def test_training_serving_skew_failing_row(engine_run):
    rows = _stored(engine_run, "mlb_skew_fail_numeric", "column_name, statistic, value, n_ref, n_cur, detail", "1")
    assert [(c, s, round(float(v), 12), int(r), int(n), d) for c, s, v, r, n, d in rows] == [
        ("f_num", "mismatch_rate", round(2 / 7, 12), 7, 8, "2 of 7 joined rows differ; 1 serving rows without offline features")]


def test_label_and_prediction_failing_rows(engine_run):
    rows = _stored(engine_run, "mlb_label_shift_fail_reference", "column_name, statistic, value, detail", "1")
    ((column, statistic, value, detail),) = rows
    assert (column, statistic) == ("label", "z")
    assert math.isclose(float(value), npx.z_two_proportions(CURRENT["mlb_current"]["label"], REFERENCE["label"]), rel_tol=1e-9)
    assert detail == "positive rate 0.451250 vs reference 0.275000"
    rows = _stored(engine_run, "mlb_prediction_shift_fail_reference", "column_name, statistic", "2")
    assert rows == [("score_shifted", "mean_shift"), ("score_shifted", "positive_rate_shift")]


def test_output_checks_store_offending_values(engine_run):
    rows = _stored(engine_run, "mlb_probabilities_stored_with_context", "score, id", "id")
    assert [(float(s), int(i)) for s, i in rows] == [(1.2, 6), (-0.1, 7)]
    assert engine_run.columns_of("mlb_sum_to_one_fail") == ["p_a", "p_b", "p_c", "assay_probability_sum"]
    rows = _stored(engine_run, "mlb_sum_to_one_fail", "assay_probability_sum", "1")
    assert [round(float(s), 9) for (s,) in rows] == [0.9, 1.1]
    rows = _stored(engine_run, "mlb_labels_fail", "predicted_label, score", "score")
    assert [(int(l), float(s)) for l, s in rows] == [(1, 0.49), (0, 0.9)]
    rows = _stored(engine_run, "mlb_freshness_fail_group_by", "entity_id, observed_value", "entity_id")
    assert [(int(e), None if v is None else v[:10]) for e, v in rows] == [(3, "2026-01-04"), (4, None)]


def test_quoted_identifiers_are_labelled_unquoted(engine_run):
    rows = _stored(engine_run, "mlb_quoted_new_category_fail", "column_name, value", "1")
    assert [(c, float(v)) for c, v in rows] == [("Segment", 0.05)]
