{#-
  Many checks on one model in a single scan. Each entry of `checks` names an assay test and
  takes that test's own arguments (column_name included); `name` labels it in the results.
  One failing row per failing check: check_name, test_name and failures (the failing rows or
  groups the check would report as its own test).
-#}
{% test checks(model, checks=none) %}
  {{ return(adapter.dispatch("test_checks", "assay")(model, checks)) }}
{% endtest %}

{% macro default__test_checks(model, checks) %}
  {{ assay.check_list("checks", model, "checks", checks) }}
  {%- if execute -%}
    {{ assay.batch_sql(model, assay.collect_checks(model, checks)) }}
  {%- else -%}
    select 1 as assay_failure
  {%- endif -%}
{% endmacro %}
