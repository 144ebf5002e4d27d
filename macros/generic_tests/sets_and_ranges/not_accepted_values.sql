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
  {{ assay.value_set_test(model, "not_accepted_values", column_name, values, "values", quote,
      negate=true, row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
