-- A planned event has no findings, outcome or nonconformities yet.
select 'events' as table_name, event_id as record_key, 'findings_status' as field,
    'a planned event has no findings yet: use not_applicable' as problem
from events
where is_planned and findings_status not in ('not_applicable', 'not_reported')
union all
select 'events', event_id, 'outcome', 'a planned event has no outcome yet'
from events
where is_planned and outcome is not null and outcome <> 'pending'
