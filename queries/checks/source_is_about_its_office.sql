-- A document about one office is cited only by that office's rows.
with cited as (
    select 'certificates' as table_name, certificate_id as record_key, office_id, source_id from certificates
    union all
    select 'events', event_id, office_id, source_id from events
    union all
    select 'findings', finding_id, office_id, source_id from findings
    union all
    select 'offices', office_id, office_id, source_id from offices
)
select c.table_name, c.record_key, 'source_id' as field,
    'source ' || s.source_id || ' is about ' || s.office_id || ', not ' || c.office_id as problem
from cited as c
inner join sources as s on s.source_id = c.source_id
where s.office_id is not null and s.office_id <> c.office_id
