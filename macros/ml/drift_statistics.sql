{#-
  Drift statistics of many columns of `model` against a reference, as one SELECT with one row
  per (column, statistic): column_name, statistic, value, threshold, drifted, n_ref, n_cur, detail.
  The drift tests filter it; integration models materialise it so pytest can prove every value
  against numpy/scipy. Formulas, smoothing and thresholds: README "Drift statistics".

  The reference is either a relation (its profile is computed inline with profile_sql) or a
  stored profile label; either way the rest of the query reads profile rows (CTE assay_ref), so
  both paths give identical statistics. The current data is read in one binning pass (all
  columns, bins and KS points together); Wasserstein adds one quantile pass.
-#}

{% macro drift_statistics(kind) %}
  {%- if kind == "numeric" -%}
    {{ return(["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "ks", "wasserstein"]) }}
  {%- else -%}
    {{ return(["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "z_test"]) }}
  {%- endif -%}
{% endmacro %}

{#- Default thresholds (DESIGN §3). PSI: 0.25 for an error, 0.1 when the test's severity is warn. -#}
{% macro default_drift_threshold(statistic, severity="error") %}
  {%- set defaults = {"psi": 0.1 if (severity | lower) == "warn" else 0.25, "js": 0.1, "hellinger": 0.1,
        "tvd": 0.1, "linf": 0.1, "ks": 0.1, "wasserstein": 0.1, "chi_square": 0.1, "cramers_v": 0.1,
        "z_test": 1.96, "kl": none} -%}
  {{ return(defaults.get(statistic)) }}
{% endmacro %}

{% macro drift_sql(model, kind, columns, statistics, thresholds={}, reference=none, reference_profile=none,
                       profile_relation=none, bins=10, alpha=0.05, epsilon=none, positive_values=none,
                       row_condition=none, compare_row_condition=none, output="statistics") -%}
  {%- set dbl = assay.type_double() -%}
  {%- set eps = "cast(" ~ (epsilon if epsilon is not none else assay.drift_epsilon()) ~ " as " ~ dbl ~ ")" -%}
  {%- set specs = assay.column_specs(columns, "k") -%}
  {%- set names = specs | map(attribute="name") | list -%}
  {%- set binned = ["psi", "kl", "js", "hellinger", "tvd", "linf", "chi_square", "cramers_v", "z_test"] -%}
  {%- set need_bins = statistics | select("in", binned) | list | length > 0 -%}
  {%- set need_ks = "ks" in statistics -%}
  {%- set need_w = "wasserstein" in statistics -%}
  {%- set cur = assay.filtered_source(model, row_condition) -%}
  {%- set positives = positive_values if positive_values is not none else ["1", "true"] -%}
  {%- set ks_c = "sqrt(-0.5 * ln(cast(" ~ alpha ~ " as " ~ assay.type_double() ~ ") / 2))" -%}
{#- The reference's inline profile is hoisted into this WITH (CTEs prefixed assay_rp_), not
    nested in assay_ref: Spark's analyzer ran out of memory on a WITH nested in a CTE that every
    statistic reads, and cannot keep a nested CTE computed once. -#}
{%- if reference is not none %}
with {{ assay.profile_sql(reference, columns if kind == "numeric" else none, columns if kind != "numeric" else none,
                          label="reference", bins=bins, row_condition=compare_row_condition,
                          cte_prefix="assay_rp_", ctes_only=true) }},
assay_ref as (
    select * from assay_rp_profile
),
{%- else %}
with assay_ref as (
    select * from {{ assay.stored_profile_rows({"relation": assay.stored_profile_relation(profile_relation),
                                                "label": reference_profile}, specs) }} as assay_stored
),
{%- endif %}
assay_cols as (
    {%- set name_literals = [] -%}
    {%- for s in specs -%}{%- do name_literals.append(assay.literal(s.name)) -%}{%- endfor %}
    {{ assay.literal_rows(["column_name"], name_literals) }}
),
assay_ref_summary as (
    select column_name, cast(n - n_null as {{ dbl }}) as n_ref, std as ref_std
    from assay_ref where record_type = 'summary'
),
{%- if kind == "numeric" %}
  {%- set bin_specs = [] -%}
  {%- for s in specs -%}
    {%- do bin_specs.append({"name": s.name, "set": "b", "expr": s.expr, "edges": "b_" ~ s.key}) -%}
    {%- if need_ks -%}{%- do bin_specs.append({"name": s.name, "set": "q", "expr": s.expr, "edges": "q_" ~ s.key}) -%}{%- endif -%}
  {%- endfor %}
assay_edges_raw as (
    select
    {%- for s in specs %}
        array_agg(hi) filter (where column_name = {{ assay.literal(s.name) }} and record_type = 'bin' and hi is not null) as rb_{{ s.key }}
        {%- if need_ks %},
        array_agg(q_value) filter (where column_name = {{ assay.literal(s.name) }} and record_type = 'quantile') as rq_{{ s.key }}
        {%- endif %}{{ "," if not loop.last }}
    {%- endfor %}
    from assay_ref
),
assay_edges as (
    select
    {%- for s in specs %}
        {{ assay.sorted_edge_columns("b_" ~ s.key, "rb_" ~ s.key) }}
        {%- if need_ks %},
        {{ assay.sorted_edge_columns("q_" ~ s.key, "rq_" ~ s.key) }}
        {%- endif %}{{ "," if not loop.last }}
    {%- endfor %}
    from assay_edges_raw
),
{{ assay.bin_counts_prelude(cur, bin_specs, "assay_edges") }}
assay_cur_counts as (
    {{ assay.bin_counts(cur, bin_specs, "assay_edges") | indent(4) }}
),
assay_cur_n as (
    select column_name, cast(sum(cnt) as {{ dbl }}) as n_cur from assay_cur_counts where edge_set = 'b' group by column_name
),
assay_bins as (
    select assay_r.column_name, assay_r.bin_id, assay_r.lo, assay_r.hi,
           cast(null as {{ dbt.type_string() }}) as category, false as unseen,
           assay_r.ref_share as p,
           cast(coalesce(assay_c.cnt, 0) as {{ dbl }}) as o,
           cast(coalesce(assay_c.cnt, 0) as {{ dbl }}) / nullif(assay_n.n_cur, 0) as q,
           assay_n.n_cur as m
    from assay_ref as assay_r
    left join assay_cur_counts as assay_c
      on assay_c.column_name = assay_r.column_name and assay_c.edge_set = 'b' and assay_c.hi is not distinct from assay_r.hi
    left join assay_cur_n as assay_n on assay_n.column_name = assay_r.column_name
    where assay_r.record_type = 'bin'
),
{%- else %}
assay_cur_cat as (
    {{ assay.category_counts(cur, specs) | indent(4) }}
),
assay_cur_n as (
    select column_name, cast(sum(cnt) as {{ dbl }}) as n_cur from assay_cur_cat group by column_name
),
assay_bins as (
    select coalesce(assay_r.column_name, assay_c.column_name) as column_name,
           cast(null as {{ dbt.type_int() }}) as bin_id, cast(null as {{ dbl }}) as lo, cast(null as {{ dbl }}) as hi,
           coalesce(assay_r.category, assay_c.category) as category,
           assay_r.category is null as unseen,
           coalesce(assay_r.ref_share, 0) as p,
           cast(coalesce(assay_c.cnt, 0) as {{ dbl }}) as o,
           cast(coalesce(assay_c.cnt, 0) as {{ dbl }}) / nullif(assay_n.n_cur, 0) as q,
           assay_n.n_cur as m
    from (select * from assay_ref where record_type = 'category') as assay_r
    full outer join assay_cur_cat as assay_c
      on assay_c.column_name = assay_r.column_name and assay_c.category = assay_r.category
    left join assay_cur_n as assay_n on assay_n.column_name = coalesce(assay_r.column_name, assay_c.column_name)
),
{%- endif %}
assay_bin_stats as (
    select column_name,
        sum((greatest(q, {{ eps }}) - greatest(p, {{ eps }})) * ln(greatest(q, {{ eps }}) / greatest(p, {{ eps }}))) as psi,
        sum(greatest(p, {{ eps }}) * ln(greatest(p, {{ eps }}) / greatest(q, {{ eps }}))) as kl,
        sqrt(greatest(0.5 * sum(case when p > 0 then p * ln(p / ((p + q) / 2)) else 0 end)
                    + 0.5 * sum(case when q > 0 then q * ln(q / ((p + q) / 2)) else 0 end), 0)) as js,
        sqrt(0.5 * sum((sqrt(p) - sqrt(q)) * (sqrt(p) - sqrt(q)))) as hellinger,
        0.5 * sum(abs(p - q)) as tvd,
        max(abs(p - q)) as linf,
        sum((o - m * greatest(p, {{ eps }})) * (o - m * greatest(p, {{ eps }})) / nullif(m * greatest(p, {{ eps }}), 0)) as chi_square,
        count(*) - 1 as df,
        max(m) as m,
        sum(case when category in ({{ assay.literal_list(positives) }}) then q else 0 end) as pos_cur,
        sum(case when category in ({{ assay.literal_list(positives) }}) then p else 0 end) as pos_ref,
        sum(case when unseen then 1 else 0 end) as n_unseen,
        sum(case when unseen then q else 0 end) as unseen_share
    from assay_bins
    group by column_name
),
assay_worst as (
    select column_name, bin_id, lo, hi, category, unseen, p, q,
           row_number() over (partition by column_name
                              order by case when unseen then 0 else 1 end, abs(p - q) desc, bin_id, category) as assay_rank
    from assay_bins
    where q is not null
),
{%- if need_ks %}
assay_ks_points as (
    {#- A join and GROUP BY, not a correlated subquery: Spark inlines every CTE a correlated
        subquery reads, recomputing the whole reference per row. -#}
    select assay_r.column_name, assay_r.q_value, assay_r.ref_share as f_ref,
           cast(coalesce(sum(assay_c.cnt), 0) as {{ dbl }}) / nullif(assay_n.n_cur, 0) as f_cur
    from assay_ref as assay_r
    left join assay_cur_n as assay_n on assay_n.column_name = assay_r.column_name
    left join assay_cur_counts as assay_c
      on assay_c.column_name = assay_r.column_name and assay_c.edge_set = 'q' and assay_c.hi <= assay_r.q_value
    where assay_r.record_type = 'quantile'
    group by assay_r.column_name, assay_r.quantile_u, assay_r.q_value, assay_r.ref_share, assay_n.n_cur
),
assay_ks as (
    select column_name, q_value, f_ref, f_cur, abs(f_cur - f_ref) as d,
           row_number() over (partition by column_name order by abs(f_cur - f_ref) desc, q_value) as assay_rank
    from assay_ks_points
),
{%- endif %}
{%- if need_w %}
  {%- set wgrid = [] -%}{%- for k in range(1, 100) -%}{%- do wgrid.append(k / 100) -%}{%- endfor %}
{%- set cur_q_sql %}
    select
    {%- for s in specs %}
        {{ assay.quantiles(assay.to_double(s.expr), wgrid) }} as w_{{ s.key }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ cur }}
{%- endset %}
assay_cur_q as (
    {{ cur_q_sql }}
),
assay_w_grid as (
    {{ assay.literal_rows(["k"], range(1, 100)) }}
),
assay_w_points as (
    {%- for s in specs %}
    select {{ assay.literal(s.name) }} as column_name, assay_w_grid.k, {{ assay.array_element("assay_cur_q.w_" ~ s.key, "assay_w_grid.k") }} as q_cur
    from assay_cur_q cross join assay_w_grid
    {{ "union all" if not loop.last }}
    {%- endfor %}
),
assay_w as (
    select assay_p.column_name, avg(abs(assay_r.q_value - assay_p.q_cur)) as w1
    from assay_w_points as assay_p
    join assay_ref as assay_r
      on assay_r.column_name = assay_p.column_name and assay_r.record_type = 'quantile'
     and cast(round(assay_r.quantile_u * 100) as {{ dbt.type_int() }}) = assay_p.k
    group by assay_p.column_name
),
{%- endif %}
assay_base as (
    select assay_cols.column_name, assay_s.n_ref, assay_n.n_cur, assay_s.ref_std,
           coalesce(assay_s.n_ref, 0) > 0 and coalesce(assay_n.n_cur, 0) > 0 as assay_ok,
           case when assay_s.column_name is null then 'the reference has no profile of this column'
                when coalesce(assay_s.n_ref, 0) = 0 then 'the reference has no non-NULL values'
                else 'the current data has no non-NULL values' end as assay_why
    from assay_cols
    left join assay_ref_summary as assay_s on assay_s.column_name = assay_cols.column_name
    left join assay_cur_n as assay_n on assay_n.column_name = assay_cols.column_name
),
assay_stats as (
  {%- set parts = [] -%}
  {%- for stat in statistics %}
    {%- set thr = thresholds.get(stat) -%}
    {%- set thr_sql = "cast(" ~ (thr if thr is not none else "null") ~ " as " ~ dbl ~ ")" -%}
    {%- if stat in binned -%}
      {%- if stat == "z_test" -%}
        {%- set value -%}
        case when (assay_bs.pos_cur * assay_b.n_cur + assay_bs.pos_ref * assay_b.n_ref) / nullif(assay_b.n_cur + assay_b.n_ref, 0) * (1 - (assay_bs.pos_cur * assay_b.n_cur + assay_bs.pos_ref * assay_b.n_ref) / nullif(assay_b.n_cur + assay_b.n_ref, 0)) <= 0 then 0
             else (assay_bs.pos_cur - assay_bs.pos_ref) / sqrt((assay_bs.pos_cur * assay_b.n_cur + assay_bs.pos_ref * assay_b.n_ref) / nullif(assay_b.n_cur + assay_b.n_ref, 0) * (1 - (assay_bs.pos_cur * assay_b.n_cur + assay_bs.pos_ref * assay_b.n_ref) / nullif(assay_b.n_cur + assay_b.n_ref, 0)) * (1 / nullif(assay_b.n_cur, 0) + 1 / nullif(assay_b.n_ref, 0))) end
        {%- endset -%}
        {%- set threshold = thr_sql -%}
        {%- set drifted = "abs(assay_value) > assay_threshold" -%}
        {%- set detail = "'current share of " ~ (positives | join("/") | replace("'", "''")) ~ " ' || " ~ assay.format_number("assay_bs.pos_cur") ~ " || ' vs reference ' || " ~ assay.format_number("assay_bs.pos_ref") -%}
      {%- elif stat == "chi_square" -%}
        {%- set value = "assay_bs.chi_square" -%}
        {%- set threshold = assay.chi_square_critical("assay_bs.df", alpha) -%}
        {%- set cv = "sqrt(assay_bs.chi_square / nullif(assay_bs.m * assay_bs.df, 0))" -%}
        {%- set drifted = "case when assay_bs.df = 0 then false else assay_value > assay_threshold and " ~ cv ~ " > " ~ thr_sql ~ " end" -%}
        {%- set detail = "'critical value at alpha " ~ alpha ~ ", df ' || cast(assay_bs.df as " ~ dbt.type_string() ~ ") || '; Cramer''s V ' || " ~ assay.format_number(cv) ~ " || ' (threshold ' || " ~ assay.format_number(thr_sql) ~ " || '); '" -%}
      {%- elif stat == "cramers_v" -%}
        {%- set value = "case when assay_bs.df = 0 then 0 else sqrt(assay_bs.chi_square / nullif(assay_bs.m * assay_bs.df, 0)) end" -%}
        {%- set threshold = thr_sql -%}
        {%- set drifted = "assay_value > assay_threshold" -%}
        {%- set detail = "''" -%}
      {%- else -%}
        {%- set value = "assay_bs." ~ stat -%}
        {%- set threshold = thr_sql -%}
        {%- set drifted = "assay_value > assay_threshold" -%}
        {%- set detail = "''" -%}
      {%- endif -%}
      {%- if stat not in ["z_test"] -%}
        {%- if kind == "numeric" -%}
          {%- set detail = detail ~ " || 'worst bin ' || cast(assay_w.bin_id as " ~ dbt.type_string() ~ ") || ' ('"
              ~ " || case when assay_w.lo is null then '-inf' else " ~ assay.format_number("assay_w.lo", 6) ~ " end || ', ' || case when assay_w.hi is null then 'inf' else " ~ assay.format_number("assay_w.hi", 6) ~ " end"
              ~ " || ']: reference ' || " ~ assay.format_number("assay_w.p") ~ " || ', current ' || " ~ assay.format_number("assay_w.q") -%}
        {%- else -%}
          {%- set detail = detail ~ " || case when assay_w.unseen then 'top unseen category ''' || assay_w.category || ''' (current share ' || "
              ~ assay.format_number("assay_w.q") ~ " || '; ' || cast(assay_bs.n_unseen as " ~ dbt.type_string() ~ ") || ' unseen categories, ' || "
              ~ assay.format_number("assay_bs.unseen_share") ~ " || ' of current)' else 'worst category ''' || assay_w.category || ''': reference ' || "
              ~ assay.format_number("assay_w.p") ~ " || ', current ' || " ~ assay.format_number("assay_w.q") ~ " end" -%}
        {%- endif -%}
      {%- endif -%}
      {%- set sel -%}
    select assay_b.column_name, '{{ stat }}' as statistic,
           case when assay_b.assay_ok then {{ value }} end as assay_value,
           {{ threshold }} as assay_threshold,
           case when assay_b.assay_ok then {{ drifted | replace("assay_value", "(" ~ value ~ ")") | replace("assay_threshold", "(" ~ threshold ~ ")") }} end as assay_drifted,
           assay_b.n_ref, assay_b.n_cur, assay_b.assay_ok, assay_b.assay_why,
           {{ detail }} as assay_detail
    from assay_base as assay_b
    left join assay_bin_stats as assay_bs on assay_bs.column_name = assay_b.column_name
    left join assay_worst as assay_w on assay_w.column_name = assay_b.column_name and assay_w.assay_rank = 1
      {%- endset -%}
    {%- elif stat == "ks" -%}
      {%- set dcrit = ks_c ~ " * sqrt((assay_b.n_ref + assay_b.n_cur) / (assay_b.n_ref * assay_b.n_cur))" -%}
      {%- set threshold = "greatest(" ~ dcrit ~ ", " ~ thr_sql ~ ")" -%}
      {%- set sel -%}
    select assay_b.column_name, 'ks' as statistic,
           case when assay_b.assay_ok then assay_k.d end as assay_value,
           case when assay_b.assay_ok then {{ threshold }} end as assay_threshold,
           case when assay_b.assay_ok then assay_k.d > {{ threshold }} end as assay_drifted,
           assay_b.n_ref, assay_b.n_cur, assay_b.assay_ok, assay_b.assay_why,
           'D_crit ' || {{ assay.format_number("case when assay_b.assay_ok then " ~ dcrit ~ " end") }} || '; largest gap at x = ' || {{ assay.format_number("assay_k.q_value", 6) }}
             || ': reference CDF ' || {{ assay.format_number("assay_k.f_ref") }} || ', current CDF ' || {{ assay.format_number("assay_k.f_cur") }} as assay_detail
    from assay_base as assay_b
    left join assay_ks as assay_k on assay_k.column_name = assay_b.column_name and assay_k.assay_rank = 1
      {%- endset -%}
    {%- elif stat == "wasserstein" -%}
      {%- set value = "case when assay_b.ref_std > 0 then assay_w.w1 / assay_b.ref_std when assay_w.w1 = 0 then 0 end" -%}
      {%- set sel -%}
    select assay_b.column_name, 'wasserstein' as statistic,
           case when assay_b.assay_ok then {{ value }} end as assay_value,
           {{ thr_sql }} as assay_threshold,
           case when assay_b.assay_ok then ({{ value }}) > {{ thr_sql }} end as assay_drifted,
           assay_b.n_ref, assay_b.n_cur, assay_b.assay_ok,
           case when assay_b.assay_ok and assay_b.ref_std = 0 then 'the reference is constant (std 0) and the current quantiles differ' else assay_b.assay_why end as assay_why,
           'W1 ' || {{ assay.format_number("assay_w.w1", 6) }} || ' over 99 quantiles, reference std ' || {{ assay.format_number("assay_b.ref_std", 6) }} as assay_detail
    from assay_base as assay_b
    left join assay_w on assay_w.column_name = assay_b.column_name
      {%- endset -%}
    {%- endif -%}
    {%- do parts.append(sel) -%}
  {%- endfor %}
  {{ parts | join("\n    union all\n") }}
)
{%- if output == "bins" %}
{#- The binned shares the statistics are computed from (assay features report draws them). -#}
select column_name, bin_id, lo, hi, category, unseen, p as ref_share, q as cur_share
from assay_bins
{%- else %}
select {{ assay.check_result_columns("column_name", "statistic", "assay_value", "assay_threshold", "n_ref", "n_cur",
                                   "case when assay_value is null then assay_why else assay_detail end") }},
       case when assay_value is null then null else assay_drifted end as drifted
from assay_stats
{%- endif %}
{%- endmacro %}

{#- Argument checks shared by the drift tests (columns and reference: assay.compared_columns, assay.reference_source). -#}
{% macro check_drift_args(test_name, model, kind, statistic, threshold, bins, alpha) %}
  {% if not execute %}{{ return(none) }}{% endif %}
  {% set allowed = assay.drift_statistics(kind) | reject("equalto", "cramers_v") | list %}
  {{ assay.check_choice(test_name, model, "statistic", statistic, allowed) }}
  {% if statistic == "kl" and threshold is none %}
    {{ assay.arg_error(test_name, model, "threshold", "is required for statistic kl (KL has no conventional threshold)") }}
  {% endif %}
  {{ assay.check_number(test_name, model, "threshold", threshold, required=false) }}
  {{ assay.check_positive_integer(test_name, model, "bins", bins) }}
  {{ assay.check_number(test_name, model, "bins", bins, minimum=2, maximum=100) }}
  {{ assay.check_choice(test_name, model, "alpha", alpha, [0.05, 0.01]) }}
{% endmacro %}

{#- The thresholds of the statistics a drift test computes: the given one, else each statistic's default
    (at the test's severity: its config, or `severity` when computed outside the test). -#}
{% macro drift_thresholds(statistics, threshold, severity=none) %}
  {%- if severity is none -%}
    {%- set severity = config.get("severity", "error") if config is defined else "error" -%}
  {%- endif -%}
  {%- set thresholds = {} -%}
  {%- for stat in statistics -%}
    {%- do thresholds.update({stat: threshold if threshold is not none else assay.default_drift_threshold(stat, severity)}) -%}
  {%- endfor -%}
  {{ return(thresholds) }}
{% endmacro %}

{% macro drift_test(model, test_name, kind, column_name, column_list, reference, reference_profile, profile_relation,
                    statistic, threshold, bins, alpha, epsilon, positive_values, row_condition, compare_row_condition) %}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) | map(attribute="expr") | list -%}
  {%- do assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {#- several statistics may share the one pass: statistic: [psi, ks] -#}
  {%- set statistics = statistic if assay.is_list(statistic) else [statistic] -%}
  {%- for stat in statistics -%}
    {{ assay.check_drift_args(test_name, model, kind, stat, threshold, bins, alpha) }}
  {%- endfor %}
{{ assay.column_check_failing_rows(assay.drift_sql(model, kind, columns, statistics,
      thresholds=assay.drift_thresholds(statistics, threshold), reference=reference,
      reference_profile=reference_profile, profile_relation=profile_relation, bins=bins, alpha=alpha,
      epsilon=epsilon, positive_values=positive_values, row_condition=row_condition,
      compare_row_condition=compare_row_condition), failed="coalesce(drifted, true)") }}
{% endmacro %}
