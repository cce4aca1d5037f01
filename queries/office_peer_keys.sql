-- One row for one office: what its peer groups are made of (its kind, voivodeship and the size class of its place,
-- 'unknown' when the place's population is not known; see size_class). Params: $office (an office_id).
select
    office_id,
    office_kind,
    voivodeship,
    place_population,
    size_class(place_population) as size_class
from offices
where office_id = $office
