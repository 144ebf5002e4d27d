{#- Numeric helpers whose SQL differs between engines or whose edge cases do. -#}

{#-
  A number rounded to `precision` decimals for equality checks. PostgreSQL has no
  round(double precision, int), so the value goes through a decimal wide enough for the
  fractions people compare; decimal(38, 12) is accepted by DuckDB, PostgreSQL and Spark alike.
-#}
{% macro round_number(expression, precision) %}{{ return(adapter.dispatch("round_number", "assay")(expression, precision)) }}{% endmacro %}
{% macro default__round_number(expression, precision) %}round(cast({{ expression }} as decimal(38, 12)), {{ precision | int }}){% endmacro %}

{#-
  Natural log that is NULL where the log is undefined. Unguarded, ln(0) is -inf on DuckDB,
  an error on PostgreSQL and NULL on Spark, and ln(-1) is NaN on DuckDB: the CASE makes
  all three return NULL, so the caller decides what a non-positive input means.
-#}
{% macro safe_ln(expr) %}
  {{ return(adapter.dispatch("safe_ln", "assay")(expr)) }}
{% endmacro %}

{% macro default__safe_ln(expr) -%}
  case when {{ expr }} > 0 then ln({{ expr }}) end
{%- endmacro %}

{#-
  The SAMPLE standard deviation (n - 1 denominator), as dbt-expectations' stddev() is on
  DuckDB, PostgreSQL and Spark; stddev_samp is spelled out so no engine can differ. An
  aggregate, or a window function with an OVER clause after it. One value gives NULL.
-#}
{% macro sample_stddev(expr) %}
  {{ return(adapter.dispatch("sample_stddev", "assay")(expr)) }}
{% endmacro %}

{% macro default__sample_stddev(expr) -%}
  stddev_samp({{ expr }})
{%- endmacro %}

{#-
  A number as fixed-point text with `decimals` decimals, for messages and failing-row details,
  the same on every engine: casting a double straight to text prints 0.30000000000000004 on
  one engine and 0.3 on another, and round() keeps or drops trailing zeros per engine.
  NULL gives 'NULL'; magnitudes beyond a decimal's range fall back to the engine's text.
-#}
{% macro format_number(expr, decimals=6) %}
  {{- return(adapter.dispatch("format_number", "assay")(expr, decimals)) -}}
{% endmacro %}

{% macro default__format_number(expr, decimals=6) -%}
coalesce(case when abs({{ expr }}) < 1e15 then cast(cast({{ expr }} as decimal(38, {{ decimals | int }})) as {{ dbt.type_string() }})
              else cast({{ expr }} as {{ dbt.type_string() }}) end, 'NULL')
{%- endmacro %}
