{% test expect_column_to_exist(model, column_name, column_index=none, transform="upper") %}
  {{ return(adapter.dispatch("test_expect_column_to_exist", "assay")(model, column_name, column_index, transform)) }}
{% endtest %}

{#-
  Fails (one row) when the column is missing, or when column_index (1-based) is given and the
  column sits elsewhere. The failing row shows the column, the expected and the actual position
  (0 when missing).
-#}
{% macro default__test_expect_column_to_exist(model, column_name, column_index, transform) %}
  {%- set test_name = "expect_column_to_exist" -%}
  {{ assay.check_required(test_name, model, "column_name", column_name) }}
  {{ assay.check_transform(test_name, model, transform) }}
  {%- if execute and column_index is not none and (column_index is not number or column_index is boolean or column_index < 1) -%}
    {{ assay.arg_error(test_name, model, "column_index", "must be a position counted from 1, got " ~ (column_index | tojson)) }}
  {%- endif -%}
  {%- set found = assay.find_column_index(column_name, assay.relation_column_names(model), transform) -%}
  {%- set actual = found + 1 -%}
  {%- set ok = actual > 0 and (column_index is none or actual == column_index) -%}
  {{ assay.literal_failing_rows(
      [["column_name", "string"], ["expected_index", "integer"], ["actual_index", "integer"]],
      [] if ok else [[column_name | string, column_index, actual]]) }}
{% endmacro %}
