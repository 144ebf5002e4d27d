{% test relationships_where(model, column_name, to=none, field=none, from_condition="1=1", to_condition="1=1",
                             mostly=1, context_columns=none) %}
  {{ return(adapter.dispatch("test_relationships_where", "assay")(
      model, column_name, to, field, from_condition, to_condition, mostly, context_columns)) }}
{% endtest %}

{#-
  Every value of the column (in rows meeting from_condition) exists as `field` in `to` (in rows
  meeting to_condition). One failing row per orphan row.
  NULL rule: a NULL value is skipped (neither fails nor counts toward `mostly`), as in dbt's
  relationships test.
-#}
{% macro default__test_relationships_where(model, column_name, to, field, from_condition, to_condition, mostly, context_columns) %}
  {%- set test_name = "relationships_where" -%}
  {{ assay.check_required(test_name, model, "to", to) }}
  {{ assay.check_required(test_name, model, "field", field) }}
  {#- Checked here too so a bad argument names the model, not the derived relation below. -#}
  {{ assay.check_fraction(test_name, model, "mostly", mostly) }}
  {{ assay.check_list(test_name, model, "context_columns", context_columns, required=false) }}
  {%- set source -%}
    (select
        assay_child.*,
        assay_parent.assay_key is not null as assay_found
    from {{ assay.aliased(model, 'assay_child') }}
    left join (
        select distinct {{ field }} as assay_key
        from {{ to }}
        {{ assay.where_clause([field ~ " is not null", to_condition]) }}
    ) as assay_parent
        on assay_child.{{ column_name }} = assay_parent.assay_key) as assay_src
  {%- endset -%}
  {{ assay.row_test(source, test_name, pass_expr="assay_found", show_columns=[column_name], null_probe=column_name,
      row_condition=from_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
