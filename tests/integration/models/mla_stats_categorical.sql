-- Every categorical statistic, both reference paths and an empty current side.
{%- set cols = ['segment', 'region', 'flag', 'nullcat'] %}
select 'relation' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur'), 'categorical', cols, assay.drift_statistics('categorical'),
                       thresholds={'psi': 0.25, 'kl': 0.1, 'js': 0.1, 'hellinger': 0.1, 'tvd': 0.1, 'linf': 0.1,
                                   'chi_square': 0.1, 'cramers_v': 0.1, 'z_test': 1.96},
                       reference=ref('mla_ref')) }}
) as s
union all
select 'profile' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur'), 'categorical', cols, assay.drift_statistics('categorical'),
                       thresholds={'psi': 0.25, 'kl': 0.1, 'js': 0.1, 'hellinger': 0.1, 'tvd': 0.1, 'linf': 0.1,
                                   'chi_square': 0.1, 'cramers_v': 0.1, 'z_test': 1.96},
                       reference_profile='mla_train', profile_relation=ref('mla_profile')) }}
) as s
union all
select 'empty' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur_empty'), 'categorical', cols, assay.drift_statistics('categorical'),
                       thresholds={'psi': 0.25, 'chi_square': 0.1, 'z_test': 1.96},
                       reference=ref('mla_ref')) }}
) as s
