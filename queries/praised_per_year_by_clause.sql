-- One row per year and ISO 9001:2015 clause (null: no clause fits): praised items of dated events.
-- Params: $cities (list of city_id).
select
    year(a.audit_on) as year,
    f.clause,
    any_value(cl.label_pl) as clause_pl,
    any_value(cl.label_en) as clause_en,
    count(*) as count_praised
from findings as f
inner join audits as a on a.audit_id = f.audit_id
left join clauses as cl on cl.clause = f.clause
where f.kind = 'praise' and a.audit_on is not null and list_contains($cities, f.city_id)
group by year(a.audit_on), f.clause
order by year, f.clause nulls last
