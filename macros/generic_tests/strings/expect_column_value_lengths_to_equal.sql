{% test expect_column_value_lengths_to_equal(model, column_name, value, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_value_lengths_to_equal", "assay")(
      model, column_name, value, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: skipped (a NULL has no length). -#}
{% macro default__test_expect_column_value_lengths_to_equal(model, column_name, value, row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_column_value_lengths_to_equal" -%}
  {{ assay.check_number(test_name, model, "value", value) }}
  {%- set length = assay.string_length(column_name) -%}
  {{ assay.row_test(model, test_name,
      pass_expr=length ~ " = " ~ value,
      show_columns=[column_name, length ~ " as assay_value_length"], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
