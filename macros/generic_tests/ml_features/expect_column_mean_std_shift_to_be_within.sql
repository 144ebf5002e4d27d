{#-
  Two statistics per column, each its own failing row:
    smd        (μ_cur − μ_ref) / σ_ref, fails when |smd| > max_abs_smd (default 2);
    std_ratio  σ_cur / σ_ref, fails outside [min_std_ratio, max_std_ratio] (default [0.5, 2]).
  σ is the sample standard deviation (ddof = 1) of the non-NULL values.
  A constant reference (σ_ref = 0): smd is 0 when the means are equal and undefined otherwise;
  std_ratio is 1 when the current column is constant too and undefined otherwise.
  NULL rule: NULL values are left out. An undefined statistic (empty or all-NULL side, fewer
  than two non-NULL values for a std, a column missing from the profile) fails.
-#}
{% test expect_column_mean_std_shift_to_be_within(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, max_abs_smd=2, min_std_ratio=0.5, max_std_ratio=2, row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_mean_std_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, reference_profile, max_abs_smd, min_std_ratio, max_std_ratio,
      row_condition, compare_row_condition, profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_mean_std_shift_to_be_within(model, column_name, column_list, reference, reference_profile,
        max_abs_smd, min_std_ratio, max_std_ratio, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.mean_std_shift_stats(model, column_name, column_list, reference, reference_profile,
      max_abs_smd, min_std_ratio, max_std_ratio, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro mean_std_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        max_abs_smd=2, min_std_ratio=0.5, max_std_ratio=2, row_condition=none, compare_row_condition=none,
        profile_relation=none) %}
  {%- set test_name = "expect_column_mean_std_shift_to_be_within" -%}
  {{ assay.check_number(test_name, model, "max_abs_smd", max_abs_smd, minimum=0) }}
  {{ assay.check_number(test_name, model, "min_std_ratio", min_std_ratio, minimum=0) }}
  {{ assay.check_number(test_name, model, "max_std_ratio", max_std_ratio, minimum=min_std_ratio if min_std_ratio is number else none) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
select
    {{ assay.stat_columns("j.column_name", "s.statistic",
        "case when s.statistic = 'smd' then j.smd else j.std_ratio end",
        "case when s.statistic = 'smd' then " ~ max_abs_smd ~ " when j.std_ratio < " ~ min_std_ratio ~ " then " ~ min_std_ratio ~ " else " ~ max_std_ratio ~ " end",
        "j.n_ref", "j.n_cur",
        "coalesce(j.reason, case when s.statistic = 'smd' then "
          ~ "coalesce('current mean ' || " ~ assay.format_number("j.mean_cur") ~ " || ', reference mean ' || " ~ assay.format_number("j.mean_ref")
          ~ " || ', reference std ' || " ~ assay.format_number("j.std_ref") ~ ", 'mean undefined') "
          ~ "else 'current std ' || " ~ assay.format_number("j.std_cur") ~ " || ', reference std ' || " ~ assay.format_number("j.std_ref") ~ " end)",
        "case when s.statistic = 'smd' then not coalesce(abs(j.smd) <= " ~ max_abs_smd ~ ", false) "
          ~ "else not coalesce(j.std_ratio between " ~ min_std_ratio ~ " and " ~ max_std_ratio ~ ", false) end") }}
from (
    select
        {{ assay.summary_pair_columns() }},
        c.std as std_cur,
        r.std as std_ref,
        case when r.std > 0 then (c.mean - r.mean) / r.std
             when r.std = 0 and c.mean = r.mean then 0 end as smd,
        case when r.std > 0 then c.std / r.std
             when r.std = 0 and c.std = 0 then 1 end as std_ratio,
        {{ assay.undefined_reason() }} as reason
    from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref) }}
) as j
cross join (select 'smd' as statistic union all select 'std_ratio' as statistic) as s
{% endmacro %}
