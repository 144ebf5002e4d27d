"""The failing-row shape: stored failures carry the offending value and the context columns."""

from __future__ import annotations


def test_row_test_stores_value_and_context(engine_run):
    name = "between_stored_with_context"
    assert engine_run.columns_of(name) == ["amount", "id", "region"]
    rows = engine_run.query(f"select amount, id, region from {engine_run.audit_table(name)} order by id")
    assert [(float(a), int(i), r) for a, i, r in rows] == [(60.0, 6, "south"), (80.0, 8, "south"), (100.0, 10, "south")]


def test_not_null_stores_context(engine_run):
    name = "not_null_stored_with_context"
    rows = engine_run.query(f"select amount, id from {engine_run.audit_table(name)} order by id")
    assert [(a, int(i)) for a, i in rows] == [(None, 7), (None, 9)]


def test_aggregate_stores_groups_and_observed_value(engine_run):
    name = "compound_unique_stored"
    assert engine_run.columns_of(name) == ["k1", "k2", "observed_value"]
    rows = engine_run.query(f"select k1, k2, observed_value from {engine_run.audit_table(name)} order by k1")
    assert [(int(k1), k2, int(n)) for k1, k2, n in rows] == [(1, "a", 2), (2, None, 2)]


def test_unstored_failures_select_a_bare_one(engine_run):
    compiled = (engine_run.target_path / "compiled" / "assay_integration" / "models" / "foundation.yml"
                / "between_fail_max.sql").read_text()
    assert "select 1 as assay_failure" in compiled
    assert "*" not in compiled


def test_batched_checks_store_one_row_per_failing_check(engine_run):
    name = "checks_fail_named"
    assert engine_run.columns_of(name) == ["check_name", "test_name", "failures"]
    rows = engine_run.query(f"select check_name, test_name, failures from {engine_run.audit_table(name)} order by 1")
    assert [(c, t, int(f)) for c, t, f in rows] == [
        ("amount_at_most_50", "expect_column_values_to_be_between", 3),
        ("expect_table_row_count_to_be_between", "expect_table_row_count_to_be_between", 2),
    ]
