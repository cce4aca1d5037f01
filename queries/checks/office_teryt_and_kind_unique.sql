-- An office is one TERYT unit and one kind of office: no two rows share both.
select 'offices' as table_name, office_id as record_key, 'teryt' as field,
    'office ' || first_office || ' has TERYT ' || teryt || ' and kind ' || office_kind || ' already' as problem
from (
    select office_id, teryt, office_kind,
        first_value(office_id) over (partition by teryt, office_kind order by office_id) as first_office
    from offices
    where teryt is not null
)
where office_id <> first_office
