{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true, row_condition=none,
                       mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_accepted_range", "assay")(
      model, column_name, min_value, max_value, inclusive, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- NULL rule: skipped, as in dbt-utils (a NULL is never outside the range). -#}
{% macro default__test_accepted_range(model, column_name, min_value, max_value, inclusive, row_condition,
                                      mostly, context_columns) %}
  {{ assay.check_bounds("accepted_range", model, min_value, max_value) }}
  {{ assay.row_test(model, "accepted_range",
      pass_expr=assay.between_condition(column_name, min_value, max_value, strictly=not inclusive),
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
