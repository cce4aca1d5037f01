-- A certificate is not issued before its edition of the standard was published.
with issued as (
    select
        certificate_id,
        standard_id,
        period_end(issued_on, issued_on_precision) as issued_by
    from certificates
    where issued_on is not null
)
select
    'certificates.csv' as file,
    i.certificate_id as record_id,
    'issued_on' as field,
    'is before ' || s.family || ':' || s.edition || ' was published ('
    || strftime(s.published_on, '%Y-%m') || ')' as problem
from issued as i
inner join standards as s on s.standard_id = i.standard_id
where i.issued_by < s.published_on
