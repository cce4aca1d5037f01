-- One row per finding that passes the filters, with the share it carries of its event's findings.
-- clause is the ISO 9001:2015 heading (4-10) of the clause as coded (clause_standard_id, clause_as_coded).
-- Params: the office filter ($offices, $voivodeships, $office_kinds, $search, $size_classes: see selected_offices); $kinds, $voices (lists of codes); $year_from, $year_to (integers; undated events pass
-- only when $include_undated is true); $family (the events' standard family; null: every family).
-- The filtered findings are chosen from finding_facts (filtered_facts: the same filters, same meaning as
-- filtered_findings) and their rows fetched by their place in findings (finding_facts.finding_row), not by a scan of
-- every finding's text.
with chosen as (
    select f.finding_row, f.event_id, f.event_row
    from filtered_facts(
        $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated,
        $family
    ) as f
),

per_event as (
    select event_id, count(*) as count_event_findings
    from chosen
    group by event_id
),

chosen_events as (
    -- The chosen findings' events, fetched by their place in events (finding_facts.event_row), not by joining every
    -- event of the country on its text id.
    select e.event_id, e.event_on, e.event_on_precision, e.event_on_is_inferred, e.event_on_inferred_reason,
        e.event_on_not_before, e.event_on_not_after, e.kind
    from events as e
    where e.rowid in (select event_row from chosen)
),

picked as (
    select
        f.*,
        e.event_on,
        e.event_on_precision,
        coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
        e.event_on_inferred_reason,
        e.event_on_not_before,
        e.event_on_not_after,
        e.kind as event_kind
    from findings as f
    inner join chosen_events as e on e.event_id = f.event_id
    where f.rowid in (select finding_row from chosen)
)

select
    c.finding_id,
    c.event_id,
    c.office_id,
    ol.office_label,
    c.event_kind,
    c.event_on,
    c.event_on_precision,
    c.event_on_is_inferred,
    c.event_on_inferred_reason,
    c.event_on_not_before,
    c.event_on_not_after,
    c.kind,
    c.voice,
    h.heading_2015 as clause,
    h.heading_pl as clause_pl,
    h.heading_en as clause_en,
    c.clause_standard_id,
    c.clause as clause_as_coded,
    c.clause_basis,
    c.clause_note,
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
from picked as c
inner join per_event as pe on pe.event_id = c.event_id
inner join offices as o on o.office_id = c.office_id
inner join office_labels as ol on ol.office_id = c.office_id
inner join themes as t on t.theme_id = c.theme_id
inner join sources as src on src.source_id = c.source_id
left join clause_headings as h on h.standard_id = c.clause_standard_id and h.clause = c.clause
order by o.place collate pl, c.event_on nulls last, c.finding_id
