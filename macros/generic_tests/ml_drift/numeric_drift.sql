{#- Drift of one or many numeric columns against a reference relation or a stored profile,
    one failing row per drifted column. Statistics and defaults: docs/tests/mla.md. -#}
{% test numeric_drift(model, column_name=none, columns=none, reference=none, reference_profile=none,
                      profile_relation=none, statistic="psi", threshold=none, bins=10, alpha=0.05, epsilon=none,
                      row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_numeric_drift", "assay")(
      model, column_name, columns, reference, reference_profile, profile_relation, statistic, threshold, bins,
      alpha, epsilon, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_numeric_drift(model, column_name, columns, reference, reference_profile, profile_relation,
                                     statistic, threshold, bins, alpha, epsilon, row_condition, compare_row_condition) %}
  {{ assay.mla_drift_test(model, "numeric_drift", "numeric", column_name, columns, reference, reference_profile,
                          profile_relation, statistic, threshold, bins, alpha, epsilon, none, row_condition,
                          compare_row_condition) }}
{% endmacro %}
