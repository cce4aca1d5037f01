-- The $limit selected offices with the most audits and the most praised items in one family (office_evidence_counts):
-- one row per measure and office, rank 1 = most; offices tied with the last one shown share its rank (rank()), and
-- count_tied_beyond says how many more share it but are not shown.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family, $limit.
with chosen as (
    select c.*
    from office_evidence_counts($family) as c
    where c.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
),

long as (
    unpivot chosen on count_audits, count_praised into name measure value value
),

ranked as (
    select
        replace(l.measure, 'count_', '') as measure,
        l.office_id,
        l.value,
        rank() over (partition by l.measure order by l.value desc) as rank,
        row_number() over (partition by l.measure order by l.value desc, o.place collate pl, l.office_id) as position
    from long as l
    inner join offices as o on o.office_id = l.office_id
)

select
    r.measure,
    r.office_id,
    ol.office_label,
    o.office_name,
    o.office_kind,
    o.voivodeship,
    r.value,
    r.rank,
    (
        select count(*)
        from ranked as t
        where t.measure = r.measure and t.rank = r.rank and t.position > $limit
    ) as count_tied_beyond
from ranked as r
inner join offices as o on o.office_id = r.office_id
inner join office_labels as ol on ol.office_id = r.office_id
where r.position <= $limit and r.value > 0
order by r.measure, r.position
