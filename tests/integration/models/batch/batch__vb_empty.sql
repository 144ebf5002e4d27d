select * from {{ ref('vb_empty') }}
