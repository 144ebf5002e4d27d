{#-
  Prediction drift of a score column against the reference, two statistics per column, each
  its own failing row:
    mean_shift           μ_cur − μ_ref, fails when |value| > max_mean_shift (default 0.05);
    positive_rate_shift  share(score ≥ threshold) cur − ref, fails when |value| >
                         max_positive_rate_shift (default 0.05); `strictly: true` uses score > threshold.
  Against a stored profile the reference positive rate is read off its quantile grid
  (1 − the largest grid u whose quantile lies below the threshold; at or below with strictly),
  which is within 0.01 of the exact share (the grid step), ties at the threshold aside. For the binned PSI of the
  score use the drift tests (group mla) on the same column.
  NULL rule: NULL scores are left out. No non-NULL score on a side: undefined, fails.
-#}
{% test expect_prediction_shift_to_be_within(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        threshold=0.5, strictly=false, max_mean_shift=0.05, max_positive_rate_shift=0.05, row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_prediction_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, reference_profile, threshold, strictly, max_mean_shift,
      max_positive_rate_shift, row_condition, compare_row_condition, profile_relation)) }}
{% endtest %}

{% macro default__test_expect_prediction_shift_to_be_within(model, column_name, column_list, reference, reference_profile,
        threshold, strictly, max_mean_shift, max_positive_rate_shift, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.prediction_shift_stats(model, column_name, column_list, reference, reference_profile,
      threshold, strictly, max_mean_shift, max_positive_rate_shift, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro prediction_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        threshold=0.5, strictly=false, max_mean_shift=0.05, max_positive_rate_shift=0.05, row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {%- set test_name = "expect_prediction_shift_to_be_within" -%}
  {{ assay.check_number(test_name, model, "threshold", threshold) }}
  {{ assay.check_number(test_name, model, "max_mean_shift", max_mean_shift, minimum=0) }}
  {{ assay.check_number(test_name, model, "max_positive_rate_shift", max_positive_rate_shift, minimum=0, maximum=1) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- set op = " > " if strictly else " >= " -%}
  {%- set predicate = assay.to_double("{col}") ~ op ~ threshold -%}
select
    {{ assay.stat_columns("j.column_name", "s.statistic",
        "case when s.statistic = 'mean_shift' then j.mean_shift else j.rate_shift end",
        "case when s.statistic = 'mean_shift' then " ~ max_mean_shift ~ " else " ~ max_positive_rate_shift ~ " end",
        "j.n_ref", "j.n_cur",
        "coalesce(j.reason, case when s.statistic = 'mean_shift' then 'current mean ' || " ~ assay.format_number("j.mean_cur")
          ~ " || ', reference mean ' || " ~ assay.format_number("j.mean_ref")
          ~ " else 'current positive rate ' || " ~ assay.format_number("j.rate_cur") ~ " || ', reference ' || " ~ assay.format_number("j.rate_ref") ~ " end)",
        "case when s.statistic = 'mean_shift' then not coalesce(abs(j.mean_shift) <= " ~ max_mean_shift ~ ", false) "
          ~ "else not coalesce(abs(j.rate_shift) <= " ~ max_positive_rate_shift ~ ", false) end") }}
from (
    select
        {{ assay.summary_pair_columns() }},
        c.mean - r.mean as mean_shift,
        p.rate_cur,
        p.rate_ref,
        p.rate_cur - p.rate_ref as rate_shift,
        coalesce({{ assay.undefined_reason() }},
                 case when c.n = c.n_null then 'no non-NULL current scores' when r.n = r.n_null then 'no non-NULL reference scores' end) as reason
    from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref) }}
    left join (
        select
            pc.column_name,
            case when pc.n_nonnull > 0 then {{ assay.to_double("pc.n_hit") }} / pc.n_nonnull end as rate_cur,
          {%- if ref.kind == "profile" %}
            1 - coalesce(pr.below, 0) as rate_ref
          {%- else %}
            case when pr.n_nonnull > 0 then {{ assay.to_double("pr.n_hit") }} / pr.n_nonnull end as rate_ref
          {%- endif %}
        from ({{ assay.rates_from_relation(model, columns, predicate, row_condition) }}) as pc
        left join (
          {%- if ref.kind == "profile" %}
            select column_name, max(case when q_value {{ " <= " if strictly else " < " }} {{ threshold }} then quantile_u end) as below
            from {{ assay.stored_profile_rows(ref, columns, "quantile") }} as assay_q
            group by column_name
          {%- else %}
            {{ assay.rates_from_relation(ref.relation, columns, predicate, ref.row_condition) }}
          {%- endif %}
        ) as pr
            on pr.column_name = pc.column_name
    ) as p
        on p.column_name = c.column_name
) as j
cross join (select 'mean_shift' as statistic union all select 'positive_rate_shift' as statistic) as s
{% endmacro %}
