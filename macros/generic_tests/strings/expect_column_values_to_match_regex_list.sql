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
  {{ assay.check_choice(test_name, model, "match_on", match_on, ["any", "all"]) }}
  {{ assay.check_regex_flags(test_name, model, flags) }}
  {%- set matches = [] -%}
  {%- for regex in (regex_list if assay.is_list(regex_list) else []) -%}
    {%- do matches.append(assay.regex_match(column_name, regex, flags, is_raw)) -%}
  {%- endfor -%}
  {{ assay.row_test(model, test_name,
      pass_expr=matches | join(" and " if match_on == "all" else " or "),
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
