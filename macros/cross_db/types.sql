{#- An 8-byte float. dbt's type_float() is 4 bytes on DuckDB and Spark, which loses precision. -#}
{% macro type_double() %}{{ return(adapter.dispatch("type_double", "assay")()) }}{% endmacro %}
{% macro default__type_double() %}double precision{% endmacro %}
{% macro spark__type_double() %}double{% endmacro %}

{#-
  The type names a column answers to, lower-cased, for comparing with the names users write.
  dbt's Column.data_type adds sizes and, on DuckDB, renames VARCHAR to
  "character varying(256)", so the engine's own name (dtype) comes first; data_type is
  also accepted so "numeric(10,2)" or "character varying(20)" can be asked for.
-#}
{% macro column_type_names(column) %}
  {{- return(adapter.dispatch("column_type_names", "assay")(column)) -}}
{% endmacro %}
{% macro default__column_type_names(column) %}
  {%- set names = [] -%}
  {%- for name in [column.dtype, column.data_type] -%}
    {%- set name = (name | string | trim | lower) -%}
    {%- if name and name not in names -%}{%- do names.append(name) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(names) }}
{% endmacro %}

{#- `expr` as an 8-byte float (assay.type_double). -#}
{% macro to_double(expr) -%}
  cast({{ expr }} as {{ assay.type_double() }})
{%- endmacro %}

{#-
  Spark's catalog says int, bigint, smallint, tinyint, float, decimal(p,s); its SQL also accepts
  integer, long, short, byte, real, numeric/dec for the same types, so a user may write either.
-#}
{% macro spark__column_type_names(column) %}
  {%- set names = assay.default__column_type_names(column) -%}
  {%- set synonyms = {"int": ["integer"], "bigint": ["long"], "smallint": ["short"], "tinyint": ["byte"],
                      "float": ["real"], "decimal": ["numeric", "dec"]} -%}
  {%- for name in names[:] -%}
    {%- for synonym in synonyms.get(name.split("(")[0], []) -%}
      {%- set spelled = synonym ~ ("(" ~ name.split("(", 1)[1] if "(" in name else "") -%}
      {%- if spelled not in names -%}{%- do names.append(spelled) -%}{%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(names) }}
{% endmacro %}
