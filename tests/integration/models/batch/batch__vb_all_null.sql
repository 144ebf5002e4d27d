select * from {{ ref('vb_all_null') }}
