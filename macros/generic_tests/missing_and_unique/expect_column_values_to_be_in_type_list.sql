{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_in_type_list", "assay")(
      model, column_name, column_type_list)) }}
{% endtest %}

{% macro default__test_expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
  {{ assay.check_list("expect_column_values_to_be_in_type_list", model, "column_type_list", column_type_list) }}
  {{ assay.column_type_test(model, "expect_column_values_to_be_in_type_list", column_name, column_type_list) }}
{% endmacro %}
