{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_in_type_list", "assay")(
      model, column_name, column_type_list)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
  {{ assay.check_list("expect_column_values_to_be_in_type_list", model, "column_type_list", column_type_list) }}
  {{ assay.column_type_test(model, "expect_column_values_to_be_in_type_list", column_name, column_type_list) }}
{% endmacro %}

{#-
  Shared with expect_column_values_to_be_of_type. Reads the column's type from the catalog
  when dbt executes and renders a query of literals: one failing row (column, observed type,
  expected types) when the column's type is not among `column_types`, or when the column does
  not exist (observed type 'missing column'; dbt-expectations passes then). Type names compare
  case-insensitively against the engine's name for the type (see column_type_names).
-#}
{% macro column_type_test(model, test_name, column_name, column_types) %}
  {%- set passed = true -%}
  {%- set observed = "" -%}
  {%- set expected = [] -%}
  {%- if execute -%}
    {%- for column_type in column_types -%}{%- do expected.append(column_type | string | trim | lower) -%}{%- endfor -%}
    {%- set column = assay.find_column(adapter.get_columns_in_relation(model), column_name) -%}
    {%- if column is none -%}
      {%- set passed = false -%}
      {%- set observed = "missing column" -%}
    {%- else -%}
      {%- set names = assay.column_type_names(column) -%}
      {%- set observed = names[0] -%}
      {%- set passed = (names | select("in", expected) | list | length) > 0 -%}
    {%- endif -%}
  {%- endif -%}
  {%- set string_type = dbt.type_string() %}
select {{ assay.failing_shape([
    "cast(" ~ assay.literal(assay.unquote_identifier(column_name).name) ~ " as " ~ string_type ~ ") as column_name",
    "cast(" ~ assay.literal(observed) ~ " as " ~ string_type ~ ") as observed_type",
    "cast(" ~ assay.literal(expected | join(", ")) ~ " as " ~ string_type ~ ") as expected_types"]) }}
{%- if passed %}
where 1 = 0
{%- endif %}
{% endmacro %}
