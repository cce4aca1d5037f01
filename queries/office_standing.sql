-- One row per measure (certificates, audits, praised: office_evidence_counts in one family) for one office among its
-- peer group (the offices meeting the office filter, the office itself always among them): its value, its rank
-- (1 = most; offices with equal values share a rank), how many offices share that rank (count_tied, itself included),
-- how many peers (count_peers, itself included), its percentile (the share of peers, itself included, with a value
-- no higher than its own, in %), and the group's median, lowest and highest value.
-- Params: $office (an office_id); $offices, $voivodeships, $office_kinds, $search, $size_classes (the peer group as
-- an office filter: see selected_offices; none given: every office); $family (null: every family).
with peers as (
    select c.*
    from office_evidence_counts($family) as c
    where c.office_id = $office
        or c.office_id in (
            select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
        )
),

long as (
    unpivot peers on count_certificates, count_audits, count_praised into name measure value value
),

ranked as (
    select
        replace(measure, 'count_', '') as measure,
        office_id,
        value,
        rank() over (partition by measure order by value desc) as rank,
        count(*) over (partition by measure, value) as count_tied,
        count(*) over (partition by measure) as count_peers,
        100.0 * cume_dist() over (partition by measure order by value) as percentile,
        median(value) over (partition by measure) as peer_median,
        min(value) over (partition by measure) as peer_min,
        max(value) over (partition by measure) as peer_max
    from long
)

select
    r.measure,
    r.value,
    r.rank,
    r.count_tied,
    r.count_peers,
    r.percentile,
    r.peer_median,
    r.peer_min,
    r.peer_max,
    o.office_kind
from ranked as r
inner join offices as o on o.office_id = r.office_id
where r.office_id = $office
order by case r.measure when 'certificates' then 1 when 'audits' then 2 else 3 end
