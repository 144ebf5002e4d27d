{% test sequential_values(model, column_name, interval=1, datepart=none, group_by_columns=none, row_condition=none,
                          mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_sequential_values", "assay")(
      model, column_name, interval, datepart, group_by_columns, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Ordered by the column (within each group of group_by_columns), each value must be the
  previous one plus `interval` (numbers), or plus `interval` datepart units (dates and
  timestamps, with datepart). A repeated value fails too. Failing rows: the groups, the value
  and the previous value (assay_previous_value).
  NULL rule: NULL values are left out of the sequence; the first value of each group has no
  previous value and is skipped. Neither counts toward `mostly`.
-#}
{% macro default__test_sequential_values(model, column_name, interval, datepart, group_by_columns, row_condition,
                                          mostly, context_columns) %}
  {%- set test_name = "sequential_values" -%}
  {{ assay.check_list(test_name, model, "group_by_columns", group_by_columns, required=false, allow_empty=true) }}
  {%- if datepart is not none -%}
    {{ assay.check_choice(test_name, model, "datepart", datepart, assay.date_parts()) }}
    {{ assay.check_positive_integer(test_name, model, "interval", interval) }}
  {%- else -%}
    {{ assay.check_number(test_name, model, "interval", interval) }}
  {%- endif -%}
  {#- At parse time the checks are off: a bad value must still render. -#}
  {%- set groups = group_by_columns if assay.is_list(group_by_columns) else [] -%}
  {%- set partition = ("partition by " ~ groups | join(", ") ~ " ") if groups else "" -%}
  {%- set sequence -%}
    (
      select
          assay_model.*,
          lag({{ column_name }}) over ({{ partition }}order by {{ column_name }}) as assay_previous_value
      from {{ assay.aliased(model, 'assay_model') }}
      {{ assay.where_clause([row_condition, column_name ~ " is not null"]) }}
    ) as assay_sequence
  {%- endset -%}
  {%- if datepart is not none -%}
    {%- set expected = "cast(assay_previous_value as " ~ dbt.type_timestamp() ~ ") + " ~ assay.interval_literal(interval, datepart) -%}
    {%- set pass_expr = "cast(" ~ column_name ~ " as " ~ dbt.type_timestamp() ~ ") = " ~ expected -%}
  {%- else -%}
    {%- set pass_expr = column_name ~ " = assay_previous_value + " ~ interval -%}
  {%- endif -%}
  {{ assay.row_test(sequence, test_name, pass_expr=pass_expr,
      show_columns=groups + [column_name, "assay_previous_value"],
      null_probe="assay_previous_value",
      mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
