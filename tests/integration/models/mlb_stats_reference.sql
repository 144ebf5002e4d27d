{#- Every mlb statistic of mlb_current (and the empty relation) against the reference
    relation, materialised so tests/dbt/test_feature_check_statistics.py can compare it with numpy. -#}
{%- set numeric = ["f_normal", "f_skewed", "f_heavy", "f_const", "f_sparse", "f_allnull", "score", "score_shifted"] -%}
{%- set categorical = ["cat", "cat_id", "label"] -%}
{%- set reference = ref('mlb_reference') -%}
{%- set parts = [] -%}
{%- for current_name in ["mlb_current", "mlb_current_empty"] -%}
  {%- set current = ref(current_name) -%}
  {%- do parts.append(("null_rate", current_name, assay.null_rate_shift_stats(current, column_list=numeric + categorical, reference=reference))) -%}
  {%- do parts.append(("mean_std", current_name, assay.mean_std_shift_stats(current, column_list=numeric, reference=reference))) -%}
  {%- do parts.append(("out_of_range", current_name, assay.out_of_range_share_stats(current, column_list=numeric, reference=reference))) -%}
  {%- do parts.append(("quantile", current_name, assay.quantile_shift_stats(current, column_list=numeric, reference=reference, tolerance=1))) -%}
  {%- do parts.append(("new_category", current_name, assay.new_category_rate_stats(current, column_list=categorical, reference=reference))) -%}
  {%- do parts.append(("cardinality", current_name, assay.cardinality_shift_stats(current, column_list=categorical + numeric, reference=reference))) -%}
  {%- do parts.append(("cardinality_share", current_name, assay.cardinality_shift_stats(current, column_list=categorical, reference=reference, compare="distinct_share"))) -%}
  {%- do parts.append(("label_z", current_name, assay.label_distribution_shift_stats(current, column_list=["label"], reference=reference))) -%}
  {%- do parts.append(("prediction", current_name, assay.prediction_shift_stats(current, column_list=numeric, reference=reference))) -%}
{%- endfor -%}
{%- for check, current_name, sql in parts %}
select '{{ check }}' as check_name, '{{ current_name }}' as current_relation, s.*
from ({{ sql }}) as s
{{ "union all" if not loop.last }}
{%- endfor %}
