{#-
  The column's distinct count equals the distinct count of compare_column_name (default: the
  same column name) in compare_model. row_condition filters the tested model only;
  compare_row_condition filters compare_model only. group_by / compare_group_by (assay
  additions; compare_group_by defaults to group_by) compare the counts group by group, and a
  group present on one side only counts 0 on the other (group keys match NULL to NULL).
  Failing rows: the group, observed_value and compare_value (the other table's count).
  NULL rule: NULL is not a value and is not counted on either side; an empty side counts 0.
-#}
{% test expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model=none, compare_column_name=none,
                                                          row_condition=none, compare_row_condition=none,
                                                          group_by=none, compare_group_by=none) %}
  {{ return(adapter.dispatch("test_expect_column_distinct_count_to_equal_other_table", "assay")(
      model, column_name, compare_model, compare_column_name, row_condition, compare_row_condition,
      group_by, compare_group_by)) }}
{% endtest %}

{% macro default__test_expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model,
                                                                         compare_column_name, row_condition,
                                                                         compare_row_condition, group_by, compare_group_by) %}
  {%- set test_name = "expect_column_distinct_count_to_equal_other_table" -%}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {{ assay.compare_test(model, test_name, expression="count(distinct " ~ column_name ~ ")", compare_model=compare_model,
      compare_expression="count(distinct " ~ (compare_column_name or column_name) ~ ")",
      group_by=group_by, compare_group_by=compare_group_by,
      row_condition=row_condition, compare_row_condition=compare_row_condition, missing_value=0) }}
{% endmacro %}
