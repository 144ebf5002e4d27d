{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=none, is_raw=false, flags="",
                                             mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_match_regex", "assay")(
      model, column_name, regex, row_condition, is_raw, flags, mostly, context_columns)) }}
{% endtest %}

{#-
  A search, as in dbt-expectations: the regex may match anywhere in the value ('[0-9]{3}'
  accepts 'AB-001'); anchor it with ^...$ to require a full match. See assay.regex_match.
  NULL rule: skipped.
-#}
{% macro default__test_expect_column_values_to_match_regex(model, column_name, regex, row_condition, is_raw, flags,
                                                            mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_match_regex" -%}
  {{ assay.check_required(test_name, model, "regex", regex) }}
  {{ assay.pattern_test(model, test_name, column_name, [regex], "regex", flags=flags, is_raw=is_raw,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
