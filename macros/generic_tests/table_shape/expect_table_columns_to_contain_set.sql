{% test expect_table_columns_to_contain_set(model, column_list=none, transform="upper") %}
  {{ return(adapter.dispatch("test_expect_table_columns_to_contain_set", "assay")(model, column_list, transform)) }}
{% endtest %}

{#- One failing row per listed column the model lacks. -#}
{% macro default__test_expect_table_columns_to_contain_set(model, column_list, transform) %}
  {%- set test_name = "expect_table_columns_to_contain_set" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {{ assay.va_check_transform(test_name, model, transform) }}
  {%- set actual = assay.va_relation_columns(model) -%}
  {%- set rows = [] -%}
  {%- for column in (column_list or []) | unique(case_sensitive=true) -%}
    {%- if assay.va_find_column(column, actual, transform) < 0 -%}
      {%- do rows.append([column | string, "missing from the model"]) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ assay.va_literal_failures([["column_name", "string"], ["problem", "string"]], rows) }}
{% endmacro %}
