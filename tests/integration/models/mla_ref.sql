-- The reference side of the drift cases, typed once (8-byte floats) plus an all-NULL column.
select id,
       cast(skewed as {{ assay.type_double() }}) as skewed,
       cast(heavy as {{ assay.type_double() }}) as heavy,
       cast(stable as {{ assay.type_double() }}) as stable,
       cast(counts as {{ assay.type_double() }}) as counts,
       cast(const as {{ assay.type_double() }}) as const,
       cast(null as {{ assay.type_double() }}) as allnull,
       cast(flag as {{ dbt.type_int() }}) as flag,
       cast(segment as {{ dbt.type_string() }}) as segment,
       cast(region as {{ dbt.type_string() }}) as region,
       cast(null as {{ dbt.type_string() }}) as nullcat
from {{ ref('mla_reference') }}
