{#- String helpers the string tests share; each keeps NULL in, NULL out. -#}

{#- Characters in a string value. -#}
{% macro string_length(expr) %}
  {{- return(adapter.dispatch("string_length", "assay")(expr)) -}}
{% endmacro %}
{% macro default__string_length(expr) -%}
  length({{ expr }})
{%- endmacro %}

{#- SQL LIKE (case-sensitive on DuckDB, PostgreSQL and Spark). `pattern` is the pattern text. -#}
{% macro like_match(expr, pattern) %}
  {{- return(adapter.dispatch("like_match", "assay")(expr, pattern)) -}}
{% endmacro %}
{% macro default__like_match(expr, pattern) -%}
  ({{ expr }} like {{ assay.string_literal(pattern) }})
{%- endmacro %}

{#-
  The value with surrounding whitespace removed, where tabs, line feeds and carriage returns
  count as whitespace too (plain trim() only strips spaces on these engines).
-#}
{% macro trim_whitespace(expr) %}
  {{- return(adapter.dispatch("trim_whitespace", "assay")(expr)) -}}
{% endmacro %}
{% macro default__trim_whitespace(expr) -%}
  trim(translate({{ expr }}, chr(9) || chr(10) || chr(13), '   '))
{%- endmacro %}

{#-
  A string literal whose content is exactly `value` on every engine, for patterns (LIKE, regex)
  whose backslashes must reach the matcher untouched. Spark string literals process
  backslashes, so they are escaped there. assay.literal is for values from YAML instead.
-#}
{% macro string_literal(value) %}
  {{- return(adapter.dispatch("string_literal", "assay")(value)) -}}
{% endmacro %}
{% macro default__string_literal(value) -%}
  '{{ value | string | replace("'", "''") }}'
{%- endmacro %}
{% macro spark__string_literal(value) -%}
  '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

{#- string_agg with an ORDER BY inside the aggregate; NULL values are left out. -#}
{% macro string_agg(expr, separator, order_by) %}
  {{- return(adapter.dispatch("string_agg", "assay")(expr, separator, order_by)) -}}
{% endmacro %}
{% macro default__string_agg(expr, separator, order_by) -%}
  string_agg({{ expr }}, {{ assay.string_literal(separator) }} order by {{ order_by }})
{%- endmacro %}
{#- Spark 4 spells the order as WITHIN GROUP (not yet run on Spark). -#}
{% macro spark__string_agg(expr, separator, order_by) -%}
  string_agg({{ expr }}, {{ assay.string_literal(separator) }}) within group (order by {{ order_by }})
{%- endmacro %}
