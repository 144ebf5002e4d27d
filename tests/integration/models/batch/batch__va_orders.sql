select * from {{ ref('va_orders') }}
