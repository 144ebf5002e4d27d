{% test not_constant(model, column_name, group_by_columns=[], row_condition=none) %}
  {{ return(adapter.dispatch("test_not_constant", "assay")(model, column_name, group_by_columns, row_condition)) }}
{% endtest %}

{#-
  Fails when the column holds fewer than two distinct non-NULL values (per group with
  group_by_columns). NULL rule: NULLs are not a value; a column (or group) with no non-NULL
  value, including an empty table without group_by_columns, fails: dbt-utils passes it,
  since it only fails on exactly one distinct value.
-#}
{% macro default__test_not_constant(model, column_name, group_by_columns, row_condition) %}
  {%- set test_name = "not_constant" -%}
  {{ assay.check_list(test_name, model, "group_by_columns", group_by_columns, required=false, allow_empty=true) }}
  {{ assay.aggregate_test(model, test_name, expression="count(distinct " ~ column_name ~ ")", condition="observed_value > 1",
      group_by=(group_by_columns or none), row_condition=row_condition, group_by_argument="group_by_columns") }}
{% endmacro %}
