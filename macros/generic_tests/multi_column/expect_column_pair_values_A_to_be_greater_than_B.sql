{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A=none, column_B=none, or_equal=false, row_condition=none,
                                                         mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_pair_values_A_to_be_greater_than_B", "assay")(
      model, column_A, column_B, or_equal, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: a row where either column is NULL is skipped (the comparison is unknown). -#}
{% macro default__test_expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal, row_condition,
                                                                        mostly, context_columns) %}
  {%- set test_name = "expect_column_pair_values_A_to_be_greater_than_B" -%}
  {{ assay.check_required(test_name, model, "column_A", column_A) }}
  {{ assay.check_required(test_name, model, "column_B", column_B) }}
  {{ assay.check_boolean(test_name, model, "or_equal", or_equal) }}
  {{ assay.row_test(model, test_name,
      pass_expr=column_A ~ (" >= " if or_equal else " > ") ~ column_B,
      show_columns=[column_A, column_B],
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
