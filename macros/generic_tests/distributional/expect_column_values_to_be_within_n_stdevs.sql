{% test expect_column_values_to_be_within_n_stdevs(model, column_name, group_by=none, sigma_threshold=3,
                                                    row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_within_n_stdevs", "assay")(
      model, column_name, group_by, sigma_threshold, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Without group_by: each value's z-score (value - mean) / stdev over the whole column must
  lie within ±sigma_threshold. dbt-expectations sums the column into a single row first, so
  without group_by its test can never fail; here every row is scored.
  With group_by: the column is summed per group (as dbt-expectations does) and each group's
  sum is scored against the mean and stdev of all group sums.
  stdev is the sample standard deviation. Failing rows: the value (observed_value per group
  with group_by), assay_mean, assay_stdev and assay_sigma (the z-score).
  NULL rule: NULL values are left out of the mean and stdev and are skipped (with group_by,
  a group whose values are all NULL). When the stdev is 0 or undefined (fewer than two
  values) no z-score exists and nothing fails.
-#}
{% macro default__test_expect_column_values_to_be_within_n_stdevs(model, column_name, group_by, sigma_threshold,
                                                                   row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_be_within_n_stdevs" -%}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {{ assay.check_number(test_name, model, "sigma_threshold", sigma_threshold, positive=true) }}
  {%- if execute and group_by and context_columns -%}
    {{ assay.arg_error(test_name, model, "context_columns", "cannot be used with group_by: failing rows are groups, not rows") }}
  {%- endif -%}
  {%- set groups = assay.column_list(group_by) -%}
  {%- set value = "observed_value" if groups else column_name -%}
  {%- set values -%}
      (
        {%- if groups %}
          select {{ groups | join(", ") }}, sum({{ column_name }}) as observed_value
          from {{ model }}
          {{ assay.where_clause([row_condition]) }}
          group by {{ groups | join(", ") }}
        {%- else %}
          select * from {{ model }}
          {{ assay.where_clause([row_condition]) }}
        {%- endif %}
      ) as assay_values
  {%- endset -%}
  {#- Mean and stdev as a plain aggregate joined to every row, not a window over the whole
      table: PostgreSQL buffers every row for such a window in a single process. -#}
  {%- set scored -%}
    (
      select assay_values.*, assay_stats.assay_mean, assay_stats.assay_stdev
      from {{ values }}
      cross join (
          select
              avg(cast({{ value }} as {{ assay.type_double() }})) as assay_mean,
              {{ assay.sample_stddev("cast(" ~ value ~ " as " ~ assay.type_double() ~ ")") }} as assay_stdev
          from {{ values }}
      ) as assay_stats
    ) as assay_scored
  {%- endset -%}
  {%- set sigma = "(cast(" ~ value ~ " as " ~ assay.type_double() ~ ") - assay_mean) / nullif(assay_stdev, 0)" -%}
  {%- set source -%}
    (select assay_scored.*, {{ sigma }} as assay_sigma from {{ scored }}) as assay_source
  {%- endset -%}
  {{ assay.row_test(source, test_name,
      pass_expr="abs(assay_sigma) <= " ~ sigma_threshold,
      show_columns=groups + [value, "assay_mean", "assay_stdev", "assay_sigma"],
      null_probe="assay_sigma",
      mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
