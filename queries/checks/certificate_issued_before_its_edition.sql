-- A certificate is not issued before its edition of the standard was published.
select 'certificates' as table_name, c.certificate_id as record_key, 'issued_on' as field,
    'is before ' || s.family || ':' || s.edition || ' was published (' || strftime(s.published_on, '%Y-%m') || ')'
        as problem
from certificates as c
inner join standards as s on s.standard_id = c.standard_id
where period_end(c.issued_on, c.issued_on_precision) < s.published_on
