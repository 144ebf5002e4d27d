{% test expect_column_values_to_not_be_null(model, column_name, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_not_be_null", "assay")(
      model, column_name, row_condition, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_not_be_null(model, column_name, row_condition, mostly, context_columns) %}
  {{ assay.row_test(model, "expect_column_values_to_not_be_null",
      pass_expr=column_name ~ " is not null", show_columns=[column_name], null_probe=column_name, nulls="fail",
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
