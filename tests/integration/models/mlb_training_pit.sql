-- The correct point-in-time join: each observation gets the newest feature value computed
-- at least one hour before it (left join: an observation with no earlier feature keeps NULLs).
select o.entity_id, o.observation_ts, o.label, f.feature_ts, f.feature_value
from {{ ref('mlb_observations') }} as o
left join (
    select o2.entity_id, o2.observation_ts, h.feature_ts, h.feature_value,
           row_number() over (partition by o2.entity_id, o2.observation_ts order by h.feature_ts desc) as rn
    from {{ ref('mlb_observations') }} as o2
    join {{ ref('mlb_feature_history') }} as h
        on h.entity_id = o2.entity_id
       and h.feature_ts <= {{ dbt.dateadd('hour', -1, 'o2.observation_ts') }}
) as f
    on f.entity_id = o.entity_id and f.observation_ts = o.observation_ts and f.rn = 1
