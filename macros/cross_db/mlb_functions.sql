{#- Cross-database helpers of the ML feature and model-output checks (group mlb). -#}

{#- Exact quantile (linear interpolation, numpy's default method) as an aggregate. -#}
{% macro mlb_percentile(expr, u) %}{{ return(adapter.dispatch("mlb_percentile", "assay")(expr, u)) }}{% endmacro %}
{% macro default__mlb_percentile(expr, u) -%}
percentile_cont({{ u }}) within group (order by {{ expr }})
{%- endmacro %}

{#-
  A number as fixed-point text for `detail` (6 decimals), the same on every engine: casting a
  double straight to text prints 0.30000000000000004 on one engine and 0.3 on another.
-#}
{% macro mlb_format_number(expr) %}{{ return(adapter.dispatch("mlb_format_number", "assay")(expr)) }}{% endmacro %}
{% macro default__mlb_format_number(expr) -%}
coalesce(case when abs({{ expr }}) < 1e15 then cast(cast({{ expr }} as decimal(38, 6)) as {{ dbt.type_string() }})
              else cast({{ expr }} as {{ dbt.type_string() }}) end, 'NULL')
{%- endmacro %}

{#- string_agg with an ORDER BY inside the aggregate. -#}
{% macro mlb_string_agg(expr, separator, order_by) %}{{ return(adapter.dispatch("mlb_string_agg", "assay")(expr, separator, order_by)) }}{% endmacro %}
{% macro default__mlb_string_agg(expr, separator, order_by) -%}
string_agg({{ expr }}, '{{ separator }}' order by {{ order_by }})
{%- endmacro %}
{#- Spark 4 spells the order as WITHIN GROUP (not yet run on Spark). -#}
{% macro spark__mlb_string_agg(expr, separator, order_by) -%}
string_agg({{ expr }}, '{{ separator }}') within group (order by {{ order_by }})
{%- endmacro %}
