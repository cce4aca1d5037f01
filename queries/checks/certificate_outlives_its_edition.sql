-- A certificate does not run past the end of its edition's transition period (a renewal to the next edition is
-- a new certificate of the same registration).
select 'certificates' as table_name, c.certificate_id as record_key, 'valid_until' as field,
    'runs past ' || strftime(s.transition_ends_on, '%Y-%m-%d') || ', when certificates to '
    || s.family || ':' || s.edition || ' ceased to be valid: record the renewal as a new certificate with the same registration_id'
        as problem
from certificates as c
inner join standards as s on s.standard_id = c.standard_id
where c.valid_until > s.transition_ends_on
