-- One row: when the database was built and how many documents it rests on. Params: none.
select
    (select max(built_at) from build_info) as built_at,
    (select count(*) from sources where kind = 'document') as count_documents,
    (select min(audit_on) from audits) as first_event_on,
    (select max(audit_on) from audits) as last_event_on
