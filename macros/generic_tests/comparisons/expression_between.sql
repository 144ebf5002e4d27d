{% test expression_between(model, expression=none, min_value=none, max_value=none, group_by_columns=none, row_condition=none,
                            strictly=false, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expression_between", "assay")(
      model, expression, min_value, max_value, group_by_columns, row_condition, strictly, mostly, context_columns)) }}
{% endtest %}

{#-
  Per row, or per group with group_by_columns (then the expression is an aggregate).
  NULL rule: a row whose expression is NULL is skipped (as in the value tests); a group whose
  aggregate is NULL fails (as in every aggregate test).
-#}
{% macro default__test_expression_between(model, expression, min_value, max_value, group_by_columns, row_condition,
                                           strictly, mostly, context_columns) %}
  {%- set test_name = "expression_between" -%}
  {{ assay.check_required(test_name, model, "expression", expression) }}
  {{ assay.check_bounds(test_name, model, min_value, max_value) }}
  {%- if group_by_columns -%}
    {{ assay.aggregate_test(model, test_name, expression=expression, min_value=min_value, max_value=max_value,
        strictly=strictly, group_by=group_by_columns, row_condition=row_condition, group_by_argument="group_by_columns") }}
  {%- else -%}
    {%- set value = "(" ~ expression ~ ")" -%}
    {{ assay.row_test(model, test_name, pass_expr=assay.between_condition(value, min_value, max_value, strictly),
        show_columns=[value ~ " as observed_value"], null_probe=value,
        row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
  {%- endif -%}
{% endmacro %}
