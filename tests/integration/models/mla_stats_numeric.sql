-- Every numeric statistic against the reference relation (path 'relation') and the stored
-- profile (path 'profile'); tests/dbt/test_drift_statistics.py proves them against numpy/scipy.
-- Not on Spark: the 'relation' and 'empty' paths, all ten statistics against a reference relation
-- in one query, run a 4 GB Spark driver out of memory (README "Spark"); single drift tests
-- against a reference relation still run there.
{%- set cols = ['skewed', 'heavy', 'stable', 'counts', 'const', 'allnull'] %}
{%- if target.type != 'spark' %}
select 'relation' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur'), 'numeric', cols, assay.drift_statistics('numeric'),
                       thresholds={'psi': 0.25, 'kl': 0.1, 'js': 0.1, 'hellinger': 0.1, 'tvd': 0.1, 'linf': 0.1,
                                   'chi_square': 0.1, 'cramers_v': 0.1, 'ks': 0.1, 'wasserstein': 0.1},
                       reference=ref('mla_ref')) }}
) as s
union all
{%- endif %}
select 'profile' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur'), 'numeric', cols, assay.drift_statistics('numeric'),
                       thresholds={'psi': 0.25, 'kl': 0.1, 'js': 0.1, 'hellinger': 0.1, 'tvd': 0.1, 'linf': 0.1,
                                   'chi_square': 0.1, 'cramers_v': 0.1, 'ks': 0.1, 'wasserstein': 0.1},
                       reference_profile='mla_train', profile_relation=ref('mla_profile')) }}
) as s
{%- if target.type != 'spark' %}
union all
select 'empty' as path, s.* from (
{{ assay.drift_sql(ref('mla_cur_empty'), 'numeric', cols, assay.drift_statistics('numeric'),
                       thresholds={'psi': 0.25, 'kl': 0.1, 'ks': 0.1, 'wasserstein': 0.1, 'chi_square': 0.1},
                       reference=ref('mla_ref')) }}
) as s
{%- endif %}
