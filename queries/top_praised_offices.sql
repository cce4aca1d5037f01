-- The offices with the most filtered findings (then by place), at most $limit of them, with how many offices
-- have any (count_offices): the office-by-theme map shows these, never thousands of columns; and how many findings
-- pass the other filters but belong to undated events (count_undated_findings, whether $include_undated lets them
-- in or not: a caption says so, so they never vanish without a word).
-- Params: as findings_filtered, and $limit.
-- Counted from finding_counts (filtered_counts): the findings of one event (office, day), kind, voice and families
-- are one row there.
select
    f.office_id,
    any_value(o.office_label) as office_label,
    sum(f.count_findings)::bigint as count_findings,
    count(*) over () as count_offices,
    (
        select coalesce(sum(u.count_findings), 0)::bigint
        from filtered_counts($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, null, null, true, $family)
            as u
    ) as count_undated_findings
from filtered_counts(
    $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family
) as f
inner join office_labels as o on o.office_id = f.office_id
group by f.office_id
order by count_findings desc, office_label collate pl, f.office_id
limit $limit
