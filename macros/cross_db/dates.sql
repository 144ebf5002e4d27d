{#-
  Date and time helpers: "now", date parts, interval literals, period starts and timestamp
  series. Every step is rendered as an interval literal from a compile-time count, so the same
  SQL shape works whether a series is built by generate_series (PostgreSQL), a list function
  (DuckDB) or sequence() (Spark).
-#}

{#-
  "Now" as a timestamp without time zone in the session's time zone, so it compares with
  timestamp columns the way the models that wrote them saw the clock. DuckDB and PostgreSQL
  return a zoned value from current_timestamp; the cast drops the zone on both; Spark's
  timestamp is already session-local.
-#}
{% macro now() %}{{ return(adapter.dispatch("now", "assay")()) }}{% endmacro %}
{% macro default__now() %}cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }}){% endmacro %}

{#- The date parts the period and series tests accept; quarter and week are rewritten to months
    and days (see interval_literal) because PostgreSQL's interval input knows neither. -#}
{% macro date_parts() %}
  {{ return(["second", "minute", "hour", "day", "week", "month", "quarter", "year"]) }}
{% endmacro %}

{#- `n` date_parts as an interval literal, e.g. interval '3 month' for (1, "quarter"). -#}
{% macro interval_literal(n, date_part) %}
  {{ return(adapter.dispatch("interval_literal", "assay")(n, date_part)) }}
{% endmacro %}

{#- [count, unit] with quarter and week in the units every engine's interval literal knows. -#}
{% macro interval_count_and_unit(n, date_part) %}
  {%- if date_part == "quarter" -%}{{ return([n * 3, "month"]) }}
  {%- elif date_part == "week" -%}{{ return([n * 7, "day"]) }}
  {%- else -%}{{ return([n, date_part]) }}
  {%- endif -%}
{% endmacro %}

{% macro default__interval_literal(n, date_part) -%}
  {%- set parts = assay.interval_count_and_unit(n, date_part) -%}
  interval '{{ parts[0] }} {{ parts[1] }}'
{%- endmacro %}

{% macro spark__interval_literal(n, date_part) -%}
  {%- set parts = assay.interval_count_and_unit(n, date_part) -%}
  interval {{ parts[0] }} {{ parts[1] }}
{%- endmacro %}

{#- `expr` truncated to `date_part`, as a timestamp (PostgreSQL's date_trunc on a date
    yields timestamptz; DuckDB's yields a date or timestamp depending on the part). -#}
{% macro period_start(expr, date_part) -%}
  cast({{ dbt.date_trunc(date_part, "cast(" ~ expr ~ " as " ~ dbt.type_timestamp() ~ ")") }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#-
  One row per step from `start_expr` to `stop_expr` (both inclusive), as column
  `assay_slot`. The bounds are scalar expressions over `relation` (a one-row CTE), so the
  series needs no query at compile time; a NULL bound (empty input) gives no rows.
-#}
{% macro timestamp_series(start_expr, stop_expr, step, relation) %}
  {{ return(adapter.dispatch("timestamp_series", "assay")(start_expr, stop_expr, step, relation)) }}
{% endmacro %}

{% macro default__timestamp_series(start_expr, stop_expr, step, relation) -%}
  select generate_series({{ start_expr }}, {{ stop_expr }}, {{ step }}) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}

{#- DuckDB's generate_series in a select list returns a list: unnest it. -#}
{% macro duckdb__timestamp_series(start_expr, stop_expr, step, relation) -%}
  select unnest(generate_series({{ start_expr }}, {{ stop_expr }}, {{ step }})) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}

{#- Spark has no generate_series; sequence() raises on start > stop, hence the where. -#}
{% macro spark__timestamp_series(start_expr, stop_expr, step, relation) -%}
  select explode(sequence({{ start_expr }}, {{ stop_expr }}, {{ step }})) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}
