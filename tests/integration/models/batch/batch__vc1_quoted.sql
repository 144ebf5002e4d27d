select * from {{ ref('vc1_quoted') }}
