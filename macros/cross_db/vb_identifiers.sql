{#-
  Matching a column name as a user writes it (bare, or quoted with the engine's quote
  characters: '"Order Total"', `MixedCase`) against the names the catalog returns.
-#}

{#- {"name": the identifier without quotes, "quoted": whether it came quoted}. -#}
{% macro unquote_identifier(identifier) %}
  {{- return(adapter.dispatch("unquote_identifier", "assay")(identifier)) -}}
{% endmacro %}
{% macro default__unquote_identifier(identifier) %}
  {%- set text = identifier | string | trim -%}
  {%- set sample = adapter.quote("x") -%}
  {%- set open, close = sample[0], sample[-1] -%}
  {%- if text | length >= 2 and text[0] == open and text[-1] == close -%}
    {{ return({"name": text[1:-1] | replace(close ~ close, close), "quoted": true}) }}
  {%- endif -%}
  {{ return({"name": text, "quoted": false}) }}
{% endmacro %}

{#-
  The Column from `columns` (adapter.get_columns_in_relation) that `identifier` names, or
  none. An exact match wins; otherwise names match case-insensitively, as dbt-expectations
  compares them, so `mixedcase` still finds "MixedCase" in a catalog that keeps case.
-#}
{% macro find_column(columns, identifier) %}
  {%- set wanted = assay.unquote_identifier(identifier) -%}
  {%- for column in columns -%}
    {%- if column.name == wanted.name -%}{{ return(column) }}{%- endif -%}
  {%- endfor -%}
  {%- for column in columns -%}
    {%- if (column.name | lower) == (wanted.name | lower) -%}{{ return(column) }}{%- endif -%}
  {%- endfor -%}
  {{ return(none) }}
{% endmacro %}
