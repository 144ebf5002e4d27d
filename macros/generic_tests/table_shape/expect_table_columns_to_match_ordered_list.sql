{% test expect_table_columns_to_match_ordered_list(model, column_list=none, transform="upper") %}
  {{ return(adapter.dispatch("test_expect_table_columns_to_match_ordered_list", "assay")(model, column_list, transform)) }}
{% endtest %}

{#- One failing row per position (from 1) where the listed column and the model's column differ. -#}
{% macro default__test_expect_table_columns_to_match_ordered_list(model, column_list, transform) %}
  {%- set test_name = "expect_table_columns_to_match_ordered_list" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {{ assay.check_transform(test_name, model, transform) }}
  {%- set expected = column_list or [] -%}
  {%- set actual = assay.relation_column_names(model) -%}
  {%- set rows = [] -%}
  {%- for position in range([expected | length, actual | length] | max) -%}
    {%- set want = expected[position] | string if position < (expected | length) else none -%}
    {%- set have = actual[position] if position < (actual | length) else none -%}
    {%- if want is none or have is none or not assay.names_match(want, have, transform) -%}
      {%- do rows.append([position + 1, want, have]) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ assay.literal_failing_rows([["position", "integer"], ["expected_column", "string"], ["actual_column", "string"]], rows) }}
{% endmacro %}
