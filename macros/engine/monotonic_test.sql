{#-
  The builder behind expect_column_values_to_be_increasing and _decreasing. Each row is
  compared with the previous row in sort_column order (within its group_by partition); with
  `step`, the difference must also equal step exactly. sort_column defaults to the column itself, which then only
  catches ties under `strictly`. Ties in sort_column leave the order between them undefined.
  NULL rule: rows with a NULL value or a NULL sort key are skipped, and the next row is
  compared with the last non-NULL value (dbt-expectations compares it with the NULL and so
  skips it too). The first row of each partition has nothing to compare with: it neither
  fails nor counts toward `mostly`.
-#}
{% macro monotonic_test(model, test_name, direction, column_name, sort_column, strictly, row_condition, group_by, step,
                        mostly, context_columns) %}
  {#- Checked against the real model so messages name it, not the derived relation below;
      a non-list context_columns is kept from row_test, which cannot take one at parse time. -#}
  {{ assay.check_fraction(test_name, model, "mostly", mostly) }}
  {{ assay.check_list(test_name, model, "context_columns", context_columns, required=false) }}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {% if execute and step is not none and (step is not number or step is boolean or step <= 0) %}
    {{ assay.arg_error(test_name, model, "step", "must be a positive number, got " ~ (step | tojson)) }}
  {% endif %}
  {%- set sort_column = sort_column or column_name -%}
  {%- set groups = assay.column_list(group_by) if assay.is_list(group_by) else [] -%}
  {%- set previous = "assay_previous_value" -%}
  {%- if direction == "increasing" -%}
    {%- set pass_expr = column_name ~ (" > " if strictly else " >= ") ~ previous -%}
    {%- set difference = column_name ~ " - " ~ previous -%}
  {%- else -%}
    {%- set pass_expr = column_name ~ (" < " if strictly else " <= ") ~ previous -%}
    {%- set difference = previous ~ " - " ~ column_name -%}
  {%- endif -%}
  {%- if step is not none -%}
    {%- set pass_expr = pass_expr ~ " and " ~ difference ~ " = " ~ step -%}
  {%- endif -%}
  {%- set ordered -%}
(
    select *,
        lag({{ column_name }}) over ({% if groups %}partition by {{ groups | join(", ") }} {% endif %}order by {{ sort_column }}) as {{ previous }}
    from {{ model }}
    {{ assay.where_clause([row_condition, column_name ~ " is not null", sort_column ~ " is not null"]) }}
) as assay_ordered
  {%- endset -%}
  {{ assay.row_test(ordered, test_name, pass_expr=pass_expr,
      show_columns=groups + [sort_column, column_name, previous], null_probe=previous,
      mostly=mostly, context_columns=(context_columns if assay.is_list(context_columns) else none)) }}
{% endmacro %}
