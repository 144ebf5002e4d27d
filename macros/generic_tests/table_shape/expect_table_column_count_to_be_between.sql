{% test expect_table_column_count_to_be_between(model, min_value=none, max_value=none) %}
  {{ return(adapter.dispatch("test_expect_table_column_count_to_be_between", "assay")(model, min_value, max_value)) }}
{% endtest %}

{% macro default__test_expect_table_column_count_to_be_between(model, min_value, max_value) %}
  {{ assay.check_bounds("expect_table_column_count_to_be_between", model, min_value, max_value) }}
  {%- set observed = assay.relation_column_names(model) | length -%}
  {%- set ok = (min_value is none or observed >= min_value) and (max_value is none or observed <= max_value) -%}
  {{ assay.literal_failing_rows(
      [["observed_value", "integer"], ["min_value", "integer"], ["max_value", "integer"]],
      [] if ok else [[observed, min_value, max_value]]) }}
{% endmacro %}
