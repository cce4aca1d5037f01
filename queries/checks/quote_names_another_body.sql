-- A quote that names a certification body belongs to a row coded with that body.
with quoted as (
    select 'certificates.csv' as file, certificate_id as record_id, body_id, quote from certificates
    union all
    select 'audits.csv' as file, audit_id as record_id, body_id, quote from audits
)
select distinct
    q.file,
    q.record_id,
    'body_id' as field,
    'the quote names ' || al.alias || ' (' || al.body_id || ') but body_id is '
    || coalesce(q.body_id, 'empty') as problem
from quoted as q
inner join body_aliases as al
    on regexp_matches(q.quote, '(^|[^[:alnum:]])' || regexp_escape(al.alias) || '($|[^[:alnum:]])', 'i')
where q.body_id is distinct from al.body_id
