{% test expect_row_values_to_have_data_for_every_n_datepart(model, date_col=none, date_part="day", interval=none,
                                                             row_condition=none, exclusion_condition=none,
                                                             test_start_date=none, test_end_date=none, mostly=1) %}
  {{ return(adapter.dispatch("test_expect_row_values_to_have_data_for_every_n_datepart", "assay")(
      model, date_col, date_part, interval, row_condition, exclusion_condition, test_start_date, test_end_date, mostly)) }}
{% endtest %}

{#-
  Every slot of `interval` date_parts (default 1) from the start to the end must hold at
  least one row. Slots start at test_start_date (default: the first date in the data),
  truncated to date_part, and run up to test_end_date, exclusive as in dbt-expectations
  (default: the last date in the data, inclusive). The calendar is built in SQL, so nothing
  is queried at compile time.
  A failing row is a slot without data: date_<date_part> (e.g. date_day), is_missing and
  row_cnt. exclusion_condition is a SQL condition on those columns that a slot must meet to
  be checked, as in dbt-expectations (e.g. "date_day != '2024-12-25'").
  NULL rule: rows with a NULL date belong to no slot and are ignored. An empty table without
  test_start_date/test_end_date has no slots and passes; with both dates every slot fails.
-#}
{% macro default__test_expect_row_values_to_have_data_for_every_n_datepart(model, date_col, date_part, interval,
                                                                            row_condition, exclusion_condition,
                                                                            test_start_date, test_end_date, mostly) %}
  {%- set test_name = "expect_row_values_to_have_data_for_every_n_datepart" -%}
  {{ assay.check_required(test_name, model, "date_col", date_col) }}
  {{ assay.check_choice(test_name, model, "date_part", date_part, assay.date_parts()) }}
  {%- set step_count = interval if interval is not none else 1 -%}
  {{ assay.check_positive_integer(test_name, model, "interval", step_count) }}
  {%- set step = assay.interval_literal(step_count, date_part) -%}
  {%- set slot_column = "date_" ~ date_part -%}
  {%- set start_expr = assay.period_start(assay.literal(test_start_date | string), date_part) if test_start_date else "min(assay_period)" -%}
  {%- set end_expr = "cast(" ~ assay.literal(test_end_date | string) ~ " as " ~ dbt.type_timestamp() ~ ")" if test_end_date else "max(assay_period)" -%}
  {%- set slots -%}
    (
      with assay_periods as (
          select {{ assay.period_start(date_col, date_part) }} as assay_period, count(*) as assay_rows
          from {{ model }}
          {{ assay.where_clause([row_condition, date_col ~ " is not null"]) }}
          group by {{ assay.period_start(date_col, date_part) }}
      ),
      assay_bounds as (
          {#- count(*) makes this an aggregate: one row even when no period has data. #}
          select {{ start_expr }} as assay_start, {{ end_expr }} as assay_end, count(*) as assay_period_count
          from assay_periods
      ),
      assay_calendar as (
          {{ assay.timestamp_series("assay_start", "assay_end", step, "assay_bounds") }}
      ),
      assay_slots as (
          select
              assay_calendar.assay_slot as {{ slot_column }},
              coalesce(sum(assay_periods.assay_rows), 0) as row_cnt
          from assay_calendar
          left join assay_periods
            on assay_periods.assay_period >= assay_calendar.assay_slot
           and assay_periods.assay_period < assay_calendar.assay_slot + {{ step }}
          {%- if test_end_date %}
          where assay_calendar.assay_slot < (select assay_end from assay_bounds)
          {%- endif %}
          group by assay_calendar.assay_slot
      )
      select {{ slot_column }}, row_cnt = 0 as is_missing, row_cnt
      from assay_slots
    ) as assay_slots
  {%- endset -%}
  {{ assay.row_test(slots, test_name, pass_expr="row_cnt > 0",
      show_columns=[slot_column, "is_missing", "row_cnt"],
      row_condition=exclusion_condition, mostly=mostly) }}
{% endmacro %}
