{% test expect_row_values_to_have_recent_data(model, column_name, datepart=none, interval=none, row_condition=none, group_by=none) %}
  {{ return(adapter.dispatch("test_expect_row_values_to_have_recent_data", "assay")(
      model, column_name, datepart, interval, row_condition, group_by)) }}
{% endtest %}

{% macro default__test_expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition, group_by) %}
  {{ assay.recency_test(model, "expect_row_values_to_have_recent_data", column_name, datepart, interval,
      group_by=group_by, row_condition=row_condition, ignore_future=true) }}
{% endmacro %}
