-- A training set built the wrong way: each observation gets the entity's LATEST feature
-- value, whenever it was computed, so later features leak into earlier labels.
select o.entity_id, o.observation_ts, o.label, f.feature_ts, f.feature_value
from {{ ref('mlb_observations') }} as o
join (
    select entity_id, feature_ts, feature_value,
           row_number() over (partition by entity_id order by feature_ts desc) as rn
    from {{ ref('mlb_feature_history') }}
    where feature_ts is not null
) as f
    on f.entity_id = o.entity_id and f.rn = 1
