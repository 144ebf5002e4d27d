{#-
  Point-in-time correctness of a training set: each row's feature timestamp (the column the
  test is attached to) is at or before its observation (label) timestamp minus `min_lag`
  `min_lag_datepart`s. A feature stamped later than that was not available when the label
  was observed: the label leaks. Failing rows are the leaking rows, with `key_columns`,
  the feature and the observation timestamps (and any context_columns).
  NULL rule: a row with a NULL feature or observation timestamp is skipped (no feature
  joined, nothing can leak); forbid NULLs with expect_column_values_to_not_be_null.
-#}
{% test expect_column_values_to_be_point_in_time_correct(model, column_name, observation_timestamp_column,
        min_lag=0, min_lag_datepart="second", key_columns=none, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_point_in_time_correct", "assay")(
      model, column_name, observation_timestamp_column, min_lag, min_lag_datepart, key_columns, row_condition,
      mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_be_point_in_time_correct(model, column_name, observation_timestamp_column,
        min_lag, min_lag_datepart, key_columns, row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_be_point_in_time_correct" -%}
  {{ assay.check_required(test_name, model, "observation_timestamp_column", observation_timestamp_column) }}
  {{ assay.check_number(test_name, model, "min_lag", min_lag, minimum=0) }}
  {%- set dateparts = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"] -%}
  {{ assay.check_choice(test_name, model, "min_lag_datepart", min_lag_datepart, dateparts) }}
  {#- Spark's dateadd raises on an unknown part even while dbt parses; check_choice reports it at compile time. -#}
  {%- set min_lag_datepart = min_lag_datepart if min_lag_datepart in dateparts else "day" -%}
  {{ assay.check_list(test_name, model, "key_columns", key_columns, required=false) }}
  {%- set observed = "cast(" ~ observation_timestamp_column ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
  {%- set available_by = dbt.dateadd(min_lag_datepart, -1 * min_lag, observed) if (min_lag is number and min_lag > 0) else observed -%}
  {{ assay.row_test(model, test_name,
      pass_expr="cast(" ~ column_name ~ " as " ~ dbt.type_timestamp() ~ ") <= " ~ available_by,
      show_columns=(key_columns if assay.is_list(key_columns) else []) + [column_name, observation_timestamp_column],
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
