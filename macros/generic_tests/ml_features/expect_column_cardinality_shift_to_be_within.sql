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
        reference_profile=none, min_ratio=0.5, max_ratio=2, compare="distinct_count", row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_cardinality_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, reference_profile, min_ratio, max_ratio, compare,
      row_condition, compare_row_condition, profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_cardinality_shift_to_be_within(model, column_name, column_list, reference, reference_profile,
        min_ratio, max_ratio, compare, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.cardinality_shift_stats(model, column_name, column_list, reference, reference_profile,
      min_ratio, max_ratio, compare, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro cardinality_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        min_ratio=0.5, max_ratio=2, compare="distinct_count", row_condition=none, compare_row_condition=none,
        profile_relation=none) %}
  {%- set test_name = "expect_column_cardinality_shift_to_be_within" -%}
  {{ assay.check_number(test_name, model, "min_ratio", min_ratio, minimum=0) }}
  {{ assay.check_number(test_name, model, "max_ratio", max_ratio, minimum=min_ratio if min_ratio is number else none) }}
  {{ assay.check_choice(test_name, model, "compare", compare, ["distinct_count", "distinct_share"]) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- if compare == "distinct_share" -%}
    {%- set ratio = "case when r.distinct_count > 0 and c.n > c.n_null then (" ~ assay.to_double("c.distinct_count")
        ~ " / (c.n - c.n_null)) / (" ~ assay.to_double("r.distinct_count") ~ " / (r.n - r.n_null)) end" -%}
  {%- else -%}
    {%- set ratio = "case when r.distinct_count > 0 then " ~ assay.to_double("c.distinct_count") ~ " / r.distinct_count end" -%}
  {%- endif -%}
select
    {{ assay.stat_columns("c.column_name", "'" ~ compare ~ "_ratio'", ratio,
        "case when " ~ ratio ~ " < " ~ min_ratio ~ " then " ~ min_ratio ~ " else " ~ max_ratio ~ " end", "r.n", "c.n",
        "coalesce(" ~ assay.undefined_reason() ~ ", case when " ~ ratio ~ " is null then 'no non-NULL values' end, "
        ~ "'current ' || cast(c.distinct_count as " ~ dbt.type_string() ~ ") || ' distinct of ' || cast(c.n - c.n_null as " ~ dbt.type_string()
        ~ ") || ', reference ' || cast(r.distinct_count as " ~ dbt.type_string() ~ ") || ' distinct of ' || cast(r.n - r.n_null as " ~ dbt.type_string() ~ "))",
        "not coalesce(" ~ ratio ~ " between " ~ min_ratio ~ " and " ~ max_ratio ~ ", false)") }}
from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref, numeric=false) }}
{% endmacro %}
