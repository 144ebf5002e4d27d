select * from {{ ref('vb_texts') }}
