select * from {{ ref('assay_empty') }}
