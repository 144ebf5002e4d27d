"""Lean tests: what dbt runs computes only what the verdict needs. Read from the SQL dbt
compiled for every case of the integration run.

- When failures are not stored, dbt only counts the failing rows, so every test's outermost
  SELECT is a bare `1` (no `SELECT *` dragging whole rows through the count).
- No window and no ORDER BY where an aggregate suffices: the tests that sort are exactly the
  ones below, each for the reason given (ordered-set aggregates, `within group (order by ...)`,
  are the aggregate itself and not counted)."""

from __future__ import annotations

import json
import re
from pathlib import Path

SORTING_TESTS = {
    # order is what they check
    "expect_column_values_to_be_increasing": "compares each row with the previous one (lag)",
    "expect_column_values_to_be_decreasing": "compares each row with the previous one (lag)",
    "sequential_values": "compares each row with the previous one (lag)",
    "mutually_exclusive_ranges": "compares each range with the next one (lead)",
    "expect_column_values_to_be_within_n_moving_stdevs": "a moving window over time",
    "expect_training_serving_skew_to_be_below": "pairs duplicate keys on both sides by their position",
    # a ranking or ordered list of already aggregated rows (bins, categories, profile quantiles)
    "expect_column_most_common_value_to_be_in_set": "ranks the value counts",
    "expect_column_new_category_rate_to_be_below": "ranks the unseen categories to name the top ones",
    "expect_numeric_drift_to_be_below": "orders the profile's bin edges and ranks the worst bin",
    "expect_categorical_drift_to_be_below": "ranks the worst category",
    "expect_share_of_drifted_features_to_be_below": "orders bin edges and ranks the worst bin per feature",
    "expect_column_quantile_shift_to_be_within": "orders the profile's quantiles",
}

# Sorts only in an ordered string_agg (the list of quantiles out of tolerance), which Spark
# writes as listagg(...) within group (order by ...): the ordered-set form, not counted above.
ORDERED_LIST_ONLY_ON_SPARK = {"expect_column_quantile_shift_to_be_within"}


def _compiled_tests(engine_run) -> list[tuple[dict, str]]:
    manifest = json.loads((engine_run.target_path / "manifest.json").read_text())
    compiled_root = engine_run.target_path / "compiled"
    by_name = {path.stem: path for path in compiled_root.rglob("*.sql")}
    tests = []
    for node in manifest["nodes"].values():
        path = by_name.get(node["name"])
        if node["resource_type"] == "test" and node.get("test_metadata") and path is not None:
            tests.append((node, path.read_text()))
    return tests


def _without_literals(sql: str) -> str:
    return re.sub(r"'(?:[^']|'')*'", "''", sql.lower())


def _outermost_select(sql: str) -> str:
    depth, last = 0, None
    for match in re.finditer(r"\(|\)|\bselect\b", sql):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0:
            last = match.start()
    assert last is not None, sql
    return re.sub(r"\s+", " ", sql[last:last + 40])


def test_failing_rows_are_a_bare_1_when_not_stored(engine_run):
    tests = [(node, sql) for node, sql in _compiled_tests(engine_run) if not node["config"].get("store_failures")]
    assert len(tests) > 600
    wide = [node["name"] for node, sql in tests if not _outermost_select(_without_literals(sql)).startswith("select 1 as assay_failure")]
    assert wide == []


def test_only_order_dependent_tests_sort(engine_run):
    sorting = set()
    for node, sql in _compiled_tests(engine_run):
        text = _without_literals(sql).replace("within group (order by", "within group (")
        if re.search(r"\bover\s*\(", text) or re.search(r"\border\s+by\b", text):
            sorting.add(node["test_metadata"]["name"])
    expected = set(SORTING_TESTS)
    if engine_run.engine == "spark":
        expected -= ORDERED_LIST_ONLY_ON_SPARK
    assert sorting == expected
