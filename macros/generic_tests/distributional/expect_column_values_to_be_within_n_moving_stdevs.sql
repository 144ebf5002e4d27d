{% test expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name=none, group_by=none,
                                                           period="day", lookback_periods=1, trend_periods=7,
                                                           test_periods=14, sigma_threshold=3,
                                                           sigma_threshold_upper=none, sigma_threshold_lower=none,
                                                           take_diffs=true, take_logs=true, row_condition=none,
                                                           mostly=1) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_within_n_moving_stdevs", "assay")(
      model, column_name, date_column_name, group_by, period, lookback_periods, trend_periods, test_periods,
      sigma_threshold, sigma_threshold_upper, sigma_threshold_lower, take_diffs, take_logs, row_condition, mostly)) }}
{% endtest %}

{#-
  Anomaly check on a time series. The column is summed per `period` (and group); with
  take_logs the sums are log-scaled; with take_diffs each period's value becomes its change
  since `lookback_periods` periods earlier. Each period is then scored against the mean and
  sample stdev of the `trend_periods` periods before it, and the periods of the last
  `test_periods` complete periods before now must score between sigma_threshold_lower
  (default -sigma_threshold) and sigma_threshold_upper (default sigma_threshold).
  Failing rows: the period, the groups, the period's sum and its score (metric_test_sigma).
  NULL rule: NULL values are left out of the sums; a period whose sum is NULL and a period
  without enough history (no stdev, or a stdev of 0) are skipped. Periods with no rows at
  all are not tested (pair with expect_row_values_to_have_data_for_every_n_datepart).
  With take_logs, a period whose sum is 0 or negative has no log and FAILS (dbt-expectations
  turns its log into 0).
-#}
{% macro default__test_expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name, group_by,
                                                                          period, lookback_periods, trend_periods,
                                                                          test_periods, sigma_threshold,
                                                                          sigma_threshold_upper, sigma_threshold_lower,
                                                                          take_diffs, take_logs, row_condition, mostly) %}
  {%- set test_name = "expect_column_values_to_be_within_n_moving_stdevs" -%}
  {{ assay.check_required(test_name, model, "date_column_name", date_column_name) }}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {{ assay.check_choice(test_name, model, "period", period, assay.date_parts()) }}
  {{ assay.check_positive_integer(test_name, model, "lookback_periods", lookback_periods) }}
  {{ assay.check_positive_integer(test_name, model, "trend_periods", trend_periods) }}
  {{ assay.check_positive_integer(test_name, model, "test_periods", test_periods) }}
  {{ assay.check_number(test_name, model, "sigma_threshold", sigma_threshold, positive=true) }}
  {{ assay.check_boolean(test_name, model, "take_diffs", take_diffs) }}
  {{ assay.check_boolean(test_name, model, "take_logs", take_logs) }}
  {%- set upper = sigma_threshold_upper if sigma_threshold_upper is not none else sigma_threshold -%}
  {%- set lower = sigma_threshold_lower if sigma_threshold_lower is not none else -1 * sigma_threshold -%}
  {%- if execute -%}
    {{ assay.check_number(test_name, model, "sigma_threshold_upper", upper) }}
    {{ assay.check_number(test_name, model, "sigma_threshold_lower", lower) }}
    {%- if lower > 0 -%}
      {{ assay.arg_error(test_name, model, "sigma_threshold_lower", "is the lowest score allowed and must be 0 or negative (e.g. -2), got " ~ lower) }}
    {%- endif -%}
    {%- if upper < 0 -%}
      {{ assay.arg_error(test_name, model, "sigma_threshold_upper", "is the highest score allowed and must be 0 or positive, got " ~ upper) }}
    {%- endif -%}
  {%- endif -%}
  {%- set groups = assay.column_list(group_by) -%}
  {%- set partition = ("partition by " ~ groups | join(", ") ~ " ") if groups else "" -%}
  {%- set metric = assay.safe_ln("agg_metric_value") if take_logs else "agg_metric_value" -%}
  {%- set trend_window = partition ~ "order by metric_period rows between " ~ trend_periods ~ " preceding and 1 preceding" -%}
  {%- set scored -%}
    (
      with assay_periods as (
          select
              {{ assay.period_start(date_column_name, period) }} as metric_period,
              {%- for column in groups %}
              {{ column }},
              {%- endfor %}
              sum(cast({{ column_name }} as {{ assay.type_double() }})) as agg_metric_value
          from {{ model }}
          {{ assay.where_clause([row_condition, date_column_name ~ " is not null"]) }}
          group by {{ ([assay.period_start(date_column_name, period)] + groups) | join(", ") }}
      ),
      assay_metric as (
          select
              assay_periods.*,
              {%- if take_logs %}
              case when agg_metric_value <= 0 then 1 else 0 end as assay_log_undefined,
              {%- endif %}
              {%- if take_diffs %}
              {{ metric }} - lag({{ metric }}, {{ lookback_periods }}) over ({{ partition }}order by metric_period)
              {%- else %}
              {{ metric }}
              {%- endif %} as metric_test_value
          from assay_periods
      ),
      assay_trend as (
          select
              assay_metric.*,
              avg(metric_test_value) over ({{ trend_window }}) as metric_test_rolling_average,
              {{ assay.sample_stddev("metric_test_value") }} over ({{ trend_window }}) as metric_test_rolling_stddev
          from assay_metric
      )
      select
          assay_trend.*,
          metric_test_value - metric_test_rolling_average as metric_test_delta,
          (metric_test_value - metric_test_rolling_average) / nullif(metric_test_rolling_stddev, 0) as metric_test_sigma
      from assay_trend
    ) as assay_scored
  {%- endset -%}
  {%- set now_period = assay.period_start(assay.now(), period) -%}
  {%- set in_test_window = "metric_period >= " ~ now_period ~ " - " ~ assay.interval_literal(test_periods, period)
                           ~ " and metric_period < " ~ now_period -%}
  {%- set within = "metric_test_sigma >= " ~ lower ~ " and metric_test_sigma <= " ~ upper -%}
  {%- if take_logs -%}
    {%- set pass_expr = "assay_log_undefined = 0 and " ~ within -%}
    {%- set probe = "case when assay_log_undefined = 1 then 0 else metric_test_sigma end" -%}
  {%- else -%}
    {%- set pass_expr = within -%}
    {%- set probe = "metric_test_sigma" -%}
  {%- endif -%}
  {{ assay.row_test(scored, test_name, pass_expr=pass_expr,
      show_columns=["metric_period"] + groups + ["agg_metric_value", "metric_test_value", "metric_test_rolling_average",
                    "metric_test_rolling_stddev", "metric_test_sigma"],
      null_probe=probe, row_condition=in_test_window, mostly=mostly) }}
{% endmacro %}
