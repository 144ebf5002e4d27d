select * from {{ ref('va_orders_empty') }}
