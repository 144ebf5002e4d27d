{% test expect_table_aggregation_to_equal_other_table(model, expression=none, compare_model=none, compare_expression=none, group_by=none,
                                                       compare_group_by=none, row_condition=none, compare_row_condition=none,
                                                       tolerance=0.0, tolerance_percent=none) %}
  {{ return(adapter.dispatch("test_expect_table_aggregation_to_equal_other_table", "assay")(
      model, expression, compare_model, compare_expression, group_by, compare_group_by, row_condition,
      compare_row_condition, tolerance, tolerance_percent)) }}
{% endtest %}

{% macro default__test_expect_table_aggregation_to_equal_other_table(model, expression, compare_model, compare_expression, group_by,
                                                                      compare_group_by, row_condition, compare_row_condition,
                                                                      tolerance, tolerance_percent) %}
  {{ assay.check_required("expect_table_aggregation_to_equal_other_table", model, "compare_model", compare_model) }}
  {{ assay.compare_test(model, "expect_table_aggregation_to_equal_other_table", expression=expression,
      compare_model=compare_model, compare_expression=compare_expression, group_by=group_by, compare_group_by=compare_group_by,
      row_condition=row_condition, compare_row_condition=compare_row_condition,
      tolerance=tolerance, tolerance_percent=tolerance_percent) }}
{% endmacro %}
