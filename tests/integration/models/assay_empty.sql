select * from {{ ref('assay_values') }} where 1 = 0
