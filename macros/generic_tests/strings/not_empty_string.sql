{% test not_empty_string(model, column_name, trim_whitespace=true, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_not_empty_string", "assay")(
      model, column_name, trim_whitespace, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Fails on '' and, with trim_whitespace (the default), on values made only of spaces, tabs,
  line feeds and carriage returns. NULL rule: skipped, as in dbt-utils (pair with a not-null
  test to forbid NULLs too).
-#}
{% macro default__test_not_empty_string(model, column_name, trim_whitespace, row_condition, mostly, context_columns) %}
  {#- YAML or a var may hand over "false" as a string; dbt-utils reads it with as_bool. -#}
  {%- set trim = (trim_whitespace | string | lower) not in ["false", "no", "0", "none", ""] -%}
  {%- set value = assay.trim_whitespace(column_name) if trim else column_name -%}
  {{ assay.row_test(model, "not_empty_string",
      pass_expr=value ~ " <> ''", show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
