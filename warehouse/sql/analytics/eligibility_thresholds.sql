-- per trial, the key eligibility bounds side by side.
-- an inclusion ">= x" and an exclusion "< x" both set a lower bound; when cohorts state
-- different bounds the least restrictive one is shown (min of lower, max of upper bounds).
with bounds as (
    select
        trial_id,
        concept,
        unit,
        value,
        case
            when criterion_type = 'INCLUSION' and operator in ('>=', '>') then 'lower'
            when criterion_type = 'EXCLUSION' and operator in ('<', '<=') then 'lower'
            when criterion_type = 'INCLUSION' and operator in ('<=', '<') then 'upper'
            when criterion_type = 'EXCLUSION' and operator in ('>', '>=') then 'upper'
        end as bound
    from marts.criteria_thresholds
),

pivoted as (
    select
        trial_id,
        min(value) filter (where concept = 'age' and bound = 'lower') as age_min,
        max(value) filter (where concept = 'age' and bound = 'upper') as age_max,
        min(value) filter (where concept = 'sledai_2k' and bound = 'lower') as sledai_2k_min,
        min(value) filter (where concept = 'selena_sledai' and bound = 'lower') as selena_sledai_min,
        min(value) filter (where concept = 'pga' and bound = 'lower') as pga_min,
        min(value) filter (where concept = 'bvas' and bound = 'lower') as bvas_min,
        min(value) filter (where concept = 'egfr' and bound = 'lower') as egfr_min,
        min(value) filter (where concept = 'lvef' and bound = 'lower') as lvef_min_pct,
        max(value) filter (
            where concept = 'ast' and bound = 'upper' and unit = 'xULN'
        ) as ast_max_xuln,
        max(value) filter (
            where concept = 'alt' and bound = 'upper' and unit = 'xULN'
        ) as alt_max_xuln
    from bounds
    group by trial_id
),

per_trial as (
    select
        t.trial_id,
        coalesce(t.min_age_years, p.age_min) as min_age_years,
        coalesce(t.max_age_years, p.age_max) as max_age_years,
        p.sledai_2k_min,
        p.selena_sledai_min,
        p.pga_min,
        p.bvas_min,
        p.egfr_min,
        p.lvef_min_pct,
        p.ast_max_xuln,
        p.alt_max_xuln
    from marts.trials as t
    left join pivoted as p on p.trial_id = t.trial_id
)

select *
from per_trial
order by trial_id
