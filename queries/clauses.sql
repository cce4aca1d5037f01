-- One row per clause of the codebook, per edition, with the ISO 9001:2015 heading the charts use. Params: none.
select
    c.standard_id,
    s.family || ':' || s.edition as standard,
    c.clause,
    c.heading_2015,
    c.label_pl,
    c.label_en,
    c.definition_pl,
    c.definition_en
from clauses as c
inner join standards as s on s.standard_id = c.standard_id
order by s.family, s.edition, list_transform(string_split(c.clause, '.'), lambda x: x::integer)
