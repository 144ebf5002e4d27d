{% test recency(model, field=none, datepart=none, interval=none, ignore_time_component=false, group_by_columns=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_recency", "assay")(
      model, field, datepart, interval, ignore_time_component, group_by_columns, row_condition)) }}
{% endtest %}

{#- dbt-utils' form: future timestamps count as recent, as there. -#}
{% macro default__test_recency(model, field, datepart, interval, ignore_time_component, group_by_columns, row_condition) %}
  {{ assay.check_required("recency", model, "field", field) }}
  {{ assay.recency_test(model, "recency", field, datepart, interval,
      group_by=(group_by_columns or none), row_condition=row_condition, group_by_argument="group_by_columns",
      ignore_time_component=ignore_time_component) }}
{% endmacro %}
