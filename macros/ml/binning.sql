{#-
  Binning shared by the reference profile and the drift tests: the ε floor, the quantile grids,
  the bin edges frozen from the reference, and the one-pass bin and category counts (dispatched:
  DuckDB's histogram() aggregate, PostgreSQL's width_bucket / a lateral VALUES unpivot).
-#}

{#- ε: the floor of an empty bin's share before a logarithm is taken (DESIGN §3). -#}
{% macro drift_epsilon() %}{{ return(0.0001) }}{% endmacro %}

{#- The fixed quantile grid of a profile: u = k/100 for k = 0..100 (0 and 1 are min and max). -#}
{% macro profile_quantile_grid() %}
  {%- set grid = [] -%}
  {%- for k in range(0, 101) -%}{%- do grid.append(k / 100) -%}{%- endfor -%}
  {{ return(grid) }}
{% endmacro %}

{#- Reference quantile levels of the B bin edges: j/B for j = 1..B-1 (deciles by default). -#}
{% macro bin_edge_grid(bins) %}
  {%- set grid = [] -%}
  {%- for j in range(1, bins) -%}{%- do grid.append(j / bins) -%}{%- endfor -%}
  {{ return(grid) }}
{% endmacro %}

{#- Select-list fragment: the edge array `arr` sorted with duplicates collapsed, as `name`
    (Postgres also gets `name_neg`, the negated edges ascending, for the width_bucket binning). -#}
{% macro sorted_edge_columns(name, arr) %}{{ return(adapter.dispatch("sorted_edge_columns", "assay")(name, arr)) }}{% endmacro %}
{% macro default__sorted_edge_columns(name, arr) -%}
  array(select distinct assay_v from unnest({{ arr }}) as assay_u(assay_v) where assay_v is not null order by 1) as {{ name }},
  array(select distinct -assay_v from unnest({{ arr }}) as assay_u(assay_v) where assay_v is not null order by 1) as {{ name }}_neg
{%- endmacro %}
{% macro duckdb__sorted_edge_columns(name, arr) -%}
  list_sort(list_distinct({{ arr }})) as {{ name }}
{%- endmacro %}
{% macro spark__sorted_edge_columns(name, arr) -%}
  array_sort(array_distinct(filter({{ arr }}, assay_v -> assay_v is not null))) as {{ name }}
{%- endmacro %}

{#- Bin counts of several columns against edge arrays, in one pass over `source`.
    `specs`: list of {key, name, expr, edges}: `edges` names a column of the one-row CTE
    `edges_cte`. Bins are (previous edge, edge]; the last bin (above every edge) has hi NULL.
    Returns rows (column_name, edge_set, hi, cnt); bins with no rows may be absent. -#}
{% macro bin_counts(source, specs, edges_cte) %}{{ return(adapter.dispatch("bin_counts", "assay")(source, specs, edges_cte)) }}{% endmacro %}

{#- Postgres: width_bucket counts edges <= x; bins closed on the right need edges < x, which
    is width_bucket of -x over the negated edges. One scan, unpivoted with a lateral VALUES. -#}
{% macro default__bin_counts(source, specs, edges_cte) -%}
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
{% macro duckdb__bin_counts(source, specs, edges_cte) -%}
select column_name, edge_set, case when isinf(assay_k) then null else assay_k end as hi, cnt
from (
  {%- for s in specs %}
  select {{ assay.literal(s.name) }} as column_name, '{{ s.set }}' as edge_set,
         unnest(map_keys(assay_h{{ loop.index }})) as assay_k, unnest(map_values(assay_h{{ loop.index }})) as cnt
  from {{ edges_cte }}_hist
  {{ "union all" if not loop.last }}
  {%- endfor %}
) as assay_unnested
{%- endmacro %}

{#- Spark: a bin's upper edge is the smallest edge >= x (array_min of an empty array is NULL:
    the last bin); Spark's inline VALUES cannot read columns, so stack() unpivots the rows. -#}
{% macro spark__bin_counts(source, specs, edges_cte) -%}
select column_name, edge_set, hi, count(*) as cnt
from (
    select stack({{ specs | length }}
    {%- for s in specs %},
        {{ assay.literal(s.name) }}, '{{ s.set }}', ({{ s.expr }}) is not null,
        array_min(filter(assay_e.{{ s.edges }}, assay_edge -> assay_edge >= cast({{ s.expr }} as {{ assay.type_double() }})))
    {%- endfor %}) as (column_name, edge_set, present, hi)
    from {{ source }}
    cross join {{ edges_cte }} as assay_e
) as assay_v
where present
group by column_name, edge_set, hi
{%- endmacro %}

{#- DuckDB needs the aggregate row as a CTE of its own (named after the edges CTE, so a query
    holding two binnings, a drift query with its reference's profile, has two); other engines none. -#}
{% macro bin_counts_prelude(source, specs, edges_cte) %}{{ return(adapter.dispatch("bin_counts_prelude", "assay")(source, specs, edges_cte)) }}{% endmacro %}
{% macro default__bin_counts_prelude(source, specs, edges_cte) %}{% endmacro %}
{% macro duckdb__bin_counts_prelude(source, specs, edges_cte) -%}
{{ edges_cte }}_hist as (
    select
    {%- for s in specs %}
        histogram(cast({{ s.expr }} as double), coalesce(assay_e.{{ s.edges }}, []::double[])) as assay_h{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ source }}
    cross join {{ edges_cte }} as assay_e
),
{%- endmacro %}

{#- Counts per (column, category) of several categorical columns, one scan (lateral VALUES unpivot;
    DuckDB: one histogram() map per column, about 5x faster than unpivoting the rows). -#}
{% macro category_counts(source, specs) %}{{ return(adapter.dispatch("category_counts", "assay")(source, specs)) }}{% endmacro %}
{% macro duckdb__category_counts(source, specs) -%}
select column_name, category, cnt from (
    with assay_cat_hist as (
        select
        {%- for s in specs %}
            histogram(cast({{ s.expr }} as varchar)) as assay_h{{ loop.index }}{{ "," if not loop.last }}
        {%- endfor %}
        from {{ source }}
    )
    {%- for s in specs %}
    select {{ assay.literal(s.name) }} as column_name, unnest(map_keys(assay_h{{ loop.index }})) as category,
           unnest(map_values(assay_h{{ loop.index }})) as cnt
    from assay_cat_hist
    {{ "union all" if not loop.last }}
    {%- endfor %}
) as assay_cat_counts
where category is not null
{%- endmacro %}
{% macro default__category_counts(source, specs) -%}
select assay_v.column_name, assay_v.category, count(*) as cnt
from {{ source }}
cross join lateral (values
  {%- for s in specs %}
    ({{ assay.literal(s.name) }}, cast({{ s.expr }} as {{ dbt.type_string() }})){{ "," if not loop.last }}
  {%- endfor %}
) as assay_v(column_name, category)
where assay_v.category is not null
group by assay_v.column_name, assay_v.category
{%- endmacro %}
{% macro spark__category_counts(source, specs) -%}
select column_name, category, count(*) as cnt
from (
    select stack({{ specs | length }}
    {%- for s in specs %},
        {{ assay.literal(s.name) }}, cast({{ s.expr }} as {{ dbt.type_string() }})
    {%- endfor %}) as (column_name, category)
    from {{ source }}
) as assay_v
where category is not null
group by column_name, category
{%- endmacro %}
