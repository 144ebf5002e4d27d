{#-
  The share of positives of a binary label against the reference, with the two-proportion
  z-test: z = (p_cur − p_ref) / sqrt(P(1 − P)(1/n_cur + 1/n_ref)), P the pooled share. Fails
  when |z| > max_abs_z (default 1.96, α = 0.05 two-sided) and |p_cur − p_ref| > min_rate_shift
  (default 0: significance alone decides; raise it so huge samples do not fail on tiny shifts).
  When P is 0 or 1 both shares are equal and z is 0.
  n_ref / n_cur here are the non-NULL label counts the test uses. A stored profile gives
  p_ref from the label's category rows (the share of the category equal to positive_value as
  text; 0 when absent), or, with no category rows, from its mean (a 0/1 label).
  NULL rule: NULL labels are left out. No non-NULL label on a side: undefined, fails.
-#}
{% test expect_label_distribution_shift_to_be_within(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, positive_value=1, max_abs_z=1.96, min_rate_shift=0, row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_label_distribution_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, reference_profile, positive_value, max_abs_z, min_rate_shift,
      row_condition, compare_row_condition, profile_relation)) }}
{% endtest %}

{% macro default__test_expect_label_distribution_shift_to_be_within(model, column_name, column_list, reference, reference_profile,
        positive_value, max_abs_z, min_rate_shift, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.label_distribution_shift_stats(model, column_name, column_list, reference, reference_profile,
      positive_value, max_abs_z, min_rate_shift, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro label_distribution_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        positive_value=1, max_abs_z=1.96, min_rate_shift=0, row_condition=none, compare_row_condition=none,
        profile_relation=none) %}
  {%- set test_name = "expect_label_distribution_shift_to_be_within" -%}
  {{ assay.check_required(test_name, model, "positive_value", positive_value) }}
  {{ assay.check_number(test_name, model, "max_abs_z", max_abs_z, minimum=0) }}
  {{ assay.check_number(test_name, model, "min_rate_shift", min_rate_shift, minimum=0, maximum=1) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- set predicate = "{col} = " ~ assay.literal(positive_value) -%}
  {%- set pooled = "(c.n_hit + r.n_hit) / (c.n_nonnull + r.n_nonnull)" -%}
  {%- set z = "case when c.n_nonnull > 0 and r.n_nonnull > 0 then case when " ~ pooled ~ " * (1 - " ~ pooled ~ ") > 0 "
      ~ "then (c.n_hit / c.n_nonnull - r.n_hit / r.n_nonnull) / sqrt(" ~ pooled ~ " * (1 - " ~ pooled
      ~ ") * (1.0 / c.n_nonnull + 1.0 / r.n_nonnull)) else 0 end end" -%}
select
    {{ assay.stat_columns("c.column_name", "'z'", z, max_abs_z, "r.n_nonnull", "c.n_nonnull",
        "coalesce(case when r.column_name is null then 'column not found in the reference' "
        ~ "when c.n_nonnull = 0 then 'no non-NULL current labels' when r.n_nonnull = 0 then 'no non-NULL reference labels' end, "
        ~ "'positive rate ' || " ~ assay.format_number("c.n_hit / nullif(c.n_nonnull, 0)") ~ " || ' vs reference ' || " ~ assay.format_number("r.n_hit / nullif(r.n_nonnull, 0)") ~ ")",
        "not coalesce(abs(" ~ z ~ ") <= " ~ max_abs_z ~ " or abs(c.n_hit / nullif(c.n_nonnull, 0) - r.n_hit / nullif(r.n_nonnull, 0)) <= " ~ min_rate_shift ~ ", false)") }}
from (
    select column_name, {{ assay.to_double("n_nonnull") }} as n_nonnull, {{ assay.to_double("n_hit") }} as n_hit
    from ({{ assay.rates_from_relation(model, columns, predicate, row_condition) }}) as assay_cur
) as c
left join (
  {%- if ref.kind == "profile" %}
    select
        s.column_name,
        {{ assay.to_double("s.n - s.n_null") }} as n_nonnull,
        (s.n - s.n_null) * case when k.n_categories > 0 then coalesce(k.positive_share, 0) else s.mean end as n_hit
    from ({{ assay.summary_from_profile(ref, columns) }}) as s
    left join (
        select column_name, count(*) as n_categories,
               max(case when category = cast({{ assay.literal(positive_value) }} as {{ dbt.type_string() }}) then share end) as positive_share
        from ({{ assay.categories_from_profile(ref, columns) }}) as assay_categories
        group by column_name
    ) as k
        on k.column_name = s.column_name
  {%- else %}
    select column_name, {{ assay.to_double("n_nonnull") }} as n_nonnull, {{ assay.to_double("n_hit") }} as n_hit
    from ({{ assay.rates_from_relation(ref.relation, columns, predicate, ref.row_condition) }}) as assay_ref
  {%- endif %}
) as r
    on r.column_name = c.column_name
{% endmacro %}
