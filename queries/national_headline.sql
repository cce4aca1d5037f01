-- One row: the selected offices' headline figures for one family on $as_of. count_valid / count_valid_approximate:
-- offices whose best status (office_status_on_date's ranking) is valid / valid approximately; audits held and items
-- auditors praised up to $as_of (an event dated to a year or month counts from that period's first day), and apart
-- from them those whose event has no date (count_undated_audits, count_undated_praised: they may fall either side);
-- undated held events; planned events dated on or before $as_of whose outcome the data does not give (never
-- "next"); the latest held event on or before $as_of (and the precision its date is known to; where held events share
-- that day, the broadest precision: no more precise than every one of them is known).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
-- Each source is read once and counted by filtered aggregates (one row each), then the four rows set side by side:
-- eleven scalar subqueries over the same inlined CTEs cost more to plan (join ordering) than to run at 3,000 offices.
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

best as (
    -- Each office's best status in each family on $as_of (office_status_spans: one range look-up), then whether any
    -- is valid, or valid approximately: a family's best is valid where one of its certificates is, and valid
    -- approximately where none is valid and one is valid approximately.
    select
        office_id,
        bool_or(status = 'valid') as is_valid,
        bool_or(status = 'valid_approximate') as is_valid_approximate
    from office_status_spans
    where $as_of::date between from_on and until_on
        and ($family is null or family = $family)
        and office_id in (select office_id from chosen)
    group by office_id
),

statuses as (
    select
        count(*) filter (where is_valid) as count_valid,
        count(*) filter (where not is_valid and is_valid_approximate) as count_valid_approximate
    from best
),

event_figures as (
    select
        count(*) filter (
            where not e.is_planned and e.kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
                and e.event_on <= $as_of::date
        ) as count_audits,
        count(*) filter (
            where not e.is_planned and e.kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
                and e.event_on is null
        ) as count_undated_audits,
        count(*) filter (where e.event_on is null and not e.is_planned) as count_undated_events,
        count(*) filter (where e.is_planned and e.event_on <= $as_of::date) as count_past_planned,
        max(e.event_on) filter (where not e.is_planned and e.event_on <= $as_of::date) as latest_event_on,
        arg_max(
            e.event_on_precision,
            latest_then_broadest(e.event_on, e.event_on_precision)
        ) filter (where not e.is_planned and e.event_on <= $as_of::date) as latest_event_precision
    from events as e
    where e.office_id in (select office_id from chosen)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
),

praised as (
    -- Read from finding_counts: one row per event (its office and day), kind, voice and families, with its count
    -- of findings.
    select
        coalesce(sum(f.count_findings) filter (where f.event_on <= $as_of::date), 0)::bigint as count_praised,
        coalesce(sum(f.count_findings) filter (where f.event_on is null), 0)::bigint as count_undated_praised
    from finding_counts as f
    where f.kind = 'praise' and f.voice = 'auditor'
        and f.office_id in (select office_id from chosen)
        and ($family is null or list_contains(f.families, $family))
)

select
    (select count(*) from chosen) as count_offices,
    s.count_valid,
    s.count_valid_approximate,
    e.count_audits,
    e.count_undated_audits,
    p.count_praised,
    p.count_undated_praised,
    e.count_undated_events,
    e.count_past_planned,
    e.latest_event_on,
    e.latest_event_precision
from statuses as s, event_figures as e, praised as p
