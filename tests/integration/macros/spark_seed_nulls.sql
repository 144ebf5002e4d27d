{#-
  Post-hook of every seed: on Spark, turns the empty CSV fields of string columns back into
  NULL. dbt-spark's `session` method binds a Python None as the text 'None' when it inserts seed
  rows (dbt-labs/dbt-spark#901, dbt-labs/dbt-adapters#487, open), so on Spark an empty field
  of a string column loads as 'None' where DuckDB and PostgreSQL load NULL; numeric and date
  columns come out NULL because casting 'None' to them gives NULL. Every case with a NULL in a
  string column would otherwise prove something else on Spark. No seed here holds the text
  'None' (or '', which dbt also reads as an empty field). Other engines: nothing to do.
-#}
{% macro spark_seed_nulls() %}
  {%- if target.type != "spark" or not execute -%}{{ return("") }}{%- endif -%}
  {%- set fixed = [] -%}
  {%- set found = [] -%}
  {%- for column in adapter.get_columns_in_relation(this) -%}
    {%- set name = adapter.quote(column.name) -%}
    {%- if modules.re.match("^(string|char|varchar)", column.dtype | lower) -%}
      {%- do found.append(name) -%}
      {%- do fixed.append("case when " ~ name ~ " in ('None', '') then null else " ~ name ~ " end as " ~ name) -%}
    {%- else -%}
      {%- do fixed.append(name) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if found -%}
    {#- Spark cannot overwrite a table it reads in the same statement: go through a copy. -#}
    {%- set copy = this.incorporate(path={"identifier": this.identifier ~ "__assay_nulls"}) -%}
    {%- do run_query("drop table if exists " ~ copy) -%}
    {%- do run_query("create table " ~ copy ~ " as select " ~ (fixed | join(", ")) ~ " from " ~ this) -%}
    {%- do run_query("insert overwrite table " ~ this ~ " select * from " ~ copy) -%}
    {%- do run_query("drop table " ~ copy) -%}
  {%- endif -%}
  {{ return("") }}
{% endmacro %}
