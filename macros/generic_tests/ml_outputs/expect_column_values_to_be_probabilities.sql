{#-
  Each value of the column is a probability: 0 ≤ value ≤ 1. Row-level (mostly, context_columns).
  NULL rule: NULL values are skipped (neither fail nor count toward mostly); NaN fails
  (NaN is not within [0, 1] where the engine has it).
-#}
{% test expect_column_values_to_be_probabilities(model, column_name, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_probabilities", "assay")(
      model, column_name, row_condition, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_be_probabilities(model, column_name, row_condition, mostly, context_columns) %}
  {%- set value = assay.to_double(column_name) -%}
  {{ assay.row_test(model, "expect_column_values_to_be_probabilities",
      pass_expr=value ~ " >= 0 and " ~ value ~ " <= 1",
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
