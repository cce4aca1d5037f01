-- One row per certificate of the chosen offices and family, with the dated evidence about it and the
-- windows (loose, sure) in which that evidence shows it valid (certificate_windows in schema.sql).
-- is_open: no definitive end is known (no stated expiry, ending event or transition deadline). holder_kind and
-- holder_as_written: a municipality or county holding it, the office being one of its sites; sites_count: the
-- number of units the text gives for its scope; site_names: the units named (certificate_sites).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null: every family).
-- The evidence counted and the sites named for each certificate are read from certificate_windows (stored by the
-- build), not grouped again from certificate_events and certificate_sites for each call.
select
    ce.certificate_id,
    ce.office_id,
    ol.office_label,
    o.office_name,
    ce.registration_id,
    ce.family,
    ce.standard_as_written,
    ce.standard_id,
    s.edition,
    ce.family || coalesce(':' || s.edition, '') as standard,
    ce.edition_basis,
    ce.edition_reason,
    s.transition_ends_on,
    ce.body_id,
    b.short_name as body_short_name,
    ce.issued_on,
    ce.issued_on_precision,
    ce.issued_on_as_written,
    coalesce(ce.issued_on_is_inferred, false) as issued_on_is_inferred,
    ce.issued_on_inferred_reason,
    ce.issued_on_not_before,
    ce.issued_on_not_after,
    ce.valid_until,
    ce.valid_until_precision,
    ce.valid_until_as_written,
    coalesce(ce.valid_until_is_inferred, false) as valid_until_is_inferred,
    ce.valid_until_inferred_reason,
    ce.validity_years,
    ce.scope,
    ce.holder_kind,
    ce.holder_as_written,
    ce.sites_count,
    w.site_names,
    ce.iqnet,
    ce.cycle_number,
    w.first_event_on,
    w.last_event_on,
    w.count_dated_events,
    w.window_start_on,
    w.window_end_on,
    w.sure_start_on,
    w.sure_end_on,
    w.definitive_end_on,
    w.ended_by,
    w.definitive_end_on is null as is_open,
    w.evidence_ids,
    ce.source_id,
    src.file as source_file,
    ce.quote,
    ce.note
from certificates as ce
inner join offices as o on o.office_id = ce.office_id
inner join office_labels as ol on ol.office_id = ce.office_id
inner join sources as src on src.source_id = ce.source_id
inner join certificate_windows as w on w.certificate_id = ce.certificate_id
left join standards as s on s.standard_id = ce.standard_id
left join certification_bodies as b on b.body_id = ce.body_id
where ce.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)) and ($family is null or ce.family = $family)
order by o.place collate pl, ce.family, coalesce(w.window_start_on, ce.issued_on) nulls last, ce.certificate_id
