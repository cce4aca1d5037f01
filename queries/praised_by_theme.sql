-- One row per office and theme among the filtered findings; share_of_events as in praised_by_clause.
-- Params: as findings_filtered.
with chosen as (
    select
        f.finding_id,
        f.audit_id,
        f.city_id,
        f.theme_id,
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
    c.theme_id,
    any_value(t.label_pl) as theme_pl,
    any_value(t.label_en) as theme_en,
    count(*) as count_findings,
    sum(1.0 / c.count_event_findings) / any_value(e.count_events) as share_of_events
from chosen as c
inner join events_per_city as e on e.city_id = c.city_id
inner join cities as ci on ci.city_id = c.city_id
inner join themes as t on t.theme_id = c.theme_id
group by c.city_id, c.theme_id
order by c.city_id, c.theme_id
