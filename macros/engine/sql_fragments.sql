{#- Small renderers the builders and tests share. -#}

{#- A column list argument as SQL; `quote` mirrors dbt-utils' quote_columns. -#}
{% macro column_list(columns, quote=false) -%}
  {%- set rendered = [] -%}
  {%- for column in (columns or []) -%}
    {%- do rendered.append(adapter.quote(column) if quote else column) -%}
  {%- endfor -%}
  {{ return(rendered) }}
{%- endmacro %}

{#- A literal for a value from YAML. With quote (quote_values: true, the default) every value
    is a string literal, numbers included, as in dbt-expectations: `value_set: [10001]` must
    work on a varchar column. quote: false renders values as SQL, for numeric columns. -#}
{% macro literal(value, quote=true) -%}
  {%- if value is none -%}null
  {%- elif value is boolean -%}{{ 'true' if value else 'false' }}
  {%- elif quote -%}'{{ dbt.escape_single_quotes(value | string) }}'
  {%- else -%}{{ value }}
  {%- endif -%}
{%- endmacro %}

{% macro literal_list(values, quote=true) -%}
  {%- set rendered = [] -%}
  {%- for value in values -%}{%- do rendered.append(assay.literal(value, quote)) -%}{%- endfor -%}
  {{- rendered | join(", ") -}}
{%- endmacro %}

{#- `expr >= min and expr <= max` with either side optional; strict bounds exclude equality. -#}
{% macro between_condition(expression, min_value=none, max_value=none, strictly=false) -%}
  {%- set parts = [] -%}
  {%- if min_value is not none -%}{%- do parts.append(expression ~ (" > " if strictly else " >= ") ~ min_value) -%}{%- endif -%}
  {%- if max_value is not none -%}{%- do parts.append(expression ~ (" < " if strictly else " <= ") ~ max_value) -%}{%- endif -%}
  {{- parts | join(" and ") -}}
{%- endmacro %}

{#- Columns to keep, each once, in the order given (the tested column may also be a context column). -#}
{% macro unique_columns(columns) -%}
  {%- set seen = [] -%}
  {%- for column in columns -%}
    {%- if column is not none and column not in seen -%}{%- do seen.append(column) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(seen) }}
{%- endmacro %}

{#- A relation under an alias of ours. With a `where:` config, dbt hands a test the subquery
    `(select * from ... where ...) dbt_subquery`, which already has an alias and takes no second
    one; wrapped in a select, any relation does. -#}
{% macro aliased(relation, alias) -%}
  (select * from {{ relation }}) as {{ alias }}
{%- endmacro %}

{#-
  The body of a CTE that several parts of one query read (aggregates over a whole relation).
  DuckDB and PostgreSQL evaluate such a CTE once. Spark inlines every deterministic CTE into
  each reference, so the drift and profile queries recomputed their aggregates dozens of times
  (minutes on 2,000 rows; a multi-statistic query ran out of memory while planning); Spark keeps
  a CTE with a non-deterministic expression as one shared relation, so an always-true rand()
  filter makes it evaluate once. Do not nest one such CTE inside another: Spark 4.3 then prunes
  columns of the inner one that a reference still reads (INTERNAL_ERROR_ATTRIBUTE_NOT_FOUND), so
  only the profile's CTEs use it, not the drift query that may inline a profile.
-#}
{% macro computed_once(select_sql) %}{{ return(adapter.dispatch("computed_once", "assay")(select_sql)) }}{% endmacro %}
{% macro default__computed_once(select_sql) %}{{ select_sql }}{% endmacro %}
{% macro spark__computed_once(select_sql) -%}
select * from (
{{ select_sql }}
) as assay_once where rand() >= 0
{%- endmacro %}

{#-
  The opposite: a CTE that two parts of one query read but that is cheaper evaluated twice than
  stored once, because the first reader only aggregates it and gates the second. PostgreSQL
  materialises a CTE read twice: every row's outcome goes into a tuplestore, in one process,
  where the inlined form runs both passes in parallel workers and skips the second when the gate
  is closed (4M rows: a `mostly` not-null test 0.88 s -> 0.26 s, a `mostly` regex 6.0 s -> 5.1 s).
  DuckDB is as fast either way and Spark always inlines, so only PostgreSQL says so.
-#}
{% macro inlined_cte() %}{{ return(adapter.dispatch("inlined_cte", "assay")()) }}{% endmacro %}
{% macro default__inlined_cte() %}{{ return("") }}{% endmacro %}
{% macro postgres__inlined_cte() %}{{ return("not materialized") }}{% endmacro %}
