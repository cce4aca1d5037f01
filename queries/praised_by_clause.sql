-- One row per office and ISO 9001:2015 clause (null: no clause fits) among the filtered findings.
-- share_of_events averages, over the office's events, the part of each event's findings in this clause,
-- so a longer report does not simply weigh more. Params: as findings_filtered.
with chosen as (
    select
        f.finding_id,
        f.audit_id,
        f.city_id,
        f.clause,
        count(*) over (partition by f.audit_id) as count_event_findings
    from findings as f
    inner join audits as a on a.audit_id = f.audit_id
    where list_contains($cities, f.city_id)
        and list_contains($kinds, f.kind)
        and list_contains($voices, f.voice)
        and ((a.audit_on is null and $include_undated) or year(a.audit_on) between $year_from and $year_to)
),

events_per_city as (
    select city_id, count(distinct audit_id) as count_events
    from chosen
    group by city_id
)

select
    c.city_id,
    any_value(ci.name) as city_name,
    c.clause,
    any_value(cl.label_pl) as clause_pl,
    any_value(cl.label_en) as clause_en,
    count(*) as count_findings,
    sum(1.0 / c.count_event_findings) / any_value(e.count_events) as share_of_events
from chosen as c
inner join events_per_city as e on e.city_id = c.city_id
inner join cities as ci on ci.city_id = c.city_id
left join clauses as cl on cl.clause = c.clause
group by c.city_id, c.clause
order by c.city_id, c.clause nulls last
