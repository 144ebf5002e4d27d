{#-
  The share of current non-NULL rows whose category (compared as text) never occurs in the
  reference stays at or below `max_rate`. The failing row's detail lists the `top_n` most
  frequent unseen values with their counts.
  NULL rule: NULL values are not categories: they are left out of numerator and denominator
  (watch them with the null-rate shift). No non-NULL current value, no reference rows, or a
  column missing from the profile: the rate is undefined and the column fails.
-#}
{% test expect_column_new_category_rate_to_be_below(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, max_rate=0, top_n=5, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_new_category_rate_to_be_below", "assay")(
      model, column_name, column_list, reference, reference_profile, max_rate, top_n, row_condition, compare_row_condition,
      profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_new_category_rate_to_be_below(model, column_name, column_list, reference, reference_profile,
        max_rate, top_n, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.new_category_rate_stats(model, column_name, column_list, reference, reference_profile,
      max_rate, top_n, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro new_category_rate_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        max_rate=0, top_n=5, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {%- set test_name = "expect_column_new_category_rate_to_be_below" -%}
  {{ assay.check_number(test_name, model, "max_rate", max_rate, minimum=0, maximum=1) }}
  {{ assay.check_number(test_name, model, "top_n", top_n, minimum=1) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- set rate = assay.to_double("u.n_unseen") ~ " / nullif(u.n_nonnull, 0)" -%}
select
    {{ assay.stat_columns("c.column_name", "'new_category_rate'", "case when u.n_nonnull > 0 then " ~ rate ~ " end",
        max_rate, "r.n", "c.n",
        "coalesce(" ~ assay.undefined_reason() ~ ", case when coalesce(u.n_nonnull, 0) = 0 then 'no non-NULL current values' end, "
        ~ "cast(u.n_unseen as " ~ dbt.type_string() ~ ") || ' of ' || cast(u.n_nonnull as " ~ dbt.type_string()
        ~ ") || ' rows unseen' || coalesce('; top unseen: ' || u.top_unseen, ''))",
        "not coalesce(u.n_nonnull > 0 and " ~ rate ~ " <= " ~ max_rate ~ ", false)") }}
from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref, numeric=false) }}
left join (
    select
        column_name,
        sum(n) as n_nonnull,
        sum(case when assay_unseen = 1 then n else 0 end) as n_unseen,
        {{ assay.string_agg(
            "case when assay_unseen = 1 and assay_rank <= " ~ top_n ~ " then category || ' (' || cast(n as " ~ dbt.type_string() ~ ") || ')' end",
            ", ", "n desc, category") }} as top_unseen
    from (
        select
            cc.column_name,
            cc.category,
            cc.n,
            case when rc.category is null then 1 else 0 end as assay_unseen,
            row_number() over (partition by cc.column_name, case when rc.category is null then 1 else 0 end
                               order by cc.n desc, cc.category) as assay_rank
        from ({{ assay.categories_from_relation(model, columns, row_condition) }}) as cc
        left join ({{ assay.reference_categories(ref, columns) }}) as rc
            on rc.column_name = cc.column_name and rc.category = cc.category
    ) as assay_flagged
    group by column_name
) as u
    on u.column_name = c.column_name
{% endmacro %}
