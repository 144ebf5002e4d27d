{% test expect_table_column_count_to_equal(model, value=none) %}
  {{ return(adapter.dispatch("test_expect_table_column_count_to_equal", "assay")(model, value)) }}
{% endtest %}

{% macro default__test_expect_table_column_count_to_equal(model, value) %}
  {%- set test_name = "expect_table_column_count_to_equal" -%}
  {%- if execute and (value is not number or value is boolean) -%}
    {{ assay.arg_error(test_name, model, "value", "must be a number, got " ~ (value | tojson)) }}
  {%- endif -%}
  {%- set observed = assay.va_relation_columns(model) | length -%}
  {{ assay.va_literal_failures(
      [["observed_value", "integer"], ["expected_value", "integer"]],
      [] if observed == value else [[observed, value]]) }}
{% endmacro %}
