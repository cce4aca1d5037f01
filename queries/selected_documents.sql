-- The source documents behind what a view shows of the selected offices in one standard family
-- (selection_documents, as selection_info counts them): how many, and the titles of the first $limit (by the
-- office's place, then source_id), for a slide's footer.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null:
-- every family), $limit.
-- The offices' places are ranked once (equal places share a rank, so their documents stay in source_id order) and only
-- the first $limit documents sorted by them: a Polish-collated sort of every document cost half the CPU at 3,000 offices.
with documents as (
    select d.source_id, d.title, d.office_id
    from selection_documents($offices, $voivodeships, $office_kinds, $search, $size_classes, $family) as d
),

places as (
    select office_id, dense_rank() over (order by place collate pl) as place_order
    from offices
),

first_documents as (
    select d.title, p.place_order, d.source_id
    from documents as d
    left join places as p on p.office_id = d.office_id
    order by p.place_order, d.source_id
    limit greatest(coalesce($limit, 0), 0)
)

select
    (select count(*) from documents) as count_documents,
    coalesce((select list(title order by place_order, source_id) from first_documents), []) as titles
