{% test cardinality_equality(model, column_name, to=none, field=none, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_cardinality_equality", "assay")(
      model, column_name, to, field, row_condition, compare_row_condition)) }}
{% endtest %}

{#-
  Each value of the column occurs as many times in the model as the value of `field` does in
  `to`. One failing row per value whose counts differ, with both counts.
  NULL rule: NULL is a value like any other (the NULL rows of both sides are counted and compared).
-#}
{% macro default__test_cardinality_equality(model, column_name, to, field, row_condition, compare_row_condition) %}
  {%- set test_name = "cardinality_equality" -%}
  {{ assay.check_required(test_name, model, "to", to) }}
  {{ assay.check_required(test_name, model, "field", field) }}
  {{ assay.compare_test(model, test_name, expression="count(*)", compare_model=to,
      group_by=[column_name], compare_group_by=[field],
      row_condition=row_condition, compare_row_condition=compare_row_condition, missing_value=0) }}
{% endmacro %}
