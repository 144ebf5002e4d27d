select
    cast(1 as integer) as int_col,
    cast(1 as bigint) as big_col,
    cast('a' as {{ dbt.type_string() }}) as str_col,
    cast(1.5 as {{ assay.type_double() }}) as dbl_col,
    cast('2024-01-01' as date) as date_col
