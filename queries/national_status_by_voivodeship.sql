-- One row per voivodeship and status of the selected offices on $as_of in one family (each office's best status, as
-- office_status_on_date ranks them; no certificate of the family: no_evidence), placed at the voivodeship's centroid:
-- the mean latitude and longitude of all its offices in the data (no geography of our own).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
with ranked as (
    select
        s.office_id,
        s.status,
        row_number() over (
            partition by s.office_id
            order by status_rank(s.status), s.window_end_on desc nulls last, s.certificate_id
        ) as rank
    from status_on($as_of, $family) as s
),

statuses as (
    select o.office_id, o.voivodeship, coalesce(r.status, 'no_evidence') as status
    from offices as o
    left join ranked as r on r.office_id = o.office_id and r.rank = 1
    where o.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
),

centroids as (
    select voivodeship, avg(latitude) as latitude, avg(longitude) as longitude
    from offices
    where latitude is not null and longitude is not null
    group by voivodeship
)

select
    s.voivodeship,
    s.status,
    count(*) as count_offices,
    sum(count(*)) over (partition by s.voivodeship) as count_offices_in_voivodeship,
    c.latitude,
    c.longitude
from statuses as s
left join centroids as c on c.voivodeship = s.voivodeship
group by s.voivodeship, s.status, c.latitude, c.longitude
order by s.voivodeship collate pl, status_rank(s.status), s.status
