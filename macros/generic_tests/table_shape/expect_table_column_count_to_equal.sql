{% test expect_table_column_count_to_equal(model, value=none) %}
  {{ return(adapter.dispatch("test_expect_table_column_count_to_equal", "assay")(model, value)) }}
{% endtest %}

{% macro default__test_expect_table_column_count_to_equal(model, value) %}
  {%- set test_name = "expect_table_column_count_to_equal" -%}
  {{ assay.check_number(test_name, model, "value", value) }}
  {%- set observed = assay.relation_column_names(model) | length -%}
  {{ assay.literal_failing_rows(
      [["observed_value", "integer"], ["expected_value", "integer"]],
      [] if observed == value else [[observed, value]]) }}
{% endmacro %}
