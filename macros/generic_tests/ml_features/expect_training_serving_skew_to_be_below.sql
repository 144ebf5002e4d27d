{#-
  Training–serving skew: the serving log (the tested model) is joined to the offline
  features (`compare_model`) on `key_columns`; for each feature, the share of joined rows
  where the served value differs from the offline one must stay at or below
  `max_mismatch_rate`. Numeric features (`numeric_columns`) differ when
  |served − offline| > tolerance; categorical ones (`categorical_columns`) when not equal.
  Every feature is compared in ONE join and one pass. One failing row per feature:
  value = mismatch rate, n_ref = joined rows compared, n_cur = serving rows, detail = counts
  and the serving rows without an offline match (not part of the rate).
  NULL rule: NULL on both sides matches; NULL on one side only is a mismatch (a default
  filled in at serving time is skew). No joined row: the rate is undefined and every feature
  fails. Offline keys should be unique: a duplicated key counts each joined pair.
-#}
{% test expect_training_serving_skew_to_be_below(model, compare_model, key_columns, numeric_columns=none,
        categorical_columns=none, tolerance=0, max_mismatch_rate=0, row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_training_serving_skew_to_be_below", "assay")(
      model, compare_model, key_columns, numeric_columns, categorical_columns, tolerance, max_mismatch_rate,
      row_condition, compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_training_serving_skew_to_be_below(model, compare_model, key_columns, numeric_columns,
        categorical_columns, tolerance, max_mismatch_rate, row_condition, compare_row_condition) %}
  {{ assay.column_check_failing_rows(assay.training_serving_skew_stats(model, compare_model, key_columns, numeric_columns,
      categorical_columns, tolerance, max_mismatch_rate, row_condition, compare_row_condition)) }}
{% endmacro %}

{% macro training_serving_skew_stats(model, compare_model, key_columns, numeric_columns=none, categorical_columns=none,
        tolerance=0, max_mismatch_rate=0, row_condition=none, compare_row_condition=none) %}
  {%- set test_name = "expect_training_serving_skew_to_be_below" -%}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {{ assay.check_list(test_name, model, "key_columns", key_columns) }}
  {{ assay.check_list(test_name, model, "numeric_columns", numeric_columns, required=false) }}
  {{ assay.check_list(test_name, model, "categorical_columns", categorical_columns, required=false) }}
  {%- if execute and not numeric_columns and not categorical_columns -%}
    {{ assay.arg_error(test_name, model, "numeric_columns/categorical_columns", "needs at least one feature to compare") }}
  {%- endif -%}
  {{ assay.check_number(test_name, model, "tolerance", tolerance, minimum=0) }}
  {{ assay.check_number(test_name, model, "max_mismatch_rate", max_mismatch_rate, minimum=0, maximum=1) }}
  {%- set keys = key_columns if assay.is_list(key_columns) else [] -%}
  {%- set features = [] -%}
  {%- for c in assay.compared_columns(test_name, model, none, numeric_columns if assay.is_list(numeric_columns) else []) -%}
    {%- do features.append({"name": c.name, "expr": c.expr, "numeric": true}) -%}
  {%- endfor -%}
  {%- for c in assay.compared_columns(test_name, model, none, categorical_columns if assay.is_list(categorical_columns) else []) -%}
    {%- do features.append({"name": c.name, "expr": c.expr, "numeric": false}) -%}
  {%- endfor -%}
  {%- set labels, mism = [], [] -%}
  {%- for f in features -%}
    {%- do labels.append(assay.literal(f.name)) -%}{%- do mism.append("assay_mismatch_" ~ loop.index0) -%}
  {%- endfor -%}
  {%- set rate = "case when k.n_joined > 0 then " ~ assay.to_double("k.n_mismatch") ~ " / nullif(k.n_joined, 0) end" -%}
select
    {{ assay.stat_columns("k.column_name", "'mismatch_rate'", rate, max_mismatch_rate, "k.n_joined", "k.n_serving",
        "case when k.n_joined = 0 then 'no serving row matched an offline row' else "
        ~ "cast(k.n_mismatch as " ~ dbt.type_string() ~ ") || ' of ' || cast(k.n_joined as " ~ dbt.type_string()
        ~ ") || ' joined rows differ' end || '; ' || cast(k.n_serving - k.n_matched as " ~ dbt.type_string()
        ~ ") || ' serving rows without offline features'",
        "not coalesce(" ~ rate ~ " <= " ~ max_mismatch_rate ~ ", false)") }}
from (
    select
        {{ assay.pick_by_key(labels) }} as column_name,
        assay_n_serving as n_serving,
        assay_n_matched as n_matched,
        assay_n_joined as n_joined,
        {{ assay.pick_by_key(mism) }} as n_mismatch
    from (
        select
            count(distinct assay_serving.assay_row_id) as assay_n_serving,
            count(distinct case when assay_offline.assay_matched = 1 then assay_serving.assay_row_id end) as assay_n_matched,
            count(assay_offline.assay_matched) as assay_n_joined
            {%- for f in features %}
            {%- set s = "assay_serving." ~ f.expr -%}
            {%- set o = "assay_offline." ~ f.expr %},
            count(case when assay_offline.assay_matched = 1 and (
                ({{ s }} is null and {{ o }} is not null) or ({{ s }} is not null and {{ o }} is null)
                {%- if f.numeric %}
                or abs({{ assay.to_double(s) }} - {{ assay.to_double(o) }}) > {{ tolerance }}
                {%- else %}
                or {{ s }} <> {{ o }}
                {%- endif %}
            ) then 1 end) as assay_mismatch_{{ loop.index0 }}
            {%- endfor %}
        from (
            select *, row_number() over (order by {{ keys | join(", ") }}) as assay_row_id
            from {{ model }}
            {{ assay.where_clause([row_condition]) }}
        ) as assay_serving
        left join (
            select *, 1 as assay_matched
            from {{ compare_model }}
            {{ assay.where_clause([compare_row_condition]) }}
        ) as assay_offline
            on {% for k in keys %}assay_offline.{{ k }} = assay_serving.{{ k }}{{ " and " if not loop.last }}{% endfor %}
    ) as assay_agg
    cross join {{ assay.key_rows(features | length) }}
) as k
{% endmacro %}
