{% test equal_rowcount(model, compare_model=none, group_by_columns=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_equal_rowcount", "assay")(
      model, compare_model, group_by_columns, row_condition, compare_row_condition)) }}
{% endtest %}

{#- One failing row per group whose counts differ (dbt-utils reports the summed difference instead). -#}
{% macro default__test_equal_rowcount(model, compare_model, group_by_columns, row_condition, compare_row_condition) %}
  {{ assay.check_required("equal_rowcount", model, "compare_model", compare_model) }}
  {{ assay.compare_test(model, "equal_rowcount", expression="count(*)", compare_model=compare_model,
      group_by=(group_by_columns or none), row_condition=row_condition, compare_row_condition=compare_row_condition,
      missing_value=0, group_by_argument="group_by_columns") }}
{% endmacro %}
