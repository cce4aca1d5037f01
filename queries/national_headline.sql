-- One row: the selected offices' headline figures for one family on $as_of. count_valid / count_valid_approximate:
-- offices whose best status (office_status_on_date's ranking) is valid / valid approximately; audits and praised
-- items as offices_overview counts them (office_evidence_counts); undated held events; planned events dated on or
-- before $as_of whose outcome the data does not give (never "next"); the latest held event on or before $as_of
-- (and the precision its date is known to).
-- Params: $offices, $voivodeships, $office_kinds, $search (the office filter: see selected_offices), $as_of, $family.
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search)
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
        and ($family is null or e.event_id in (select event_id from event_families where family = $family))
),

counts as (
    select sum(count_audits)::bigint as count_audits, sum(count_praised)::bigint as count_praised
    from office_evidence_counts($family)
    where office_id in (select office_id from chosen)
)

select
    (select count(*) from chosen) as count_offices,
    (select count(*) from best where is_valid) as count_valid,
    (select count(*) from best where not is_valid and best_rank = 2) as count_valid_approximate,
    coalesce((select count_audits from counts), 0) as count_audits,
    coalesce((select count_praised from counts), 0) as count_praised,
    (select count(*) from family_events where event_on is null and not is_planned) as count_undated_events,
    (select count(*) from family_events where is_planned and event_on <= $as_of::date) as count_past_planned,
    (select max(event_on) from family_events where not is_planned and event_on <= $as_of::date) as latest_event_on,
    (
        select arg_max(event_on_precision, event_on) from family_events where not is_planned and event_on <= $as_of::date
    ) as latest_event_precision
