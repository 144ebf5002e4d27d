{#-
  At each u in `quantiles`, the current quantile lies within the tolerance of the reference
  quantile: |Q_cur(u) − Q_ref(u)| ≤ tolerance (absolute, in the column's units) or
  ≤ tolerance_std · σ_ref. One failing row per column: value = the largest |difference|,
  threshold = the tolerance in the column's units, detail = the quantiles out of tolerance.
  Quantiles are exact (percentile_cont, linear interpolation). Against a stored profile each
  u must be on the profile's grid (0, 0.01, …, 0.99, 1).
  NULL rule: NULL values are left out. A quantile that cannot be computed (no non-NULL
  values on either side, a column or u missing from the profile) fails.
-#}
{% test expect_column_quantile_shift_to_be_within(model, column_name=none, column_list=none, reference=none,
        reference_profile=none, quantiles=[0.05, 0.25, 0.5, 0.75, 0.95], tolerance=none, tolerance_std=none,
        row_condition=none, compare_row_condition=none, profile_relation=none) %}
  {{ return(adapter.dispatch("test_expect_column_quantile_shift_to_be_within", "assay")(
      model, column_name, column_list, reference, reference_profile, quantiles, tolerance, tolerance_std,
      row_condition, compare_row_condition, profile_relation)) }}
{% endtest %}

{% macro default__test_expect_column_quantile_shift_to_be_within(model, column_name, column_list, reference, reference_profile,
        quantiles, tolerance, tolerance_std, row_condition, compare_row_condition, profile_relation) %}
  {{ assay.column_check_failing_rows(assay.quantile_shift_stats(model, column_name, column_list, reference, reference_profile,
      quantiles, tolerance, tolerance_std, row_condition, compare_row_condition, profile_relation)) }}
{% endmacro %}

{% macro quantile_shift_stats(model, column_name=none, column_list=none, reference=none, reference_profile=none,
        quantiles=[0.05, 0.25, 0.5, 0.75, 0.95], tolerance=none, tolerance_std=none, row_condition=none,
        compare_row_condition=none, profile_relation=none) %}
  {%- set test_name = "expect_column_quantile_shift_to_be_within" -%}
  {{ assay.check_list(test_name, model, "quantiles", quantiles) }}
  {%- if execute -%}
    {%- for u in quantiles -%}
      {{ assay.check_number(test_name, model, "quantiles", u, minimum=0, maximum=1) }}
      {%- if reference_profile is not none and ((u * 100) - ((u * 100) | round)) | abs > 1e-9 -%}
        {{ assay.arg_error(test_name, model, "quantiles", "must be on the stored profile's grid (multiples of 0.01) when comparing against a profile, got " ~ u) }}
      {%- endif -%}
    {%- endfor -%}
    {%- if tolerance is not none and tolerance_std is not none -%}
      {{ assay.arg_error(test_name, model, "tolerance/tolerance_std", "takes either tolerance or tolerance_std, not both") }}
    {%- endif -%}
    {{ assay.check_number(test_name, model, "tolerance", tolerance, minimum=0, required=false) }}
    {{ assay.check_number(test_name, model, "tolerance_std", tolerance_std, minimum=0, required=false) }}
  {%- endif -%}
  {%- set columns = assay.compared_columns(test_name, model, column_name, column_list) -%}
  {%- set ref = assay.reference_source(test_name, model, reference, reference_profile, profile_relation, compare_row_condition) -%}
  {%- if tolerance is not none -%}
    {%- set tol = assay.to_double(tolerance) -%}
  {%- else -%}
    {%- set tol = (tolerance_std if tolerance_std is not none else 0.1) ~ " * r.std" -%}
  {%- endif -%}
  {%- set u_list = quantiles if assay.is_list(quantiles) else [0.5] -%}
select
    {{ assay.stat_columns("c.column_name", "'max_quantile_diff'", "d.max_diff", "d.tol", "r.n", "c.n",
        "coalesce(" ~ assay.undefined_reason() ~ ", case when d.n_defined < " ~ (u_list | length)
        ~ " then 'quantile undefined (no non-NULL values, or u missing from the profile)' end, d.out_of_tolerance, 'all quantiles within tolerance')",
        "not coalesce(d.n_defined = " ~ (u_list | length) ~ " and d.max_diff <= d.tol, false)") }}
from {{ assay.current_and_reference_summaries(model, columns, row_condition, ref) }}
left join (
    select
        qc.column_name,
        max(abs(qc.q_value - qr.q_value)) as max_diff,
        max({{ tol }}) as tol,
        count(qc.q_value - qr.q_value - {{ tol }}) as n_defined,
        {{ assay.string_agg(
            "case when abs(qc.q_value - qr.q_value) > " ~ tol ~ " then 'u=' || " ~ assay.format_number("qc.quantile_u")
            ~ " || ': current ' || " ~ assay.format_number("qc.q_value") ~ " || ' vs reference ' || " ~ assay.format_number("qr.q_value") ~ " end",
            "; ", "qc.quantile_u") }} as out_of_tolerance
    from ({{ assay.quantiles_from_relation(model, columns, u_list, row_condition) }}) as qc
    left join ({{ assay.reference_quantiles(ref, columns, u_list) }}) as qr
        on qr.column_name = qc.column_name and abs(qr.quantile_u - qc.quantile_u) < 1e-9
    left join ({{ assay.reference_summary(ref, columns) }}) as r
        on r.column_name = qc.column_name
    group by qc.column_name
) as d
    on d.column_name = c.column_name
{% endmacro %}
