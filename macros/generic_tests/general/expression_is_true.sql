{#-
  One test for both packages' forms:
    dbt-utils:          expression_is_true(expression, column_name)  -> `<column_name> <expression>` per row
    dbt-expectations:   expression_is_true(expression, test_condition="= true", group_by_columns, row_condition)
                        -> per row, or per group when group_by_columns is set (then the
                           expression is an aggregate)
  NULL rule: a row or group whose expression is NULL passes, as in both packages.
-#}
{% test expression_is_true(model, expression, column_name=none, test_condition="= true", group_by_columns=none,
                           row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expression_is_true", "assay")(
      model, expression, column_name, test_condition, group_by_columns, row_condition, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expression_is_true(model, expression, column_name, test_condition, group_by_columns,
                                           row_condition, mostly, context_columns) %}
  {%- set test_name = "expression_is_true" -%}
  {{ assay.check_required(test_name, model, "expression", expression) }}
  {%- set expr = (column_name ~ " " ~ expression) if column_name else expression -%}
  {%- if group_by_columns -%}
    {{ assay.aggregate_test(model, test_name, expression=expr, condition="observed_value " ~ test_condition,
        group_by=group_by_columns, row_condition=row_condition, null_passes=true,
        group_by_argument="group_by_columns") }}
  {%- else -%}
    {{ assay.row_test(model, test_name, pass_expr="(" ~ expr ~ ") " ~ test_condition,
        show_columns=([column_name] if column_name else none),
        row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
  {%- endif -%}
{% endmacro %}
