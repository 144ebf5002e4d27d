{#-
  The null rate of each column moves by at most `max_shift` (absolute) from the reference's.
  value = current null rate − reference null rate (signed); fails when |value| > max_shift.
  NULL rule: NULLs are what is measured. A rate that cannot be computed (no current or no
  reference rows, a column missing from the profile) fails.
-#}
{% test expect_column_null_rate_shift_to_be_below(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, max_shift=0.05, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_null_rate_shift_to_be_below", "assay")(
      model, column_name, column_list, reference, reference_profile, max_shift, row_condition, compare_row_condition,
      profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_null_rate_shift_to_be_below(model, column_name, column_list, reference, reference_profile,
        max_shift, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.null_rate_shift_stats(model, column_name, column_list, reference, reference_profile,
      max_shift, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro null_rate_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        max_shift=0.05, row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {%- set test_name = "expect_column_null_rate_shift_to_be_below" -%}
  {{ assay.check_number(test_name, model, "max_shift", max_shift, minimum=0, maximum=1) }}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
select
    {{ assay.stat_columns("c.column_name", "'null_rate_shift'", "c.null_rate - r.null_rate", max_shift, "r.n", "c.n",
        "coalesce(" ~ assay.undefined_reason() ~ ", 'current null rate ' || " ~ assay.format_number("c.null_rate")
        ~ " || ', reference null rate ' || " ~ assay.format_number("r.null_rate") ~ ")",
        "not coalesce(abs(c.null_rate - r.null_rate) <= " ~ max_shift ~ ", false)") }}
from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref, numeric=false) }}
{% endmacro %}
