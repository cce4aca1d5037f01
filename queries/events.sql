-- One row per event (audit, handover, planned audit, lapse, ...) of the chosen offices and family, with
-- the certificates it concerns. A planned event keeps its kind (is_planned says it was announced).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null: every family).
-- The chosen events' rows are fetched by their place in events (events.rowid; the built file never changes), not by a
-- scan of every event's text.
with chosen as (
    select e.event_id, e.rowid as event_row
    from events as e
    where e.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
),

concerns as (
    select
        ec.event_id,
        list(ec.certificate_id order by ec.certificate_id) as certificate_ids,
        string_agg(c.family || coalesce(':' || s.edition, ''), ', ' order by c.family, s.edition) as standards
    from event_certificates as ec
    inner join certificates as c on c.certificate_id = ec.certificate_id
    left join standards as s on s.standard_id = c.standard_id
    where ec.event_id in (select event_id from chosen)
    group by ec.event_id
),

finding_counts as (
    select f.event_id, count(*) as count_findings
    from findings as f
    -- A finding's office_id is its event's (the build sets it): the office filter first narrows the findings cheaply.
    where f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
        and f.event_id in (select event_id from chosen)
    group by f.event_id
)

select
    e.event_id,
    e.office_id,
    ol.office_label,
    e.kind,
    e.is_planned,
    e.surveillance_ordinal,
    e.event_on,
    e.event_on_precision,
    e.event_on_as_written,
    coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
    e.event_on_inferred_reason,
    e.event_on_not_before,
    e.event_on_not_after,
    e.units_audited,
    e.outcome,
    e.findings_status,
    e.nonconformities_count,
    b.short_name as body_short_name,
    coalesce(cn.certificate_ids, []) as certificate_ids,
    cn.standards,
    e.source_id,
    src.file as source_file,
    e.quote,
    e.note,
    coalesce(fc.count_findings, 0) as count_findings
from events as e
inner join offices as o on o.office_id = e.office_id
inner join office_labels as ol on ol.office_id = e.office_id
inner join sources as src on src.source_id = e.source_id
left join certification_bodies as b on b.body_id = e.body_id
left join concerns as cn on cn.event_id = e.event_id
left join finding_counts as fc on fc.event_id = e.event_id
where e.rowid in (select event_row from chosen)
order by o.place collate pl, e.event_on nulls last, e.event_id
