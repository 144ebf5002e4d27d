{% test expect_column_pair_values_to_be_in_set(model, column_A=none, column_B=none, value_pairs_set=none, row_condition=none,
                                                quote_values=true, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_pair_values_to_be_in_set", "assay")(
      model, column_A, column_B, value_pairs_set, row_condition, quote_values, mostly, context_columns)) }}
{% endtest %}

{#-
  dbt-expectations pastes the pair values into SQL as written, so its users write numbers
  bare and strings already quoted ("'north'"). Both keep working here: a string already in
  single quotes and any number are rendered as is, any other string becomes a string
  literal (dbt-expectations would have read it as a column name). quote_values: false
  renders every value as raw SQL.
-#}
{% macro pair_value_literal(value, quote_values) -%}
  {%- if value is string and value | length >= 2 and value.startswith("'") and value.endswith("'") -%}
    {{- value -}}
  {%- else -%}
    {{- assay.literal(value, quote_values) -}}
  {%- endif -%}
{%- endmacro %}

{#- NULL rule: a row where either column is NULL is skipped; pairs may not contain null. -#}
{% macro default__test_expect_column_pair_values_to_be_in_set(model, column_A, column_B, value_pairs_set, row_condition,
                                                               quote_values, mostly, context_columns) %}
  {%- set test_name = "expect_column_pair_values_to_be_in_set" -%}
  {{ assay.check_required(test_name, model, "column_A", column_A) }}
  {{ assay.check_required(test_name, model, "column_B", column_B) }}
  {{ assay.check_list(test_name, model, "value_pairs_set", value_pairs_set) }}
  {%- set matches = [] -%}
  {%- for pair in (value_pairs_set or []) -%}
    {%- if execute and (not assay.is_list(pair) or pair | length != 2) -%}
      {{ assay.arg_error(test_name, model, "value_pairs_set", "must be a list of [A, B] pairs, got " ~ (pair | tojson)) }}
    {%- endif -%}
    {%- if execute and (pair[0] is none or pair[1] is none) -%}
      {{ assay.arg_error(test_name, model, "value_pairs_set", "must not contain null (rows with a NULL are skipped), got " ~ (pair | tojson)) }}
    {%- endif -%}
    {%- do matches.append("(" ~ column_A ~ " = " ~ assay.pair_value_literal(pair[0], quote_values)
                          ~ " and " ~ column_B ~ " = " ~ assay.pair_value_literal(pair[1], quote_values) ~ ")") -%}
  {%- endfor -%}
  {{ assay.row_test(model, test_name,
      pass_expr=matches | join(" or "),
      show_columns=[column_A, column_B],
      null_probe="case when " ~ column_A ~ " is null or " ~ column_B ~ " is null then null else 1 end",
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
