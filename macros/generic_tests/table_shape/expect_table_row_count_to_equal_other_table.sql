{% test expect_table_row_count_to_equal_other_table(model, compare_model=none, group_by=none, compare_group_by=none, factor=1,
                                                     row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_table_row_count_to_equal_other_table", "assay")(
      model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_table_row_count_to_equal_other_table(model, compare_model, group_by, compare_group_by, factor,
                                                                    row_condition, compare_row_condition) %}
  {{ assay.va_row_count_comparison(model, "expect_table_row_count_to_equal_other_table", compare_model, factor,
      group_by, compare_group_by, row_condition, compare_row_condition) }}
{% endmacro %}

{#-
  Rows of the model (per group) against rows of compare_model times `factor`. A group found on
  one side only has 0 rows on the other.
-#}
{% macro va_row_count_comparison(model, test_name, compare_model, factor, group_by, compare_group_by,
                                 row_condition, compare_row_condition) %}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {%- if execute and (factor is not number or factor is boolean) -%}
    {{ assay.arg_error(test_name, model, "factor", "must be a number, got " ~ (factor | tojson)) }}
  {%- endif -%}
  {{ assay.compare_test(model, test_name, expression="count(*)", compare_model=compare_model,
      compare_expression=("count(*)" if factor == 1 else "count(*) * " ~ factor),
      group_by=group_by, compare_group_by=compare_group_by,
      row_condition=row_condition, compare_row_condition=compare_row_condition, missing_value=0) }}
{% endmacro %}
