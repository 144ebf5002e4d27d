select * from {{ ref('vb_weird_names') }}
