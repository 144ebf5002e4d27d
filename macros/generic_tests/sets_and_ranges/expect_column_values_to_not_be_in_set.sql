{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=true, row_condition=none,
                                               mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_not_be_in_set", "assay")(
      model, column_name, value_set, quote_values, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: skipped (see value_set_test, engine/set_test.sql). -#}
{% macro default__test_expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values, row_condition,
                                                              mostly, context_columns) %}
  {{ assay.value_set_test(model, "expect_column_values_to_not_be_in_set", column_name, value_set, "value_set", quote_values,
      negate=true, row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
