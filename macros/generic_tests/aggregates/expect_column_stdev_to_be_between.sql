{#- The sample standard deviation (assay.sample_stddev). One non-NULL value gives NULL, which fails like every NULL aggregate. -#}
{% test expect_column_stdev_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
  {{ return(adapter.dispatch("test_expect_column_stdev_to_be_between", "assay")(
      model, column_name, min_value, max_value, group_by, row_condition, strictly)) }}
{% endtest %}

{% macro default__test_expect_column_stdev_to_be_between(model, column_name, min_value, max_value, group_by, row_condition, strictly) %}
  {{ assay.check_bounds("expect_column_stdev_to_be_between", model, min_value, max_value) }}
  {{ assay.aggregate_test(model, "expect_column_stdev_to_be_between",
      expression=assay.sample_stddev("cast(" ~ column_name ~ " as " ~ assay.type_double() ~ ")"),
      min_value=min_value, max_value=max_value, strictly=strictly, group_by=group_by, row_condition=row_condition) }}
{% endmacro %}
