{#-
  The freshness check shared by expect_row_values_to_have_recent_data,
  expect_grouped_row_values_to_have_recent_data and recency: the latest timestamp (per group)
  must be no older than `interval` `datepart`s before now.

  NULL rule: NULL timestamps are left out of the latest value; a group (or table) with no
  timestamp at all fails, and so does a model with no rows after row_condition, with or
  without group_by (no data is not fresh data). With `ignore_future`, timestamps after now are
  left out as well (dbt-expectations counts them as errors, not as recent data).
-#}
{% macro recency_test(model, test_name, column, datepart, interval, group_by=none, row_condition=none,
                      group_by_argument="group_by", ignore_future=false, ignore_time_component=false) %}
  {{ assay.check_required(test_name, model, "datepart", datepart) }}
  {{ assay.check_number(test_name, model, "interval", interval) }}
  {%- set now = assay.now() -%}
  {%- set timestamp = "cast(" ~ column ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
  {%- set value = ("case when " ~ timestamp ~ " <= " ~ now ~ " then " ~ timestamp ~ " end") if ignore_future else timestamp -%}
  {%- set threshold = dbt.dateadd(datepart, (interval if interval is number else 0) * -1, now) -%}
  {%- if ignore_time_component -%}
    {%- set expression = "cast(max(" ~ value ~ ") as date)" -%}
    {%- set threshold = "cast(" ~ threshold ~ " as date)" -%}
  {%- else -%}
    {%- set expression = "max(" ~ value ~ ")" -%}
    {%- set threshold = "cast(" ~ threshold ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
  {%- endif -%}
  {{ assay.aggregate_test(model, test_name, expression=expression, condition="observed_value >= " ~ threshold,
      group_by=group_by, row_condition=row_condition, group_by_argument=group_by_argument) }}
  {%- if group_by and assay.is_list(group_by) %}
    {#- aggregate_test finds no group to fail in an empty model; add one failing row for that case,
        shaped like the builder's rows (the groups and observed_value, all NULL). -#}
    {%- set blanks = [] -%}
    {%- for column in group_by + ["observed_value"] %}{% do blanks.append("null") %}{% endfor %}
union all
select {{ assay.failing_shape(blanks) }}
from (select count(*) as assay_n from {{ model }} {{ assay.where_clause([row_condition]) }}) as assay_total
where assay_n = 0
  {%- endif %}
{% endmacro %}
