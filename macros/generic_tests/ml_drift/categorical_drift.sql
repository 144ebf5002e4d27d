{#- Drift of one or many categorical columns against a reference relation or a stored profile,
    one failing row per drifted column; categories unseen in the reference are named in the
    failing row. Statistics and defaults: docs/tests/mla.md. -#}
{% test categorical_drift(model, column_name=none, columns=none, reference=none, reference_profile=none,
                          profile_relation=none, statistic="psi", threshold=none, alpha=0.05, epsilon=none,
                          positive_values=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_categorical_drift", "assay")(
      model, column_name, columns, reference, reference_profile, profile_relation, statistic, threshold,
      alpha, epsilon, positive_values, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_categorical_drift(model, column_name, columns, reference, reference_profile, profile_relation,
                                         statistic, threshold, alpha, epsilon, positive_values, row_condition,
                                         compare_row_condition) %}
  {{ assay.mla_drift_test(model, "categorical_drift", "categorical", column_name, columns, reference, reference_profile,
                          profile_relation, statistic, threshold, 10, alpha, epsilon, positive_values, row_condition,
                          compare_row_condition) }}
{% endmacro %}
