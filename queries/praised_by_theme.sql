-- One row per office and theme among the filtered findings; share_of_events as in praised_by_clause.
-- Params: as findings_filtered, and $grouped: true sums every office into one row per theme (office_id '').
-- Counted as praised_by_clause counts: the filtered events and their counts from finding_counts, their findings
-- from finding_facts by the event's row with their own filters; the offices' places and the themes' labels joined
-- to the counted rows, not to every chosen finding.
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
        f.theme_id,
        count(*) as count_findings,
        sum(1.0 / pe.count_event_findings) as sum_of_shares
    from finding_facts as f
    inner join per_event as pe on pe.event_row = f.event_row
    where finding_is_kept(f.kind, f.voice, f.families, $kinds, $voices, $family)
    group by pe.office_id, f.theme_id
)

select
    c.office_id,
    o.office_label,
    c.theme_id,
    t.label_pl as theme_pl,
    t.label_en as theme_en,
    c.count_findings,
    c.sum_of_shares / e.count_events as share_of_events
from counted as c
inner join events_per_office as e on e.office_id = c.office_id
left join office_labels as o on o.office_id = c.office_id
inner join themes as t on t.theme_id = c.theme_id
order by c.office_id, c.theme_id
