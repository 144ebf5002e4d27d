{#-
  The builders behind the schema tests (column existence, counts, sets, order, types). They
  read the model's columns from the warehouse when dbt executes and decide in Jinja; the
  failing rows are rendered as literals so stored failures say which column failed and why.
  Column names are matched with assay.find_column_index / names_match / find_column
  (cross_db/identifiers.sql).
-#}

{#-
  Failing rows as literals. `columns` is a list of [name, kind] with kind "string" or "integer";
  `rows` a list of value lists in the same order. No rows: an empty result with the same columns.
-#}
{% macro literal_failing_rows(columns, rows) -%}
  {%- set names = [] -%}
  {%- for column in columns %}{% do names.append(column[0]) %}{% endfor -%}
  {%- set rendered = [] -%}
  {%- for row in (rows if rows else [none]) -%}
    {%- set values = [] -%}
    {%- for column in columns -%}
      {%- set value = row[loop.index0] if row is not none else none -%}
      {%- set sql_type = dbt.type_string() if column[1] == "string" else dbt.type_int() -%}
      {%- do values.append("cast(" ~ assay.literal(value, column[1] == "string") ~ " as " ~ sql_type ~ ") as " ~ column[0]) -%}
    {%- endfor -%}
    {%- do rendered.append("select " ~ values | join(", ")) -%}
  {%- endfor %}
with assay_schema as (
    {{ rendered | join("\n    union all\n    ") }}
)
select {{ assay.failing_shape(names) }}
from assay_schema
{%- if not rows %}
where 1 = 0
{%- endif %}
{%- endmacro %}

{#-
  Shared by expect_column_values_to_be_of_type and _in_type_list: one failing row (column,
  observed type, expected types) when the column's type is not among `column_types`, or when
  the column does not exist (observed type 'missing column'; dbt-expectations passes then).
  Type names compare case-insensitively against the engine's name for the type (see
  column_type_names).
-#}
{% macro column_type_test(model, test_name, column_name, column_types) %}
  {%- set passed = true -%}
  {%- set observed = "" -%}
  {%- set expected = [] -%}
  {%- if execute and model is string -%}
    {#- dbt's where-subquery: its result types are the driver's names (psycopg2 says FLOAT for
        double precision), not the catalog's, and a filter never changes a column's type. -#}
    {{ exceptions.raise_compiler_error("assay." ~ test_name ~ " on column '" ~ column_name ~ "': a `where:` config does not apply to"
        ~ " a type test (it reads the type from the relation's catalog, and a filter never changes a type); remove `where:`") }}
  {%- endif -%}
  {%- if execute -%}
    {%- for column_type in column_types -%}{%- do expected.append(column_type | string | trim | lower) -%}{%- endfor -%}
    {%- set column = assay.find_column(assay.relation_columns(model), column_name) -%}
    {%- if column is none -%}
      {%- set passed = false -%}
      {%- set observed = "missing column" -%}
    {%- else -%}
      {%- set names = assay.column_type_names(column) -%}
      {%- set observed = names[0] -%}
      {%- set passed = (names | select("in", expected) | list | length) > 0 -%}
    {%- endif -%}
  {%- endif -%}
  {{ assay.literal_failing_rows(
      [["column_name", "string"], ["observed_type", "string"], ["expected_types", "string"]],
      [] if passed else [[assay.unquote_identifier(column_name).name, observed, expected | join(", ")]]) }}
{% endmacro %}
