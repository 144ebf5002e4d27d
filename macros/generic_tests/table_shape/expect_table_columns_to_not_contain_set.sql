{% test expect_table_columns_to_not_contain_set(model, column_list=none, transform="upper") %}
  {{ return(adapter.dispatch("test_expect_table_columns_to_not_contain_set", "assay")(model, column_list, transform)) }}
{% endtest %}

{#- One failing row per listed column the model has. -#}
{% macro default__test_expect_table_columns_to_not_contain_set(model, column_list, transform) %}
  {%- set test_name = "expect_table_columns_to_not_contain_set" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {{ assay.check_transform(test_name, model, transform) }}
  {%- set actual = assay.relation_column_names(model) -%}
  {%- set rows = [] -%}
  {%- for column in (column_list or []) | unique(case_sensitive=true) -%}
    {%- set found = assay.find_column_index(column, actual, transform) -%}
    {%- if found >= 0 -%}
      {%- do rows.append([actual[found], "present in the model"]) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ assay.literal_failing_rows([["column_name", "string"], ["problem", "string"]], rows) }}
{% endmacro %}
