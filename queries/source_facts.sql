-- The certificates and events one source states, with the words it gives the standard or the kind of event.
-- Params: $source_id.
select 'certificate' as fact, c.certificate_id as fact_id, c.standard_as_written as stated, null as event_kind
from certificates as c
where c.source_id = $source_id
union all
select 'event', e.event_id, e.event_on_as_written, e.kind
from events as e
where e.source_id = $source_id
order by fact, fact_id
