{% test unique_combination_of_columns(model, combination_of_columns=none, quote_columns=false, row_condition=none) %}
  {{ return(adapter.dispatch("test_unique_combination_of_columns", "assay")(
      model, combination_of_columns, quote_columns, row_condition)) }}
{% endtest %}

{#-
  One failing row per duplicated combination, with the combination and how often it occurs.
  NULL rule: as in dbt-utils (GROUP BY), NULLs compare equal: two rows (2, NULL) are duplicates.
-#}
{% macro default__test_unique_combination_of_columns(model, combination_of_columns, quote_columns, row_condition) %}
  {%- set test_name = "unique_combination_of_columns" -%}
  {{ assay.check_list(test_name, model, "combination_of_columns", combination_of_columns) }}
  {{ assay.check_boolean(test_name, model, "quote_columns", quote_columns) }}
  {{ assay.aggregate_test(model, test_name, expression="count(*)", condition="observed_value <= 1",
      group_by=assay.column_list(combination_of_columns, quote_columns), row_condition=row_condition,
      group_by_argument="combination_of_columns") }}
{% endmacro %}
