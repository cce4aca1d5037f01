-- One row per measure (certificates, audits, praised: office_evidence_counts in one family) for one office among the
-- offices of its kind: its value, its rank (1 = most; offices with equal values share a rank), how many offices share
-- that rank (count_tied, itself included), how many peers, and its percentile (the share of peers, itself included,
-- with a value no higher than its own, in %).
-- Params: $office (an office_id), $family (null: every family).
with peers as (
    select c.*
    from office_evidence_counts($family) as c
    inner join offices as o on o.office_id = c.office_id
    where o.office_kind = (select office_kind from offices where office_id = $office)
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
        median(value) over (partition by measure) as peer_median
    from long
)

select r.measure, r.value, r.rank, r.count_tied, r.count_peers, r.percentile, r.peer_median, o.office_kind
from ranked as r
inner join offices as o on o.office_id = r.office_id
where r.office_id = $office
order by case r.measure when 'certificates' then 1 when 'audits' then 2 else 3 end
