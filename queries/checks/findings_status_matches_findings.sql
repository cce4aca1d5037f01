-- An event says findings were reported exactly when findings are curated for it.
with counted as (
    select a.audit_id, a.findings_status, count(f.finding_id) as count_findings
    from audits as a
    left join findings as f on f.audit_id = a.audit_id
    group by all
)
select
    'audits.csv' as file,
    audit_id as record_id,
    'findings_status' as field,
    case
        when count_findings = 0
            then 'says ' || findings_status || ' but no findings in findings.csv point to this event'
        else 'says ' || findings_status || ' but ' || count_findings || ' finding(s) in findings.csv point to it'
    end as problem
from counted
where (findings_status in ('reported', 'reported_partial')) <> (count_findings > 0)
