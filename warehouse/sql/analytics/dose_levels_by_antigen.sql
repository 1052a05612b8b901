-- which dose levels are tried against each target antigen: one row per antigen and dose unit
with trial_antigens as (
    select trial_id, unnest(target_antigens) as antigen
    from marts.trials
),

antigen_doses as (
    select a.antigen, d.trial_id, d.dose_unit, d.dose_value, d.dose_value_max
    from trial_antigens as a
    inner join marts.doses as d on d.trial_id = a.trial_id
),

per_antigen_unit as (
    select
        antigen,
        dose_unit,
        count(distinct trial_id) as trials,
        count(*) as dose_levels,
        list_sort(list_distinct(list(dose_value))) as distinct_dose_values,
        min(dose_value) as min_dose_value,
        max(coalesce(dose_value_max, dose_value)) as max_dose_value
    from antigen_doses
    group by antigen, dose_unit
)

select *
from per_antigen_unit
order by antigen, dose_unit nulls last
