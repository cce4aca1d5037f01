-- One row per office and ISO 9001:2015 heading (4-10; null: no clause fits) among the filtered findings;
-- a clause of any edition counts under its 2015 heading (clauses.heading_2015). share_of_events averages,
-- over the office's events, the part of each event's findings under this heading, so a longer report does
-- not simply weigh more. Params: as findings_filtered, and $grouped: true sums every office into one row per clause (office_id '').
-- The filtered events and their counts of filtered findings come from finding_counts (filtered_counts, 108k rows at
-- 3,000 offices); the findings are then read from finding_facts by their event's row (event_row, a number) with only
-- their own filters (finding_is_kept): an event that passes the office and date filters passes them for each of its
-- findings. Each share is summed by heading before it is divided by the office's number of events.
with per_event as (
    -- An event is one office's.
    select
        f.event_row,
        any_value(case when $grouped then '' else f.office_id end) as office_id,
        sum(f.count_findings) as count_event_findings
    from filtered_counts($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family) as f
    group by f.event_row
),

events_per_office as (
    select office_id, count(*) as count_events
    from per_event
    group by office_id
),

counted as (
    select
        pe.office_id,
        f.clause,
        any_value(f.heading_pl) as clause_pl,
        any_value(f.heading_en) as clause_en,
        count(*) as count_findings,
        sum(1.0 / pe.count_event_findings) as sum_of_shares
    from finding_facts as f
    inner join per_event as pe on pe.event_row = f.event_row
    where finding_is_kept(f.kind, f.voice, f.families, $kinds, $voices, $family)
    group by pe.office_id, f.clause
)

select
    c.office_id,
    o.office_label,
    c.clause,
    c.clause_pl,
    c.clause_en,
    c.count_findings,
    c.sum_of_shares / e.count_events as share_of_events
from counted as c
inner join events_per_office as e on e.office_id = c.office_id
left join office_labels as o on o.office_id = c.office_id
order by c.office_id, c.clause nulls last
