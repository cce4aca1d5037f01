-- A certificate does not run past the end of its edition's transition period.
select
    'certificates.csv' as file,
    c.certificate_id as record_id,
    'valid_until' as field,
    'runs past ' || strftime(s.transition_ends_on, '%Y-%m-%d') || ', when certificates to '
    || s.family || ':' || s.edition || ' ceased to be valid' as problem
from certificates as c
inner join standards as s on s.standard_id = c.standard_id
where c.valid_until > s.transition_ends_on
