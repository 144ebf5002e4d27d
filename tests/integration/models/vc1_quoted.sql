{#- Space-containing, mixed-case column names, which tests must take quoted. -#}
select
    grp as {{ adapter.quote("Group") }},
    x as {{ adapter.quote("Unit Price") }},
    cat as {{ adapter.quote("Colour Name") }}
from {{ ref('vc1_measures') }}
