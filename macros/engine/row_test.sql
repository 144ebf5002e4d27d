{#-
  The builder behind every row-level test. A test hands it the condition a good row meets;
  the builder applies row_condition, the NULL rule, `mostly` and the failing-row shape.

  NULL rule (`nulls`):
    ignore  rows whose `null_probe` (default: the condition itself) is NULL are skipped: they
            neither fail nor count toward the `mostly` denominator (the rule of
            dbt-expectations' value tests, made explicit);
    fail    such rows fail (not_null and friends).
  reported_model: the model named in argument errors, when `model` is a derived relation.
  mostly: the fraction of counted rows that must pass. Below 1 the test returns every failing
  row when the share of passing rows falls under `mostly`, and nothing otherwise, so the
  failure count is still the number of offending rows.
-#}
{% macro row_test(model, test_name, pass_expr, show_columns=none, null_probe=none, nulls="ignore",
                  row_condition=none, mostly=1, context_columns=none, reported_model=none) %}
  {%- set reported = reported_model if reported_model is not none else model -%}
  {{ assay.check_fraction(test_name, reported, "mostly", mostly) }}
  {{ assay.check_list(test_name, reported, "context_columns", context_columns, required=false) }}
  {#- Checks run only at execution; while dbt parses, a malformed list must not break the project. -#}
  {%- set context_columns = context_columns if assay.is_list(context_columns) else [] -%}
  {#- The outcome of a row: 1 failing, 0 passing, NULL skipped. A passing row evaluates
      pass_expr once (it may be a regex, the costliest part of the query): without a null_probe,
      the NULL test is left to the CASE instead of being spelt out. -#}
  {%- set probe_test = "" if null_probe is none else "when (" ~ null_probe ~ ") is null then " ~ ("1 " if nulls == "fail" else "null ") -%}
  {%- if nulls == "fail" -%}
    {%- set outcome = "case " ~ probe_test ~ "when (" ~ pass_expr ~ ") then 0 else 1 end" -%}
  {%- else -%}
    {%- set outcome = "case " ~ probe_test ~ "when (" ~ pass_expr ~ ") then 0 when not (" ~ pass_expr ~ ") then 1 end" -%}
  {%- endif -%}
  {%- if assay.is_batch_collector(model) -%}
    {%- do model.assay_batch.append({"kind": "row", "test": test_name, "outcome": outcome,
                                     "row_condition": row_condition, "mostly": mostly,
                                     "counts_every_row": nulls == "fail"}) -%}
    {{- return("") -}}
  {%- endif -%}
  {%- set shown = assay.unique_columns((show_columns or ["*"]) + (context_columns or [])) if show_columns else ["*"] -%}

  {%- if mostly >= 1 %}
select {{ assay.failing_shape(shown) }}
from {{ model }}
{{ assay.where_clause([row_condition, outcome ~ " = 1"]) }}
  {%- else %}
{#- assay_rows is read twice, by the totals and by the failing rows they gate; see
    inlined_cte for why PostgreSQL evaluates it twice instead of storing it. -#}
with assay_rows as {{ assay.inlined_cte() }} (
    select {% if should_store_failures() %}{{ shown | join(", ") }}, {% endif %}{{ outcome }} as assay_failed
    from {{ model }}
    {{ assay.where_clause([row_condition]) }}
),
assay_totals as (
    -- A plain aggregate, not window totals: PostgreSQL runs a whole-table window in one process
    -- and re-evaluates the outcome for it.
    select count(assay_failed) as assay_n, sum(assay_failed) as assay_n_failed
    from assay_rows
)
select {{ assay.failing_shape(["*"]) }}
from assay_rows
cross join assay_totals
where assay_failed = 1
  and assay_n - assay_n_failed < {{ mostly }} * assay_n
  {%- endif %}
{% endmacro %}
