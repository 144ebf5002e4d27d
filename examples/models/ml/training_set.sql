-- The training set of the churn model: one row per customer and observation time, with the
-- features known at that time and the label observed 30 days later.
--
-- Point in time: the label spine (who was a customer at each observation time, and did they
-- cancel within the next 30 days) is joined to the features with an ASOF join, which takes
-- the latest feature snapshot with feature_ts <= observation_ts. Features computed after the
-- observation can never leak into a row.

with observations as (
    select cast(d as date) as observation_date
    from (values {% for d in var('training_snapshots') %}('{{ d }}'){% if not loop.last %}, {% endif %}{% endfor %}) as s(d)
),

label_spine as (
    select
        c.customer_id,
        -- The scoring job runs at 06:00 on the first day of each month.
        cast(o.observation_date as timestamp) + interval 6 hour as observation_ts,
        cast(o.observation_date as timestamp) + interval 6 hour + interval 30 day as label_ts,
        case
            when c.churn_date >= o.observation_date and c.churn_date < o.observation_date + 30 then 1
            else 0
        end as churned_30d
    from {{ ref('stg_customers') }} as c
    join observations as o
      on c.signup_date < o.observation_date
     and (c.churn_date is null or c.churn_date >= o.observation_date)
)

select
    cast(l.customer_id as bigint) as customer_id,
    cast(l.observation_ts as timestamp) as observation_ts,
    cast(f.feature_ts as timestamp) as feature_ts,
    cast(l.label_ts as timestamp) as label_ts,
    cast(f.tenure_days as integer) as tenure_days,
    cast(f.events_30d as integer) as events_30d,
    cast(f.sessions_30d as integer) as sessions_30d,
    cast(f.spend_30d as double) as spend_30d,
    cast(f.avg_session_minutes as double) as avg_session_minutes,
    cast(f.support_tickets_30d as integer) as support_tickets_30d,
    cast(f.days_since_last_event as integer) as days_since_last_event,
    cast(f.plan as varchar) as plan,
    cast(f.country as varchar) as country,
    cast(l.churned_30d as integer) as churned_30d,
    cast(case when {{ demo_uniform('l.customer_id', 'split') }} < 0.2 then 'validation' else 'train' end as varchar)
        as split
from label_spine as l
asof join {{ ref('fct_customer_features') }} as f
  on f.customer_id = l.customer_id
 and f.feature_ts <= l.observation_ts
