-- One row per year and group of the selected offices: how many held a valid certificate on 31 December (in as_of's
-- year: on as_of), counted from office_status_by_year (schema.sql), so exactly as status_on shows each office then.
-- dimension 'family': one group per standard family (every family, whatever $family); 'office_kind' and
-- 'voivodeship': the office's best status in $family (null: in any family). count_offices: the group's selected
-- offices (for 'family': every selected office), the denominator of share_held.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
with chosen as (
    select o.office_id, o.office_kind, o.voivodeship
    from offices as o
    where o.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
),

statuses as (
    select s.office_id, s.family, s.year, s.status, c.office_kind, c.voivodeship
    from office_status_by_year($as_of, null) as s
    inner join chosen as c on c.office_id = s.office_id
),

years as (
    select distinct year from statuses
),

best as (
    -- One status per office and year in the chosen family (office_status_by_year has one row per office, family and
    -- year: no grouping), or the best across families ($family null).
    select office_id, year, office_kind, voivodeship, status
    from statuses
    where $family is not null and family = $family
    union all
    select office_id, year, any_value(office_kind), any_value(voivodeship), arg_min(status, status_rank(status))
    from statuses
    where $family is null
    group by office_id, year
),

groups as (
    select 'office_kind' as dimension, office_kind as group_code, count(*) as count_offices
    from chosen
    group by office_kind
    union all
    select 'voivodeship', voivodeship, count(*)
    from chosen
    group by voivodeship
),

by_family as (
    select
        'family' as dimension,
        family as group_code,
        year,
        (select count(*) from chosen) as count_offices,
        count(*) filter (where status = 'valid') as count_valid,
        count(*) filter (where status = 'valid_approximate') as count_valid_approximate
    from statuses
    group by family, year
),

best_counted as (
    -- Counted by group and year first, then joined to every group and year on equal keys (a join on an OR of the two
    -- dimensions compared every group with every office's year: most of the CPU at 3,000 offices).
    select
        'office_kind' as dimension,
        office_kind as group_code,
        year,
        count(*) filter (where status = 'valid') as count_valid,
        count(*) filter (where status = 'valid_approximate') as count_valid_approximate
    from best
    group by office_kind, year
    union all
    select
        'voivodeship',
        voivodeship,
        year,
        count(*) filter (where status = 'valid'),
        count(*) filter (where status = 'valid_approximate')
    from best
    group by voivodeship, year
),

by_group as (
    select
        g.dimension,
        g.group_code,
        y.year,
        g.count_offices,
        coalesce(b.count_valid, 0) as count_valid,
        coalesce(b.count_valid_approximate, 0) as count_valid_approximate
    from groups as g
    cross join years as y
    left join best_counted as b on b.dimension = g.dimension and b.group_code = g.group_code and b.year = y.year
),

counted as (
    select * from by_family
    union all
    select * from by_group
)

select
    dimension,
    group_code,
    year,
    count_offices,
    count_valid,
    count_valid_approximate,
    count_valid + count_valid_approximate as count_held,
    case when count_offices > 0 then (count_valid + count_valid_approximate) / count_offices end as share_held
from counted
order by dimension, group_code collate pl, year
