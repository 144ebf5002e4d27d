{#-
  The `top_n` most common values (per group with group_by, an assay addition) must all be in
  value_set. Values are ranked by row count with rank(), so tied values share a rank and are
  all checked (dbt-expectations checks only the single value numbered top_n by row_number(),
  which picks arbitrarily among ties). One failing row per offending value: the group,
  column_value, frequency_rank and observed_value (its row count).

  NULL rule: NULL is not a value and is never the most common one. When there is no non-NULL
  value (an empty table, an all-NULL column or group) there is no most common value, and that
  fails (one row with a NULL column_value), like every NULL aggregate. With group_by, an empty
  table has no groups and so nothing fails.
-#}
{% test expect_column_most_common_value_to_be_in_set(model, column_name, value_set=none, top_n=none, quote_values=true,
                                                      data_type="decimal", row_condition=none, group_by=none) %}
  {{ return(adapter.dispatch("test_expect_column_most_common_value_to_be_in_set", "assay")(
      model, column_name, value_set, top_n, quote_values, data_type, row_condition, group_by)) }}
{% endtest %}

{% macro default__test_expect_column_most_common_value_to_be_in_set(model, column_name, value_set, top_n, quote_values,
                                                                     data_type, row_condition, group_by) %}
  {%- set test_name = "expect_column_most_common_value_to_be_in_set" -%}
  {{ assay.check_list(test_name, model, "value_set", value_set) }}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {% if execute and (top_n is not number or top_n is boolean or top_n != top_n | int or top_n < 1) %}
    {{ assay.arg_error(test_name, model, "top_n", "is required and must be a whole number of at least 1, got " ~ (top_n | tojson)) }}
  {% endif %}
  {%- set groups = assay.column_list(group_by) -%}
  {#- With quote_values false, values are compared as data_type on both sides, as in dbt-expectations. -#}
  {%- set value_expr = column_name if quote_values else "cast(" ~ column_name ~ " as " ~ data_type ~ ")" -%}
  {%- set set_values = [] -%}
  {%- for value in (value_set if assay.is_list(value_set) else []) -%}
    {%- do set_values.append(assay.literal(value) if quote_values else "cast(" ~ value ~ " as " ~ data_type ~ ")") -%}
  {%- endfor -%}
  {%- set relation -%}
(
    select assay_top.*
    {%- if not groups %}
    {#- One anchor row, so that a column without any row still yields a (failing) row. #}
    from (select 1 as assay_anchor) as assay_anchor
    left join (
    {%- else %}
    from (
    {%- endif %}
        select *
        from (
            select
                {%- for column in groups %}
                {{ column }},
                {%- endfor %}
                {{ value_expr }} as column_value,
                count({{ column_name }}) as assay_rows,
                {#- NULL ranks last, so it is kept (as rank 1) only where there is no other value. #}
                rank() over (
                    {% if groups %}partition by {{ groups | join(", ") }} {% endif -%}
                    order by case when count({{ column_name }}) = 0 then 1 else 0 end, count(*) desc
                ) as frequency_rank
            from {{ model }}
            {{ assay.where_clause([row_condition]) }}
            group by {% for column in groups %}{{ column }}, {% endfor %}{{ value_expr }}
        ) as assay_ranked
        where frequency_rank <= {{ top_n }}
          and (assay_rows > 0 or frequency_rank = 1)
    ) as assay_top
    {%- if not groups %}
        on 1 = 1
    {%- endif %}
) as assay_src
  {%- endset -%}
  {{ assay.aggregate_test(relation, test_name, expression="sum(assay_rows)",
      condition="column_value in (" ~ set_values | join(", ") ~ ")",
      group_by=groups + ["column_value", "frequency_rank"]) }}
{% endmacro %}
