{#-
  A number rounded to `precision` decimals for equality checks. PostgreSQL has no
  round(double precision, int), so the value goes through a decimal wide enough for the
  fractions people compare; decimal(38, 12) is accepted by DuckDB, PostgreSQL and Spark alike.
-#}
{% macro va_round(expression, precision) %}{{ return(adapter.dispatch("va_round", "assay")(expression, precision)) }}{% endmacro %}
{% macro default__va_round(expression, precision) %}round(cast({{ expression }} as decimal(38, 12)), {{ precision | int }}){% endmacro %}
