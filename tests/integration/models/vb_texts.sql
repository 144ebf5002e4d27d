{#- Empty and whitespace-only strings, which a CSV seed cannot hold (it loads '' as NULL). -#}
{%- set string_type = dbt.type_string() %}
select 1 as id, cast('abc' as {{ string_type }}) as txt
union all select 2, cast('' as {{ string_type }})
union all select 3, cast('   ' as {{ string_type }})
union all select 4, cast(chr(9) || ' ' || chr(10) as {{ string_type }})
union all select 5, cast(null as {{ string_type }})
union all select 6, cast(' x ' as {{ string_type }})
