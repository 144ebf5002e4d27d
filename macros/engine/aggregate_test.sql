{#-
  The builder behind every aggregate test: one GROUP BY pass computes `expression` as
  observed_value per group (or once for the whole table), and a group fails when `condition`
  (default: the min/max bounds) does not hold.

  NULL rule: an aggregate that comes out NULL (an empty table, an all-NULL column) fails,
  unless the test says `null_passes` (expression_is_true keeps dbt's rule that NULL passes).
  With group_by, an empty table has no groups and so nothing fails.
-#}
{% macro aggregate_test(model, test_name, expression, condition=none, min_value=none, max_value=none,
                        strictly=false, group_by=none, row_condition=none, null_passes=false,
                        group_by_argument="group_by", reported_model=none) %}
  {{ assay.check_list(test_name, reported_model if reported_model is not none else model,
                      group_by_argument, group_by, required=false) }}
  {%- set groups = assay.column_list(group_by if assay.is_list(group_by) else []) -%}
  {%- set condition = condition or assay.between_condition("observed_value", min_value, max_value, strictly) -%}
  {%- if assay.is_batch_collector(model) -%}
    {%- do model.assay_batch.append({"kind": "aggregate", "test": test_name, "expression": expression,
                                     "condition": condition, "groups": groups, "row_condition": row_condition,
                                     "null_passes": null_passes}) -%}
    {{- return("") -}}
  {%- endif %}
with assay_groups as (
    select
        {%- for column in groups %}
        {{ column }},
        {%- endfor %}
        {{ expression }} as observed_value
    from {{ model }}
    {{ assay.where_clause([row_condition]) }}
    {%- if groups %}
    group by {{ groups | join(", ") }}
    {%- endif %}
)
select {{ assay.failing_shape(groups + ["observed_value"]) }}
from assay_groups
where not coalesce({{ condition }}, {{ "true" if null_passes else "false" }})
{% endmacro %}
