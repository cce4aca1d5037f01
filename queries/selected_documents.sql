-- The source documents about the selected offices: how many, and the titles of the first $limit (in the order
-- sources_overview lists them), for a slide's footer.
-- Params: $offices, $voivodeships, $office_kinds, $search (the office filter: see selected_offices), $limit.
with documents as (
    select s.source_id, s.title, row_number() over () as position
    from sources as s
    where s.kind = 'document'
        and s.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search))
)

select
    (select count(*) from documents) as count_documents,
    coalesce((select list(title order by position) from documents where position <= $limit), []) as titles
