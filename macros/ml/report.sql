{#-
  The feature-check report (`assay features report`): what a drift test computes, for EVERY
  column it checks (the test keeps only the failing ones), plus the binned shares behind it.
  assay runs it through `dbt show --inline`, so dbt keeps the only connection settings.

  drift_report_sql(test_name, model, args, severity) takes a drift test's own arguments (its
  test_metadata.kwargs, rendered) and returns one SELECT with two kinds of rows:
    record 'statistic'  column_name, statistic, value, threshold, drifted, n_ref, n_cur, detail
                        (exactly the rows assay.drift_sql gives the test);
    record 'bin'        column_name, bin_id, lo, hi (numeric: (lo, hi], NULL = unbounded) or
                        category (categorical; unseen = not in the reference), ref_share,
                        cur_share. Categorical columns keep their `max_categories` largest
                        categories; the rest are summed into one row with category NULL and
                        `folded` = how many categories it holds, so shares still sum to 1.
-#}

{#- The drift_sql calls a drift test makes: [{kind, columns, statistic, threshold}], with the test's defaults. -#}
{% macro drift_report_parts(test_name, model, args) %}
  {%- if test_name == "expect_share_of_drifted_features_to_be_below" -%}
    {%- set parts = [] -%}
    {%- if args.get("numeric_columns") -%}
      {%- do parts.append({"kind": "numeric", "columns": args.get("numeric_columns"),
                           "statistic": args.get("statistic", "psi"), "threshold": args.get("threshold")}) -%}
    {%- endif -%}
    {%- if args.get("categorical_columns") -%}
      {%- do parts.append({"kind": "categorical", "columns": args.get("categorical_columns"),
                           "statistic": args.get("categorical_statistic", "psi"), "threshold": args.get("categorical_threshold")}) -%}
    {%- endif -%}
    {{ return(parts) }}
  {%- elif test_name in ["expect_numeric_drift_to_be_below", "expect_categorical_drift_to_be_below"] -%}
    {%- set columns = assay.compared_columns(test_name, model, args.get("column_name"), args.get("column_list"))
                      | map(attribute="expr") | list -%}
    {{ return([{"kind": "numeric" if test_name == "expect_numeric_drift_to_be_below" else "categorical",
                "columns": columns, "statistic": args.get("statistic", "psi"), "threshold": args.get("threshold")}]) }}
  {%- else -%}
    {{ exceptions.raise_compiler_error("assay.drift_report_sql: " ~ test_name ~ " is not a drift test") }}
  {%- endif -%}
{% endmacro %}

{% macro drift_report_sql(test_name, model, args, severity="error", max_categories=20) %}
  {%- set dbl = assay.type_double() -%}
  {%- set text = dbt.type_string() -%}
  {%- set selects = [] -%}
  {%- for part in assay.drift_report_parts(test_name, model, args) -%}
    {%- set statistics = part.statistic if assay.is_list(part.statistic) else [part.statistic] -%}
    {#- The categorical test bins nothing: its `bins` argument does not exist and drift_sql ignores it. -#}
    {%- set common = {"reference": args.get("reference"), "reference_profile": args.get("reference_profile"),
          "profile_relation": args.get("profile_relation"), "bins": args.get("bins", 10) if part.kind == "numeric" else 10,
          "alpha": args.get("alpha", 0.05), "row_condition": args.get("row_condition"),
          "compare_row_condition": args.get("compare_row_condition")} -%}
    {%- if test_name != "expect_share_of_drifted_features_to_be_below" -%}
      {%- do common.update({"epsilon": args.get("epsilon"), "positive_values": args.get("positive_values")}) -%}
    {%- endif -%}
    {#- The same argument errors as the test gives. -#}
    {%- for stat in statistics -%}
      {{ assay.check_drift_args(test_name, model, part.kind, stat, part.threshold, common.bins, common.alpha) }}
    {%- endfor -%}
    {%- set thresholds = assay.drift_thresholds(statistics, part.threshold, severity) -%}
    {%- set stats_sql = assay.drift_sql(model, part.kind, part.columns, statistics, thresholds=thresholds, **common) -%}
    {%- set bins_sql = assay.drift_sql(model, part.kind, part.columns, statistics, thresholds=thresholds, output="bins", **common) -%}
    {%- set sel %}
select cast('statistic' as {{ text }}) as record, cast('{{ part.kind }}' as {{ text }}) as kind,
       column_name, statistic, value, threshold, drifted, n_ref, n_cur, detail,
       cast(null as {{ dbt.type_int() }}) as bin_id, cast(null as {{ dbl }}) as lo, cast(null as {{ dbl }}) as hi,
       cast(null as {{ text }}) as category, cast(null as boolean) as unseen, cast(null as {{ dbt.type_bigint() }}) as folded,
       cast(null as {{ dbl }}) as ref_share, cast(null as {{ dbl }}) as cur_share
from (
{{ stats_sql }}
) as assay_report_stats{{ loop.index }}
union all
select cast('bin' as {{ text }}) as record, cast('{{ part.kind }}' as {{ text }}) as kind,
       column_name, cast(null as {{ text }}) as statistic, cast(null as {{ dbl }}) as value, cast(null as {{ dbl }}) as threshold,
       cast(null as boolean) as drifted, cast(null as {{ dbt.type_bigint() }}) as n_ref, cast(null as {{ dbt.type_bigint() }}) as n_cur,
       cast(null as {{ text }}) as detail,
       cast(bin_id as {{ dbt.type_int() }}) as bin_id, cast(lo as {{ dbl }}) as lo, cast(hi as {{ dbl }}) as hi,
       cast(category as {{ text }}) as category, unseen, cast(folded as {{ dbt.type_bigint() }}) as folded,
       cast(ref_share as {{ dbl }}) as ref_share, cast(cur_share as {{ dbl }}) as cur_share
from (
    {{ assay.folded_categories(bins_sql, max_categories) | indent(4) }}
) as assay_report_hist{{ loop.index }}
    {%- endset -%}
    {%- do selects.append(sel) -%}
  {%- endfor -%}
{{ selects | join("\nunion all\n") }}
{% endmacro %}

{#- The bins of `bins_sql` (drift_sql's bins output) with the categories beyond the `keep`
    largest (by the larger of the two shares) summed into one row per column. One grouping over
    the ranked rows (group 0 = the folded ones), with bins_sql in a subquery, not a CTE: Spark
    fails to analyse drift_sql's WITH nested in a CTE (INTERNAL_ERROR on an unresolved exprId).
    A column's bins are all numeric (category NULL) or all categories, so ranking every row of
    a column ranks its categories, and numeric bins, each a group of its own, pass unchanged. -#}
{% macro folded_categories(bins_sql, keep) -%}
select column_name,
       max(bin_id) as bin_id, max(lo) as lo, max(hi) as hi,
       case when assay_group > 0 then max(category) end as category,
       case when assay_group > 0 then bool_or(unseen) end as unseen,
       case when assay_group > 0 then 0 else count(*) end as folded,
       sum(ref_share) as ref_share, sum(cur_share) as cur_share
from (
    select column_name, bin_id, lo, hi, category, unseen, ref_share, cur_share,
           case when category is not null
                 and row_number() over (partition by column_name
                                        order by greatest(coalesce(ref_share, 0), coalesce(cur_share, 0)) desc, category) > {{ keep }}
                then 0
                else row_number() over (partition by column_name order by bin_id, category) end as assay_group
    from (
{{ bins_sql }}
    ) as assay_b
) as assay_ranked
group by column_name, assay_group
{%- endmacro %}
