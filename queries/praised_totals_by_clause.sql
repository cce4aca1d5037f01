-- One row per ISO 9001:2015 heading (null: no clause fits): items the auditors (voice auditor) praised at the
-- selected offices' events concerning one family (finding_facts.families), dated or not, and at how many offices.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family.
select
    f.clause,
    any_value(f.heading_pl) as clause_pl,
    any_value(f.heading_en) as clause_en,
    count(*) as count_praised,
    count(distinct f.office_id) as count_offices
from finding_facts as f
where f.kind = 'praise'
    and f.voice = 'auditor'
    and f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and ($family is null or list_contains(f.families, $family))
group by f.clause
order by clause nulls last
