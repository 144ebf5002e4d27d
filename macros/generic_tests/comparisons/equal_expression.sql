{% test equal_expression(model, expression=none, compare_model=none, compare_expression=none, group_by=none, compare_group_by=none,
                          row_condition=none, compare_row_condition=none, tolerance=0.0, tolerance_percent=none) %}
  {{ return(adapter.dispatch("test_equal_expression", "assay")(
      model, expression, compare_model, compare_expression, group_by, compare_group_by, row_condition,
      compare_row_condition, tolerance, tolerance_percent)) }}
{% endtest %}

{#- Without compare_model the model is compared with itself (e.g. sum(a) against sum(b)). -#}
{% macro default__test_equal_expression(model, expression, compare_model, compare_expression, group_by, compare_group_by,
                                         row_condition, compare_row_condition, tolerance, tolerance_percent) %}
  {{ assay.compare_test(model, "equal_expression", expression=expression,
      compare_model=compare_model, compare_expression=compare_expression, group_by=group_by, compare_group_by=compare_group_by,
      row_condition=row_condition, compare_row_condition=compare_row_condition,
      tolerance=tolerance, tolerance_percent=tolerance_percent) }}
{% endmacro %}
