{#- The quantile is an aggregate (assay.quantile) on every engine, so each group yields one row. -#}
{% test expect_column_quantile_values_to_be_between(model, column_name, quantile=none, min_value=none, max_value=none,
                                                     group_by=none, row_condition=none, strictly=false) %}
  {{ return(adapter.dispatch("test_expect_column_quantile_values_to_be_between", "assay")(
      model, column_name, quantile, min_value, max_value, group_by, row_condition, strictly)) }}
{% endtest %}

{% macro default__test_expect_column_quantile_values_to_be_between(model, column_name, quantile, min_value, max_value,
                                                                    group_by, row_condition, strictly) %}
  {%- set test_name = "expect_column_quantile_values_to_be_between" -%}
  {{ assay.check_fraction(test_name, model, "quantile", quantile) }}
  {{ assay.check_bounds(test_name, model, min_value, max_value) }}
  {{ assay.aggregate_test(model, test_name,
      expression=assay.quantile("cast(" ~ column_name ~ " as " ~ assay.type_double() ~ ")", quantile),
      min_value=min_value, max_value=max_value, strictly=strictly, group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
