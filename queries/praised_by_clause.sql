-- One row per office and ISO 9001:2015 heading (4-10; null: no clause fits) among the filtered findings;
-- a clause of any edition counts under its 2015 heading (clauses.heading_2015). share_of_events averages,
-- over the office's events, the part of each event's findings under this heading, so a longer report does
-- not simply weigh more. Params: as findings_filtered, and $grouped: true sums every office into one row per clause (office_id '').
-- Counted from finding_facts (filtered_facts), each event's findings counted once by a grouping, not by a window,
-- and grouped and joined by the event's row (finding_facts.event_row), a number, not by the text event_id;
-- the offices' places joined to the counted rows, not to every chosen finding (a third of the CPU at 3,000 offices).
with chosen as (
    select
        f.event_row,
        case when $grouped then '' else f.office_id end as office_id,
        f.clause,
        f.heading_pl,
        f.heading_en
    from filtered_facts($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family) as f
),

per_event as (
    -- An event is one office's: its findings among the chosen ones.
    select event_row, any_value(office_id) as office_id, count(*) as count_event_findings
    from chosen
    group by event_row
),

events_per_office as (
    select office_id, count(*) as count_events
    from per_event
    group by office_id
),

counted as (
    select
        c.office_id,
        c.clause,
        any_value(c.heading_pl) as clause_pl,
        any_value(c.heading_en) as clause_en,
        count(*) as count_findings,
        sum(1.0 / pe.count_event_findings) / any_value(e.count_events) as share_of_events
    from chosen as c
    inner join per_event as pe on pe.event_row = c.event_row
    inner join events_per_office as e on e.office_id = c.office_id
    group by c.office_id, c.clause
)

select
    c.office_id,
    o.office_label,
    c.clause,
    c.clause_pl,
    c.clause_en,
    c.count_findings,
    c.share_of_events
from counted as c
left join office_labels as o on o.office_id = c.office_id
order by c.office_id, c.clause nulls last
