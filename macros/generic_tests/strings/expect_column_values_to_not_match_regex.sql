{% test expect_column_values_to_not_match_regex(model, column_name, regex, row_condition=none, is_raw=false, flags="",
                                                 mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_not_match_regex", "assay")(
      model, column_name, regex, row_condition, is_raw, flags, mostly, context_columns)) }}
{% endtest %}

{#- A value fails when the regex matches anywhere in it (a search). NULL rule: skipped. -#}
{% macro default__test_expect_column_values_to_not_match_regex(model, column_name, regex, row_condition, is_raw, flags,
                                                                mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_not_match_regex" -%}
  {{ assay.check_required(test_name, model, "regex", regex) }}
  {{ assay.check_regex_flags(test_name, model, flags) }}
  {{ assay.row_test(model, test_name,
      pass_expr="not " ~ assay.regex_match(column_name, regex, flags, is_raw),
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
