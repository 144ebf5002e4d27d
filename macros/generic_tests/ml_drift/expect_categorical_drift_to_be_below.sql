{#- Drift of one or many categorical columns against a reference relation or a stored profile,
    one failing row per drifted column (and statistic); categories unseen in the reference are
    named in the failing row. Statistics and defaults: README "Drift statistics". -#}
{% test expect_categorical_drift_to_be_below(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, profile_relation=none, statistic="psi", threshold=none, alpha=0.05, epsilon=none,
        positive_values=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_categorical_drift_to_be_below", "assay")(
      model, column_name, column_list, reference, reference_profile, profile_relation, statistic, threshold,
      alpha, epsilon, positive_values, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_categorical_drift_to_be_below(model, column_name, column_list, reference, reference_profile,
        profile_relation, statistic, threshold, alpha, epsilon, positive_values, row_condition, compare_row_condition) %}
  {{ assay.drift_test(model, "expect_categorical_drift_to_be_below", "categorical", column_name, column_list, reference,
      reference_profile, profile_relation, statistic, threshold, 10, alpha, epsilon, positive_values, row_condition,
      compare_row_condition) }}
{% endmacro %}
