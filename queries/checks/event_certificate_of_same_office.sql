-- An event concerns only certificates of its own office.
select 'event_certificates' as table_name, ec.event_id || '/' || ec.certificate_id as record_key,
    'certificate_id' as field,
    'certificate ' || c.certificate_id || ' belongs to ' || c.office_id || ', not ' || e.office_id as problem
from event_certificates as ec
inner join events as e on e.event_id = ec.event_id
inner join certificates as c on c.certificate_id = ec.certificate_id
where c.office_id <> e.office_id
