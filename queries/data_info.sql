-- One row: when the database was built, from which data version, and how many documents it rests on. Params: none.
select
    (select max(built_at) from build_info) as built_at,
    (select max(data_version) from build_info) as data_version,
    (select count(*) from sources where kind = 'document') as count_documents,
    (select min(event_on) from events) as first_event_on,
    (select max(event_on) from events) as last_event_on
