{#-
  Shared by the schema tests (column existence, counts, sets, order). They read the model's
  columns from the warehouse when dbt executes and decide in Jinja; the failing rows are
  rendered as literals so stored failures say which column failed and why.

  Name matching: a name written quoted ("Order Total", `x`) must match the catalog name exactly;
  an unquoted name matches after `transform` (default upper) on both sides, so `amount`,
  `AMOUNT` and a catalog name `Amount` all match.
-#}

{% macro va_relation_columns(relation) -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set names = [] -%}
  {%- for column in adapter.get_columns_in_relation(relation) -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  {{ return(names) }}
{%- endmacro %}

{% macro va_unquote(name) -%}
  {%- set text = name | string | trim -%}
  {%- set quoted = modules.re.match('^["`](.+)["`]$', text) -%}
  {{ return(quoted.group(1) if quoted else none) }}
{%- endmacro %}

{% macro va_names_match(given, catalog_name, transform="upper") -%}
  {%- set exact = assay.va_unquote(given) -%}
  {%- if exact is not none -%}
    {{ return(exact == catalog_name) }}
  {%- endif -%}
  {%- set pair = [given | string | trim, catalog_name] | map(transform) | list -%}
  {{ return(pair[0] == pair[1]) }}
{%- endmacro %}

{#- 0-based position of `given` among `catalog_names`, or -1. -#}
{% macro va_find_column(given, catalog_names, transform="upper") -%}
  {%- for name in catalog_names -%}
    {%- if assay.va_names_match(given, name, transform) -%}{{ return(loop.index0) }}{%- endif -%}
  {%- endfor -%}
  {{ return(-1) }}
{%- endmacro %}

{% macro va_check_transform(test_name, model, transform) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if transform is not string or transform | trim == "" %}
    {{ assay.arg_error(test_name, model, "transform", "must be the name of a Jinja filter such as upper or lower, got " ~ (transform | tojson)) }}
  {% endif %}
{% endmacro %}

{#-
  Failing rows as literals. `columns` is a list of [name, kind] with kind "string" or "integer";
  `rows` a list of value lists in the same order. No rows: an empty result with the same columns.
-#}
{% macro va_literal_failures(columns, rows) -%}
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
