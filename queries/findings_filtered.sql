-- One row per finding that passes the filters, with the share it carries of its event's findings.
-- Params: $cities, $kinds, $voices (lists of codes); $year_from, $year_to (integers; undated events pass
-- only when $include_undated is true).
with chosen as (
    select f.*, a.audit_on, a.audit_on_precision, a.is_inferred as audit_on_is_inferred, a.kind as event_kind
    from findings as f
    inner join audits as a on a.audit_id = f.audit_id
    where list_contains($cities, f.city_id)
        and list_contains($kinds, f.kind)
        and list_contains($voices, f.voice)
        and (
            (a.audit_on is null and $include_undated)
            or year(a.audit_on) between $year_from and $year_to
        )
),

per_event as (
    select audit_id, count(*) as count_event_findings
    from chosen
    group by audit_id
)

select
    c.finding_id,
    c.audit_id,
    c.city_id,
    ci.name as city_name,
    c.event_kind,
    c.audit_on,
    c.audit_on_precision,
    c.audit_on_is_inferred,
    c.kind,
    c.voice,
    c.clause,
    cl.label_pl as clause_pl,
    cl.label_en as clause_en,
    c.clause_basis,
    c.theme_id,
    t.label_pl as theme_pl,
    t.label_en as theme_en,
    c.text_pl,
    c.text_en,
    c.quote,
    c.source_id,
    src.title as source_title,
    src.file as source_file,
    1.0 / pe.count_event_findings as share_of_event
from chosen as c
inner join per_event as pe on pe.audit_id = c.audit_id
inner join cities as ci on ci.city_id = c.city_id
inner join themes as t on t.theme_id = c.theme_id
inner join sources as src on src.source_id = c.source_id
left join clauses as cl on cl.clause = c.clause
order by ci.name collate pl, c.audit_on nulls last, c.finding_id
