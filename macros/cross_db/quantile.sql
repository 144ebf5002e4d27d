{#-
  Exact quantiles as AGGREGATES: one value per group in a GROUP BY, one value for the whole
  relation without one, on every engine. (dbt-expectations' Spark median is a window
  function, which yields one row per input row and so one test result per row.)

  `q` is rendered as given: a number in 0..1 (checked by the calling test) or a SQL expression.
  Interpolation is linear between the two closest ranks (percentile_cont semantics) on every
  engine; NULL inputs are ignored and an empty or all-NULL input gives NULL.
  Pass a numeric expression; callers that want one result type everywhere cast it to
  assay.type_double() first.
-#}
{% macro quantile(expression, q) %}
  {{- return(adapter.dispatch("quantile", "assay")(expression, q)) -}}
{% endmacro %}

{% macro default__quantile(expression, q) -%}
  percentile_cont({{ q }}) within group (order by {{ expression }})
{%- endmacro %}

{#- Spark's percentile() is the exact, linearly interpolated aggregate (percentile_approx is not exact). -#}
{% macro spark__quantile(expression, q) -%}
  percentile({{ expression }}, {{ q }})
{%- endmacro %}

{% macro median(expression) %}
  {{- return(adapter.dispatch("median", "assay")(expression)) -}}
{% endmacro %}

{#- Postgres has no median(); the 0.5 quantile is the same number everywhere. -#}
{% macro default__median(expression) -%}
  {{ assay.quantile(expression, 0.5) }}
{%- endmacro %}

{#-
  Exact quantiles of `expression` at every u in `grid` (a list of numbers), as ONE aggregate
  returning an array (1-based: element k is the quantile at grid[k - 1]): one sort per column
  instead of one per grid point. Same interpolation as assay.quantile. An empty or all-NULL
  input gives NULL.
-#}
{% macro quantiles(expression, grid) %}
  {{- return(adapter.dispatch("quantiles", "assay")(expression, grid)) -}}
{% endmacro %}

{% macro default__quantiles(expression, grid) -%}
  percentile_cont(array[{{ grid | join(", ") }}]::{{ assay.type_double() }}[]) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__quantiles(expression, grid) -%}
  quantile_cont({{ expression }}, [{{ grid | join(", ") }}]::double[])
{%- endmacro %}

{% macro spark__quantiles(expression, grid) -%}
  percentile({{ expression }}, array({{ grid | join(", ") }}))
{%- endmacro %}
