-- One row per event (audit, handover, planned audit, ...) of the chosen offices. Params: $cities (list of city_id).
select
    a.audit_id,
    a.city_id,
    ci.name as city_name,
    a.certificate_id,
    a.kind,
    a.audit_on,
    a.audit_on_precision,
    a.audit_on_as_written,
    a.is_inferred,
    a.audit_on_inferred_reason,
    a.is_planned,
    a.units_audited,
    a.outcome,
    a.findings_status,
    b.short_name as body_short_name,
    s.family || ':' || s.edition as standard,
    a.source_id,
    src.file as source_file,
    a.quote,
    a.note,
    (select count(*) from findings as f where f.audit_id = a.audit_id) as count_findings
from audits as a
inner join cities as ci on ci.city_id = a.city_id
inner join sources as src on src.source_id = a.source_id
left join certification_bodies as b on b.body_id = a.body_id
left join certificates as ce on ce.certificate_id = a.certificate_id
left join standards as s on s.standard_id = ce.standard_id
where list_contains($cities, a.city_id)
order by ci.name collate pl, a.audit_on nulls last, a.audit_id
