-- Timestamps relative to the build time, so the freshness cases do not age.
{%- set now = assay.now() %}
{%- set ts = dbt.type_timestamp() %}
select 1 as event_id, 'web' as source, cast({{ dbt.dateadd('hour', -1, now) }} as {{ ts }}) as happened_at
union all
select 2, 'web', cast(null as {{ ts }})
union all
-- midnight three days ago: fresh for 4 days, stale for 3 unless the time of day is ignored
select 3, 'app', cast({{ dbt.dateadd('day', -3, dbt.date_trunc('day', now)) }} as {{ ts }})
union all
select 4, 'future', cast({{ dbt.dateadd('day', 5, now) }} as {{ ts }})
union all
select 5, 'old', cast('2020-01-01 00:00:00' as {{ ts }})
union all
select 6, 'unknown', cast(null as {{ ts }})
