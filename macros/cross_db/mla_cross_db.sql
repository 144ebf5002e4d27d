{#- Dispatched helpers of the ML drift checks (group mla). -#}

{#- Exact (interpolating, = numpy 'linear') quantiles of `expr` at every u in `grid`, as one
    array/list aggregate: one sort per column instead of one per grid point. -#}
{% macro mla_quantiles(expr, grid) %}{{ return(adapter.dispatch("mla_quantiles", "assay")(expr, grid)) }}{% endmacro %}
{% macro default__mla_quantiles(expr, grid) -%}
  percentile_cont(array[{{ grid | join(", ") }}]::{{ assay.type_double() }}[]) within group (order by {{ expr }})
{%- endmacro %}
{% macro duckdb__mla_quantiles(expr, grid) -%}
  quantile_cont({{ expr }}, [{{ grid | join(", ") }}]::double[])
{%- endmacro %}

{#- Select-list fragment: the edge array `arr` sorted with duplicates collapsed, as `name`
    (Postgres also gets `name_neg`, the negated edges ascending, for the width_bucket binning). -#}
{% macro mla_edge_columns(name, arr) %}{{ return(adapter.dispatch("mla_edge_columns", "assay")(name, arr)) }}{% endmacro %}
{% macro default__mla_edge_columns(name, arr) -%}
  array(select distinct assay_v from unnest({{ arr }}) as assay_u(assay_v) where assay_v is not null order by 1) as {{ name }},
  array(select distinct -assay_v from unnest({{ arr }}) as assay_u(assay_v) where assay_v is not null order by 1) as {{ name }}_neg
{%- endmacro %}
{% macro duckdb__mla_edge_columns(name, arr) -%}
  list_sort(list_distinct({{ arr }})) as {{ name }}
{%- endmacro %}

{#- Bin counts of several columns against edge arrays, in one pass over `source`.
    `specs`: list of {key, name, expr, edges}: `edges` names a column of the one-row CTE
    `edges_cte`. Bins are (previous edge, edge]; the last bin (above every edge) has hi NULL.
    Returns rows (column_name, edge_set, hi, cnt); bins with no rows may be absent. -#}
{% macro mla_bin_counts(source, specs, edges_cte) %}{{ return(adapter.dispatch("mla_bin_counts", "assay")(source, specs, edges_cte)) }}{% endmacro %}

{#- Postgres: width_bucket counts edges <= x; bins closed on the right need edges < x, which
    is width_bucket of -x over the negated edges. One scan, unpivoted with a lateral VALUES. -#}
{% macro default__mla_bin_counts(source, specs, edges_cte) -%}
select assay_v.column_name, assay_v.edge_set, assay_v.hi, count(*) as cnt
from {{ source }}
cross join {{ edges_cte }} as assay_e
cross join lateral (values
  {%- for s in specs %}
    ({{ assay.literal(s.name) }}, '{{ s.set }}', case when ({{ s.expr }}) is null then 0 else 1 end,
     assay_e.{{ s.edges }}[cardinality(assay_e.{{ s.edges }}) + 1
       - width_bucket(-cast({{ s.expr }} as {{ assay.type_double() }}), assay_e.{{ s.edges }}_neg)]){{ "," if not loop.last }}
  {%- endfor %}
) as assay_v(column_name, edge_set, present, hi)
where assay_v.present = 1
group by assay_v.column_name, assay_v.edge_set, assay_v.hi
{%- endmacro %}

{#- DuckDB: the built-in histogram(x, edges) aggregate (9-15x faster than a CASE chain, see
    ENGINES.md) bins every column in one aggregate row; its map is unnested afterwards. -#}
{% macro duckdb__mla_bin_counts(source, specs, edges_cte) -%}
select column_name, edge_set, case when isinf(assay_k) then null else assay_k end as hi, cnt
from (
  {%- for s in specs %}
  select {{ assay.literal(s.name) }} as column_name, '{{ s.set }}' as edge_set,
         unnest(map_keys(assay_h{{ loop.index }})) as assay_k, unnest(map_values(assay_h{{ loop.index }})) as cnt
  from assay_hist
  {{ "union all" if not loop.last }}
  {%- endfor %}
) as assay_unnested
{%- endmacro %}

{#- DuckDB needs the aggregate row as a CTE of its own (named assay_hist); other engines none. -#}
{% macro mla_bin_counts_prelude(source, specs, edges_cte) %}{{ return(adapter.dispatch("mla_bin_counts_prelude", "assay")(source, specs, edges_cte)) }}{% endmacro %}
{% macro default__mla_bin_counts_prelude(source, specs, edges_cte) %}{% endmacro %}
{% macro duckdb__mla_bin_counts_prelude(source, specs, edges_cte) -%}
assay_hist as (
    select
    {%- for s in specs %}
        histogram(cast({{ s.expr }} as double), coalesce(assay_e.{{ s.edges }}, []::double[])) as assay_h{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ source }}
    cross join {{ edges_cte }} as assay_e
),
{%- endmacro %}

{#- A number as short text for failing-row details. -#}
{% macro mla_fmt(expr, digits=4) %}{{ return(adapter.dispatch("mla_fmt", "assay")(expr, digits)) }}{% endmacro %}
{% macro default__mla_fmt(expr, digits=4) -%}
  coalesce(cast(round(cast({{ expr }} as numeric), {{ digits }}) as {{ dbt.type_string() }}), 'null')
{%- endmacro %}
{% macro duckdb__mla_fmt(expr, digits=4) -%}
  coalesce(cast(round(cast({{ expr }} as double), {{ digits }}) as varchar), 'null')
{%- endmacro %}

{#- Length of an array/list (0 for an empty one, NULL for NULL). -#}
{% macro mla_len(arr) %}{{ return(adapter.dispatch("mla_len", "assay")(arr)) }}{% endmacro %}
{% macro default__mla_len(arr) %}cardinality({{ arr }}){% endmacro %}
{% macro duckdb__mla_len(arr) %}len({{ arr }}){% endmacro %}
