-- One row per kind of event: the selected offices' held (not planned) events of one family that have no date, so
-- they stand on no yearly chart (counted and said, never dropped silently).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family.
select e.kind, count(*) as count_events
from events as e
where e.event_on is null
    and not e.is_planned
    and e.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and ($family is null or e.rowid in (select event_row from event_families where family = $family))
group by e.kind
order by count_events desc, e.kind
