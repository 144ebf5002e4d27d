{% test expect_table_row_count_to_equal(model, value=none, group_by=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_table_row_count_to_equal", "assay")(model, value, group_by, row_condition)) }}
{% endtest %}

{% macro default__test_expect_table_row_count_to_equal(model, value, group_by, row_condition) %}
  {{ assay.check_required("expect_table_row_count_to_equal", model, "value", value) }}
  {{ assay.aggregate_test(model, "expect_table_row_count_to_equal", expression="count(*)",
      condition="observed_value = " ~ value, group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
