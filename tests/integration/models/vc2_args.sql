{#- The model the bad-argument cases point at: they fail at compile time, before reading it. -#}
select * from {{ ref("vc2_pairs") }}
