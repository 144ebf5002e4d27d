{#- A view, so the dates are computed when the test runs, from the same day as the test's "now". -#}
{{ config(materialized="view") }}
select
    cast({{ dbt.dateadd("day", "-1 * days_ago", "current_date") }} as date) as metric_date,
    days_ago,
    grp,
    v
from {{ ref("vc2_moving_values") }}
