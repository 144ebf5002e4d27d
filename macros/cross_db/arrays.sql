{#- Array/list helpers whose spelling differs between engines. -#}

{#- Elements in an array/list: 0 for an empty one, NULL for NULL. -#}
{% macro array_length(arr) %}
  {{- return(adapter.dispatch("array_length", "assay")(arr)) -}}
{% endmacro %}
{% macro default__array_length(arr) %}cardinality({{ arr }}){% endmacro %}
{% macro duckdb__array_length(arr) %}len({{ arr }}){% endmacro %}
{% macro spark__array_length(arr) %}size({{ arr }}){% endmacro %}

{#-
  Element `index` (1-based) of an array/list, NULL beyond its end. Spark's `arr[i]` counts
  from 0 and so would silently read the neighbouring element: it gets element_at (1-based).
-#}
{% macro array_element(arr, index) %}
  {{- return(adapter.dispatch("array_element", "assay")(arr, index)) -}}
{% endmacro %}
{% macro default__array_element(arr, index) %}{{ arr }}[{{ index }}]{% endmacro %}
{% macro spark__array_element(arr, index) %}try_element_at({{ arr }}, {{ index }}){% endmacro %}
