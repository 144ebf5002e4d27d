select id, cast(null as {{ assay.type_double() }}) as measure from {{ ref('assay_values') }}
