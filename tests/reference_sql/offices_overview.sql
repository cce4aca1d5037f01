-- One row per office: where it is and how much evidence about one standard family the data holds
-- (certificates of the family, events belonging to it, praised items said by auditors concerning it).
-- office_label is how the app names the office everywhere (office_labels).
-- Params: $family (a family, e.g. 'ISO 9001'; null: every family).
-- (The office filter's where clause below was added when offices_overview took the office filter: the same rows.)
with certificate_counts as (
    select office_id, count(*) as count_certificates
    from certificates
    where $family is null or family = $family
    group by office_id
),

family_events as (
    select distinct e.*
    from events as e
    where $family is null or e.event_id in (select event_id from event_families where family = $family)
),

event_counts as (
    select
        office_id,
        count(*) as count_events,
        count(*) filter (where kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
            and not is_planned) as count_audits,
        max(event_on) filter (where not is_planned) as last_event_on
    from family_events
    group by office_id
),

finding_counts as (
    select f.office_id, count(*) as count_praised
    from findings as f
    where f.kind = 'praise' and f.voice = 'auditor'
        and finding_in_family(f.finding_id, f.event_id, $family)
    group by f.office_id
)

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
    coalesce(cc.count_certificates, 0) as count_certificates,
    coalesce(ec.count_events, 0) as count_events,
    coalesce(ec.count_audits, 0) as count_audits,
    coalesce(fc.count_praised, 0) as count_praised,
    ec.last_event_on
from offices as o
inner join office_labels as ol on ol.office_id = o.office_id
left join certificate_counts as cc on cc.office_id = o.office_id
left join event_counts as ec on ec.office_id = o.office_id
left join finding_counts as fc on fc.office_id = o.office_id
where o.office_id in (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
)
order by o.place collate pl, o.office_id
