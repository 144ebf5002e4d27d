{% test expect_table_row_count_to_equal_other_table(model, compare_model=none, group_by=none, compare_group_by=none, factor=1,
                                                     row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_table_row_count_to_equal_other_table", "assay")(
      model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_table_row_count_to_equal_other_table(model, compare_model, group_by, compare_group_by, factor,
                                                                    row_condition, compare_row_condition) %}
  {{ assay.row_count_compare_test(model, "expect_table_row_count_to_equal_other_table", compare_model, factor,
      group_by, compare_group_by, row_condition, compare_row_condition) }}
{% endmacro %}
