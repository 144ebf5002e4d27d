{% test expect_grouped_row_values_to_have_recent_data(model, group_by=none, timestamp_column=none, datepart=none, interval=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_grouped_row_values_to_have_recent_data", "assay")(
      model, group_by, timestamp_column, datepart, interval, row_condition)) }}
{% endtest %}

{% macro default__test_expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition) %}
  {%- set test_name = "expect_grouped_row_values_to_have_recent_data" -%}
  {{ assay.check_list(test_name, model, "group_by", group_by) }}
  {{ assay.check_required(test_name, model, "timestamp_column", timestamp_column) }}
  {{ assay.recency_test(model, test_name, timestamp_column, datepart, interval,
      group_by=group_by, row_condition=row_condition, ignore_future=true) }}
{% endmacro %}
