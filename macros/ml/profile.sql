{#-
  Reference profiles. One long table (default `assay_profiles` in the target schema, or var
  `assay_profiles_relation`), one row per (profile_label, column_name, record); see
  README "Reference profiles" for the columns.

  profile_sql renders the SELECT of a profile of `relation`; capture_profile (run-operation)
  and the package model assay_reference_profile store it, and the drift tests given a reference
  *relation* compute the very same rows inline, so both paths give identical statistics.
  Two passes over the reference: one aggregate row (counts, moments, exact quantiles), then one
  binning pass against the edges frozen from it.
-#}

{% macro profile_table_columns() %}
  {{ return(["profile_label", "captured_at", "source_relation", "column_name", "kind", "record_type",
             "bin_id", "lo", "hi", "category", "ref_share", "quantile_u", "q_value", "n", "n_null",
             "mean", "std", "null_rate", "distinct_count", "min_value", "max_value"]) }}
{% endmacro %}

{#- One profile row as a select list: given expressions, typed NULL for the rest. -#}
{% macro profile_row(values) -%}
  {%- set dbl = assay.type_double() -%}
  {%- set types = {"profile_label": dbt.type_string(), "captured_at": dbt.type_timestamp(),
        "source_relation": dbt.type_string(), "column_name": dbt.type_string(), "kind": dbt.type_string(),
        "record_type": dbt.type_string(), "bin_id": dbt.type_int(), "lo": dbl, "hi": dbl,
        "category": dbt.type_string(), "ref_share": dbl, "quantile_u": dbl, "q_value": dbl,
        "n": dbt.type_bigint(), "n_null": dbt.type_bigint(), "mean": dbl, "std": dbl, "null_rate": dbl,
        "distinct_count": dbt.type_bigint(), "min_value": dbl, "max_value": dbl} -%}
  {%- set parts = [] -%}
  {%- for column in assay.profile_table_columns() -%}
    {%- do parts.append("cast(" ~ values.get(column, "null") ~ " as " ~ types[column] ~ ") as " ~ column) -%}
  {%- endfor -%}
  {{ parts | join(", ") }}
{%- endmacro %}

{% macro profile_sql(relation, numeric_columns=none, categorical_columns=none, label="reference",
                         bins=10, row_condition=none, captured_at=none, source_name=none,
                         cte_prefix="assay_", ctes_only=false) -%}
  {%- set p = cte_prefix -%}
  {%- set dbl = assay.type_double() -%}
  {%- set nums = assay.column_specs(numeric_columns, "n") -%}
  {%- set cats = assay.column_specs(categorical_columns, "c") -%}
  {%- set grid = assay.profile_quantile_grid() -%}
  {%- set grid_rows = [] -%}
  {%- for u in grid -%}{%- do grid_rows.append([loop.index0, u]) -%}{%- endfor -%}
  {%- set source = assay.filtered_source(relation, row_condition) -%}
  {%- set common = {"profile_label": assay.literal(label),
        "captured_at": captured_at or dbt.current_timestamp(),
        "source_relation": assay.literal(source_name or (relation | string))} -%}
  {%- set bin_specs = [] -%}
  {%- for s in nums -%}
    {%- do bin_specs.append({"name": s.name, "set": "b", "expr": s.expr, "edges": "b_" ~ s.key}) -%}
    {%- do bin_specs.append({"name": s.name, "set": "q", "expr": s.expr, "edges": "q_" ~ s.key}) -%}
  {%- endfor %}
{%- set agg_sql %}
    select
        count(*) as n_rows
        {%- if nums %},{{ assay.summary_aggregates(nums) }}{% endif %}
        {%- for s in nums %},
        {{ assay.quantiles(assay.to_double(s.expr), grid) }} as qg_{{ s.key }},
        {{ assay.quantiles(assay.to_double(s.expr), assay.bin_edge_grid(bins)) }} as qe_{{ s.key }}
        {%- endfor %}
        {%- if cats %},{{ assay.summary_aggregates(cats, numeric=false) }}{% endif %}
    from {{ source }}
{%- endset %}
{{ "" if ctes_only else "with " }}{{ p }}agg as (
    {{ assay.computed_once(agg_sql) }}
),
{%- if nums %}
{{ p }}edges as (
    select
    {%- for s in nums %}
        {{ assay.sorted_edge_columns("b_" ~ s.key, "qe_" ~ s.key) }},
        {{ assay.sorted_edge_columns("q_" ~ s.key, "qg_" ~ s.key) }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ p }}agg
),
{{ assay.bin_counts_prelude(source, bin_specs, p ~ "edges") }}
{{ p }}counts as (
    {{ assay.computed_once(assay.bin_counts(source, bin_specs, p ~ "edges")) }}
),
{{ p }}bin_index as (
    {{ assay.literal_rows(["bin_id"], range(1, bins + 1)) }}
),
{{ p }}grid as (
    {{ assay.literal_rows(["k", "u"], grid_rows) }}
),
{%- endif %}
{%- if cats %}
{{ p }}cat_counts as (
    {{ assay.category_counts(source, cats) }}
),
{%- endif %}
{{ p }}profile as (
    {%- set selects = [] -%}
    {%- for s in nums %}
      {%- set sel -%}
    select {{ assay.profile_row(dict(common, column_name=assay.literal(s.name), kind="'numeric'", record_type="'summary'",
        n="n_rows", n_null="n_rows - nn_" ~ s.key, mean="mean_" ~ s.key, std="std_" ~ s.key,
        null_rate=assay.null_rate_expression("n_rows", "nn_" ~ s.key),
        distinct_count="dc_" ~ s.key, min_value="min_" ~ s.key, max_value="max_" ~ s.key)) }}
    from {{ p }}agg as assay_agg
      {%- endset %}{%- do selects.append(sel) -%}
      {%- set sel -%}
    select {{ assay.profile_row(dict(common, column_name=assay.literal(s.name), kind="'numeric'", record_type="'bin'",
        bin_id="assay_bin_index.bin_id",
        lo="case when assay_bin_index.bin_id > 1 then " ~ assay.array_element("assay_e.b_" ~ s.key, "assay_bin_index.bin_id - 1") ~ " end",
        hi="case when assay_bin_index.bin_id <= " ~ assay.array_length("assay_e.b_" ~ s.key) ~ " then " ~ assay.array_element("assay_e.b_" ~ s.key, "assay_bin_index.bin_id") ~ " end",
        ref_share="cast(coalesce(assay_c.cnt, 0) as " ~ dbl ~ ") / assay_agg.nn_" ~ s.key)) }}
    from {{ p }}agg as assay_agg
    cross join {{ p }}edges as assay_e
    cross join {{ p }}bin_index as assay_bin_index
    left join {{ p }}counts as assay_c
      on assay_c.column_name = {{ assay.literal(s.name) }} and assay_c.edge_set = 'b'
     and assay_c.hi is not distinct from (case when assay_bin_index.bin_id <= {{ assay.array_length("assay_e.b_" ~ s.key) }} then {{ assay.array_element("assay_e.b_" ~ s.key, "assay_bin_index.bin_id") }} end)
    where assay_agg.nn_{{ s.key }} > 0 and assay_bin_index.bin_id <= {{ assay.array_length("assay_e.b_" ~ s.key) }} + 1
      {%- endset %}{%- do selects.append(sel) -%}
      {%- set sel -%}
    {#- The share at or below each quantile by a join and GROUP BY (a correlated subquery would
        make Spark recompute the aggregates per row). -#}
    select {{ assay.profile_row(dict(common, column_name=assay.literal(s.name), kind="'numeric'", record_type="'quantile'",
        quantile_u="assay_q.u", q_value="assay_q.q_value",
        ref_share="cast(assay_q.n_below as " ~ dbl ~ ") / assay_agg.nn_" ~ s.key)) }}
    from (
        select assay_grid.u, {{ assay.array_element("assay_agg.qg_" ~ s.key, "assay_grid.k + 1") }} as q_value,
               coalesce(sum(assay_c.cnt), 0) as n_below
        from {{ p }}agg as assay_agg
        cross join {{ p }}grid as assay_grid
        left join {{ p }}counts as assay_c
          on assay_c.column_name = {{ assay.literal(s.name) }} and assay_c.edge_set = 'q'
         and assay_c.hi <= {{ assay.array_element("assay_agg.qg_" ~ s.key, "assay_grid.k + 1") }}
        where assay_agg.nn_{{ s.key }} > 0
        group by assay_grid.u, {{ assay.array_element("assay_agg.qg_" ~ s.key, "assay_grid.k + 1") }}
    ) as assay_q
    cross join {{ p }}agg as assay_agg
      {%- endset %}{%- do selects.append(sel) -%}
    {%- endfor %}
    {%- for s in cats %}
      {%- set sel -%}
    select {{ assay.profile_row(dict(common, column_name=assay.literal(s.name), kind="'categorical'", record_type="'summary'",
        n="n_rows", n_null="n_rows - nn_" ~ s.key,
        null_rate=assay.null_rate_expression("n_rows", "nn_" ~ s.key),
        distinct_count="dc_" ~ s.key)) }}
    from {{ p }}agg as assay_agg
      {%- endset %}{%- do selects.append(sel) -%}
      {%- set sel -%}
    select {{ assay.profile_row(dict(common, column_name=assay.literal(s.name), kind="'categorical'", record_type="'category'",
        category="assay_c.category", ref_share="cast(assay_c.cnt as " ~ dbl ~ ") / assay_agg.nn_" ~ s.key)) }}
    from {{ p }}cat_counts as assay_c
    cross join {{ p }}agg as assay_agg
    where assay_c.column_name = {{ assay.literal(s.name) }}
      {%- endset %}{%- do selects.append(sel) -%}
    {%- endfor %}
    {{ selects | join("\n    union all\n") }}
)
{%- if not ctes_only %}
select * from {{ p }}profile
{%- endif %}
{%- endmacro %}

{#-
  A relation given by name: 'db.schema.table', 'schema.table' or 'table' (target schema).
  must_exist: look it up in the warehouse (and fail when missing); otherwise just name it.
-#}
{% macro relation_from_name(name, must_exist=true) %}
  {%- if name is not string -%}{{ return(name) }}{%- endif -%}
  {%- set parts = name.split(".") -%}
  {%- set database = parts[0] if parts | length == 3 else target.get("database") -%}
  {%- set schema = parts[-2] if parts | length >= 2 else target.schema -%}
  {%- if not must_exist -%}
    {{ return(api.Relation.create(database=database, schema=schema, identifier=parts[-1])) }}
  {%- endif -%}
  {%- set rel = adapter.get_relation(database, schema, parts[-1]) -%}
  {%- if rel is none -%}{{ exceptions.raise_compiler_error("assay.capture_profile: relation '" ~ name ~ "' not found") }}{%- endif -%}
  {{ return(rel) }}
{% endmacro %}

{#- Split a relation's columns into numeric and categorical (strings, booleans, dates...). -#}
{% macro split_profile_columns(relation, column_list, categorical_columns) %}
  {%- set categorical = [] -%}{%- set numeric = [] -%}
  {%- set forced = [] -%}
  {%- for c in (categorical_columns or []) -%}
    {%- do forced.append(assay.unquote_identifier(c).name | lower) -%}{%- do categorical.append(c) -%}
  {%- endfor -%}
  {%- set by_name = {} -%}
  {%- for col in adapter.get_columns_in_relation(relation) -%}{%- do by_name.update({col.name | lower: col}) -%}{%- endfor -%}
  {%- set wanted = column_list if column_list is not none else by_name.values() | map(attribute="name") | list -%}
  {%- for c in wanted -%}
    {%- set bare = assay.unquote_identifier(c).name | lower -%}
    {%- if bare not in forced -%}
      {%- set col = by_name.get(bare) -%}
      {%- if col is none -%}{{ exceptions.raise_compiler_error("assay.capture_profile: column '" ~ c ~ "' not in " ~ relation) }}{%- endif -%}
      {%- set rendered = c if column_list is not none else adapter.quote(col.name) -%}
      {%- if col.is_numeric() or col.is_float() or col.is_integer() -%}{%- do numeric.append(rendered) -%}
      {%- else -%}{%- do categorical.append(rendered) -%}{%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return({"numeric": numeric, "categorical": categorical}) }}
{% endmacro %}

{#-
  dbt run-operation assay.capture_profile --args '{relation: training_set, label: train_2026_11}'
  Stores a profile of `relation` under `label` in the profile table (created when missing).
  Capturing a label again replaces that label's rows; other labels are kept.
-#}
{% macro capture_profile(relation, column_list=none, label=none, categorical_columns=none, bins=10,
                         profile_relation=none, row_condition=none) %}
  {%- set rel = assay.relation_from_name(relation) -%}
  {%- set label = label or ("profile_" ~ run_started_at.strftime("%Y%m%d%H%M%S")) -%}
  {%- set split = assay.split_profile_columns(rel, column_list, categorical_columns) -%}
  {%- set target_rel = assay.relation_from_name(assay.stored_profile_relation(profile_relation), must_exist=false) -%}
  {%- set select_sql = assay.profile_sql(rel, split.numeric, split.categorical, label, bins=bins,
        row_condition=row_condition, source_name=rel | string) -%}
  {%- do adapter.create_schema(target_rel) -%}
  {%- set existing = adapter.get_relation(target_rel.database, target_rel.schema, target_rel.identifier) -%}
  {%- if existing is none -%}
    {%- do run_query("create table " ~ target_rel ~ " as select * from (" ~ select_sql ~ ") as assay_p where 1 = 0") -%}
  {%- endif -%}
  {%- do run_query("delete from " ~ target_rel ~ " where profile_label = " ~ assay.literal(label)) -%}
  {%- do run_query("insert into " ~ target_rel ~ " (" ~ assay.profile_table_columns() | join(", ") ~ ") " ~ select_sql) -%}
  {{ log("assay: captured profile '" ~ label ~ "' of " ~ rel ~ " (" ~ split.numeric | length ~ " numeric, "
         ~ split.categorical | length ~ " categorical columns) into " ~ target_rel, info=true) }}
{% endmacro %}
