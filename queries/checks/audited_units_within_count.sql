-- An event names no more audited units than the count it gives.
select
    'audits.csv' as file,
    a.audit_id as record_id,
    'units_audited' as field,
    'is ' || a.units_audited || ' but audited_units.csv names ' || count(*) || ' units' as problem
from audits as a
inner join audited_units as u on u.audit_id = a.audit_id
group by a.audit_id, a.units_audited
having count(*) > a.units_audited
