{% test expect_table_column_count_to_equal_other_table(model, compare_model=none) %}
  {{ return(adapter.dispatch("test_expect_table_column_count_to_equal_other_table", "assay")(model, compare_model)) }}
{% endtest %}

{% macro default__test_expect_table_column_count_to_equal_other_table(model, compare_model) %}
  {{ assay.check_required("expect_table_column_count_to_equal_other_table", model, "compare_model", compare_model) }}
  {%- set observed = assay.relation_column_names(model) | length -%}
  {%- set expected = assay.relation_column_names(compare_model) | length -%}
  {{ assay.literal_failing_rows(
      [["observed_value", "integer"], ["compare_value", "integer"]],
      [] if observed == expected else [[observed, expected]]) }}
{% endmacro %}
