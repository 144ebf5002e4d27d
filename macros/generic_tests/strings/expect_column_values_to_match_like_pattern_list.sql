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
  {{ assay.check_choice(test_name, model, "match_on", match_on, ["any", "all"]) }}
  {%- set matches = [] -%}
  {%- for pattern in (like_pattern_list if assay.is_list(like_pattern_list) else []) -%}
    {%- do matches.append(assay.like_match(column_name, pattern)) -%}
  {%- endfor -%}
  {{ assay.row_test(model, test_name,
      pass_expr=matches | join(" and " if match_on == "all" else " or "),
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
