select * from {{ ref('assay_pairs') }}
