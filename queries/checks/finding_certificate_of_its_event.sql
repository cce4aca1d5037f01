-- A finding names only certificates its event concerns (event_certificates).
select 'finding_certificates' as table_name, fc.finding_id || '/' || fc.certificate_id as record_key,
    'certificate_id' as field,
    'certificate ' || fc.certificate_id || ' is not one of the certificates of event ' || f.event_id
        || ' (event_certificates.csv); link the event to it first' as problem
from finding_certificates as fc
inner join findings as f on f.finding_id = fc.finding_id
where not exists (
    select 1 from event_certificates as ec where ec.event_id = f.event_id and ec.certificate_id = fc.certificate_id
)
