-- One row per ISO 9001:2015 heading (null: no clause fits): items the auditors (voice auditor) praised at the
-- selected offices' events concerning one family (finding_in_family), dated or not, and at how many offices.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family.
select
    h.heading_2015 as clause,
    any_value(h.heading_pl) as clause_pl,
    any_value(h.heading_en) as clause_en,
    count(*) as count_praised,
    count(distinct f.office_id) as count_offices
from findings as f
left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
where f.kind = 'praise'
    and f.voice = 'auditor'
    and f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and finding_in_family(f.finding_id, f.event_id, $family)
group by h.heading_2015
order by clause nulls last
