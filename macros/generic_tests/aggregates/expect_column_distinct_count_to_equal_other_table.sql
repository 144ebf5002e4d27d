{#-
  The column's distinct count equals the distinct count of compare_column_name (default: the
  same column name) in compare_model. row_condition filters the tested model only;
  compare_row_condition filters compare_model only. group_by / compare_group_by (assay
  additions; compare_group_by defaults to group_by) compare the counts group by group, and a
  group present on one side only counts 0 on the other (group keys match NULL to NULL).
  Failing rows: the group, compare_value (the other table's count) and observed_value.
  NULL rule: NULL is not a value and is not counted on either side; an empty side counts 0.
-#}
{% test expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model=none, compare_column_name=none,
                                                          row_condition=none, compare_row_condition=none,
                                                          group_by=none, compare_group_by=none) %}
  {{ return(adapter.dispatch("test_expect_column_distinct_count_to_equal_other_table", "assay")(
      model, column_name, compare_model, compare_column_name, row_condition, compare_row_condition,
      group_by, compare_group_by)) }}
{% endtest %}

{% macro default__test_expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model,
                                                                         compare_column_name, row_condition,
                                                                         compare_row_condition, group_by, compare_group_by) %}
  {%- set test_name = "expect_column_distinct_count_to_equal_other_table" -%}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {{ assay.check_list(test_name, model, "compare_group_by", compare_group_by, required=false) }}
  {%- set groups = assay.column_list(group_by) -%}
  {%- set compare_groups = assay.column_list(compare_group_by) if compare_group_by is not none else groups -%}
  {% if execute and (compare_groups | length) != (groups | length) %}
    {{ assay.arg_error(test_name, model, "compare_group_by", "must name as many columns as group_by") }}
  {% endif %}
  {%- set relation -%}
{#- A UNION ALL rather than a FULL JOIN: PostgreSQL cannot full-join on the NULL-safe group-key match. #}
(
    select
        {%- for column in groups %}
        {{ column }},
        {%- endfor %}
        sum(assay_n) as assay_n,
        sum(assay_compare_n) as compare_value
    from (
        select
            {%- for column in groups %}
            {{ column }},
            {%- endfor %}
            count(distinct {{ column_name }}) as assay_n,
            0 as assay_compare_n
        from {{ model }}
        {{ assay.where_clause([row_condition]) }}
        {%- if groups %}
        group by {{ groups | join(", ") }}
        {%- endif %}
        union all
        select
            {%- for column in compare_groups %}
            {{ column }},
            {%- endfor %}
            0,
            count(distinct {{ compare_column_name or column_name }})
        from {{ compare_model }}
        {{ assay.where_clause([compare_row_condition]) }}
        {%- if groups %}
        group by {{ compare_groups | join(", ") }}
        {%- endif %}
    ) as assay_both
    {%- if groups %}
    group by {{ groups | join(", ") }}
    {%- endif %}
) as assay_src
  {%- endset -%}
  {{ assay.aggregate_test(relation, test_name, expression="sum(assay_n)", condition="observed_value = compare_value",
      group_by=groups + ["compare_value"]) }}
{% endmacro %}
