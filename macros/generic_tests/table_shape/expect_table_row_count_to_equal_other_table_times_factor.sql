{% test expect_table_row_count_to_equal_other_table_times_factor(model, compare_model=none, factor=none, group_by=none, compare_group_by=none,
                                                                  row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_table_row_count_to_equal_other_table_times_factor", "assay")(
      model, compare_model, factor, group_by, compare_group_by, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_table_row_count_to_equal_other_table_times_factor(model, compare_model, factor, group_by,
                                                                                 compare_group_by, row_condition, compare_row_condition) %}
  {{ assay.row_count_compare_test(model, "expect_table_row_count_to_equal_other_table_times_factor", compare_model, factor,
      group_by, compare_group_by, row_condition, compare_row_condition) }}
{% endmacro %}
