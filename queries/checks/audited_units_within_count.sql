-- An event names no more audited units than the count it gives.
select 'events' as table_name, e.event_id as record_key, 'units_audited' as field,
    'is ' || e.units_audited || ' but audited_units.csv names ' || count(*) || ' units' as problem
from events as e
inner join audited_units as u on u.event_id = e.event_id
group by e.event_id, e.units_audited
having count(*) > e.units_audited
