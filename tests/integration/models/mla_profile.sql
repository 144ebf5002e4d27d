-- Stored profiles for the cases that name a reference_profile: the reference under label
-- 'mla_train', and the current data itself under 'mla_self' (drift against itself is zero).
select * from (
{{ assay.profile_sql(ref('mla_ref'), ['skewed', 'heavy', 'stable', 'counts', 'const', 'allnull'],
                         ['segment', 'region', 'flag', 'nullcat'], label='mla_train') }}
) as assay_train
union all
select * from (
{{ assay.profile_sql(ref('mla_cur'), ['skewed', 'heavy', 'stable', 'counts', 'const', 'allnull'],
                         ['segment', 'region', 'flag', 'nullcat'], label='mla_self') }}
) as assay_self
