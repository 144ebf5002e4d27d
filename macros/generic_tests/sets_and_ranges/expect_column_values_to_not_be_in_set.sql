{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=true, row_condition=none,
                                               mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_not_be_in_set", "assay")(
      model, column_name, value_set, quote_values, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: skipped (a NULL is in no set); neither fails nor counts toward `mostly`. -#}
{% macro default__test_expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values, row_condition,
                                                              mostly, context_columns) %}
  {{ assay.check_list("expect_column_values_to_not_be_in_set", model, "value_set", value_set) }}
  {{ assay.row_test(model, "expect_column_values_to_not_be_in_set",
      pass_expr=column_name ~ " not in (" ~ assay.literal_list(value_set if assay.is_list(value_set) else [], quote_values) ~ ")",
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
