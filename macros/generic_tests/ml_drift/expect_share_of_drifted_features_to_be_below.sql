{#- Fails (one row) when more than `max_share` of the listed features drift. A feature whose
    statistic cannot be computed (no non-NULL values on either side) counts as drifted. -#}
{% test expect_share_of_drifted_features_to_be_below(model, numeric_columns=none, categorical_columns=none,
        reference=none, reference_profile=none, profile_relation=none, statistic="psi", threshold=none,
        categorical_statistic="psi", categorical_threshold=none, max_share=0.5, bins=10, alpha=0.05,
        row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_expect_share_of_drifted_features_to_be_below", "assay")(
      model, numeric_columns, categorical_columns, reference, reference_profile, profile_relation, statistic,
      threshold, categorical_statistic, categorical_threshold, max_share, bins, alpha, row_condition,
      compare_row_condition)) }}
{% endtest %}

{% macro default__test_expect_share_of_drifted_features_to_be_below(model, numeric_columns, categorical_columns,
        reference, reference_profile, profile_relation, statistic, threshold, categorical_statistic,
        categorical_threshold, max_share, bins, alpha, row_condition, compare_row_condition) %}
  {%- set test_name = "expect_share_of_drifted_features_to_be_below" -%}
  {{ assay.check_list(test_name, model, "numeric_columns", numeric_columns, required=false) }}
  {{ assay.check_list(test_name, model, "categorical_columns", categorical_columns, required=false) }}
  {%- if execute and not numeric_columns and not categorical_columns -%}
    {{ assay.arg_error(test_name, model, "numeric_columns/categorical_columns", "needs at least one list of columns") }}
  {%- endif -%}
  {{ assay.check_fraction(test_name, model, "max_share", max_share) }}
  {%- do assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- set parts = [] -%}
  {%- for kind, columns, stat, thr in [("numeric", numeric_columns, statistic, threshold),
                                       ("categorical", categorical_columns, categorical_statistic, categorical_threshold)] -%}
    {%- if columns -%}
      {{ assay.check_drift_args(test_name, model, kind, stat, thr, bins, alpha) }}
      {%- do parts.append(assay.drift_sql(model, kind, columns, [stat], thresholds=assay.drift_thresholds([stat], thr),
            reference=reference, reference_profile=reference_profile, profile_relation=profile_relation, bins=bins,
            alpha=alpha, row_condition=row_condition, compare_row_condition=compare_row_condition)) -%}
    {%- endif -%}
  {%- endfor %}
with assay_features as (
  {%- for part in parts %}
    select column_name, statistic, value, drifted from (
{{ part }}
    ) as assay_part{{ loop.index }}
    {{ "union all" if not loop.last }}
  {%- endfor %}
),
assay_share as (
    select count(*) as column_count,
           sum(case when coalesce(drifted, true) then 1 else 0 end) as drifted_count,
           {{ assay.string_agg("case when coalesce(drifted, true) then column_name end", ", ", "column_name") }} as drifted_columns
    from assay_features
)
select {{ assay.failing_shape(["drifted_count", "column_count",
          "cast(drifted_count as " ~ assay.type_double() ~ ") / column_count as drifted_share",
          "cast(" ~ max_share ~ " as " ~ assay.type_double() ~ ") as max_share", "drifted_columns"]) }}
from assay_share
where drifted_count > {{ max_share }} * column_count
{% endmacro %}
