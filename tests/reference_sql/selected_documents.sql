-- The source documents behind what a view shows of the selected offices in one standard family
-- (selection_documents, as selection_info counts them): how many, and the titles of the first $limit (by the
-- office's place, then source_id), for a slide's footer.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null:
-- every family), $limit.
with documents as (
    select
        d.title,
        row_number() over (order by o.place collate pl, d.source_id) as position
    from selection_documents($offices, $voivodeships, $office_kinds, $search, $size_classes, $family) as d
    left join offices as o on o.office_id = d.office_id
)

select
    (select count(*) from documents) as count_documents,
    coalesce((select list(title order by position) from documents where position <= $limit), []) as titles
