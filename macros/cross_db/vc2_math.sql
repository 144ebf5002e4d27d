{#-
  Natural log that is NULL where the log is undefined. Unguarded, ln(0) is -inf on DuckDB,
  an error on PostgreSQL and NULL on Spark, and ln(-1) is NaN on DuckDB: the CASE makes
  all three return NULL, so the caller decides what a non-positive input means.
-#}
{% macro vc2_safe_ln(expr) %}
  {{ return(adapter.dispatch("vc2_safe_ln", "assay")(expr)) }}
{% endmacro %}

{% macro default__vc2_safe_ln(expr) -%}
  case when {{ expr }} > 0 then ln({{ expr }}) end
{%- endmacro %}

{#- Sample standard deviation, as dbt-expectations' `stddev` is on every engine it runs on. -#}
{% macro vc2_stddev(expr) %}
  {{ return(adapter.dispatch("vc2_stddev", "assay")(expr)) }}
{% endmacro %}

{% macro default__vc2_stddev(expr) -%}
  stddev_samp({{ expr }})
{%- endmacro %}
