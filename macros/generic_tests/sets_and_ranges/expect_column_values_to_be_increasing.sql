{% test expect_column_values_to_be_increasing(model, column_name, sort_column=none, strictly=true, row_condition=none,
                                               group_by=none, step=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_increasing", "assay")(
      model, column_name, sort_column, strictly, row_condition, group_by, step, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_be_increasing(model, column_name, sort_column, strictly, row_condition,
                                                              group_by, step, mostly, context_columns) %}
  {{ assay.monotonic_test(model, "expect_column_values_to_be_increasing", "increasing", column_name, sort_column,
      strictly, row_condition, group_by, step, mostly, context_columns) }}
{% endmacro %}
