-- An event says findings were reported exactly when findings are curated for it; "none found" means the source
-- says there were none, so no nonconformity is curated for it.
with counted as (
    select
        e.event_id,
        e.findings_status,
        count(f.finding_id) as count_findings
    from events as e
    left join findings as f on f.event_id = e.event_id
    group by e.event_id, e.findings_status
)
select 'events' as table_name, event_id as record_key, 'findings_status' as field,
    case
        when count_findings = 0 then 'says ' || findings_status || ' but no findings in findings.csv point to this event'
        else 'says ' || findings_status || ' but ' || count_findings || ' finding(s) in findings.csv point to it'
    end as problem
from counted
where (findings_status in ('reported', 'reported_partial')) <> (count_findings > 0)
