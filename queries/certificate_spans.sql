-- One row per certificate of the chosen offices, with the dated evidence about it and the windows
-- (loose, sure) in which that evidence shows it valid (see certificate_windows in schema.sql). Params: $cities (list of city_id).
with evidence as (
    select
        certificate_id,
        min(audit_on) filter (where not is_planned) as first_event_on,
        max(audit_on) filter (where not is_planned) as last_event_on,
        count(*) filter (where audit_on is not null and not is_planned) as count_dated_events
    from audits
    where certificate_id is not null
    group by certificate_id
)

select
    ce.certificate_id,
    ce.city_id,
    ci.name as city_name,
    ce.standard_as_written,
    ce.standard_id,
    s.family,
    s.edition,
    ce.standard_is_inferred,
    s.transition_ends_on,
    ce.body_id,
    b.short_name as body_short_name,
    ce.issued_on,
    ce.issued_on_precision,
    ce.issued_on_as_written,
    ce.issued_on_is_inferred,
    ce.valid_until,
    ce.valid_until_precision,
    ce.valid_until_as_written,
    ce.valid_until_is_inferred,
    ce.validity_years,
    ce.scope,
    ce.iqnet,
    ce.cycle_number,
    ev.first_event_on,
    ev.last_event_on,
    coalesce(ev.count_dated_events, 0) as count_dated_events,
    w.loose_start_on,
    w.loose_end_on,
    w.sure_start_on,
    w.sure_end_on,
    w.definitive_end_on,
    ce.source_id,
    src.file as source_file,
    ce.quote,
    ce.note
from certificates as ce
inner join cities as ci on ci.city_id = ce.city_id
inner join standards as s on s.standard_id = ce.standard_id
inner join sources as src on src.source_id = ce.source_id
left join certification_bodies as b on b.body_id = ce.body_id
left join evidence as ev on ev.certificate_id = ce.certificate_id
left join certificate_windows as w on w.certificate_id = ce.certificate_id
where list_contains($cities, ce.city_id)
order by ci.name collate pl, coalesce(ce.issued_on, ev.first_event_on) nulls last, ce.certificate_id
