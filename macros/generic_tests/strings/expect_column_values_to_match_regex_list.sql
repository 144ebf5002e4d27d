{% test expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on="any", row_condition=none,
                                                  is_raw=false, flags="", mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_match_regex_list", "assay")(
      model, column_name, regex_list, match_on, row_condition, is_raw, flags, mostly, context_columns)) }}
{% endtest %}

{#-
  match_on any: a value passes when at least one regex matches it; all: when every regex
  does. Each is a search, as in expect_column_values_to_match_regex. NULL rule: skipped.
-#}
{% macro default__test_expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on, row_condition,
                                                                 is_raw, flags, mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_match_regex_list" -%}
  {{ assay.check_list(test_name, model, "regex_list", regex_list) }}
  {{ assay.pattern_test(model, test_name, column_name, regex_list, "regex", match_on=match_on, flags=flags, is_raw=is_raw,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
