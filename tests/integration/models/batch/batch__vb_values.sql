select * from {{ ref('vb_values') }}
