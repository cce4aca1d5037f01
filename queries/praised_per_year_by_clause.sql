-- One row per year and ISO 9001:2015 heading (null: no clause fits): items auditors praised (voice auditor)
-- concerning one standard family (finding_facts.families) at events up to $as_of (an event dated to a year or month
-- counts from that period's first day); those of undated events in rows of their own (year null), so a chart's note
-- can count what its years leave out. Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see
-- selected_offices), $family (null: every family), $as_of.
select
    f.year,
    f.clause,
    any_value(f.heading_pl) as clause_pl,
    any_value(f.heading_en) as clause_en,
    count(*) as count_praised
from finding_facts as f
where f.kind = 'praise'
    and f.voice = 'auditor'
    and (f.event_on is null or f.event_on <= $as_of::date)
    and f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and ($family is null or list_contains(f.families, $family))
group by f.year, f.clause
order by year nulls last, clause nulls last
