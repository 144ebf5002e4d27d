{% test expect_column_values_to_not_match_like_pattern(model, column_name, like_pattern, row_condition=none,
                                                        mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_not_match_like_pattern", "assay")(
      model, column_name, like_pattern, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- A value fails when it is LIKE the pattern. NULL rule: skipped. -#}
{% macro default__test_expect_column_values_to_not_match_like_pattern(model, column_name, like_pattern, row_condition,
                                                                       mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_not_match_like_pattern" -%}
  {{ assay.check_required(test_name, model, "like_pattern", like_pattern) }}
  {{ assay.pattern_test(model, test_name, column_name, [like_pattern], "like", negate=true,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
