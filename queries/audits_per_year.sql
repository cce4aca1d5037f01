-- One row per year: audits held (not planned, not handovers or presentations) of one standard family up to $as_of
-- (an event dated to a year or month counts from that period's first day); undated audits in a row of their own
-- (year null), so a chart's note can count what its years leave out.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null:
-- every family), $as_of.
select year(e.event_on) as year, count(*) as count_audits
from events as e
where not e.is_planned
    and (e.event_on is null or e.event_on <= $as_of::date)
    and e.kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
    and e.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and ($family is null or e.rowid in (select event_row from event_families where family = $family))
group by year(e.event_on)
order by year nulls last
