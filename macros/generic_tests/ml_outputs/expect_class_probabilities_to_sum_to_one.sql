{#-
  Per row, the class probabilities in `column_list` sum to 1 within `tolerance`
  (|Σ p − 1| ≤ tolerance, default 1e-6). Row-level (mostly, context_columns); failing rows
  show every class column and the sum (assay_probability_sum).
  NULL rule: a row with a NULL in any class column is skipped (the sum is undefined); forbid
  NULLs with expect_column_values_to_not_be_null.
-#}
{% test expect_class_probabilities_to_sum_to_one(model, column_list, tolerance=0.000001, quote_columns=false,
        row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_class_probabilities_to_sum_to_one", "assay")(
      model, column_list, tolerance, quote_columns, row_condition, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_class_probabilities_to_sum_to_one(model, column_list, tolerance, quote_columns,
        row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_class_probabilities_to_sum_to_one" -%}
  {{ assay.check_list(test_name, model, "column_list", column_list) }}
  {%- if execute and assay.is_list(column_list) and column_list | length < 2 -%}
    {{ assay.arg_error(test_name, model, "column_list", "needs at least two class columns") }}
  {%- endif -%}
  {{ assay.check_number(test_name, model, "tolerance", tolerance, minimum=0) }}
  {%- set columns = assay.column_list(column_list if assay.is_list(column_list) else [], quote_columns) -%}
  {%- set terms = [] -%}
  {%- for c in columns %}{% do terms.append(assay.to_double(c)) %}{% endfor -%}
  {%- set total = "(" ~ (terms | join(" + ") or "0") ~ ")" -%}
  {{ assay.row_test(
      "(select *, " ~ total ~ " as assay_probability_sum from " ~ model ~ ") as assay_src",
      test_name,
      pass_expr="abs(assay_probability_sum - 1) <= " ~ tolerance,
      show_columns=columns + ["assay_probability_sum"],
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
