select * from {{ ref('mlb_current') }} where 1 = 0
