-- One row: when the database was built, from which data version, and how many documents it rests on; the span of
-- event dates, and of every date (first_dated_on..last_dated_on: events, planned ones too, issues and expiries: an
-- as-of date must reach them all) and the latest evidence (the latest held event or
-- certificate issue, with the precision it is known to: what "data as of" means, apart from the build date). Params: none.
with evidence as (
    select event_on as evidence_on, event_on_precision as precision from events where not is_planned
    union all
    select issued_on, issued_on_precision from certificates
)

select
    (select max(built_at) from build_info) as built_at,
    (select max(data_version) from build_info) as data_version,
    (select count(*) from sources where kind = 'document') as count_documents,
    (select min(event_on) from events) as first_event_on,
    (select max(event_on) from events) as last_event_on,
    least((select min(event_on) from events), (select min(issued_on) from certificates)) as first_dated_on,
    greatest((select max(event_on) from events), (select max(valid_until) from certificates)) as last_dated_on,
    (select max(evidence_on) from evidence) as latest_evidence_on,
    (select arg_max(precision, evidence_on) from evidence) as latest_evidence_precision
