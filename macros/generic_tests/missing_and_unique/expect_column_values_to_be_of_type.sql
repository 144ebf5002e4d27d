{% test expect_column_values_to_be_of_type(model, column_name, column_type) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_of_type", "assay")(model, column_name, column_type)) }}
{% endtest %}

{#- A missing column fails (dbt-expectations passes); see column_type_test. -#}
{% macro default__test_expect_column_values_to_be_of_type(model, column_name, column_type) %}
  {{ assay.check_required("expect_column_values_to_be_of_type", model, "column_type", column_type) }}
  {{ assay.column_type_test(model, "expect_column_values_to_be_of_type", column_name, [column_type]) }}
{% endmacro %}
