-- One row per office and ISO 9001:2015 heading (4-10; null: no clause fits) among the filtered findings;
-- a clause of any edition counts under its 2015 heading (clauses.heading_2015). share_of_events averages,
-- over the office's events, the part of each event's findings under this heading, so a longer report does
-- not simply weigh more. Params: as findings_filtered.
with chosen as (
    select
        f.finding_id,
        f.event_id,
        f.office_id,
        h.heading_2015 as clause,
        h.heading_pl,
        h.heading_en,
        count(*) over (partition by f.event_id) as count_event_findings
    from findings as f
    inner join events as e on e.event_id = f.event_id
    left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
    where f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search))
        and list_contains($kinds, f.kind)
        and list_contains($voices, f.voice)
        and ((e.event_on is null and $include_undated) or year(e.event_on) between $year_from and $year_to)
        and ($family is null or e.event_id in (select event_id from event_families where family = $family))
),

events_per_office as (
    select office_id, count(distinct event_id) as count_events
    from chosen
    group by office_id
)

select
    c.office_id,
    any_value(o.place) as place,
    c.clause,
    any_value(c.heading_pl) as clause_pl,
    any_value(c.heading_en) as clause_en,
    count(*) as count_findings,
    sum(1.0 / c.count_event_findings) / any_value(e.count_events) as share_of_events
from chosen as c
inner join events_per_office as e on e.office_id = c.office_id
inner join offices as o on o.office_id = c.office_id
group by c.office_id, c.clause
order by c.office_id, c.clause nulls last
