-- A certificate's expiry comes after its issue.
select 'certificates' as table_name, certificate_id as record_key, 'valid_until' as field,
    'is not after issued_on (' || strftime(issued_on, '%Y-%m-%d') || ')' as problem
from certificates
where period_end(valid_until, valid_until_precision) <= issued_on
