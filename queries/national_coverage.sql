-- The register's denominator: per voivodeship and kind of office, how many offices GUS's territorial division says
-- exist (the table terc_units, loaded from an imported data/terc.csv), how many of them the register has (an
-- office whose teryt is that unit's code), and how many of the register's offices of that voivodeship and kind the
-- division cannot place (no teryt, or a code it does not have). A placed office counts under TERC's kind of office
-- (an urban-rural gmina's office is a municipal office whatever it is called); without an imported TERC the first
-- two counts are 0 and every office of the register is unplaced.
-- Params: none.
with units as (
    select teryt, office_kind, voivodeship
    from terc_units
    where office_kind is not null
),

placed as (
    select
        u.voivodeship,
        u.office_kind,
        count(distinct u.teryt) as count_in_terc,
        count(distinct u.teryt) filter (where o.office_id is not null) as count_in_register
    from units as u
    left join offices as o on o.teryt = u.teryt
    group by u.voivodeship, u.office_kind
),

unplaced as (
    select o.voivodeship, o.office_kind, count(*) as count_unplaced
    from offices as o
    where o.teryt is null or o.teryt not in (select teryt from units)
    group by o.voivodeship, o.office_kind
)

select
    coalesce(p.voivodeship, x.voivodeship) as voivodeship,
    coalesce(p.office_kind, x.office_kind) as office_kind,
    coalesce(p.count_in_terc, 0) as count_in_terc,
    coalesce(p.count_in_register, 0) as count_in_register,
    coalesce(x.count_unplaced, 0) as count_unplaced,
    p.count_in_register / nullif(p.count_in_terc, 0) as share_in_register,
    (select max(state_on) from terc_units) as terc_state_on
from placed as p
full join unplaced as x on x.voivodeship = p.voivodeship and x.office_kind = p.office_kind
order by voivodeship collate pl, office_kind
