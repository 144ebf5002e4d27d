{#-
  The reference side of every ML check that compares a model with a reference, and the
  per-column summaries both sides are read through.

  A test compares against exactly one of `reference` (a relation, usually the training set,
  filtered by `compare_row_condition`) or `reference_profile` (a profile_label in the stored
  profile table, see profile.sql). The current model and a reference relation are summarised
  by the same `*_from_relation` macros; a stored profile is read straight from its rows. Each
  macro returns a SELECT usable as a derived table, one row per column (and category or
  quantile), so a test composes them in ONE query and an integration model can materialise
  them for the numpy comparison.

  Columns are specs {key, name, expr} (assay.column_specs): `name` is the column as the user
  wrote it without quotes (how the profile stores it), `expr` the SQL to read it, `key` a safe
  alias suffix.
-#}

{#- Specs for a list of columns: {key (safe alias suffix), name (stored name), expr (SQL as given)}. -#}
{% macro column_specs(columns, prefix="c") %}
  {%- set specs = [] -%}
  {%- for column in (columns or []) -%}
    {%- do specs.append({"key": prefix ~ loop.index0, "name": assay.unquote_identifier(column).name,
                         "expr": column | string | trim}) -%}
  {%- endfor -%}
  {{ return(specs) }}
{% endmacro %}

{#- The columns a test checks: `column_list` (model-level, many columns) or the column the test is attached to. -#}
{% macro compared_columns(test_name, model, column_name, column_list, argument="column_list") %}
  {%- set names = [] -%}
  {%- if column_list is not none -%}
    {{ assay.check_list(test_name, model, argument, column_list) }}
    {%- if assay.is_list(column_list) -%}{%- set names = column_list -%}{%- endif -%}
  {%- elif column_name is not none -%}
    {%- set names = [column_name] -%}
  {%- elif execute -%}
    {{ assay.arg_error(test_name, model, "column_name/" ~ argument,
        "needs a column: attach the test to a column or pass " ~ argument) }}
  {%- endif -%}
  {{ return(assay.column_specs(names)) }}
{% endmacro %}

{#-
  Which reference a test compares against: exactly one of `reference` (a relation) or
  `reference_profile` (a profile_label in the stored profile table `profile_relation`).
  Returns {kind: 'relation'|'profile', relation, row_condition | label}.
-#}
{% macro reference_source(test_name, model, reference, reference_profile, profile_relation=none, compare_row_condition=none) %}
  {%- if execute -%}
    {%- if reference is none and reference_profile is none -%}
      {{ assay.arg_error(test_name, model, "reference/reference_profile",
          "needs one of reference (a relation) or reference_profile (a profile label)") }}
    {%- elif reference is not none and reference_profile is not none -%}
      {{ assay.arg_error(test_name, model, "reference/reference_profile", "takes either reference or reference_profile, not both") }}
    {%- elif reference_profile is not none and (reference_profile is not string or reference_profile | trim == "") -%}
      {{ assay.arg_error(test_name, model, "reference_profile", "must be a profile label (a string), got " ~ (reference_profile | tojson)) }}
    {%- elif reference_profile is not none and compare_row_condition is not none -%}
      {{ assay.arg_error(test_name, model, "compare_row_condition", "applies to a reference relation only; a stored profile is already filtered") }}
    {%- endif -%}
  {%- endif -%}
  {%- if reference_profile is not none -%}
    {{ return({"kind": "profile", "label": reference_profile, "relation": assay.stored_profile_relation(profile_relation)}) }}
  {%- else -%}
    {{ return({"kind": "relation", "relation": reference, "row_condition": compare_row_condition}) }}
  {%- endif -%}
{% endmacro %}

{#- The stored profile table: the argument, else var assay_profiles_relation, else <target schema>.assay_profiles. -#}
{% macro stored_profile_relation(profile_relation=none) %}
  {%- if profile_relation is not none -%}{{ return(profile_relation) }}{%- endif -%}
  {%- set configured = var("assay_profiles_relation", none) -%}
  {%- if configured -%}{{ return(configured) }}{%- endif -%}
  {{ return(api.Relation.create(database=target.get("database"), schema=target.schema, identifier="assay_profiles")) }}
{% endmacro %}

{#-
  The stored rows of the columns' profile (of one record_type, or all), from the newest capture
  of the label (a label captured twice is read at its latest captured_at).
-#}
{% macro stored_profile_rows(source, columns, record_type=none) -%}
  {%- set names = [] -%}
  {%- for c in columns -%}{%- do names.append(assay.literal(c.name)) -%}{%- endfor -%}
(select * from {{ source.relation }}
 where profile_label = {{ assay.literal(source.label) }}
   {%- if record_type is not none %}
   and record_type = '{{ record_type }}'
   {%- endif %}
   and column_name in ({{ names | join(", ") }})
   and captured_at = (select max(captured_at) from {{ source.relation }}
                      where profile_label = {{ assay.literal(source.label) }}))
{%- endmacro %}

{#- `case k when 0 then a when 1 then b ... end`: picks column k's value out of a wide row. -#}
{% macro pick_by_key(values, key="assay_k") -%}
  {%- if values | length == 1 -%}{{ values[0] }}
  {%- else -%}case {{ key }}{% for v in values %} when {{ loop.index0 }} then {{ v }}{% endfor %} end
  {%- endif -%}
{%- endmacro %}

{#- The keys 0..count-1 as rows (column assay_k), to turn a wide aggregate row into one row per column. -#}
{% macro key_rows(count) -%}
({{ assay.literal_rows(["assay_k"], range(count)) }}) as assay_keys
{%- endmacro %}

{#- A relation plus an optional filter, usable after FROM. -#}
{% macro filtered_source(relation, row_condition=none) -%}
  {%- if row_condition -%}(select * from {{ relation }} where {{ row_condition }}) as assay_src
  {%- else -%}{{ assay.aliased(relation, 'assay_src') }}{%- endif -%}
{%- endmacro %}

{#-
  Select-list items: the one-pass aggregates a column summary needs (count(*) is the caller's),
  aliased <measure>_<key>: nn (non-NULL), dc (distinct), and for numeric columns mean, std
  (sample, ddof 1), min, max as 8-byte floats.
-#}
{% macro summary_aggregates(specs, numeric=true) -%}
  {%- for c in specs %}
        count({{ c.expr }}) as nn_{{ c.key }},
        count(distinct {{ c.expr }}) as dc_{{ c.key }}
        {%- if numeric %},
        avg({{ assay.to_double(c.expr) }}) as mean_{{ c.key }},
        {{ assay.sample_stddev(assay.to_double(c.expr)) }} as std_{{ c.key }},
        min({{ assay.to_double(c.expr) }}) as min_{{ c.key }},
        max({{ assay.to_double(c.expr) }}) as max_{{ c.key }}
        {%- endif %}{{ "," if not loop.last }}
  {%- endfor %}
{%- endmacro %}

{#- The null rate of a column from the row count and its non-NULL count. -#}
{% macro null_rate_expression(n_rows, n_nonnull) -%}
case when {{ n_rows }} > 0 then {{ assay.to_double(n_rows ~ " - " ~ n_nonnull) }} / {{ n_rows }} end
{%- endmacro %}

{#- `select` rows of literals (one list/tuple per row, or bare values for one column), as one
    VALUES table: Spark turns it into one local relation, where a UNION ALL of one-row selects
    became one partition (and one task in every later stage) per row. -#}
{% macro literal_rows(columns, rows) -%}
  {%- set tuples = [] -%}
  {%- for row in rows -%}
    {%- set values = row if assay.is_list(row) else [row] -%}
    {%- do tuples.append("(" ~ values[:columns | length] | join(", ") ~ ")") -%}
  {%- endfor -%}
  select * from (values {{ tuples | join(", ") }}) as assay_literal_rows({{ columns | join(", ") }})
{%- endmacro %}

{#-
  Per column: column_name, n (rows), n_null, null_rate, mean, std (sample, ddof=1), min_value,
  max_value, distinct_count; from one scan of `relation`. `numeric=false` leaves the moments
  NULL (categorical columns). An empty relation gives n = 0 and NULL rates and moments.
-#}
{% macro summary_from_relation(relation, columns, row_condition=none, numeric=true) -%}
  {%- set names, nn, mean, std, mn, mx, dc = [], [], [], [], [], [], [] -%}
  {%- for c in columns -%}
    {%- do names.append(assay.literal(c.name)) -%}
    {%- do nn.append("nn_" ~ c.key) -%}{%- do dc.append("dc_" ~ c.key) -%}
    {%- do mean.append("mean_" ~ c.key if numeric else "null") -%}
    {%- do std.append("std_" ~ c.key if numeric else "null") -%}
    {%- do mn.append("min_" ~ c.key if numeric else "null") -%}
    {%- do mx.append("max_" ~ c.key if numeric else "null") -%}
  {%- endfor -%}
select
    {{ assay.pick_by_key(names) }} as column_name,
    assay_n as n,
    assay_n - {{ assay.pick_by_key(nn) }} as n_null,
    {{ assay.null_rate_expression("assay_n", assay.pick_by_key(nn)) }} as null_rate,
    {{ assay.to_double(assay.pick_by_key(mean)) }} as mean,
    {{ assay.to_double(assay.pick_by_key(std)) }} as std,
    {{ assay.to_double(assay.pick_by_key(mn)) }} as min_value,
    {{ assay.to_double(assay.pick_by_key(mx)) }} as max_value,
    {{ assay.pick_by_key(dc) }} as distinct_count
from (
    select
        count(*) as assay_n,
        {{- assay.summary_aggregates(columns, numeric) }}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.key_rows(columns | length) }}
{%- endmacro %}

{% macro summary_from_profile(source, columns) -%}
select
    column_name,
    n,
    n_null,
    null_rate,
    {{ assay.to_double("mean") }} as mean,
    {{ assay.to_double("std") }} as std,
    {{ assay.to_double("min_value") }} as min_value,
    {{ assay.to_double("max_value") }} as max_value,
    distinct_count
from {{ assay.stored_profile_rows(source, columns, "summary") }} as assay_profile
{%- endmacro %}

{#- The reference summary from EITHER a relation or the stored profile (same columns both ways). -#}
{% macro reference_summary(source, columns, numeric=true) -%}
  {%- if source.kind == "profile" -%}
    {{ assay.summary_from_profile(source, columns) }}
  {%- else -%}
    {{ assay.summary_from_relation(source.relation, columns, source.row_condition, numeric) }}
  {%- endif -%}
{%- endmacro %}

{#-
  Per column and non-NULL category: column_name, category (cast to string), n (rows; NULL from
  a profile, which stores shares), share (of the column's non-NULL rows). One pass
  (assay.category_counts, the same counting the profile and the drift tests use).
-#}
{% macro categories_from_relation(relation, columns, row_condition=none) -%}
select
    column_name,
    category,
    cast(cnt as {{ dbt.type_bigint() }}) as n,
    {{ assay.to_double("cnt") }} / sum(cnt) over (partition by column_name) as share
from (
    {{ assay.category_counts(assay.filtered_source(relation, row_condition), columns) }}
) as assay_counts
{%- endmacro %}

{% macro categories_from_profile(source, columns) -%}
select column_name, category, cast(null as {{ dbt.type_bigint() }}) as n, {{ assay.to_double("ref_share") }} as share
from {{ assay.stored_profile_rows(source, columns, "category") }} as assay_profile
{%- endmacro %}

{% macro reference_categories(source, columns) -%}
  {%- if source.kind == "profile" -%}
    {{ assay.categories_from_profile(source, columns) }}
  {%- else -%}
    {{ assay.categories_from_relation(source.relation, columns, source.row_condition) }}
  {%- endif -%}
{%- endmacro %}

{#-
  Per column and u in `quantiles`: column_name, quantile_u, q_value. Exact quantiles
  (assay.quantile: percentile_cont, linear interpolation, numpy's default), all in one scan.
-#}
{% macro quantiles_from_relation(relation, columns, quantiles, row_condition=none) -%}
  {%- set names, us, qs = [], [], [] -%}
  {%- for c in columns -%}
    {%- for u in quantiles -%}
      {%- do names.append(assay.literal(c.name)) -%}
      {%- do us.append(u) -%}
      {%- do qs.append("assay_q_" ~ c.key ~ "_" ~ loop.index0) -%}
    {%- endfor -%}
  {%- endfor -%}
select
    {{ assay.pick_by_key(names) }} as column_name,
    {{ assay.to_double(assay.pick_by_key(us)) }} as quantile_u,
    {{ assay.to_double(assay.pick_by_key(qs)) }} as q_value
from (
    select
        {%- for c in columns %}
        {%- set outer = loop %}
        {%- for u in quantiles %}
        {{ assay.quantile(assay.to_double(c.expr), u) }} as assay_q_{{ c.key }}_{{ loop.index0 }}{{ "," if not (loop.last and outer.last) }}
        {%- endfor %}
        {%- endfor %}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.key_rows(names | length) }}
{%- endmacro %}

{% macro quantiles_from_profile(source, columns, quantiles) -%}
  {%- set us = [] -%}
  {%- for u in quantiles -%}{%- do us.append("abs(quantile_u - " ~ u ~ ") < 1e-9") -%}{%- endfor -%}
select column_name, {{ assay.to_double("quantile_u") }} as quantile_u, {{ assay.to_double("q_value") }} as q_value
from {{ assay.stored_profile_rows(source, columns, "quantile") }} as assay_profile
where {{ us | join(" or ") }}
{%- endmacro %}

{% macro reference_quantiles(source, columns, quantiles) -%}
  {%- if source.kind == "profile" -%}
    {{ assay.quantiles_from_profile(source, columns, quantiles) }}
  {%- else -%}
    {{ assay.quantiles_from_relation(source.relation, columns, quantiles, source.row_condition) }}
  {%- endif -%}
{%- endmacro %}

{#-
  Per column: column_name, n (rows), n_nonnull, n_hit (non-NULL rows where `predicate`
  holds; `{col}` in it stands for the column). One scan.
-#}
{% macro rates_from_relation(relation, columns, predicate, row_condition=none) -%}
  {%- set names, nn, hit = [], [], [] -%}
  {%- for c in columns -%}
    {%- do names.append(assay.literal(c.name)) -%}
    {%- do nn.append("assay_nn_" ~ c.key) -%}{%- do hit.append("assay_hit_" ~ c.key) -%}
  {%- endfor -%}
select
    {{ assay.pick_by_key(names) }} as column_name,
    assay_n as n,
    {{ assay.pick_by_key(nn) }} as n_nonnull,
    {{ assay.pick_by_key(hit) }} as n_hit
from (
    select
        count(*) as assay_n
        {%- for c in columns %},
        count({{ c.expr }}) as assay_nn_{{ c.key }},
        count(case when {{ predicate | replace("{col}", c.expr) }} then 1 end) as assay_hit_{{ c.key }}
        {%- endfor %}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.key_rows(columns | length) }}
{%- endmacro %}

{#- Why a statistic could not be computed (NULL when it could): such a column fails. -#}
{% macro undefined_reason(cur="c", ref="r") -%}
case when {{ ref }}.column_name is null then 'column not found in the reference'
     when {{ cur }}.n = 0 then 'no current rows'
     when {{ ref }}.n = 0 then 'no reference rows' end
{%- endmacro %}

{#-
  The result row of a column-level check, cast the same way by every ML check (the drift
  tests included), so failing rows and materialised statistics line up on every engine.
-#}
{% macro check_result_columns(column_name, statistic, value, threshold, n_ref, n_cur, detail) -%}
    {{ column_name }} as column_name,
    cast({{ statistic }} as {{ dbt.type_string() }}) as statistic,
    {{ assay.to_double(value) }} as value,
    {{ assay.to_double(threshold) }} as threshold,
    cast({{ n_ref }} as {{ dbt.type_bigint() }}) as n_ref,
    cast({{ n_cur }} as {{ dbt.type_bigint() }}) as n_cur,
    cast({{ detail }} as {{ dbt.type_string() }}) as detail
{%- endmacro %}

{#- check_result_columns plus assay_failed (1 or 0), which column_check_failing_rows filters on. -#}
{% macro stat_columns(column_name, statistic, value, threshold, n_ref, n_cur, detail, failed) -%}
    {{ assay.check_result_columns(column_name, statistic, value, threshold, n_ref, n_cur, detail) }},
    case when {{ failed }} then 1 else 0 end as assay_failed
{%- endmacro %}

{#-
  The failing rows of every column-level ML check: column_name, statistic, value, threshold,
  n_ref, n_cur, detail, one row per failing column (and statistic). `stats` is a SELECT of
  those columns; `failed` the condition that keeps a row.
-#}
{% macro column_check_failing_rows(stats, failed="assay_failed = 1") -%}
select {{ assay.failing_shape(["column_name", "statistic", "value", "threshold", "n_ref", "n_cur", "detail"]) }}
from (
{{ stats }}
) as assay_stats
where {{ failed }}
{%- endmacro %}

{#-
  FROM fragment: the current summary `c` of the model left-joined to the reference summary `r`
  on the column (a column missing from the reference has r.column_name NULL).
-#}
{% macro current_and_reference_summaries(model, columns, row_condition, source, numeric=true) -%}
({{ assay.summary_from_relation(model, columns, row_condition, numeric) }}) as c
left join ({{ assay.reference_summary(source, columns, numeric) }}) as r
    on r.column_name = c.column_name
{%- endmacro %}

{#- Select-list items over current_and_reference_summaries: the column, both row counts, both means. -#}
{% macro summary_pair_columns() -%}
c.column_name, r.n as n_ref, c.n as n_cur, c.mean as mean_cur, r.mean as mean_ref
{%- endmacro %}
