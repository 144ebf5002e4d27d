-- assay.drift_report_sql (what `assay features report` runs) with a drift test's arguments:
-- numeric against the reference relation, categorical against the stored profile with only
-- 2 categories kept. tests/dbt/test_drift_statistics.py checks its statistic rows equal
-- mla_stats_* and its bins equal numpy's counts on the same edges.
select 'numeric' as part, r.* from (
{{ assay.drift_report_sql('expect_numeric_drift_to_be_below', ref('mla_cur'),
     {'column_list': ['skewed', 'counts', 'allnull'], 'reference': ref('mla_ref'), 'statistic': ['psi', 'ks', 'wasserstein']},
     'warn') }}
) as r
union all
select 'categorical' as part, r.* from (
{{ assay.drift_report_sql('expect_categorical_drift_to_be_below', ref('mla_cur'),
     {'column_list': ['segment', 'region'], 'reference_profile': 'mla_train', 'profile_relation': ref('mla_profile')},
     'error', max_categories=2) }}
) as r
