-- Customer records as they land from the CRM export: one row per account, with the CRM's
-- own spelling (mixed-case plan names, a few missing or lower-case country codes) and the
-- cancellation date once an account churns. Generated deterministically (see macros/synthetic.sql).

with ids as (
    select range + 1 as customer_id
    from range({{ var('n_customers') }})
),

draws as (
    select
        customer_id,
        {{ demo_uniform('customer_id', 'signup') }} as u_signup,
        {{ demo_uniform('customer_id', 'plan') }} as u_plan,
        {{ demo_uniform('customer_id', 'plan_spelling') }} as u_spelling,
        {{ demo_uniform('customer_id', 'country') }} as u_country,
        {{ demo_uniform('customer_id', 'country_quality') }} as u_country_quality,
        {{ demo_uniform('customer_id', 'channel') }} as u_channel,
        {{ demo_uniform('customer_id', 'churn') }} as u_churn,
    from ids
),

accounts as (
    select
        customer_id,
        -- Signups grow over time: density rises linearly from 2022-01-01 to the extract date.
        date '2022-01-01' + cast(floor(sqrt(u_signup) * ({{ demo_date('as_of_date') }} - date '2022-01-01')) as integer)
            as signup_date,
        case when u_plan < 0.45 then 'basic' when u_plan < 0.80 then 'standard' else 'premium' end as plan,
        u_spelling,
        u_country,
        u_country_quality,
        u_channel,
        u_churn
    from draws
),

located as (
    select
        *,
        case
            -- The Mexico launch (June 2024): a third of new signups since then are in MX.
            when signup_date >= date '2024-06-01' and u_country < 0.30 then 'MX'
            when u_country < 0.35 then 'US'
            when u_country < 0.50 then 'GB'
            when u_country < 0.65 then 'DE'
            when u_country < 0.75 then 'FR'
            when u_country < 0.85 then 'BR'
            when u_country < 0.95 then 'IN'
            else 'CA'
        end as country_code,
        {{ demo_engagement_rate('customer_id', 'plan') }} as engagement_rate
    from accounts
),

churn as (
    select
        *,
        -- Daily churn hazard: higher on the basic plan and for less engaged customers.
        0.0022
            * exp(-0.9 * (ln(engagement_rate) - ln(0.08)))
            * case plan when 'basic' then 1.5 when 'premium' then 0.6 else 1.0 end as churn_hazard
    from located
)

select
    customer_id,
    -- The CRM stores plan names as typed by sales.
    case
        when u_spelling < 0.70 then upper(plan[1]) || plan[2:]
        when u_spelling < 0.85 then upper(plan)
        else plan || ' '
    end as plan_name,
    case
        when u_country_quality < 0.015 then null
        when u_country_quality < 0.05 then lower(country_code)
        else country_code
    end as country,
    case when u_channel < 0.5 then 'web' when u_channel < 0.8 then 'store' else 'partner' end as signup_channel,
    signup_date,
    -- Cancellations known at extract time; later ones are not in the export yet.
    case
        when signup_date + cast(floor(-ln(u_churn) / churn_hazard) as integer) < {{ demo_date('as_of_date') }}
            then signup_date + cast(floor(-ln(u_churn) / churn_hazard) as integer)
    end as cancelled_at,
    cast(signup_date as timestamp) + interval 2 hour as _ingested_at
from churn
