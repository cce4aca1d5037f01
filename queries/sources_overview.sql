-- One row per source (documents first), with where it comes from and how many facts cite it. Params: none.
select
    s.source_id,
    s.kind,
    s.file,
    s.url,
    s.title,
    s.publisher,
    s.publisher_type,
    s.office_id,
    o.place,
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
    s.text,
    (select count(*) from certificates as c where c.source_id = s.source_id) as count_certificates,
    (select count(*) from events as e where e.source_id = s.source_id) as count_events,
    (select count(*) from findings as f where f.source_id = s.source_id) as count_findings,
    (select count(*) from audited_units as u where u.source_id = s.source_id) as count_units,
    (select count(*) from evidence as ev where ev.source_id = s.source_id and not ev.is_primary)
        as count_further_evidence
from sources as s
left join offices as o on o.office_id = s.office_id
order by s.kind, o.place collate pl, s.source_id
