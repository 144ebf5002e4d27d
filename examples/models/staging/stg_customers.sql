-- One row per customer with the CRM's spelling cleaned up: plan names lower-cased and trimmed,
-- country codes upper-cased (missing ones stay NULL).

select
    customer_id,
    lower(trim(plan_name)) as plan,
    upper(trim(country)) as country,
    signup_channel,
    signup_date,
    cancelled_at as churn_date,
    cancelled_at is not null as is_churned,
    _ingested_at
from {{ ref('raw_customers') }}
