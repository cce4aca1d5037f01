-- A document about one office is cited only by that office's certificates and events.
with cited as (
    select 'certificates.csv' as file, certificate_id as record_id, city_id, source_id from certificates
    union all
    select 'audits.csv' as file, audit_id as record_id, city_id, source_id from audits
)
select
    c.file,
    c.record_id,
    'source_id' as field,
    'source ' || s.source_id || ' is about ' || s.city_id || ', not ' || c.city_id as problem
from cited as c
inner join sources as s on s.source_id = c.source_id
where s.city_id is not null and s.city_id <> c.city_id
