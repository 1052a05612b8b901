-- which trials admit children: pediatric when any stated age bound is under 18 years,
-- adult when the stated bounds are all 18 or over, unknown when the page states no age
with ages as (
    select trial_id, title, min_age_years, max_age_years
    from marts.trials
),

classified as (
    select
        *,
        case
            when min_age_years is null and max_age_years is null then 'unknown'
            when max_age_years < 18 or min_age_years < 18 then 'pediatric'
            else 'adult'
        end as population
    from ages
)

select *
from classified
order by population, trial_id
