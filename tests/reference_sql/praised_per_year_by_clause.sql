-- One row per year and ISO 9001:2015 heading (null: no clause fits): items auditors praised (voice auditor)
-- concerning one standard family (finding_in_family) at events up to $as_of (an event dated to a year or month
-- counts from that period's first day); those of undated events in rows of their own (year null), so a chart's note
-- can count what its years leave out. Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see
-- selected_offices), $family (null: every family), $as_of.
select
    year(e.event_on) as year,
    h.heading_2015 as clause,
    any_value(h.heading_pl) as clause_pl,
    any_value(h.heading_en) as clause_en,
    count(*) as count_praised
from findings as f
inner join events as e on e.event_id = f.event_id
left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
where f.kind = 'praise'
    and f.voice = 'auditor'
    and (e.event_on is null or e.event_on <= $as_of::date)
    and f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and finding_in_family(f.finding_id, e.event_id, $family)
group by year(e.event_on), h.heading_2015
order by year nulls last, clause nulls last
