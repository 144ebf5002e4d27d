select * from {{ ref('vb_values') }} where 1 = 0
