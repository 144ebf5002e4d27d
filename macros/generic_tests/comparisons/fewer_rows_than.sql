{% test fewer_rows_than(model, compare_model=none, group_by_columns=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_fewer_rows_than", "assay")(
      model, compare_model, group_by_columns, row_condition, compare_row_condition)) }}
{% endtest %}

{#-
  The model must have strictly fewer rows than compare_model (per group). A group found only in
  the model has 0 rows in compare_model, so it fails (dbt-utils lets it pass).
-#}
{% macro default__test_fewer_rows_than(model, compare_model, group_by_columns, row_condition, compare_row_condition) %}
  {{ assay.check_required("fewer_rows_than", model, "compare_model", compare_model) }}
  {{ assay.compare_test(model, "fewer_rows_than", expression="count(*)", compare_model=compare_model,
      group_by=(group_by_columns or none), row_condition=row_condition, compare_row_condition=compare_row_condition,
      condition="observed_value < compare_value", missing_value=0, group_by_argument="group_by_columns") }}
{% endmacro %}
