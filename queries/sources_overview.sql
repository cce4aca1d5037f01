-- One page of the sources (documents first), with where each comes from and how many facts cite it, and how many
-- sources match in all (count_sources). The document's text is not here (source_text gives one).
-- Params: $kind ('document', 'reference'; null: both), the office filter ($offices, $voivodeships, $office_kinds,
-- $search: see selected_offices; it keeps documents about a covered office and documents about no office),
-- $q (words in the title, file name, address or publisher; null: any), $limit and $offset (the page).
-- The counts of citing records are read from source_fact_counts (stored by the build).
with chosen as (
    select s.source_id, s.kind, s.office_id, s.rowid as source_row
    from sources as s
    where ($kind is null or s.kind = $kind)
        and (s.office_id is null
            or s.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)))
        and ($q is null or contains(
            strip_accents(lower(concat_ws(' ', s.title, s.file, s.url, s.publisher))), strip_accents(lower($q))
        ))
),

page as (
    -- Sorted from the chosen rows themselves (not by a second pass over sources), fetched below by row.
    select c.source_id, c.source_row
    from chosen as c
    left join office_order as oo on oo.office_id = c.office_id
    order by c.kind, oo.place_rank nulls first, c.source_id
    limit $limit offset $offset
)

select
    s.source_id,
    s.kind,
    s.file,
    s.url,
    s.title,
    s.publisher,
    s.publisher_type,
    s.office_id,
    ol.office_label,
    s.published_on,
    s.published_on_precision,
    coalesce(s.published_on_is_inferred, false) as published_on_is_inferred,
    s.retrieved_on,
    s.language,
    coalesce(s.is_truncated, false) as is_truncated,
    s.seed_file,
    s.citation,
    s.note,
    s.sha256,
    coalesce(c.count_certificates, 0) as count_certificates,
    coalesce(c.count_events, 0) as count_events,
    coalesce(c.count_findings, 0) as count_findings,
    coalesce(c.count_units, 0) as count_units,
    coalesce(c.count_further_evidence, 0) as count_further_evidence,
    (select count(*) from chosen) as count_sources
from sources as s
left join office_labels as ol on ol.office_id = s.office_id
left join office_order as oo on oo.office_id = s.office_id
left join source_fact_counts as c on c.source_id = s.source_id
where s.rowid in (select source_row from page)
order by s.kind, oo.place_rank nulls first, s.source_id
