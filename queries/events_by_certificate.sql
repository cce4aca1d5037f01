-- One row per event and certificate it concerns (an event on two certificates gives two rows; an event on
-- none gives one row with certificate_id null), for drawing events on each certificate's row.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null: every family).
select
    e.event_id,
    ec.certificate_id,
    e.office_id,
    ol.office_label,
    e.kind,
    e.is_planned,
    e.event_on,
    e.event_on_precision,
    e.event_on_as_written,
    coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
    e.event_on_inferred_reason,
    e.outcome,
    b.short_name as body_short_name,
    e.quote
from events as e
inner join offices as o on o.office_id = e.office_id
inner join office_labels as ol on ol.office_id = e.office_id
left join event_certificates as ec on ec.event_id = e.event_id
left join certificates as c on c.certificate_id = ec.certificate_id
left join certification_bodies as b on b.body_id = e.body_id
where e.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
    and ($family is null or c.family = $family
        or (ec.certificate_id is null and e.event_id in (select event_id from event_families where family = $family)))
order by o.place collate pl, e.event_on nulls last, e.event_id, ec.certificate_id
