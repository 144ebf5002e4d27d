select * from {{ ref('vc2_quoted') }}
