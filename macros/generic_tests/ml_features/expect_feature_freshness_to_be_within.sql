{#-
  The newest feature timestamp (max of the column, per group with group_by, e.g. per entity)
  is no older than `interval` `datepart`s before `reference_time` (a SQL expression; default
  the current timestamp; pass e.g. "(select max(observed_at) from {{ ref('labels') }})" to
  judge freshness at training time). One failing row per stale group: the group columns and
  observed_value = max(timestamp).
  NULL rule: NULL timestamps are left out; a table or group with no non-NULL timestamp has no
  fresh data and fails (with group_by an empty table has no groups and passes).
-#}
{% test expect_feature_freshness_to_be_within(model, column_name, interval, datepart="day", reference_time=none,
        group_by=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_feature_freshness_to_be_within", "assay")(
      model, column_name, interval, datepart, reference_time, group_by, row_condition)) }}
{% endtest %}

{% macro default__test_expect_feature_freshness_to_be_within(model, column_name, interval, datepart, reference_time,
        group_by, row_condition) %}
  {%- set test_name = "expect_feature_freshness_to_be_within" -%}
  {{ assay.check_number(test_name, model, "interval", interval, minimum=0) }}
  {%- set dateparts = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"] -%}
  {{ assay.check_choice(test_name, model, "datepart", datepart, dateparts) }}
  {%- set now = reference_time if reference_time is not none else dbt.current_timestamp() -%}
  {#- Spark's dateadd raises on an unknown part even while dbt parses; check_choice reports it at compile time. -#}
  {%- set cutoff = dbt.dateadd(datepart if datepart in dateparts else "day", -1 * (interval if interval is number else 0), "cast(" ~ now ~ " as " ~ dbt.type_timestamp() ~ ")") -%}
  {{ assay.aggregate_test(model, test_name,
      expression="max(cast(" ~ column_name ~ " as " ~ dbt.type_timestamp() ~ "))",
      condition="observed_value >= " ~ cutoff,
      group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
