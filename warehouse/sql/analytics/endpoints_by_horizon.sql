-- how far out trials measure their outcomes: endpoints per time horizon and endpoint type
with horizons as (
    select
        trial_id,
        endpoint_type,
        case
            when time_frame_days is null then 'unknown'
            when time_frame_days <= 30 then '<=30 days'
            when time_frame_days <= 90 then '<=90 days'
            when time_frame_days <= 180 then '<=180 days'
            when time_frame_days <= 365 then '<=365 days'
            else '>365 days'
        end as horizon,
        case
            when time_frame_days is null then 6
            when time_frame_days <= 30 then 1
            when time_frame_days <= 90 then 2
            when time_frame_days <= 180 then 3
            when time_frame_days <= 365 then 4
            else 5
        end as horizon_order
    from marts.endpoints
),

counted as (
    select
        horizon,
        horizon_order,
        endpoint_type,
        count(*) as endpoints,
        count(distinct trial_id) as trials
    from horizons
    group by horizon, horizon_order, endpoint_type
)

select *
from counted
order by horizon_order, endpoint_type nulls last
