{#- Shared pieces of the profile and drift SQL: column specs, grids, edges. -#}

{#- ε: the floor of an empty bin's share before a logarithm is taken (DESIGN §3). -#}
{% macro mla_epsilon() %}{{ return(0.0001) }}{% endmacro %}

{#- The fixed quantile grid of a profile: u = k/100 for k = 0..100 (0 and 1 are min and max). -#}
{% macro mla_grid() %}
  {%- set grid = [] -%}
  {%- for k in range(0, 101) -%}{%- do grid.append(k / 100) -%}{%- endfor -%}
  {{ return(grid) }}
{% endmacro %}

{#- Reference quantile levels of the B bin edges: j/B for j = 1..B-1 (deciles by default). -#}
{% macro mla_edge_grid(bins) %}
  {%- set grid = [] -%}
  {%- for j in range(1, bins) -%}{%- do grid.append(j / bins) -%}{%- endfor -%}
  {{ return(grid) }}
{% endmacro %}

{#- A column as the user named it, without surrounding double quotes: the name a profile stores. -#}
{% macro mla_bare_name(column) -%}
  {%- set c = column | string | trim -%}
  {%- if c.startswith('"') and c.endswith('"') and c | length > 1 -%}{{ return(c[1:-1]) }}{%- endif -%}
  {%- if c.startswith('`') and c.endswith('`') and c | length > 1 -%}{{ return(c[1:-1]) }}{%- endif -%}
  {{ return(c) }}
{%- endmacro %}

{#- Specs for a list of columns: {key (safe alias), name (stored name), expr (SQL as given)}. -#}
{% macro mla_column_specs(columns, prefix) %}
  {%- set specs = [] -%}
  {%- for column in (columns or []) -%}
    {%- do specs.append({"key": prefix ~ loop.index0, "name": assay.mla_bare_name(column), "expr": column | string | trim}) -%}
  {%- endfor -%}
  {{ return(specs) }}
{% endmacro %}

{#- A relation plus an optional filter, usable after FROM. -#}
{% macro mla_source(relation, row_condition=none) -%}
  {%- if row_condition -%}(select * from {{ relation }} where {{ row_condition }}) as assay_src
  {%- else -%}{{ relation }} as assay_src{%- endif -%}
{%- endmacro %}
