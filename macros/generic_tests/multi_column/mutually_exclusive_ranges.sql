{% test mutually_exclusive_ranges(model, lower_bound_column=none, upper_bound_column=none, partition_by=none, gaps="allowed",
                                  zero_length_range_allowed=false, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_mutually_exclusive_ranges", "assay")(
      model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed,
      row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Ranges [lower, upper) within a partition must not overlap. Ordered by (lower, upper), each
  range must end before or where the next begins (gaps: allowed), exactly where it begins
  (not_allowed) or strictly before (required); and lower < upper (<= with
  zero_length_range_allowed). Failing rows: the range, the next range's lower bound and the
  partition.
  NULL rule: as in dbt-utils, a row with a NULL bound fails. Such rows are kept out of the
  ordering, so they do not also fail the row before them. To treat a NULL upper bound as
  open-ended, pass an expression: upper_bound_column: "coalesce(valid_to, '9999-12-31')".
  partition_by: a column or comma-separated columns (as in dbt-utils), or a list.
-#}
{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by, gaps,
                                                  zero_length_range_allowed, row_condition, mostly, context_columns) %}
  {%- set test_name = "mutually_exclusive_ranges" -%}
  {{ assay.check_required(test_name, model, "lower_bound_column", lower_bound_column) }}
  {{ assay.check_required(test_name, model, "upper_bound_column", upper_bound_column) }}
  {{ assay.check_choice(test_name, model, "gaps", gaps, ["allowed", "not_allowed", "required"]) }}
  {{ assay.check_boolean(test_name, model, "zero_length_range_allowed", zero_length_range_allowed) }}
  {%- if partition_by is none or (partition_by is string and partition_by | trim == "") -%}
    {%- set partitions = [] -%}
  {%- elif partition_by is string -%}
    {%- set partitions = [partition_by] -%}
  {%- else -%}
    {{ assay.check_list(test_name, model, "partition_by", partition_by) }}
    {%- set partitions = partition_by -%}
  {%- endif -%}
  {%- set next_operator = {"allowed": "<=", "not_allowed": "=", "required": "<"}.get(gaps, "<=") -%}
  {%- set length_operator = "<=" if zero_length_range_allowed else "<" -%}
  {%- set has_null_bound = "(" ~ lower_bound_column ~ " is null or " ~ upper_bound_column ~ " is null)" -%}
  {%- set window = "partition by " ~ (partitions + [has_null_bound]) | join(", ")
                   ~ " order by " ~ lower_bound_column ~ ", " ~ upper_bound_column -%}
  {%- set ranges -%}
    (
      select
          assay_model.*,
          {{ lower_bound_column }} as assay_lower_bound,
          {{ upper_bound_column }} as assay_upper_bound,
          lead({{ lower_bound_column }}) over ({{ window }}) as assay_next_lower_bound
      from {{ assay.aliased(model, 'assay_model') }}
      {{ assay.where_clause([row_condition]) }}
    ) as assay_ranges
  {%- endset -%}
  {{ assay.row_test(ranges, test_name,
      pass_expr="assay_lower_bound " ~ length_operator ~ " assay_upper_bound and coalesce(assay_upper_bound "
                ~ next_operator ~ " assay_next_lower_bound, true)",
      show_columns=partitions + ["assay_lower_bound", "assay_upper_bound", "assay_next_lower_bound"],
      null_probe="case when assay_lower_bound is null or assay_upper_bound is null then null else 1 end", nulls="fail",
      mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
