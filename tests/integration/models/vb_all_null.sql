select id, grp, cast(null as {{ dbt.type_string() }}) as txt, cast(null as integer) as num
from {{ ref('vb_values') }}
