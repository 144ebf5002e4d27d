select * from {{ ref('vc1_measures') }}
