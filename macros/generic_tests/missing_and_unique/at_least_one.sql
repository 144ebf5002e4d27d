{% test at_least_one(model, column_name, group_by_columns=[], row_condition=none) %}
  {{ return(adapter.dispatch("test_at_least_one", "assay")(model, column_name, group_by_columns, row_condition)) }}
{% endtest %}

{#-
  Fails when the column has no non-NULL value (per group with group_by_columns).
  NULL rule: NULLs are what is counted against; an empty table fails (no value at all), with
  group_by_columns an empty table has no groups and passes.
-#}
{% macro default__test_at_least_one(model, column_name, group_by_columns, row_condition) %}
  {%- set test_name = "at_least_one" -%}
  {{ assay.check_list(test_name, model, "group_by_columns", group_by_columns, required=false, allow_empty=true) }}
  {#- Grouping by the tested column itself would make every group non-empty by construction. -#}
  {%- set groups = [] -%}
  {%- for column in (group_by_columns or []) -%}
    {%- if column != column_name -%}{%- do groups.append(column) -%}{%- endif -%}
  {%- endfor -%}
  {{ assay.aggregate_test(model, test_name, expression="count(" ~ column_name ~ ")", condition="observed_value >= 1",
      group_by=(groups or none), row_condition=row_condition, group_by_argument="group_by_columns") }}
{% endmacro %}
