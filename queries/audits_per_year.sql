-- One row per year: audits held (not planned, not handovers or presentations). Params: $cities (list of city_id).
select year(audit_on) as year, count(*) as count_audits
from audits
where audit_on is not null
    and not is_planned
    and kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
    and list_contains($cities, city_id)
group by year(audit_on)
order by year
