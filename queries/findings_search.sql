-- One row per finding whose text, gloss, quote or theme contains every word of $q, Polish diacritics
-- folded ("lodz" finds "Łódź") and word endings ignored past the first five letters ("skargi" finds
-- "skarg"). Params: $q (text), $offices, $voivodeships, $office_kinds, $search (the office filter: see selected_offices).
-- The stored words (finding_words) are tested against the list of stems directly, and the order by place reads
-- office_order's place_group (the Polish collation, computed once by the build).
with words as (
    select list(stem) as stems from search_stems($q)
),

matched as (
    select fw.finding_id
    from finding_words as fw, words as w
    where len(w.stems) > 0 and list_bool_and(list_transform(w.stems, lambda s: contains(fw.haystack, s)))
)

select f.finding_id, f.office_id, o.place, f.event_id, f.kind, f.voice, f.clause_standard_id, f.clause,
    f.theme_id, f.text_pl, f.text_en, f.quote, f.source_id
from matched as m
inner join findings as f on f.finding_id = m.finding_id
inner join offices as o on o.office_id = f.office_id
inner join office_order as oo on oo.office_id = f.office_id
where f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search))
order by oo.place_group, f.finding_id
