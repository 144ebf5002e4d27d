select * from {{ ref('va_orders') }} where 1 = 0
