-- One row per certificate of the chosen offices and family, with the dated evidence about it and the
-- windows (loose, sure) in which that evidence shows it valid (certificate_windows in schema.sql).
-- is_open: no definitive end is known (no stated expiry, ending event or transition deadline). holder_kind and
-- holder_as_written: a municipality or county holding it, the office being one of its sites; sites_count: the
-- number of units the text gives for its scope; site_names: the units named (certificate_sites).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $family (null: every family).
-- Read from certificate_facts (stored by the build: each certificate with its office's label, its standard, body and
-- windows), not joined from five tables for every certificate of the country; the source files of the certificates
-- picked only.
with picked as materialized (
    select *
    from certificate_facts as ce
    where ce.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)) and ($family is null or ce.family = $family)
)

select ce.* exclude (office_place, quote, note), src.file as source_file, ce.quote, ce.note
from picked as ce
inner join (
    select source_id, file from sources where source_id in (select source_id from picked)
) as src on src.source_id = ce.source_id
order by ce.office_place collate pl, ce.family, coalesce(ce.window_start_on, ce.issued_on) nulls last, ce.certificate_id
