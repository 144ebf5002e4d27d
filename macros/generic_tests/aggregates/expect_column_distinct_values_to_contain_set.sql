{#- See distinct_values_set_test (engine/set_test.sql) for the failing rows and the NULL rule. group_by is an assay addition. -#}
{% test expect_column_distinct_values_to_contain_set(model, column_name, value_set=none, quote_values=true, row_condition=none, group_by=none) %}
  {{ return(adapter.dispatch("test_expect_column_distinct_values_to_contain_set", "assay")(
      model, column_name, value_set, quote_values, row_condition, group_by)) }}
{% endtest %}

{% macro default__test_expect_column_distinct_values_to_contain_set(model, column_name, value_set, quote_values, row_condition, group_by) %}
  {{ assay.distinct_values_set_test(model, "expect_column_distinct_values_to_contain_set", column_name, value_set, quote_values,
      row_condition, group_by, fails_on=["missing value"]) }}
{% endmacro %}
