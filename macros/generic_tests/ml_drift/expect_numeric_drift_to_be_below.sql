{#- Drift of one or many numeric columns against a reference relation or a stored profile,
    one failing row per drifted column (and statistic). Statistics and defaults: README
    "Drift statistics". -#}
{% test expect_numeric_drift_to_be_below(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, profile_relation=none, statistic="psi", threshold=none, bins=10, alpha=0.05,
        epsilon=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_numeric_drift_to_be_below", "assay")(
      model, column_name, column_list, reference, reference_profile, profile_relation, statistic, threshold, bins,
      alpha, epsilon, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_numeric_drift_to_be_below(model, column_name, column_list, reference, reference_profile,
        profile_relation, statistic, threshold, bins, alpha, epsilon, row_condition, compare_row_condition) %}
  {{ assay.drift_test(model, "expect_numeric_drift_to_be_below", "numeric", column_name, column_list, reference,
      reference_profile, profile_relation, statistic, threshold, bins, alpha, epsilon, none, row_condition,
      compare_row_condition) }}
{% endmacro %}
