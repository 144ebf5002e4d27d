{% test expect_column_values_to_match_like_pattern_list(model, column_name, like_pattern_list, match_on="any",
                                                         row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_match_like_pattern_list", "assay")(
      model, column_name, like_pattern_list, match_on, row_condition, mostly, context_columns)) }}
{% endtest %}

{#- match_on any: a value passes when it is LIKE at least one pattern; all: every pattern. NULL rule: skipped. -#}
{% macro default__test_expect_column_values_to_match_like_pattern_list(model, column_name, like_pattern_list, match_on,
                                                                       row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_match_like_pattern_list" -%}
  {{ assay.check_list(test_name, model, "like_pattern_list", like_pattern_list) }}
  {{ assay.pattern_test(model, test_name, column_name, like_pattern_list, "like", match_on=match_on,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
