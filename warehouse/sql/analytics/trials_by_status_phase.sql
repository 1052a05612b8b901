-- how many trials per recruitment status and phase; a phase i/ii trial counts in both phases,
-- a trial whose page states no phase counts under a null phase
with trials as (
    select trial_id, overall_status, phases
    from marts.trials
),

stated_phases as (
    select trial_id, overall_status, unnest(phases) as phase
    from trials
    where len(phases) > 0
),

unstated_phases as (
    select trial_id, overall_status, cast(null as varchar) as phase
    from trials
    where phases is null or len(phases) = 0
),

trial_phases as (
    select * from stated_phases
    union all
    select * from unstated_phases
),

counted as (
    select overall_status, phase, count(distinct trial_id) as trials
    from trial_phases
    group by overall_status, phase
)

select *
from counted
order by overall_status nulls last, phase nulls last
