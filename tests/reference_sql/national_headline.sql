-- One row: the selected offices' headline figures for one family on $as_of. count_valid / count_valid_approximate:
-- offices whose best status (office_status_on_date's ranking) is valid / valid approximately; audits held and items
-- auditors praised up to $as_of (an event dated to a year or month counts from that period's first day), and apart
-- from them those whose event has no date (count_undated_audits, count_undated_praised: they may fall either side);
-- undated held events; planned events dated on or before $as_of whose outcome the data does not give (never
-- "next"); the latest held event on or before $as_of (and the precision its date is known to).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

best as (
    select office_id, min(status_rank(status)) as best_rank, bool_or(status = 'valid') as is_valid
    from status_on($as_of, $family)
    where office_id in (select office_id from chosen)
    group by office_id
),

family_events as (
    select e.*
    from events as e
    where e.office_id in (select office_id from chosen)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
),

audits as (
    select event_on
    from family_events
    where not is_planned and kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
),

praised as (
    -- Read from finding_counts: one row per office, day, kind, voice and families, with its count of findings.
    select f.event_on, f.count_findings
    from finding_counts as f
    where f.kind = 'praise' and f.voice = 'auditor'
        and f.office_id in (select office_id from chosen)
        and ($family is null or list_contains(f.families, $family))
)

select
    (select count(*) from chosen) as count_offices,
    (select count(*) from best where is_valid) as count_valid,
    (select count(*) from best where not is_valid and best_rank = 2) as count_valid_approximate,
    (select count(*) from audits where event_on <= $as_of::date) as count_audits,
    (select count(*) from audits where event_on is null) as count_undated_audits,
    (select coalesce(sum(count_findings), 0)::bigint from praised where event_on <= $as_of::date) as count_praised,
    (select coalesce(sum(count_findings), 0)::bigint from praised where event_on is null) as count_undated_praised,
    (select count(*) from family_events where event_on is null and not is_planned) as count_undated_events,
    (select count(*) from family_events where is_planned and event_on <= $as_of::date) as count_past_planned,
    (select max(event_on) from family_events where not is_planned and event_on <= $as_of::date) as latest_event_on,
    (
        select arg_max(event_on_precision, event_on) from family_events where not is_planned and event_on <= $as_of::date
    ) as latest_event_precision
