-- One row per measure (certificates, audits, praised: office_evidence_counts in one family) and bin: how many
-- selected offices have a value in [bin_from, bin_to]. Bins are whole numbers, at most about 25 per measure (width
-- the measure's maximum / 25, rounded up), so the chart stays readable at any scale.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family.
with chosen as (
    select c.*
    from office_evidence_counts($family) as c
    where c.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
),

long as (
    unpivot chosen on count_certificates, count_audits, count_praised into name measure value value
),

widths as (
    select measure, greatest(1, ceil(max(value) / 25))::bigint as width
    from long
    group by measure
)

select
    replace(l.measure, 'count_', '') as measure,
    (l.value // w.width) * w.width as bin_from,
    (l.value // w.width) * w.width + w.width - 1 as bin_to,
    count(*) as count_offices
from long as l
inner join widths as w on w.measure = l.measure
group by l.measure, w.width, bin_from, bin_to
order by measure, bin_from
