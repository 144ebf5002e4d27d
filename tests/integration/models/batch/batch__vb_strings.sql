select * from {{ ref('vb_strings') }}
