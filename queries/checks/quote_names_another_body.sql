-- A quote that names a certification body belongs to a row coded with that body.
with quoted as (
    -- Each quote lower-cased once: inside the join's condition it was lower-cased once per alias.
    select 'certificates' as table_name, certificate_id as record_key, body_id, quote, lower(quote) as lowered
    from certificates
    union all
    select 'events', event_id, body_id, quote, lower(quote) from events
),

aliases as (
    select alias, body_id, lower(alias) as lowered from body_aliases
),

candidates as (
    -- A plain substring test first; the word-boundary test runs only on the few rows it lets through.
    select q.table_name, q.record_key, q.body_id, q.quote, al.alias, al.body_id as named_body_id
    from quoted as q
    inner join aliases as al on contains(q.lowered, al.lowered)
    where q.body_id is distinct from al.body_id
)

select distinct c.table_name, c.record_key, 'body_id' as field,
    'the quote names ' || c.alias || ' (' || c.named_body_id || ') but body_id is ' || coalesce(c.body_id, 'empty')
        as problem
from candidates as c
where regexp_matches(c.quote, '(^|[^[:alnum:]])' || regexp_escape(c.alias) || '($|[^[:alnum:]])', 'i')
