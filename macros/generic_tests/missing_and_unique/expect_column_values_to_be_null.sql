{% test expect_column_values_to_be_null(model, column_name, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_null", "assay")(
      model, column_name, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: NULL is the passing value; every non-NULL row fails and counts toward `mostly`. -#}
{% macro default__test_expect_column_values_to_be_null(model, column_name, row_condition, mostly, context_columns) %}
  {{ assay.row_test(model, "expect_column_values_to_be_null",
      pass_expr=column_name ~ " is null", show_columns=[column_name],
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
