{#-
  The share of current non-NULL values outside the reference's [min, max] stays at or below
  `max_share`. The bounds are inclusive: a value equal to the reference min or max is in range.
  NULL rule: NULL values are left out of numerator and denominator. No non-NULL current value,
  an all-NULL or empty reference, or a column missing from the profile: undefined, fails.
-#}
{% test expect_column_out_of_range_share_to_be_below(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, max_share=0, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_out_of_range_share_to_be_below", "assay")(
      model, column_name, column_list, reference, reference_profile, max_share, row_condition, compare_row_condition,
      profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_out_of_range_share_to_be_below(model, column_name, column_list, reference, reference_profile,
        max_share, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.out_of_range_share_stats(model, column_name, column_list, reference, reference_profile,
      max_share, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro out_of_range_share_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        max_share=0, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {%- set test_name = "expect_column_out_of_range_share_to_be_below" -%}
  {{ assay.check_number(test_name, model, "max_share", max_share, minimum=0, maximum=1) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- set labels, nn, lo, hi = [], [], [], [] -%}
  {%- for c in columns -%}
    {%- do labels.append(assay.literal(c.name)) -%}
    {%- do nn.append("assay_nn_" ~ loop.index0) -%}
    {%- do lo.append("assay_below_" ~ loop.index0) -%}{%- do hi.append("assay_above_" ~ loop.index0) -%}
  {%- endfor -%}
  {%- set share = "cast(o.n_below + o.n_above as " ~ assay.type_double() ~ ") / nullif(o.n_nonnull, 0)" -%}
select
    {{ assay.stat_columns("o.column_name", "'out_of_range_share'", "case when o.n_nonnull > 0 then " ~ share ~ " end",
        max_share, "r.n", "o.n",
        "coalesce(" ~ assay.undefined_reason("o") ~ ", case when r.min_value is null then 'reference has no non-NULL values' "
        ~ "when o.n_nonnull = 0 then 'no non-NULL current values' end, "
        ~ "cast(o.n_below as " ~ dbt.type_string() ~ ") || ' below reference min ' || " ~ assay.format_number("r.min_value")
        ~ " || ', ' || cast(o.n_above as " ~ dbt.type_string() ~ ") || ' above reference max ' || " ~ assay.format_number("r.max_value") ~ ")",
        "not coalesce(o.n_nonnull > 0 and r.min_value is not null and " ~ share ~ " <= " ~ max_share ~ ", false)") }}
from (
    select
        {{ assay.pick_by_key(labels) }} as column_name,
        assay_n as n,
        {{ assay.pick_by_key(nn) }} as n_nonnull,
        {{ assay.pick_by_key(lo) }} as n_below,
        {{ assay.pick_by_key(hi) }} as n_above
    from (
        select
            count(*) as assay_n
            {%- for c in columns %}
            {%- set i = loop.index0 %},
            count({{ c.expr }}) as assay_nn_{{ i }},
            count(case when {{ assay.to_double(c.expr) }} < assay_ref.assay_min_{{ i }} then 1 end) as assay_below_{{ i }},
            count(case when {{ assay.to_double(c.expr) }} > assay_ref.assay_max_{{ i }} then 1 end) as assay_above_{{ i }}
            {%- endfor %}
        from {{ model }}
        cross join (
            select
                {%- for c in columns %}
                max(case when column_name = {{ assay.literal(c.name) }} then min_value end) as assay_min_{{ loop.index0 }},
                max(case when column_name = {{ assay.literal(c.name) }} then max_value end) as assay_max_{{ loop.index0 }}{{ "," if not loop.last }}
                {%- endfor %}
            from ({{ assay.reference_summary(ref, columns) }}) as assay_ref_long
        ) as assay_ref
        {{ assay.where_clause([row_condition]) }}
    ) as assay_agg
    cross join {{ assay.key_rows(columns | length) }}
) as o
left join ({{ assay.reference_summary(ref, columns) }}) as r
    on r.column_name = o.column_name
{% endmacro %}
