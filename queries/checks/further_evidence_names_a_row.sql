-- Further evidence supports a row that exists (a row naming no table or no row is reported as a required field).
with keys as (
    select 'offices' as record_table, office_id as record_id from offices
    union all select 'certificates', certificate_id from certificates
    union all select 'certificate_sites', certificate_id || '/' || site_name from certificate_sites
    union all select 'events', event_id from events
    union all select 'audited_units', event_id || '/' || unit_name from audited_units
    union all select 'findings', finding_id from findings
)
select 'further_evidence' as table_name, fe.evidence_id as record_key, 'record_id' as field,
    '''' || fe.record_id || ''' is not a row of ' || fe.record_table || '.csv' as problem
from further_evidence as fe
where fe.record_table is not null and fe.record_id is not null
    and not exists (select 1 from keys as k where k.record_table = fe.record_table and k.record_id = fe.record_id)
