{#-
  The builder behind every test that compares an aggregate of the model with an aggregate of
  another model (or of the model itself): row counts, expressions, cardinalities.

  One pass per side computes `expression` on the model and `compare_expression` on
  `compare_model`, per group (`group_by` on the model, `compare_group_by` on the other side,
  matched by position). Both sides are stacked with UNION ALL and grouped once more, so groups
  are matched NULL-safely (a NULL group key on one side meets the NULL group on the other)
  without a join condition that differs between engines.

  row_condition applies to the model only; compare_row_condition to compare_model only. When
  there is no compare_model (the model is compared with itself), both sides are the tested
  model, so row_condition applies to both unless compare_row_condition is given.

  A group fails when `condition` does not hold (default: equal, or within `tolerance`, or within
  `tolerance_percent` of the model's value). NULL rule: a side whose value is NULL (a NULL
  aggregate, or a group that exists on one side only) fails, unless `missing_value` is given:
  then NULL stands for that value (0 for counts: a group missing on one side has 0 rows there).
-#}
{% macro compare_test(model, test_name, expression, compare_model=none, compare_expression=none,
                      group_by=none, compare_group_by=none, row_condition=none, compare_row_condition=none,
                      tolerance=0, tolerance_percent=none, condition=none, missing_value=none,
                      group_by_argument="group_by", compare_group_by_argument="compare_group_by") %}
  {{ assay.check_required(test_name, model, "expression", expression) }}
  {{ assay.check_list(test_name, model, group_by_argument, group_by, required=false) }}
  {{ assay.check_list(test_name, model, compare_group_by_argument, compare_group_by, required=false) }}
  {{ assay.check_non_negative(test_name, model, "tolerance", tolerance) }}
  {{ assay.check_non_negative(test_name, model, "tolerance_percent", tolerance_percent) }}
  {%- set same_model = compare_model is none -%}
  {%- set other_model = model if same_model else compare_model -%}
  {%- set other_expression = compare_expression if compare_expression is not none else expression -%}
  {%- if compare_row_condition is not none or not same_model -%}
    {%- set other_condition = compare_row_condition -%}
  {%- else -%}
    {%- set other_condition = row_condition -%}
  {%- endif -%}
  {%- set groups = assay.column_list(group_by) -%}
  {%- set other_groups = assay.column_list(compare_group_by) if compare_group_by is not none else groups -%}
  {%- if execute and (groups | length) != (other_groups | length) -%}
    {{ assay.arg_error(test_name, model, compare_group_by_argument,
        "must name as many columns as " ~ group_by_argument ~ " (" ~ (groups | length) ~ "), got " ~ (other_groups | length)) }}
  {%- endif -%}
  {%- set keys = [] -%}
  {%- set shown = [] -%}
  {%- for column in groups -%}
    {%- do keys.append("assay_group_" ~ loop.index) -%}
    {%- do shown.append("assay_group_" ~ loop.index ~ " as " ~ assay.output_column_name(column, loop.index)) -%}
  {%- endfor -%}
  {%- if missing_value is not none -%}
    {%- set observed = "coalesce(max(assay_model_value), " ~ missing_value ~ ")" -%}
    {%- set compared = "coalesce(max(assay_compare_value), " ~ missing_value ~ ")" -%}
  {%- else -%}
    {%- set observed = "max(assay_model_value)" -%}
    {%- set compared = "max(assay_compare_value)" -%}
  {%- endif -%}
  {%- if condition is none -%}
    {%- if tolerance_percent is not none -%}
      {#- Relative to the model's value, as in dbt-expectations, but written without a division
          so a model value of 0 only passes when the other side is 0 too. -#}
      {%- set condition = "abs(observed_value - compare_value) <= " ~ tolerance_percent ~ " * abs(observed_value)" -%}
    {%- elif tolerance -%}
      {%- set condition = "abs(observed_value - compare_value) <= " ~ tolerance -%}
    {%- else -%}
      {#- Plain equality, so dates and strings compare too (no subtraction). -#}
      {%- set condition = "observed_value = compare_value" -%}
    {%- endif -%}
  {%- endif %}
with assay_sides as (
    select
        {%- for column in groups %}
        {{ column }} as assay_group_{{ loop.index }},
        {%- endfor %}
        {{ expression }} as assay_model_value,
        null as assay_compare_value
    from {{ model }}
    {{ assay.where_clause([row_condition]) }}
    {%- if groups %}
    group by {{ groups | join(", ") }}
    {%- endif %}
    union all
    select
        {%- for column in other_groups %}
        {{ column }} as assay_group_{{ loop.index }},
        {%- endfor %}
        null as assay_model_value,
        {{ other_expression }} as assay_compare_value
    from {{ other_model }}
    {{ assay.where_clause([other_condition]) }}
    {%- if other_groups %}
    group by {{ other_groups | join(", ") }}
    {%- endif %}
),
assay_compared as (
    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        {{ observed }} as observed_value,
        {{ compared }} as compare_value
    from assay_sides
    {%- if keys %}
    group by {{ keys | join(", ") }}
    {%- endif %}
)
select {{ assay.failing_shape(shown + ["observed_value", "compare_value"]) }}
from assay_compared
where not coalesce({{ condition }}, false)
{% endmacro %}

{#-
  Rows of the model (per group) against rows of compare_model times `factor`. A group found on
  one side only has 0 rows on the other.
-#}
{% macro row_count_compare_test(model, test_name, compare_model, factor, group_by, compare_group_by,
                                row_condition, compare_row_condition) %}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {{ assay.check_number(test_name, model, "factor", factor) }}
  {{ assay.compare_test(model, test_name, expression="count(*)", compare_model=compare_model,
      compare_expression=("count(*)" if factor == 1 else "count(*) * " ~ factor),
      group_by=group_by, compare_group_by=compare_group_by,
      row_condition=row_condition, compare_row_condition=compare_row_condition, missing_value=0) }}
{% endmacro %}
