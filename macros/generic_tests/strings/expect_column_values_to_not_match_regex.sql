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
  {{ assay.pattern_test(model, test_name, column_name, [regex], "regex", negate=true, flags=flags, is_raw=is_raw,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
