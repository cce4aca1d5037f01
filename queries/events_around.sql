-- The selected offices' events of one family nearest to $as_of on one side, at most $limit:
--   $after false: the latest held (not planned) events dated on or before $as_of, newest first. Planned events are
--   never here: a planned date gone by says nothing of what happened;
--   $after true: the next known events, dated after $as_of (announced or, looking back from an earlier $as_of,
--   held), soonest first. A planned event dated on or before $as_of is never "next" (its outcome is unknown:
--   national_headline counts those).
-- Columns as in events.sql (tables.events_table reads them). Params: $offices, $voivodeships, $office_kinds, $search, $size_classes
-- (the office filter: see selected_offices), $as_of, $family, $after, $limit.
-- The nearest events are picked by their row (events.rowid) and only those rows read in full afterwards: carrying every
-- column (quotes, notes) of tens of thousands of events through the ordering cost a third of the CPU at 3,000 offices.
with picked as materialized (
    select e.rowid as event_row
    from events as e
    where e.event_on is not null
        and (case when $after then e.event_on > $as_of::date else not e.is_planned and e.event_on <= $as_of::date end)
        and e.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
    order by case when $after then e.event_on end, case when not $after then e.event_on end desc, e.event_id
    limit $limit
),

picked_events as (
    -- The picked events' rows, fetched by their place in events.
    select e.*
    from events as e
    where e.rowid in (select event_row from picked)
),

concerns as (
    select
        ec.event_id,
        string_agg(c.family || coalesce(':' || s.edition, ''), ', ' order by c.family, s.edition) as standards
    from event_certificates as ec
    inner join certificates as c on c.certificate_id = ec.certificate_id
    left join standards as s on s.standard_id = c.standard_id
    where ec.event_id in (select event_id from picked_events)
    group by ec.event_id
)

select
    e.event_id,
    e.office_id,
    ol.office_label,
    e.kind,
    e.is_planned,
    e.event_on,
    e.event_on_precision,
    coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
    e.event_on_inferred_reason,
    e.event_on_not_before,
    e.event_on_not_after,
    e.findings_status,
    b.short_name as body_short_name,
    cn.standards,
    src.file as source_file,
    e.quote,
    e.note
from picked_events as e
-- The labels and source files of the picked events' offices and sources only: joined whole, the 3,000 labels and
-- 64,000 source ids were read to find five (about 5 ms at 3,000 offices).
inner join (
    select office_id, office_label from office_labels where office_id in (select office_id from picked_events)
) as ol on ol.office_id = e.office_id
inner join (
    select source_id, file from sources where source_id in (select source_id from picked_events)
) as src on src.source_id = e.source_id
left join certification_bodies as b on b.body_id = e.body_id
left join concerns as cn on cn.event_id = e.event_id
order by case when $after then e.event_on end, case when not $after then e.event_on end desc, e.event_id
