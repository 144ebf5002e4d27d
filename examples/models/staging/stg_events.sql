-- Events with at-least-once duplicates removed (first delivery wins) and the measure columns
-- named by what they are meant to hold. `session_minutes` is taken from the collector's
-- `duration` as documented (minutes): the Android 5.2.0 unit change passes through unnoticed
-- here, and it is the checks downstream that catch it.

with deduplicated as (
    select *
    from {{ ref('raw_events') }}
    qualify row_number() over (partition by event_id order by _ingested_at) = 1
)

select
    event_id,
    customer_id,
    event_ts,
    cast(event_ts as date) as event_date,
    event_type,
    platform,
    app_version,
    duration as session_minutes,
    amount as purchase_amount,
    currency,
    _ingested_at
from deduplicated
