-- Churn scores for today's serving snapshot. The model is a fixed logistic regression
-- (coefficients fitted offline on training_set and frozen in {{ var('model_version') }}):
--   logit = -1.9 - 1.5 ln(1+events_30d) + 1.45 support_tickets_30d
--           + 0.25 ln(1+days_since_last_event, or tenure if none) + 0.05 ln(1+tenure_days)
--           - 0.05 ln(1+spend_30d) - 0.2 ln(1+avg_session_minutes, 10.5 if none)
--           + 0.37 [plan = basic] - 0.52 [plan = premium]
-- churn_probability = 1 / (1 + exp(-logit)); predicted_label = churn_probability >= threshold.

with scored as (
    select
        customer_id,
        feature_ts,
        -1.9
            - 1.5 * ln(1 + events_30d)
            + 1.45 * support_tickets_30d
            + 0.25 * ln(1 + coalesce(days_since_last_event, tenure_days))
            + 0.05 * ln(1 + tenure_days)
            - 0.05 * ln(1 + spend_30d)
            - 0.2 * ln(1 + coalesce(avg_session_minutes, 10.5))
            + case plan when 'basic' then 0.37 when 'premium' then -0.52 else 0 end
            as logit
    from {{ ref('serving_features') }}
)

select
    cast(customer_id as bigint) as customer_id,
    cast(cast(feature_ts as date) as timestamp) + interval 6 hour as scored_at,
    cast(feature_ts as timestamp) as feature_ts,
    cast(round(1 / (1 + exp(-logit)), 6) as double) as churn_probability,
    cast(case when 1 / (1 + exp(-logit)) >= {{ var('decision_threshold') }} then 1 else 0 end as integer)
        as predicted_label,
    cast({{ var('decision_threshold') }} as double) as decision_threshold,
    cast('{{ var("model_version") }}' as varchar) as model_version
from scored
