{#-
  Shared by expect_column_distinct_values_to_be_in_set / _to_contain_set / _to_equal_set:
  the column's distinct values (per group with group_by) matched against value_set, one row
  per value with its `issue`:
    'unexpected value'  in the column, not in the set (fails _be_in_set and _equal_set)
    'missing value'     in the set, not in the column (fails _contain_set and _equal_set)
  so a failing test returns one row per offending value: the group, column_value, issue and
  observed_value (how many rows hold that value; 0 when it is missing).

  NULL rule: NULL is not a value. NULLs in the column are skipped (as in
  expect_column_values_to_be_in_set), and a NULL in value_set is an argument error. With
  group_by, every group that has a row (after row_condition) must meet the test on its own.
-#}
{% macro distinct_values_set_test(model, test_name, column_name, value_set, quote_values, row_condition, group_by,
                                  fails_on) %}
  {{ assay.check_list(test_name, model, "value_set", value_set) }}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {% if execute and none in value_set %}
    {{ assay.arg_error(test_name, model, "value_set", "must not contain null: NULLs in the column are skipped, not matched") }}
  {% endif %}
  {%- set groups = assay.column_list(group_by) -%}
  {%- set issues = [] -%}
  {%- for issue in fails_on %}{% do issues.append("'" ~ issue ~ "'") %}{% endfor -%}
  {%- set relation -%}
{#- A UNION ALL rather than a FULL JOIN: PostgreSQL cannot full-join on the NULL-safe group-key match. #}
(
    select
        {%- for column in groups %}
        {{ column }},
        {%- endfor %}
        column_value,
        case
            when max(assay_in_set) = 0 then 'unexpected value'
            when max(assay_in_column) = 0 then 'missing value'
        end as issue,
        sum(assay_rows) as assay_rows
    from (
        select
            {%- for column in groups %}
            {{ column }},
            {%- endfor %}
            {{ column_name }} as column_value,
            count(*) as assay_rows,
            1 as assay_in_column,
            0 as assay_in_set
        from {{ model }}
        {{ assay.where_clause([row_condition, column_name ~ " is not null"]) }}
        group by {% for column in groups %}{{ column }}, {% endfor %}{{ column_name }}
        union all
        select
            {%- for column in groups %}
            assay_group_keys.{{ column }},
            {%- endfor %}
            assay_set.assay_value,
            0,
            0,
            1
        from (
            {%- for value in (value_set if assay.is_list(value_set) else []) %}
            select {{ assay.literal(value, quote_values) }} as assay_value
            {%- if not loop.last %}
            union
            {%- endif %}
            {%- endfor %}
        ) as assay_set
        {%- if groups %}
        {#- Every group that has a row must match the set on its own, even one whose values are all NULL. #}
        cross join (
            select distinct {{ groups | join(", ") }}
            from {{ model }}
            {{ assay.where_clause([row_condition]) }}
        ) as assay_group_keys
        {%- endif %}
    ) as assay_both
    group by {% for column in groups %}{{ column }}, {% endfor %}column_value
) as assay_src
  {%- endset -%}
  {{ assay.aggregate_test(relation, test_name, expression="sum(assay_rows)",
      condition="coalesce(issue, 'matched') not in (" ~ issues | join(", ") ~ ")",
      group_by=groups + ["column_value", "issue"]) }}
{% endmacro %}

{#-
  The row-level set tests (expect_column_values_to_be_in_set, _not_be_in_set,
  not_accepted_values): each value must be in `values` (or, with negate, not in them), rendered
  with assay.literal_list(values, quote). `argument` is the name the test gives the list.
  NULL rule: a NULL value is skipped (a NULL is in no set); neither fails nor counts toward `mostly`.
-#}
{% macro value_set_test(model, test_name, column_name, values, argument, quote=true, negate=false,
                        row_condition=none, mostly=1, context_columns=none) %}
  {{ assay.check_list(test_name, model, argument, values) }}
  {#- At parse time the checks are off: a malformed list must still render. -#}
  {%- set rendered = assay.literal_list(values if assay.is_list(values) else [], quote) -%}
  {{ assay.row_test(model, test_name,
      pass_expr=column_name ~ (" not in (" if negate else " in (") ~ rendered ~ ")",
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
