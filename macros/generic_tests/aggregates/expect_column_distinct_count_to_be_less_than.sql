{#-
  NULL is not a value: it is not counted. An empty table has 0 distinct values, checked like any count.
  quote_values is accepted, unused, as in dbt-expectations, so existing YAML keeps working.
-#}
{% test expect_column_distinct_count_to_be_less_than(model, column_name, value=none, quote_values=false, group_by=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_column_distinct_count_to_be_less_than", "assay")(model, column_name, value, group_by, row_condition)) }}
{% endtest %}

{% macro default__test_expect_column_distinct_count_to_be_less_than(model, column_name, value, group_by, row_condition) %}
  {{ assay.check_required("expect_column_distinct_count_to_be_less_than", model, "value", value) }}
  {{ assay.aggregate_test(model, "expect_column_distinct_count_to_be_less_than",
      expression="count(distinct " ~ column_name ~ ")", condition="observed_value < " ~ value,
      group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
