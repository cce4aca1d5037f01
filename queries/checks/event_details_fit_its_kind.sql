-- A surveillance ordinal belongs to a surveillance audit, with the source's words; a count of nonconformities
-- carries the source's words about them.
select 'events' as table_name, event_id as record_key, 'surveillance_ordinal' as field,
    'is given for an event of kind ' || kind || ': only surveillance audits have an ordinal' as problem
from events
where surveillance_ordinal is not null and kind <> 'surveillance'
union all
select 'events', event_id, 'surveillance_ordinal_as_written', 'is required with a surveillance ordinal'
from events
where surveillance_ordinal is not null and surveillance_ordinal_as_written is null
union all
select 'events', event_id, 'nonconformities_as_written',
    'is required with nonconformities_count: the source''s words (e.g. "nie stwierdzono niezgodności")'
from events
where nonconformities_count is not null and nonconformities_as_written is null
