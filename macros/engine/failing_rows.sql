{#-
  The failing-row shape, decided once for every test. dbt only counts the rows a test
  returns unless failures are stored, so a bare `1` keeps the query lean; when failures are
  stored, the rows carry what a person needs to act on them: the offending value(s) and the
  context columns.
-#}
{% macro failing_shape(columns) -%}
  {%- if should_store_failures() and columns -%}
    {{- columns | join(",\n       ") -}}
  {%- else -%}
    1 as assay_failure
  {%- endif -%}
{%- endmacro %}

{#- Conditions joined with AND, each parenthesised; empty or none entries are dropped. -#}
{% macro and_conditions(conditions) -%}
  {%- set kept = [] -%}
  {%- for condition in conditions -%}
    {%- if condition is not none and condition | string | trim -%}{%- do kept.append("(" ~ condition ~ ")") -%}{%- endif -%}
  {%- endfor -%}
  {{- kept | join("\n  and ") -}}
{%- endmacro %}

{% macro where_clause(conditions) -%}
  {%- set joined = assay.and_conditions(conditions) -%}
  {%- if joined %}where {{ joined }}{% endif -%}
{%- endmacro %}
