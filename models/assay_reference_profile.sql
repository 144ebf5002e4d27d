{#-
  Stored reference profiles as a model (disabled unless the project sets var
  assay_enable_models: true). What to profile comes from var assay_reference_profiles, a list of
  {model, label, column_list, categorical_columns, bins}; `column_list` are numeric columns.
  Incremental: a label already in the table is never recomputed, so a profile stays frozen
  while new labels are appended. Point the drift tests at it with
  profile_relation: ref('assay_reference_profile').
-#}
{{ config(materialized="incremental", enabled=var("assay_enable_models", false)) }}
{%- set profiles = var("assay_reference_profiles", []) -%}
{%- if profiles | length == 0 %}
select * from (
  select {{ assay.profile_row({}) }}
) as assay_empty where 1 = 0
{%- else %}
select * from (
  {%- for p in profiles %}
  select * from (
    {{ assay.profile_sql(ref(p.model), p.get("column_list"), p.get("categorical_columns"), label=p.label,
                             bins=p.get("bins", 10), source_name=p.model) }}
  ) as assay_p{{ loop.index }}
  {{ "union all" if not loop.last }}
  {%- endfor %}
) as assay_profiles
{%- if is_incremental() %}
where profile_label not in (select distinct profile_label from {{ this }})
{%- endif %}
{%- endif %}
