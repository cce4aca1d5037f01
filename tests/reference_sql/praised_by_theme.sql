-- One row per office and theme among the filtered findings; share_of_events as in praised_by_clause.
-- Params: as findings_filtered, and $grouped: true sums every office into one row per theme (office_id '').
-- Counted from finding_facts (filtered_facts), each event's findings counted once by a grouping, not by a window;
-- the offices' places and the themes' labels joined to the counted rows, not to every chosen finding.
with chosen as (
    select
        f.event_id,
        case when $grouped then '' else f.office_id end as office_id,
        f.theme_id
    from filtered_facts($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family) as f
),

per_event as (
    -- An event is one office's: its findings among the chosen ones.
    select event_id, any_value(office_id) as office_id, count(*) as count_event_findings
    from chosen
    group by event_id
),

events_per_office as (
    select office_id, count(*) as count_events
    from per_event
    group by office_id
),

counted as (
    select
        c.office_id,
        c.theme_id,
        count(*) as count_findings,
        sum(1.0 / pe.count_event_findings) / any_value(e.count_events) as share_of_events
    from chosen as c
    inner join per_event as pe on pe.event_id = c.event_id
    inner join events_per_office as e on e.office_id = c.office_id
    group by c.office_id, c.theme_id
)

select
    c.office_id,
    o.office_label,
    c.theme_id,
    t.label_pl as theme_pl,
    t.label_en as theme_en,
    c.count_findings,
    c.share_of_events
from counted as c
left join office_labels as o on o.office_id = c.office_id
inner join themes as t on t.theme_id = c.theme_id
order by c.office_id, c.theme_id
