-- The feature vector the churn model scores today: the current snapshot of
-- fct_customer_features, one row per active customer, same columns and types as the
-- training set's features. June 2024 changed the data under it (see raw_events): spend is up
-- with summer pricing, Android 5.2.0 inflates session lengths, and Mexico is a new country.

select
    cast(customer_id as bigint) as customer_id,
    cast(snapshot_date as date) as snapshot_date,
    cast(feature_ts as timestamp) as feature_ts,
    cast(tenure_days as integer) as tenure_days,
    cast(events_30d as integer) as events_30d,
    cast(sessions_30d as integer) as sessions_30d,
    cast(spend_30d as double) as spend_30d,
    cast(avg_session_minutes as double) as avg_session_minutes,
    cast(support_tickets_30d as integer) as support_tickets_30d,
    cast(days_since_last_event as integer) as days_since_last_event,
    cast(plan as varchar) as plan,
    cast(country as varchar) as country
from {{ ref('fct_customer_features') }}
where snapshot_date = {{ demo_date('serving_snapshot') }}
