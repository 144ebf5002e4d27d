{#-
  "Now" for the freshness tests, as a timestamp without time zone in the session's time zone,
  so it compares with timestamp columns the way the models that wrote them saw the clock.
  DuckDB and PostgreSQL return a zoned value from current_timestamp; the cast drops the zone
  on both; Spark's timestamp is already session-local.
-#}
{% macro va_now() %}{{ return(adapter.dispatch("va_now", "assay")()) }}{% endmacro %}
{% macro default__va_now() %}cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }}){% endmacro %}
