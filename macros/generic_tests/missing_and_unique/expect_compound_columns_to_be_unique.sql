{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=false,
                                              ignore_row_if="all_values_are_missing", row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_compound_columns_to_be_unique", "assay")(
      model, column_list, quote_columns, ignore_row_if, row_condition)) }}
{% endtest %}

{#-
  One failing row per duplicated combination, with the combination and how often it occurs.
  NULL rule: ignore_row_if decides which rows with missing values are left out
  (all_values_are_missing: rows where every column is NULL; any_value_is_missing: rows with
  any NULL). Among the rows kept, NULLs group together like any value.
-#}
{% macro default__test_expect_compound_columns_to_be_unique(model, column_list, quote_columns, ignore_row_if, row_condition) %}
  {%- set test_name = "expect_compound_columns_to_be_unique" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {{ assay.check_choice(test_name, model, "ignore_row_if", ignore_row_if, ["all_values_are_missing", "any_value_is_missing"]) }}
  {%- set columns = assay.column_list(column_list, quote_columns) -%}
  {%- set missing = [] -%}
  {%- for column in columns %}{% do missing.append(column ~ " is null") %}{% endfor -%}
  {%- set joiner = " and " if ignore_row_if == "all_values_are_missing" else " or " -%}
  {{ assay.aggregate_test(model, test_name, expression="count(*)", condition="observed_value <= 1",
      group_by=columns, row_condition=assay.and_conditions([row_condition, "not (" ~ missing | join(joiner) ~ ")"]),
      group_by_argument="column_list") }}
{% endmacro %}
