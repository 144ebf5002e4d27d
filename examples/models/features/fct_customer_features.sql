-- Customer features per monthly snapshot. A snapshot at date D describes each customer active
-- on D (signed up before D, not cancelled before D) using only events before D, so the
-- features of a snapshot are known at `feature_ts` = D 00:00. The same SQL feeds training
-- (past snapshots) and serving (the current one): one definition, no training/serving fork.

{%- set snapshots = var('training_snapshots') + [var('serving_snapshot')] %}

with snapshots as (
    select cast(snapshot_date as date) as snapshot_date
    from (values {% for d in snapshots %}('{{ d }}'){% if not loop.last %}, {% endif %}{% endfor %}) as s(snapshot_date)
),

active as (
    select
        c.customer_id,
        s.snapshot_date,
        c.signup_date,
        c.plan,
        c.country
    from {{ ref('stg_customers') }} as c
    join snapshots as s
      on c.signup_date < s.snapshot_date
     and (c.churn_date is null or c.churn_date >= s.snapshot_date)
),

activity as (
    select
        a.customer_id,
        a.snapshot_date,
        count(e.event_id) filter (where e.event_ts >= a.snapshot_date - interval 30 day) as events_30d,
        count(e.event_id) filter (where e.event_ts >= a.snapshot_date - interval 30 day
                                    and e.event_type = 'session') as sessions_30d,
        coalesce(sum(e.purchase_amount) filter (where e.event_ts >= a.snapshot_date - interval 30 day), 0)
            as spend_30d,
        avg(e.session_minutes) filter (where e.event_ts >= a.snapshot_date - interval 30 day) as avg_session_minutes,
        count(e.event_id) filter (where e.event_ts >= a.snapshot_date - interval 30 day
                                    and e.event_type = 'support_ticket') as support_tickets_30d,
        max(e.event_ts) as last_event_ts
    from active as a
    left join {{ ref('stg_events') }} as e
      on e.customer_id = a.customer_id
     and e.event_ts < a.snapshot_date
    group by a.customer_id, a.snapshot_date
)

select
    a.customer_id,
    a.snapshot_date,
    cast(a.snapshot_date as timestamp) as feature_ts,
    cast(a.snapshot_date - a.signup_date as integer) as tenure_days,
    cast(v.events_30d as integer) as events_30d,
    cast(v.sessions_30d as integer) as sessions_30d,
    cast(round(v.spend_30d, 2) as double) as spend_30d,
    round(v.avg_session_minutes, 2) as avg_session_minutes,
    cast(v.support_tickets_30d as integer) as support_tickets_30d,
    cast(date_diff('day', v.last_event_ts, cast(a.snapshot_date as timestamp)) as integer) as days_since_last_event,
    a.plan,
    a.country
from active as a
join activity as v
  on v.customer_id = a.customer_id
 and v.snapshot_date = a.snapshot_date
