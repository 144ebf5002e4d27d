{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=none, max_value=none, row_condition=none,
                                                   strictly=false, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_value_lengths_to_be_between", "assay")(
      model, column_name, min_value, max_value, row_condition, strictly, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: skipped (a NULL has no length). -#}
{% macro default__test_expect_column_value_lengths_to_be_between(model, column_name, min_value, max_value, row_condition,
                                                                  strictly, mostly, context_columns) %}
  {{ assay.check_bounds("expect_column_value_lengths_to_be_between", model, min_value, max_value) }}
  {%- set length = assay.string_length(column_name) -%}
  {{ assay.row_test(model, "expect_column_value_lengths_to_be_between",
      pass_expr=assay.between_condition(length, min_value, max_value, strictly),
      show_columns=[column_name, length ~ " as assay_value_length"], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
