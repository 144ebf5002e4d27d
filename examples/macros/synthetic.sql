{#-
  Deterministic pseudo-random numbers for the synthetic data, from DuckDB's hash().
  `key` is a SQL expression (usually an id), `salt` a literal naming the draw, so
  different draws for the same row are independent and every build yields the same data.
-#}

{#- Uniform on (0, 1), never exactly 0 or 1 (safe under ln). -#}
{% macro demo_uniform(key, salt) -%}
  ((hash({{ key }}, '{{ salt }}') % 1000000)::double + 0.5) / 1000000.0
{%- endmacro %}

{#- Standard normal by Box–Muller. -#}
{% macro demo_normal(key, salt) -%}
  (sqrt(-2.0 * ln({{ demo_uniform(key, salt ~ ':r') }})) * cos(2.0 * pi() * {{ demo_uniform(key, salt ~ ':t') }}))
{%- endmacro %}

{#- Lognormal with the given log-mean and log-sd. -#}
{% macro demo_lognormal(key, salt, mu, sigma) -%}
  exp({{ mu }} + {{ sigma }} * {{ demo_normal(key, salt) }})
{%- endmacro %}

{#- A date literal from a var. -#}
{% macro demo_date(var_name) -%}
  date '{{ var(var_name) }}'
{%- endmacro %}

{#- The latent engagement of a customer (events per active day): lognormal, higher on dearer
    plans. Not stored anywhere: raw_customers uses it for the churn hazard, raw_events for
    how often a customer shows up. -#}
{% macro demo_engagement_rate(customer_id, plan) -%}
  (exp(ln(0.08) + 0.6 * {{ demo_normal(customer_id, 'engagement') }})
    * case {{ plan }} when 'premium' then 1.3 when 'standard' then 1.1 else 1.0 end)
{%- endmacro %}
