-- One row per source (documents first), with how many facts cite it. Params: none.
select
    s.source_id,
    s.kind,
    s.file,
    s.seed_file,
    s.title,
    s.city_id,
    ci.name as city_name,
    s.citation,
    s.note,
    s.sha256,
    s.text,
    (select count(*) from certificates as c where c.source_id = s.source_id) as count_certificates,
    (select count(*) from audits as a where a.source_id = s.source_id) as count_events,
    (select count(*) from findings as f where f.source_id = s.source_id) as count_findings,
    (select count(*) from audited_units as u where u.source_id = s.source_id) as count_units
from sources as s
left join cities as ci on ci.city_id = s.city_id
order by s.kind, ci.name collate pl, s.source_id
