-- A certificate does not run past the end of its edition's transition period (a renewal to the next edition is
-- a new certificate of the same registration).
select 'certificates' as table_name, c.certificate_id as record_key, 'valid_until' as field,
    'runs past ' || strftime(s.transition_ends_on, '%Y-%m-%d') || ', when certificates to '
    || s.family || ':' || s.edition || ' ceased to be valid: end this certificate by then and record the next '
    || 'edition''s certificate as a new row with the same registration_id (renewals within one edition stay events '
    || 'of one certificate; where the text names no edition, one certificate of unknown edition holds the whole '
    || 'chain: see the guide, Renewal chains and transitions)'
        as problem
from certificates as c
inner join standards as s on s.standard_id = c.standard_id
where c.valid_until > s.transition_ends_on
