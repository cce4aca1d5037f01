-- One row per office and ISO 9001:2015 heading (4-10; null: no clause fits) among the filtered findings;
-- a clause of any edition counts under its 2015 heading (clauses.heading_2015). share_of_events averages,
-- over the office's events, the part of each event's findings under this heading, so a longer report does
-- not simply weigh more. Params: as findings_filtered, and $grouped: true sums every office into one row per clause (office_id '').
with chosen as (
    select
        f.finding_id,
        f.event_id,
        case when $grouped then '' else f.office_id end as office_id,
        h.heading_2015 as clause,
        h.heading_pl,
        h.heading_en,
        count(*) over (partition by f.event_id) as count_event_findings
    from filtered_findings($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family) as f
    left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
),

events_per_office as (
    select office_id, count(distinct event_id) as count_events
    from chosen
    group by office_id
)

select
    c.office_id,
    any_value(o.office_label) as office_label,
    c.clause,
    any_value(c.heading_pl) as clause_pl,
    any_value(c.heading_en) as clause_en,
    count(*) as count_findings,
    sum(1.0 / c.count_event_findings) / any_value(e.count_events) as share_of_events
from chosen as c
inner join events_per_office as e on e.office_id = c.office_id
left join office_labels as o on o.office_id = c.office_id
group by c.office_id, c.clause
order by c.office_id, c.clause nulls last
