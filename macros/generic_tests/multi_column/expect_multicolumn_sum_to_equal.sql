{% test expect_multicolumn_sum_to_equal(model, column_list=none, sum_total=none, group_by=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_multicolumn_sum_to_equal", "assay")(
      model, column_list, sum_total, group_by, row_condition)) }}
{% endtest %}

{#-
  sum(c1) + sum(c2) + ... must equal sum_total, per group with group_by. As in
  dbt-expectations, a number sum_total is a constant and anything else is a column or
  expression that is summed the same way.
  observed_value: the sum of the columns when sum_total is a number; the difference
  sum(columns) - sum(sum_total) (0 passes) when it is a column, since the builder carries
  one value per group.
  NULL rule: NULLs inside a column are left out of its sum; a column (or sum_total) with no
  non-NULL value in a group makes the total NULL, and that group fails.
-#}
{% macro default__test_expect_multicolumn_sum_to_equal(model, column_list, sum_total, group_by, row_condition) %}
  {%- set test_name = "expect_multicolumn_sum_to_equal" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {%- if execute and (sum_total is none or sum_total is boolean or (sum_total is string and sum_total | trim == "")) -%}
    {{ assay.arg_error(test_name, model, "sum_total", "is required (a number, or a column to sum)") }}
  {%- endif -%}
  {%- set sums = [] -%}
  {%- for column in (column_list or []) -%}{%- do sums.append("sum(" ~ column ~ ")") -%}{%- endfor -%}
  {%- set total = sums | join(" + ") -%}
  {%- if sum_total is number -%}
    {%- set expression = total -%}
    {%- set condition = "observed_value = " ~ sum_total -%}
  {%- else -%}
    {%- set expression = "(" ~ total ~ ") - sum(" ~ sum_total ~ ")" -%}
    {%- set condition = "observed_value = 0" -%}
  {%- endif -%}
  {{ assay.aggregate_test(model, test_name, expression=expression, condition=condition,
      group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
