{#-
  Reference summaries for the ML feature and model-output checks (group mlb).

  Every comparison test reads the same quantities on both sides: the current model through
  the `*_from_relation` macros, the reference either through the same macros (a reference
  relation, e.g. the training set) or straight from the stored profile table (the long
  format fixed in the profile contract: one row per profile_label, column_name, record).
  Each macro returns a SELECT usable as a derived table, one row per column (and category or
  quantile), so a test composes them in ONE query, and an integration model can materialise
  them for the numpy comparison.

  Columns are dicts {label, expr}: `label` is the name as the user wrote it without quotes
  (how the profile stores it), `expr` the SQL to read it.
-#}

{#- The columns a test checks: `column_list` (model-level) or the column the test is attached to. -#}
{% macro mlb_columns(test_name, model, column_name, column_list) %}
  {%- set names = [] -%}
  {%- if column_list is not none -%}
    {{ assay.check_list(test_name, model, "column_list", column_list) }}
    {%- if assay.is_list(column_list) -%}{%- set names = column_list -%}{%- endif -%}
  {%- elif column_name is not none -%}
    {%- set names = [column_name] -%}
  {%- elif execute -%}
    {{ assay.arg_error(test_name, model, "column_name/column_list",
        "needs a column: attach the test to a column or pass column_list") }}
  {%- endif -%}
  {%- set columns = [] -%}
  {%- for name in names -%}
    {%- set label = name | string | trim -%}
    {%- if label | length > 1 and label[:1] in ['"', '`'] and label[-1:] == label[:1] -%}
      {%- set label = label[1:-1] -%}
    {%- endif -%}
    {%- do columns.append({"label": label, "expr": name | string}) -%}
  {%- endfor -%}
  {{ return(columns) }}
{% endmacro %}

{#-
  Which reference a test compares against: exactly one of `reference` (a relation, usually
  ref('training_set')) or `profile` (a profile_label in the stored profile table).
-#}
{% macro mlb_reference(test_name, model, reference, profile, profiles_relation=none, compare_row_condition=none) %}
  {%- if execute -%}
    {%- if reference is none and profile is none -%}
      {{ assay.arg_error(test_name, model, "reference/profile", "needs one of reference (a relation) or profile (a profile label)") }}
    {%- elif reference is not none and profile is not none -%}
      {{ assay.arg_error(test_name, model, "reference/profile", "takes either reference or profile, not both") }}
    {%- elif profile is not none and (profile is not string or profile | trim == "") -%}
      {{ assay.arg_error(test_name, model, "profile", "must be a profile label (a string), got " ~ (profile | tojson)) }}
    {%- elif profile is not none and compare_row_condition is not none -%}
      {{ assay.arg_error(test_name, model, "compare_row_condition", "applies to a reference relation only; a stored profile is already filtered") }}
    {%- endif -%}
  {%- endif -%}
  {%- if profile is not none -%}
    {{ return({"kind": "profile", "label": profile, "relation": assay.mlb_profiles_relation(profiles_relation)}) }}
  {%- else -%}
    {{ return({"kind": "relation", "relation": reference, "row_condition": compare_row_condition}) }}
  {%- endif -%}
{% endmacro %}

{#- The stored profile table: the argument, else var assay_profiles_relation, else <target schema>.assay_profiles. -#}
{% macro mlb_profiles_relation(profiles_relation=none) %}
  {%- if profiles_relation is not none -%}{{ return(profiles_relation) }}{%- endif -%}
  {%- set configured = var("assay_profiles_relation", none) -%}
  {%- if configured -%}{{ return(configured) }}{%- endif -%}
  {{ return(api.Relation.create(database=target.get("database"), schema=target.schema, identifier="assay_profiles")) }}
{% endmacro %}

{#- Rows of the newest capture of a label (a label captured twice is read at its latest captured_at). -#}
{% macro mlb_profile_rows(ref_spec, record_type, columns) -%}
  {%- set labels = [] -%}
  {%- for c in columns -%}{%- do labels.append(assay.literal(c.label)) -%}{%- endfor -%}
(select * from {{ ref_spec.relation }}
 where profile_label = {{ assay.literal(ref_spec.label) }}
   and record_type = '{{ record_type }}'
   and column_name in ({{ labels | join(", ") }})
   and captured_at = (select max(captured_at) from {{ ref_spec.relation }}
                      where profile_label = {{ assay.literal(ref_spec.label) }}))
{%- endmacro %}

{#- `case k when 0 then a when 1 then b ... end`: picks column k's value out of a wide row. -#}
{% macro mlb_pick(values, key="assay_k") -%}
  {%- if values | length == 1 -%}{{ values[0] }}
  {%- else -%}case {{ key }}{% for v in values %} when {{ loop.index0 }} then {{ v }}{% endfor %} end
  {%- endif -%}
{%- endmacro %}

{% macro mlb_keys(count) -%}
(select 0 as assay_k{% for i in range(1, count) %} union all select {{ i }}{% endfor %}) as assay_keys
{%- endmacro %}

{% macro mlb_double(expr) -%}cast({{ expr }} as {{ assay.type_double() }}){%- endmacro %}

{#-
  Per column: column_name, n (rows), n_null, null_rate, mean, std (sample, ddof=1), min_value,
  max_value, distinct_count; from one scan of `relation`. `numeric=false` leaves the moments
  NULL (categorical columns). An empty relation gives n = 0 and NULL rates and moments.
-#}
{% macro mlb_summary_from_relation(relation, columns, row_condition=none, numeric=true) -%}
  {%- set labels, nn, mean, std, mn, mx, dc = [], [], [], [], [], [], [] -%}
  {%- for c in columns -%}
    {%- set i = loop.index0 -%}
    {%- do labels.append(assay.literal(c.label)) -%}
    {%- do nn.append("assay_nn_" ~ i) -%}{%- do dc.append("assay_dc_" ~ i) -%}
    {%- do mean.append("assay_mean_" ~ i if numeric else "null") -%}
    {%- do std.append("assay_std_" ~ i if numeric else "null") -%}
    {%- do mn.append("assay_min_" ~ i if numeric else "null") -%}
    {%- do mx.append("assay_max_" ~ i if numeric else "null") -%}
  {%- endfor -%}
select
    {{ assay.mlb_pick(labels) }} as column_name,
    assay_n as n,
    assay_n - {{ assay.mlb_pick(nn) }} as n_null,
    case when assay_n > 0 then {{ assay.mlb_double("assay_n - " ~ assay.mlb_pick(nn)) }} / assay_n end as null_rate,
    {{ assay.mlb_double(assay.mlb_pick(mean)) }} as mean,
    {{ assay.mlb_double(assay.mlb_pick(std)) }} as std,
    {{ assay.mlb_double(assay.mlb_pick(mn)) }} as min_value,
    {{ assay.mlb_double(assay.mlb_pick(mx)) }} as max_value,
    {{ assay.mlb_pick(dc) }} as distinct_count
from (
    select
        count(*) as assay_n
        {%- for c in columns %}
        {%- set i = loop.index0 %},
        count({{ c.expr }}) as assay_nn_{{ i }},
        count(distinct {{ c.expr }}) as assay_dc_{{ i }}
        {%- if numeric %},
        avg({{ assay.mlb_double(c.expr) }}) as assay_mean_{{ i }},
        stddev_samp({{ assay.mlb_double(c.expr) }}) as assay_std_{{ i }},
        min({{ assay.mlb_double(c.expr) }}) as assay_min_{{ i }},
        max({{ assay.mlb_double(c.expr) }}) as assay_max_{{ i }}
        {%- endif %}
        {%- endfor %}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.mlb_keys(columns | length) }}
{%- endmacro %}

{% macro mlb_summary_from_profile(ref_spec, columns) -%}
select
    column_name,
    n,
    n_null,
    null_rate,
    {{ assay.mlb_double("mean") }} as mean,
    {{ assay.mlb_double("std") }} as std,
    {{ assay.mlb_double("min_value") }} as min_value,
    {{ assay.mlb_double("max_value") }} as max_value,
    distinct_count
from {{ assay.mlb_profile_rows(ref_spec, "summary", columns) }} as assay_profile
{%- endmacro %}

{#- The reference summary from EITHER a relation or the stored profile (same columns both ways). -#}
{% macro mlb_reference_summary(ref_spec, columns, numeric=true) -%}
  {%- if ref_spec.kind == "profile" -%}
    {{ assay.mlb_summary_from_profile(ref_spec, columns) }}
  {%- else -%}
    {{ assay.mlb_summary_from_relation(ref_spec.relation, columns, ref_spec.row_condition, numeric) }}
  {%- endif -%}
{%- endmacro %}

{#-
  Per column and non-NULL category: column_name, category (cast to string), n (rows; NULL from
  a profile, which stores shares), share (of the column's non-NULL rows). One GROUP BY pass
  with grouping sets, one set per column.
-#}
{% macro mlb_categories_from_relation(relation, columns, row_condition=none) -%}
  {%- set names, values = [], [] -%}
  {%- for c in columns -%}
    {%- do names.append("when grouping(" ~ c.expr ~ ") = 0 then " ~ assay.literal(c.label)) -%}
    {%- do values.append("when grouping(" ~ c.expr ~ ") = 0 then cast(" ~ c.expr ~ " as " ~ dbt.type_string() ~ ")") -%}
  {%- endfor -%}
select
    column_name,
    category,
    n,
    {{ assay.mlb_double("n") }} / sum(n) over (partition by column_name) as share
from (
    select
        case {{ names | join(" ") }} end as column_name,
        case {{ values | join(" ") }} end as category,
        count(*) as n
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
    group by grouping sets ({% for c in columns %}({{ c.expr }}){{ ", " if not loop.last }}{% endfor %})
) as assay_grouped
where category is not null
{%- endmacro %}

{% macro mlb_categories_from_profile(ref_spec, columns) -%}
select column_name, category, cast(null as bigint) as n, {{ assay.mlb_double("ref_share") }} as share
from {{ assay.mlb_profile_rows(ref_spec, "category", columns) }} as assay_profile
{%- endmacro %}

{% macro mlb_reference_categories(ref_spec, columns) -%}
  {%- if ref_spec.kind == "profile" -%}
    {{ assay.mlb_categories_from_profile(ref_spec, columns) }}
  {%- else -%}
    {{ assay.mlb_categories_from_relation(ref_spec.relation, columns, ref_spec.row_condition) }}
  {%- endif -%}
{%- endmacro %}

{#-
  Per column and u in `quantiles`: column_name, quantile_u, q_value. Exact quantiles
  (percentile_cont, linear interpolation: numpy's default), all in one scan.
-#}
{% macro mlb_quantiles_from_relation(relation, columns, quantiles, row_condition=none) -%}
  {%- set labels, us, qs = [], [], [] -%}
  {%- for c in columns -%}
    {%- set i = loop.index0 -%}
    {%- for u in quantiles -%}
      {%- do labels.append(assay.literal(c.label)) -%}
      {%- do us.append(u) -%}
      {%- do qs.append("assay_q_" ~ i ~ "_" ~ loop.index0) -%}
    {%- endfor -%}
  {%- endfor -%}
select
    {{ assay.mlb_pick(labels) }} as column_name,
    {{ assay.mlb_double(assay.mlb_pick(us)) }} as quantile_u,
    {{ assay.mlb_double(assay.mlb_pick(qs)) }} as q_value
from (
    select
        {%- for c in columns %}
        {%- set i = loop.index0 %}
        {%- for u in quantiles %}
        {{ assay.mlb_percentile(assay.mlb_double(c.expr), u) }} as assay_q_{{ i }}_{{ loop.index0 }}{{ "," if not loop.last }}
        {%- endfor %}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.mlb_keys(labels | length) }}
{%- endmacro %}

{% macro mlb_quantiles_from_profile(ref_spec, columns, quantiles) -%}
  {%- set us = [] -%}
  {%- for u in quantiles -%}{%- do us.append("abs(quantile_u - " ~ u ~ ") < 1e-9") -%}{%- endfor -%}
select column_name, {{ assay.mlb_double("quantile_u") }} as quantile_u, {{ assay.mlb_double("q_value") }} as q_value
from {{ assay.mlb_profile_rows(ref_spec, "quantile", columns) }} as assay_profile
where {{ us | join(" or ") }}
{%- endmacro %}

{% macro mlb_reference_quantiles(ref_spec, columns, quantiles) -%}
  {%- if ref_spec.kind == "profile" -%}
    {{ assay.mlb_quantiles_from_profile(ref_spec, columns, quantiles) }}
  {%- else -%}
    {{ assay.mlb_quantiles_from_relation(ref_spec.relation, columns, quantiles, ref_spec.row_condition) }}
  {%- endif -%}
{%- endmacro %}

{#- The failing-row shape shared by every column-level check; `stats` is a SELECT with assay_failed. -#}
{% macro mlb_failing_rows(stats) -%}
select {{ assay.failing_shape(["column_name", "statistic", "value", "threshold", "n_ref", "n_cur", "detail"]) }}
from (
{{ stats }}
) as assay_stats
where assay_failed = 1
{%- endmacro %}

{#- The stats row shape, cast the same way by every check so the materialised rows line up. -#}
{% macro mlb_stat_columns(column_name, statistic, value, threshold, n_ref, n_cur, detail, failed) -%}
    {{ column_name }} as column_name,
    cast({{ statistic }} as {{ dbt.type_string() }}) as statistic,
    {{ assay.mlb_double(value) }} as value,
    {{ assay.mlb_double(threshold) }} as threshold,
    cast({{ n_ref }} as bigint) as n_ref,
    cast({{ n_cur }} as bigint) as n_cur,
    cast({{ detail }} as {{ dbt.type_string() }}) as detail,
    case when {{ failed }} then 1 else 0 end as assay_failed
{%- endmacro %}

{#- Argument checks specific to these tests. -#}
{% macro mlb_check_number(test_name, model, argument, value, minimum=none, maximum=none, required=true) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% if value is none %}
    {% if required %}{{ assay.arg_error(test_name, model, argument, "is required and must be a number") }}{% endif %}
  {% elif value is not number or value is boolean %}
    {{ assay.arg_error(test_name, model, argument, "must be a number, got " ~ (value | tojson)) }}
  {% elif minimum is not none and value < minimum %}
    {{ assay.arg_error(test_name, model, argument, "must be at least " ~ minimum ~ ", got " ~ value) }}
  {% elif maximum is not none and value > maximum %}
    {{ assay.arg_error(test_name, model, argument, "must be at most " ~ maximum ~ ", got " ~ value) }}
  {% endif %}
{% endmacro %}

{#- Why a statistic could not be computed (NULL when it could): such a column fails. -#}
{% macro mlb_undefined_reason(cur="c", ref="r") -%}
case when {{ ref }}.column_name is null then 'column not found in the reference'
     when {{ cur }}.n = 0 then 'no current rows'
     when {{ ref }}.n = 0 then 'no reference rows' end
{%- endmacro %}

{#-
  Per column: column_name, n (rows), n_nonnull, n_hit (non-NULL rows where `predicate`
  holds; `{col}` in it stands for the column). One scan.
-#}
{% macro mlb_rates_from_relation(relation, columns, predicate, row_condition=none) -%}
  {%- set labels, nn, hit = [], [], [] -%}
  {%- for c in columns -%}
    {%- do labels.append(assay.literal(c.label)) -%}
    {%- do nn.append("assay_nn_" ~ loop.index0) -%}{%- do hit.append("assay_hit_" ~ loop.index0) -%}
  {%- endfor -%}
select
    {{ assay.mlb_pick(labels) }} as column_name,
    assay_n as n,
    {{ assay.mlb_pick(nn) }} as n_nonnull,
    {{ assay.mlb_pick(hit) }} as n_hit
from (
    select
        count(*) as assay_n
        {%- for c in columns %},
        count({{ c.expr }}) as assay_nn_{{ loop.index0 }},
        count(case when {{ predicate | replace("{col}", c.expr) }} then 1 end) as assay_hit_{{ loop.index0 }}
        {%- endfor %}
    from {{ relation }}
    {{ assay.where_clause([row_condition]) }}
) as assay_agg
cross join {{ assay.mlb_keys(columns | length) }}
{%- endmacro %}
