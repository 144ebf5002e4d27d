{#- An 8-byte float. dbt's type_float() is 4 bytes on DuckDB and Spark, which loses precision. -#}
{% macro type_double() %}{{ return(adapter.dispatch("type_double", "assay")()) }}{% endmacro %}
{% macro default__type_double() %}double precision{% endmacro %}
{% macro spark__type_double() %}double{% endmacro %}
