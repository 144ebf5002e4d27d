"""The assay tests `assay features` writes and recognises.

Everything else in assay.features speaks of a test by its *check* (a short logical name, the
one `assay_required_checks` uses); SPELLING gives the assay test behind each check.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Spelling:
    test: str  # the test's name in the assay package (no namespace)
    arguments: dict[str, str] = field(default_factory=dict)  # final argument name -> the package's

    def argument(self, name: str) -> str:
        return self.arguments.get(name, name)


# Checks backed by an assay test of the same spelling before and after the rename, apart
# from the reference arguments of the column-level ML tests.
_ML_COLUMN_TESTS = {
    "null_rate_shift": "expect_column_null_rate_shift_to_be_below",
    "new_category": "expect_column_new_category_rate_to_be_below",
    "out_of_range": "expect_column_out_of_range_share_to_be_below",
    "mean_std_shift": "expect_column_mean_std_shift_to_be_within",
    "quantile_shift": "expect_column_quantile_shift_to_be_within",
    "cardinality_shift": "expect_column_cardinality_shift_to_be_within",
    "label_distribution_shift": "expect_label_distribution_shift_to_be_within",
    "prediction_shift": "expect_prediction_shift_to_be_within",
}
_OTHER_TESTS = {
    "freshness": "expect_feature_freshness_to_be_within",
    "point_in_time": "expect_column_values_to_be_point_in_time_correct",
    "training_serving_skew": "expect_training_serving_skew_to_be_below",
    "probabilities": "expect_column_values_to_be_probabilities",
    "class_probabilities_sum": "expect_class_probabilities_to_sum_to_one",
    "predicted_labels": "expect_predicted_labels_to_match_scores",
}

SPELLING: dict[str, Spelling] = {
    "numeric_drift": Spelling("expect_numeric_drift_to_be_below"),
    "categorical_drift": Spelling("expect_categorical_drift_to_be_below"),
    "share_of_drifted_features": Spelling("expect_share_of_drifted_features_to_be_below"),
    **{check: Spelling(test) for check, test in _ML_COLUMN_TESTS.items()},
    **{check: Spelling(test) for check, test in _OTHER_TESTS.items()},
}

# A check kind (what `assay_required_checks` lists) is covered by any of these tests,
# given as (namespace, name); namespace None is dbt's own.
_ALIASES: dict[str, set[tuple[str | None, str]]] = {
    "not_null": {(None, "not_null"), ("assay", "expect_column_values_to_not_be_null")},
}


def _tests_of(*checks: str) -> frozenset[tuple[str | None, str]]:
    names: set[tuple[str | None, str]] = set()
    for check in checks:
        names |= _ALIASES.get(check, set())
        if check in SPELLING:
            names.add(("assay", SPELLING[check].test))
    return frozenset(names)


CHECK_KINDS: dict[str, frozenset[tuple[str | None, str]]] = {
    "not_null": _tests_of("not_null"),
    "drift": _tests_of("numeric_drift", "categorical_drift"),
    **{check: _tests_of(check) for check in sorted({*SPELLING, "not_null"})},
}
