{% test expect_select_column_values_to_be_unique_within_record(model, column_list=none, quote_columns=false,
                                                                ignore_row_if="all_values_are_missing",
                                                                row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_select_column_values_to_be_unique_within_record", "assay")(
      model, column_list, quote_columns, ignore_row_if, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Within each row, the values of column_list must all differ. Values are compared as
  strings, as dbt-expectations does (it hashes each value's text), so columns of different
  types can be listed together.
  NULL rule: ignore_row_if leaves rows out (all_values_are_missing, the default: rows where
  every column is NULL; any_value_is_missing: rows with any NULL). In the rows kept, a NULL
  is not a value: only the non-NULL values must differ, so (1, 2, NULL) passes and
  (1, 1, NULL) fails. (dbt-expectations fails every kept row holding a NULL.)
-#}
{% macro default__test_expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns, ignore_row_if,
                                                                               row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_select_column_values_to_be_unique_within_record" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {{ assay.check_choice(test_name, model, "ignore_row_if", ignore_row_if, ["all_values_are_missing", "any_value_is_missing"]) }}
  {{ assay.check_boolean(test_name, model, "quote_columns", quote_columns) }}
  {%- if execute and (column_list | length) < 2 -%}
    {{ assay.arg_error(test_name, model, "column_list", "needs at least two columns, got " ~ (column_list | tojson)) }}
  {%- endif -%}
  {%- set columns = assay.column_list(column_list, quote_columns) -%}
  {%- set texts = [] -%}
  {%- set missing = [] -%}
  {%- for column in columns -%}
    {%- do texts.append("cast(" ~ column ~ " as " ~ dbt.type_string() ~ ")") -%}
    {%- do missing.append(column ~ " is null") -%}
  {%- endfor -%}
  {%- set distinct_pairs = [] -%}
  {%- for i in range(texts | length) -%}
    {%- for j in range(i + 1, texts | length) -%}
      {%- do distinct_pairs.append("coalesce(" ~ texts[i] ~ " <> " ~ texts[j] ~ ", true)") -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- set ignored = missing | join(" and " if ignore_row_if == "all_values_are_missing" else " or ") -%}
  {{ assay.row_test(model, test_name,
      pass_expr=distinct_pairs | join(" and "),
      show_columns=columns,
      null_probe="case when " ~ ignored ~ " then null else 1 end",
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
