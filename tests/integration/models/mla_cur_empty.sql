select * from {{ ref('mla_cur') }} where 1 = 0
