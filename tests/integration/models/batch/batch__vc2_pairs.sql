select * from {{ ref('vc2_pairs') }}
