{#-
  The null rate of each column moves by at most `max_shift` (absolute) from the reference's.
  value = current null rate − reference null rate (signed); fails when |value| > max_shift.
  NULL rule: NULLs are what is measured. A rate that cannot be computed (no current or no
  reference rows, a column missing from the profile) fails.
-#}
{% test expect_column_null_rate_shift_to_be_below(model, column_name=none, column_list=none, reference=none,
        profile=none, max_shift=0.05, row_condition=none, compare_row_condition=none, profiles_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_null_rate_shift_to_be_below", "assay")(
      model, column_name, column_list, reference, profile, max_shift, row_condition, compare_row_condition,
      profiles_relation)) }}
{% endtest %}

{% macro default__test_expect_column_null_rate_shift_to_be_below(model, column_name, column_list, reference, profile,
        max_shift, row_condition, compare_row_condition, profiles_relation) %}
  {{ assay.mlb_failing_rows(assay.mlb_null_rate_shift_stats(model, column_name, column_list, reference, profile,
      max_shift, row_condition, compare_row_condition, profiles_relation)) }}
{% endmacro %}

{% macro mlb_null_rate_shift_stats(model, column_name=none, column_list=none, reference=none, profile=none,
        max_shift=0.05, row_condition=none, compare_row_condition=none, profiles_relation=none) %}
  {%- set test_name = "expect_column_null_rate_shift_to_be_below" -%}
  {{ assay.mlb_check_number(test_name, model, "max_shift", max_shift, minimum=0, maximum=1) }}
  {%- set columns = assay.mlb_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.mlb_reference(test_name, model, reference, profile, profiles_relation, compare_row_condition) -%}
select
    {{ assay.mlb_stat_columns("c.column_name", "'null_rate_shift'", "c.null_rate - r.null_rate", max_shift, "r.n", "c.n",
        "coalesce(" ~ assay.mlb_undefined_reason() ~ ", 'current null rate ' || " ~ assay.mlb_format_number("c.null_rate")
        ~ " || ', reference null rate ' || " ~ assay.mlb_format_number("r.null_rate") ~ ")",
        "not coalesce(abs(c.null_rate - r.null_rate) <= " ~ max_shift ~ ", false)") }}
from ({{ assay.mlb_summary_from_relation(model, columns, row_condition, numeric=false) }}) as c
left join ({{ assay.mlb_reference_summary(ref, columns, numeric=false) }}) as r
    on r.column_name = c.column_name
{% endmacro %}
