-- One row: data_info's figures for what a view shows (the offices of the office filter, one standard family, up to
-- an as-of date), for its source line and footer: when the database was built, how many source documents the view
-- rests on (selection_documents), and the latest evidence among them up to $as_of (the latest held event or
-- certificate issue of the family, with the precision it is known to).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null:
-- every family), $as_of (null: no bound).
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

e as (
    select max(event_on) as held_on, arg_max(event_on_precision, event_on) as held_precision
    from events
    where office_id in (select office_id from chosen)
        and not is_planned
        and ($family is null or rowid in (select event_row from event_families where family = $family))
        and ($as_of is null or event_on <= $as_of::date)
),

c as (
    select max(issued_on) as issued_on, arg_max(issued_on_precision, issued_on) as issued_precision
    from certificates
    where office_id in (select office_id from chosen)
        and ($family is null or family = $family)
        and ($as_of is null or issued_on <= $as_of::date)
)

select
    (select max(built_at) from build_info) as built_at,
    (
        select count(*) from selection_documents($offices, $voivodeships, $office_kinds, $search, $size_classes, $family)
    ) as count_documents,
    greatest(e.held_on, c.issued_on) as latest_evidence_on,
    case when c.issued_on > e.held_on or e.held_on is null then c.issued_precision else e.held_precision end
        as latest_evidence_precision
from e, c
