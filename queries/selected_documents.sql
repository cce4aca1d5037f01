-- The source documents about the selected offices: how many, and the titles of the first $limit (in the order
-- sources_overview lists them: by place, then source_id), for a slide's footer.
-- Params: $offices, $voivodeships, $office_kinds, $search (the office filter: see selected_offices), $limit.
with documents as (
    select
        s.title,
        row_number() over (order by o.place collate pl, s.source_id) as position
    from sources as s
    inner join offices as o on o.office_id = s.office_id
    where s.kind = 'document'
        and s.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search))
)

select
    (select count(*) from documents) as count_documents,
    coalesce((select list(title order by position) from documents where position <= $limit), []) as titles
