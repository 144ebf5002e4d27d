{% test expect_column_values_to_have_consistent_casing(model, column_name, display_inconsistent_columns=false,
                                                        group_by=none, row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_have_consistent_casing", "assay")(
      model, column_name, display_inconsistent_columns, group_by, row_condition)) }}
{% endtest %}

{#-
  Fails when two distinct values differ only by case ('Apple' and 'apple').
    display_inconsistent_columns false: one failing row (per group), observed_value = how many
      distinct values exceed the case-insensitive count;
    display_inconsistent_columns true: one failing row per lower-cased value spelled more than
      one way, with the number of spellings as observed_value.
  NULL rule: NULLs are skipped (they have no case).
-#}
{% macro default__test_expect_column_values_to_have_consistent_casing(model, column_name, display_inconsistent_columns,
                                                                       group_by, row_condition) %}
  {%- set test_name = "expect_column_values_to_have_consistent_casing" -%}
  {{ assay.check_list(test_name, model, "group_by", group_by, required=false) }}
  {%- if display_inconsistent_columns -%}
    {%- set lowered -%}
(
    select *, lower({{ column_name }}) as assay_lowered_value
    from {{ model }}
    {{ assay.where_clause([row_condition, column_name ~ " is not null"]) }}
) as assay_lowered
    {%- endset -%}
    {{ assay.aggregate_test(lowered, test_name, expression="count(distinct " ~ column_name ~ ")",
        condition="observed_value = 1", group_by=(group_by if assay.is_list(group_by) else []) + ["assay_lowered_value"]) }}
  {%- else -%}
    {{ assay.aggregate_test(model, test_name,
        expression="count(distinct " ~ column_name ~ ") - count(distinct lower(" ~ column_name ~ "))",
        condition="observed_value = 0", group_by=group_by, row_condition=row_condition) }}
  {%- endif -%}
{% endmacro %}
