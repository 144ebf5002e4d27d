select * from {{ ref('assay_all_null') }}
