{#-
  dbt-utils' not_null_proportion: the share of non-NULL values (per group with
  group_by_columns) lies in [at_least, at_most]. `row_condition` is an assay addition.
  NULL rule: an empty table (or a row_condition that keeps no row) has no proportion, which
  fails like every NULL aggregate (dbt-utils passes it).
-#}
{% test not_null_proportion(model, column_name, at_least=none, at_most=1, group_by_columns=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_not_null_proportion", "assay")(
      model, column_name, at_least, at_most, group_by_columns, row_condition)) }}
{% endtest %}

{% macro default__test_not_null_proportion(model, column_name, at_least, at_most, group_by_columns, row_condition) %}
  {%- set test_name = "not_null_proportion" -%}
  {{ assay.check_fraction(test_name, model, "at_least", at_least) }}
  {{ assay.check_fraction(test_name, model, "at_most", at_most) }}
  {% if execute and at_least > at_most %}
    {{ assay.arg_error(test_name, model, "at_least/at_most", "has at_least " ~ at_least ~ " greater than at_most " ~ at_most) }}
  {% endif %}
  {{ assay.aggregate_test(model, test_name,
      expression="cast(count(" ~ column_name ~ ") as " ~ assay.type_double() ~ ") / nullif(count(*), 0)",
      min_value=at_least, max_value=at_most, group_by=group_by_columns, row_condition=row_condition,
      group_by_argument="group_by_columns") }}
{% endmacro %}
