select * from {{ ref('assay_values') }}
