-- Product events as the collector delivers them: sessions, purchases and support tickets from
-- the web and the mobile apps, half a year up to the extract date. Delivery is at-least-once,
-- so a few events arrive twice. Two things changed in June 2024 and are in the data on purpose:
--   * summer pricing (from 2024-06-01): purchase amounts are 30% higher;
--   * Android app 5.2.0 (from 2024-06-12) reports session `duration` in seconds, not minutes.

with customers as (
    select
        customer_id,
        lower(trim(plan_name)) as plan,
        signup_date,
        cancelled_at
    from {{ ref('raw_customers') }}
),

spans as (
    select
        customer_id,
        plan,
        cancelled_at,
        greatest(signup_date, {{ demo_date('events_start_date') }}) as window_start,
        least(coalesce(cancelled_at, {{ demo_date('as_of_date') }}), {{ demo_date('as_of_date') }})
            - greatest(signup_date, {{ demo_date('events_start_date') }}) as active_days,
        {{ demo_engagement_rate('customer_id', 'plan') }} as engagement_rate,
        {{ demo_uniform('customer_id', 'n_events') }} as u_count
    from customers
),

candidates as (
    select
        customer_id,
        plan,
        cancelled_at,
        window_start,
        active_days,
        unnest(range(cast(floor(engagement_rate * active_days + u_count) as bigint))) as k
    from spans
    where active_days > 0
),

drawn as (
    select
        customer_id * 100000 + k as event_key,
        customer_id,
        plan,
        cancelled_at,
        cast(window_start as timestamp)
            + to_seconds(cast(floor({{ demo_uniform('customer_id * 100000 + k', 'ts') }} * active_days * 86400) as bigint))
            as event_ts,
        {{ demo_uniform('customer_id * 100000 + k', 'keep') }} as u_keep,
        {{ demo_uniform('customer_id * 100000 + k', 'type') }} as u_type,
        {{ demo_uniform('customer_id * 100000 + k', 'platform') }} as u_platform,
        {{ demo_uniform('customer_id * 100000 + k', 'delay') }} as u_delay,
        {{ demo_uniform('customer_id * 100000 + k', 'duplicate') }} as u_duplicate,
        {{ demo_lognormal('customer_id * 100000 + k', 'duration', 2.2, 0.55) }} as minutes,
        {{ demo_lognormal('customer_id * 100000 + k', 'amount', 3.0, 0.6) }} as base_amount
    from candidates
),

events as (
    select
        *,
        cancelled_at is not null and event_ts >= cast(cancelled_at as timestamp) - interval 45 day as near_churn,
        case when u_platform < 0.45 then 'web' when u_platform < 0.75 then 'ios' else 'android' end as platform
    from drawn
    -- Customers about to leave use the product less in their last month.
    where cancelled_at is null
       or event_ts < cast(cancelled_at as timestamp) - interval 30 day
       or u_keep < 0.35
),

typed as (
    select
        *,
        case
            when u_type < case when near_churn then 0.25 else 0.06 end then 'support_ticket'
            when u_type < case when near_churn then 0.40 else 0.26 end then 'purchase'
            else 'session'
        end as event_type,
        case
            when platform = 'web' then null
            when platform = 'ios' then '5.1.4'
            when event_ts >= timestamp '2024-06-12' then '5.2.0'
            else '5.1.3'
        end as app_version
    from events
),

delivered as (
    select
        printf('evt_%09d', event_key) as event_id,
        customer_id,
        event_ts,
        event_type,
        platform,
        app_version,
        case
            when event_type <> 'session' then null
            -- Android 5.2.0 sends seconds in a field documented as minutes.
            when app_version = '5.2.0' then round(minutes * 60, 1)
            else round(minutes, 1)
        end as duration,
        case
            when event_type <> 'purchase' then null
            else round(
                base_amount
                * case plan when 'premium' then 2.5 when 'standard' then 1.6 else 1.0 end
                * case when event_ts >= timestamp '2024-06-01' then 1.3 else 1.0 end, 2)
        end as amount,
        'EUR' as currency,
        event_ts + to_seconds(cast(floor(u_delay * 7200) as bigint)) as _ingested_at,
        u_duplicate
    from typed
)

select event_id, customer_id, event_ts, event_type, platform, app_version, duration, amount, currency, _ingested_at
from delivered

union all

-- At-least-once delivery: about 0.5% of events arrive a second time, an hour later.
select event_id, customer_id, event_ts, event_type, platform, app_version, duration, amount, currency,
       _ingested_at + interval 1 hour
from delivered
where u_duplicate < 0.005
