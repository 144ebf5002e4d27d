{#-
  The ratio of current to reference cardinality lies within [min_ratio, max_ratio], for
  ID-like columns (a join that fans out, keys that collapse to a default value).
    compare: distinct_count  ratio = distinct_cur / distinct_ref (the default);
             distinct_share  ratio = (distinct_cur / non-NULL_cur) / (distinct_ref / non-NULL_ref),
                             for samples of different sizes.
  NULL rule: NULL is not a distinct value. A ratio that cannot be computed (no non-NULL value
  in the reference or in the current, a column missing from the profile) fails.
-#}
{% test expect_column_cardinality_shift_to_be_within(model, column_name=none, column_list=none, reference=none,
        profile=none, min_ratio=0.5, max_ratio=2, compare="distinct_count", row_condition=none,
        compare_row_condition=none, profiles_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_cardinality_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, profile, min_ratio, max_ratio, compare,
      row_condition, compare_row_condition, profiles_relation)) }}
{% endtest %}

{% macro default__test_expect_column_cardinality_shift_to_be_within(model, column_name, column_list, reference, profile,
        min_ratio, max_ratio, compare, row_condition, compare_row_condition, profiles_relation) %}
  {{ assay.mlb_failing_rows(assay.mlb_cardinality_shift_stats(model, column_name, column_list, reference, profile,
      min_ratio, max_ratio, compare, row_condition, compare_row_condition, profiles_relation)) }}
{% endmacro %}

{% macro mlb_cardinality_shift_stats(model, column_name=none, column_list=none, reference=none, profile=none,
        min_ratio=0.5, max_ratio=2, compare="distinct_count", row_condition=none, compare_row_condition=none,
        profiles_relation=none) %}
  {%- set test_name = "expect_column_cardinality_shift_to_be_within" -%}
  {{ assay.mlb_check_number(test_name, model, "min_ratio", min_ratio, minimum=0) }}
  {{ assay.mlb_check_number(test_name, model, "max_ratio", max_ratio, minimum=min_ratio if min_ratio is number else none) }}
  {{ assay.check_choice(test_name, model, "compare", compare, ["distinct_count", "distinct_share"]) }}
  {%- set columns = assay.mlb_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.mlb_reference(test_name, model, reference, profile, profiles_relation, compare_row_condition) -%}
  {%- if compare == "distinct_share" -%}
    {%- set ratio = "case when r.distinct_count > 0 and c.n > c.n_null then (" ~ assay.mlb_double("c.distinct_count")
        ~ " / (c.n - c.n_null)) / (" ~ assay.mlb_double("r.distinct_count") ~ " / (r.n - r.n_null)) end" -%}
  {%- else -%}
    {%- set ratio = "case when r.distinct_count > 0 then " ~ assay.mlb_double("c.distinct_count") ~ " / r.distinct_count end" -%}
  {%- endif -%}
select
    {{ assay.mlb_stat_columns("c.column_name", "'" ~ compare ~ "_ratio'", ratio,
        "case when " ~ ratio ~ " < " ~ min_ratio ~ " then " ~ min_ratio ~ " else " ~ max_ratio ~ " end", "r.n", "c.n",
        "coalesce(" ~ assay.mlb_undefined_reason() ~ ", case when " ~ ratio ~ " is null then 'no non-NULL values' end, "
        ~ "'current ' || cast(c.distinct_count as " ~ dbt.type_string() ~ ") || ' distinct of ' || cast(c.n - c.n_null as " ~ dbt.type_string()
        ~ ") || ', reference ' || cast(r.distinct_count as " ~ dbt.type_string() ~ ") || ' distinct of ' || cast(r.n - r.n_null as " ~ dbt.type_string() ~ "))",
        "not coalesce(" ~ ratio ~ " between " ~ min_ratio ~ " and " ~ max_ratio ~ ", false)") }}
from ({{ assay.mlb_summary_from_relation(model, columns, row_condition, numeric=false) }}) as c
left join ({{ assay.mlb_reference_summary(ref, columns, numeric=false) }}) as r
    on r.column_name = c.column_name
{% endmacro %}
