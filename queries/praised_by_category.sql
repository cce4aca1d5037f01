-- One row per office and category among the filtered findings, $category being 'clause' or 'theme'.
-- clause: the ISO 9001:2015 heading (4-10, as text; null: no clause fits), a clause of any edition counted under its
-- 2015 heading (clauses.heading_2015), labelled by that heading. theme: the theme's id, labelled by the theme.
-- share_of_events averages, over the office's events, the part of each event's findings in this category, so a
-- longer report does not simply weigh more. Params: as findings_filtered, $category, and $grouped: true sums every
-- office into one row per category (office_id '').
-- The filtered events and their counts of filtered findings come from finding_counts (filtered_counts, 108k rows at
-- 3,000 offices); the findings are then read from finding_facts by their event's row (event_row, a number) with only
-- their own filters (finding_is_kept): an event that passes the office and date filters passes them for each of its
-- findings. Each share is summed by category before it is divided by the office's number of events; the offices'
-- labels and the themes' labels are joined to the counted rows, not to every chosen finding.
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
        -- grouped by the heading's number or the theme's id (the other null): an integer key, cast once counted
        case when $category = 'clause' then f.clause end as clause,
        case when $category = 'theme' then f.theme_id end as theme_id,
        -- a clause is labelled by its 2015 heading, the same for every finding under it
        any_value(case when $category = 'clause' then f.heading_pl end) as heading_pl,
        any_value(case when $category = 'clause' then f.heading_en end) as heading_en,
        count(*) as count_findings,
        sum(1.0 / pe.count_event_findings) as sum_of_shares
    from finding_facts as f
    inner join per_event as pe on pe.event_row = f.event_row
    where finding_is_kept(f.kind, f.voice, f.families, $kinds, $voices, $family)
    group by all  -- office, clause, theme: the expressions above, not finding_facts' own columns of those names
)

select
    c.office_id,
    o.office_label,
    coalesce(c.clause::varchar, c.theme_id) as category,
    coalesce(t.label_pl, c.heading_pl) as category_pl,
    coalesce(t.label_en, c.heading_en) as category_en,
    c.count_findings,
    c.sum_of_shares / e.count_events as share_of_events
from counted as c
inner join events_per_office as e on e.office_id = c.office_id
left join office_labels as o on o.office_id = c.office_id
left join themes as t on $category = 'theme' and t.theme_id = c.theme_id
-- clauses in their number's order (no clause last), themes by id
order by c.office_id, c.clause nulls last, c.theme_id
