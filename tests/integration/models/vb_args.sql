{#- Target of the bad-argument cases: they fail at compile time, before any column is read. -#}
select 1 as id
