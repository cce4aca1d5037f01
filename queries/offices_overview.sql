-- One row per office: where it is and how much evidence about one standard family the data holds
-- (certificates of the family, events belonging to it, praised items said by auditors concerning it).
-- office_label is how the app names the office everywhere (the stored office_labels: its place, with the office's name
-- where another office shares the place).
-- Params: $family (a family, e.g. 'ISO 9001'; null: every family); $offices, $voivodeships, $office_kinds, $search,
-- $size_classes (the office filter, see selected_offices; none given: every office, as the overview asks).
-- The counts are read from office_family_counts (stored by the build), the order from office_order.
select
    o.office_id,
    o.place,
    ol.office_label,
    o.office_name,
    o.office_kind,
    o.teryt,
    o.voivodeship,
    o.latitude,
    o.longitude,
    coalesce(s.count_certificates, 0) as count_certificates,
    coalesce(s.count_events, 0) as count_events,
    coalesce(s.count_audits, 0) as count_audits,
    coalesce(s.count_praised, 0) as count_praised,
    s.last_event_on
from offices as o
inner join office_order as oo on oo.office_id = o.office_id
inner join office_labels as ol on ol.office_id = o.office_id
left join office_family_counts as s on s.office_id = o.office_id and s.family is not distinct from $family
where o.office_id in (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
)
order by oo.place_rank
