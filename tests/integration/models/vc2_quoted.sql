{#- Identifiers that need quoting: spaces, mixed case, a reserved word. -#}
select
    id as {{ adapter.quote("Row Id") }},
    grp as {{ adapter.quote("Group Name") }},
    a as {{ adapter.quote("Order Total") }},
    b as {{ adapter.quote("select") }}
from {{ ref("vc2_pairs") }}
