{#-
  The builder behind the LIKE and regex tests, single pattern or list: a row-level test whose
  condition is the column matched against each pattern (`kind`: "like" or "regex"; regexes
  search, see assay.regex_match), each match negated with `negate`, joined with OR
  (match_on: any) or AND (match_on: all).

  For the not_match list tests this reproduces dbt-expectations' arithmetic: match_on counts
  the patterns a value must NOT match, so any fails only a value that matches every pattern
  and all fails a value that matches any.
  NULL rule: a NULL value is skipped (neither fails nor counts toward `mostly`).
-#}
{% macro pattern_test(model, test_name, column_name, patterns, kind, match_on="any", negate=false, flags="", is_raw=false,
                      row_condition=none, mostly=1, context_columns=none) %}
  {{ assay.check_choice(test_name, model, "match_on", match_on, ["any", "all"]) }}
  {%- if kind == "regex" -%}
    {{ assay.check_regex_flags(test_name, model, flags) }}
  {%- endif -%}
  {%- set conditions = [] -%}
  {#- At parse time the checks are off: a malformed list must still render. -#}
  {%- for pattern in (patterns if assay.is_list(patterns) else []) -%}
    {%- set match = assay.regex_match(column_name, pattern, flags, is_raw) if kind == "regex" else assay.like_match(column_name, pattern) -%}
    {%- do conditions.append(("not " if negate else "") ~ match) -%}
  {%- endfor -%}
  {{ assay.row_test(model, test_name,
      pass_expr=conditions | join(" and " if match_on == "all" else " or "),
      show_columns=[column_name], null_probe=column_name,
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
