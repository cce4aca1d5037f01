-- One row per office: where it is and how much evidence the data holds about it. Params: none.
with certificate_counts as (
    select city_id, count(*) as count_certificates
    from certificates
    group by city_id
),

event_counts as (
    select
        city_id,
        count(*) as count_events,
        count(*) filter (where kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
            and not is_planned) as count_audits,
        max(audit_on) filter (where not is_planned) as last_event_on
    from audits
    group by city_id
),

finding_counts as (
    select city_id, count(*) filter (where kind = 'praise') as count_praised
    from findings
    group by city_id
)

select
    c.city_id,
    c.name,
    c.office_name,
    c.office_type,
    c.voivodeship,
    c.latitude,
    c.longitude,
    coalesce(cc.count_certificates, 0) as count_certificates,
    coalesce(ec.count_events, 0) as count_events,
    coalesce(ec.count_audits, 0) as count_audits,
    coalesce(fc.count_praised, 0) as count_praised,
    ec.last_event_on
from cities as c
left join certificate_counts as cc on cc.city_id = c.city_id
left join event_counts as ec on ec.city_id = c.city_id
left join finding_counts as fc on fc.city_id = c.city_id
order by c.name collate pl
