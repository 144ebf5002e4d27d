"""Writes models/batch/: for every model with batchable cases, one `assay.checks` test that runs
all of them in one scan. tests/dbt/test_batch.py then proves each batched check reports what
the same case reports as its own test. Run it after adding cases:

    python tests/integration/generate_batches.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "models" / "batch"

# Tests whose checks the batch can collect: they hand the model straight to the row or
# aggregate builder. The others need a query of their own (windows, another model, the catalog).
BATCHABLE = set("""
accepted_range at_least_one expect_column_distinct_count_to_be_greater_than
expect_column_distinct_count_to_be_less_than expect_column_distinct_count_to_equal
expect_column_max_to_be_between expect_column_mean_to_be_between expect_column_median_to_be_between
expect_column_min_to_be_between expect_column_pair_values_A_to_be_greater_than_B
expect_column_pair_values_to_be_equal expect_column_pair_values_to_be_in_set
expect_column_proportion_of_unique_values_to_be_between expect_column_quantile_values_to_be_between
expect_column_stdev_to_be_between expect_column_sum_to_be_between expect_column_unique_value_count_to_be_between
expect_column_value_lengths_to_be_between expect_column_value_lengths_to_equal
expect_column_values_to_be_between expect_column_values_to_be_in_set expect_column_values_to_be_null
expect_column_values_to_be_point_in_time_correct expect_column_values_to_be_probabilities
expect_column_values_to_match_like_pattern
expect_column_values_to_match_like_pattern_list expect_column_values_to_match_regex
expect_column_values_to_match_regex_list expect_column_values_to_not_be_in_set
expect_column_values_to_not_be_null expect_column_values_to_not_match_like_pattern
expect_column_values_to_not_match_like_pattern_list expect_column_values_to_not_match_regex
expect_column_values_to_not_match_regex_list expect_compound_columns_to_be_unique
expect_multicolumn_sum_to_equal expect_predicted_labels_to_match_scores
expect_select_column_values_to_be_unique_within_record expect_table_row_count_to_be_between
expect_table_row_count_to_equal expression_between expression_is_true not_accepted_values
not_constant not_empty_string not_null_proportion unique_combination_of_columns
""".split())
# Config a batch cannot reproduce (dbt's `where` wraps the model; thresholds change the status).
PLAIN_CONFIG = {"meta", "severity", "store_failures"}


def _entries(tests, column=None):
    for entry in tests or []:
        if isinstance(entry, dict):
            ((test, args),) = entry.items()
            yield test, dict(args or {}), column


def batchable_cases() -> dict[str, list[dict]]:
    by_model: dict[str, list[dict]] = defaultdict(list)
    for path in sorted((HERE / "models").rglob("*.yml")):
        if OUT in path.parents:
            continue
        doc = yaml.safe_load(path.read_text()) or {}
        for node in doc.get("models", []) + doc.get("seeds", []):
            entries = list(_entries(node.get("data_tests")))
            for column in node.get("columns", []):
                entries += _entries(column.get("data_tests"), column)
            for test, args, column in entries:
                config = args.pop("config", {}) or {}
                meta = config.get("meta", {})
                name = test.removeprefix("assay.")
                if name not in BATCHABLE or meta.get("expect") not in ("pass", "fail", "warn"):
                    continue
                if set(config) - PLAIN_CONFIG:
                    continue
                arguments = args.pop("arguments", None) or {}
                check = {"test": name, "name": args.pop("name"), **args, **arguments}
                if column is not None and "column_name" not in check:
                    quoted = column.get("quote")
                    # As dbt renders a `quote: true` column: adapter.quote, "X" or `X` (Spark).
                    check["column_name"] = ("{{ adapter.quote('" + column["name"] + "') }}") if quoted else column["name"]
                by_model[node["name"]].append({"check": check, "meta": meta})
    return by_model


def _failing(cases, engine=None) -> int:
    def status(meta):
        return meta.get(f"expect_{engine}", meta["expect"]) if engine else meta["expect"]

    return sum(status(c["meta"]) in ("fail", "warn") for c in cases)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    models = []
    for model, cases in sorted(batchable_cases().items()):
        batch = f"batch__{model}"
        (OUT / f"{batch}.sql").write_text(f"select * from {{{{ ref('{model}') }}}}\n")
        expected = _failing(cases)
        meta = {"expect": "fail" if expected else "pass", "failures": expected, "batch_of": model}
        for engine in sorted({k.split("_", 1)[1] for c in cases for k in c["meta"] if k.startswith("expect_")}):
            meta[f"failures_{engine}"] = _failing(cases, engine)
            meta[f"expect_{engine}"] = "fail" if meta[f"failures_{engine}"] else "pass"
        models.append({
            "name": batch,
            "data_tests": [{"assay.checks": {
                "name": batch,
                "checks": [c["check"] for c in cases],
                "config": {"store_failures": True, "meta": meta},
            }}],
        })
    header = "# Generated by tests/integration/generate_batches.py: do not edit.\n"
    (OUT / "batch.yml").write_text(header + yaml.safe_dump({"version": 2, "models": models}, sort_keys=False, width=120))
    print(f"{len(models)} batch tests, {sum(len(m['data_tests'][0]['assay.checks']['checks']) for m in models)} checks",
          file=sys.stderr)


if __name__ == "__main__":
    main()
