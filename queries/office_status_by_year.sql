-- One row per year: one office's status in one family on 31 December (in as_of's year: on as_of), from
-- office_status_by_year (schema.sql); years before its first certificate of the family: no row.
-- Params: $office (an office_id), $as_of, $family (null: its best status in any family).
select year, arg_min(status, status_rank(status)) as status
from office_status_by_year($as_of, $family)
where office_id = $office
group by year
order by year
