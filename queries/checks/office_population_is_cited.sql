-- A place's population is a fact from a reference source: the population, the GeoNames place it belongs to and the
-- source come together (all three or none), and the source is a reference, not a document.
select 'offices' as table_name, o.office_id as record_key,
    case
        when o.place_population is null then 'place_population'
        when o.place_geonameid is null then 'place_geonameid'
        else 'population_source_id'
    end as field,
    case
        when o.place_population is null then 'a GeoNames place or population source without a population: fill '
            || 'place_population, or empty all three (python -m cityiso.register.places populations)'
        when o.place_geonameid is null then 'a population without the GeoNames place it counts: fill place_geonameid'
        when o.population_source_id is null then 'a population without its source: fill population_source_id '
            || '(ref-geonames)'
        else 'the population''s source ''' || o.population_source_id || ''' is a ' || s.kind
            || ', not a reference source'
    end as problem
from offices as o
left join sources as s on s.source_id = o.population_source_id
where (o.place_population is null) <> (o.place_geonameid is null)
    or (o.place_population is null) <> (o.population_source_id is null)
    or (o.population_source_id is not null and s.kind <> 'reference')
