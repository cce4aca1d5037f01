-- One row per standard family of the codebook, with how many certificates the data holds of it;
-- families with certificates first. Params: none.
select
    s.family,
    count(distinct c.certificate_id) as count_certificates
from (select distinct family from standards union select distinct family from certificates) as s
left join certificates as c on c.family = s.family
group by s.family
order by count_certificates desc, s.family
