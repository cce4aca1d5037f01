-- An event belongs to the same office as the certificate it is linked to.
select
    'audits.csv' as file,
    a.audit_id as record_id,
    'certificate_id' as field,
    'certificate ' || c.certificate_id || ' belongs to ' || c.city_id || ', not ' || a.city_id as problem
from audits as a
inner join certificates as c on c.certificate_id = a.certificate_id
where c.city_id <> a.city_id
