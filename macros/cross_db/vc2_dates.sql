{#-
  Date and series helpers for the range/sequence/distributional tests (group vc2).
  Every step is rendered as an interval literal from a compile-time count, so the same
  SQL shape works whether the series is built by generate_series (PostgreSQL), a list
  function (DuckDB) or sequence() (Spark).
-#}

{#- The date parts these tests accept; quarter and week are rewritten to months and days
    because PostgreSQL's interval input knows neither. -#}
{% macro vc2_date_parts() %}
  {{ return(["second", "minute", "hour", "day", "week", "month", "quarter", "year"]) }}
{% endmacro %}

{% macro vc2_interval(n, date_part) %}
  {{ return(adapter.dispatch("vc2_interval", "assay")(n, date_part)) }}
{% endmacro %}

{% macro vc2_interval_parts(n, date_part) %}
  {%- if date_part == "quarter" -%}{{ return([n * 3, "month"]) }}
  {%- elif date_part == "week" -%}{{ return([n * 7, "day"]) }}
  {%- else -%}{{ return([n, date_part]) }}
  {%- endif -%}
{% endmacro %}

{% macro default__vc2_interval(n, date_part) -%}
  {%- set parts = assay.vc2_interval_parts(n, date_part) -%}
  interval '{{ parts[0] }} {{ parts[1] }}'
{%- endmacro %}

{% macro spark__vc2_interval(n, date_part) -%}
  {%- set parts = assay.vc2_interval_parts(n, date_part) -%}
  interval {{ parts[0] }} {{ parts[1] }}
{%- endmacro %}

{#- `expr` truncated to `date_part`, as a timestamp (PostgreSQL's date_trunc on a date
    yields timestamptz; DuckDB's yields a date or timestamp depending on the part). -#}
{% macro vc2_period_start(expr, date_part) -%}
  cast({{ dbt.date_trunc(date_part, "cast(" ~ expr ~ " as " ~ dbt.type_timestamp() ~ ")") }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro vc2_now() -%}
  cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#-
  One row per step from `start_expr` to `stop_expr` (both inclusive), as column
  `assay_slot`. The bounds are scalar expressions over `relation` (a one-row CTE), so the
  series needs no query at compile time; a NULL bound (empty input) gives no rows.
-#}
{% macro vc2_timestamp_series(start_expr, stop_expr, step, relation) %}
  {{ return(adapter.dispatch("vc2_timestamp_series", "assay")(start_expr, stop_expr, step, relation)) }}
{% endmacro %}

{% macro default__vc2_timestamp_series(start_expr, stop_expr, step, relation) -%}
  select generate_series({{ start_expr }}, {{ stop_expr }}, {{ step }}) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}

{#- DuckDB's generate_series in a select list returns a list: unnest it. -#}
{% macro duckdb__vc2_timestamp_series(start_expr, stop_expr, step, relation) -%}
  select unnest(generate_series({{ start_expr }}, {{ stop_expr }}, {{ step }})) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}

{#- Spark has no generate_series; sequence() raises on start > stop, hence the where. -#}
{% macro spark__vc2_timestamp_series(start_expr, stop_expr, step, relation) -%}
  select explode(sequence({{ start_expr }}, {{ stop_expr }}, {{ step }})) as assay_slot
  from {{ relation }}
  where {{ start_expr }} <= {{ stop_expr }}
{%- endmacro %}
