{% test not_accepted_values(model, column_name, values, quote=true, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_not_accepted_values", "assay")(
      model, column_name, values, quote, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  One failing row per offending row (dbt-utils returns one per distinct offending value), so
  stored failures can carry context columns and `mostly` has a row denominator.
  NULL rule: skipped, as in dbt-utils.
-#}
{% macro default__test_not_accepted_values(model, column_name, values, quote, row_condition, mostly, context_columns) %}
  {{ assay.check_list("not_accepted_values", model, "values", values) }}
  {{ assay.row_test(model, "not_accepted_values",
      pass_expr=column_name ~ " not in (" ~ assay.literal_list(values if assay.is_list(values) else [], quote) ~ ")",
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
