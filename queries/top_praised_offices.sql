-- The offices with the most filtered findings (then by place), at most $limit of them, with how many offices
-- have any (count_offices): the office-by-theme map shows these, never thousands of columns.
-- Params: as findings_filtered, and $limit.
select
    f.office_id,
    any_value(o.place) as place,
    count(*) as count_findings,
    count(*) over () as count_offices
from filtered_findings(
    $offices, $voivodeships, $office_kinds, $search, $kinds, $voices, $year_from, $year_to, $include_undated, $family
) as f
inner join offices as o on o.office_id = f.office_id
group by f.office_id
order by count_findings desc, place collate pl, f.office_id
limit $limit
