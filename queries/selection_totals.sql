-- The evidence about one standard family the data holds for the selected offices, summed: how many offices, and
-- their certificates, events and praised items (the deck's title slide for a few offices). The per-office counts
-- are those of offices_overview (office_family_counts, stored by the build).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (see selected_offices),
-- $family (null: every family).
select
    count(*) as count_offices,
    coalesce(sum(s.count_certificates), 0)::bigint as count_certificates,
    coalesce(sum(s.count_events), 0)::bigint as count_events,
    coalesce(sum(s.count_audits), 0)::bigint as count_audits,
    coalesce(sum(s.count_praised), 0)::bigint as count_praised
from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes) as o
left join office_family_counts as s on s.office_id = o.office_id and s.family is not distinct from $family
