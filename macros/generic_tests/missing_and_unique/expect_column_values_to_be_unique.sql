{% test expect_column_values_to_be_unique(model, column_name, row_condition=none, mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_column_values_to_be_unique", "assay")(
      model, column_name, row_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Row-level: every row whose value occurs more than once fails, so stored failures show each
  duplicate with its context columns (which rows collide), and `mostly` is the share of rows
  holding a unique value. The count per value is a GROUP BY joined back to the rows: a window
  partitioned by the column would sort every whole row, where a hash aggregate suffices.
  NULL rule: NULLs are skipped (as dbt's `unique` and SQL UNIQUE constraints do); they are
  neither duplicates of each other nor counted toward `mostly`.
-#}
{% macro default__test_expect_column_values_to_be_unique(model, column_name, row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_column_values_to_be_unique" -%}
  {#- Checked against the real model so messages name it, not the derived relation below;
      a non-list context_columns is kept from row_test, which cannot take one at parse time. -#}
  {{ assay.check_fraction(test_name, model, "mostly", mostly) }}
  {{ assay.check_list(test_name, model, "context_columns", context_columns, required=false) }}
  {%- set counted -%}
(
    select assay_rows.*, assay_counts.assay_value_count
    from (
        select *, {{ column_name }} as assay_unique_key
        from {{ model }}
        {{ assay.where_clause([row_condition]) }}
    ) as assay_rows
    inner join (
        select {{ column_name }} as assay_unique_key, count(*) as assay_value_count
        from {{ model }}
        {{ assay.where_clause([row_condition, column_name ~ " is not null"]) }}
        group by {{ column_name }}
    ) as assay_counts
        on assay_rows.assay_unique_key = assay_counts.assay_unique_key
) as assay_counted
  {%- endset -%}
  {{ assay.row_test(counted, test_name,
      pass_expr="assay_value_count = 1", show_columns=[column_name, "assay_value_count"], null_probe=column_name,
      mostly=mostly, context_columns=(context_columns if assay.is_list(context_columns) else none)) }}
{% endmacro %}
