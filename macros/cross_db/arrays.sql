{#- Array/list helpers whose spelling differs between engines. -#}

{#- Elements in an array/list: 0 for an empty one, NULL for NULL. -#}
{% macro array_length(arr) %}
  {{- return(adapter.dispatch("array_length", "assay")(arr)) -}}
{% endmacro %}
{% macro default__array_length(arr) %}cardinality({{ arr }}){% endmacro %}
{% macro duckdb__array_length(arr) %}len({{ arr }}){% endmacro %}
{% macro spark__array_length(arr) %}size({{ arr }}){% endmacro %}
