-- One row per finding whose text, gloss, quote or theme contains every word of $q, Polish diacritics
-- folded ("lodz" finds "Łódź") and word endings ignored past the first five letters ("skargi" finds
-- "skarg"). Params: $q (text), $offices, $voivodeships, $office_kinds, $search (the office filter: see selected_offices).
with words as (
    select stem from search_stems($q)
),

folded as (
    select fw.finding_id, fw.haystack
    from finding_words as fw
    inner join findings as f on f.finding_id = fw.finding_id
    where f.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search))
)

select f.finding_id, f.office_id, o.place, f.event_id, f.kind, f.voice, f.clause_standard_id, f.clause,
    f.theme_id, f.text_pl, f.text_en, f.quote, f.source_id
from folded as fo
inner join findings as f on f.finding_id = fo.finding_id
inner join offices as o on o.office_id = f.office_id
where (select count(*) from words) > 0
    and not exists (select 1 from words as w where not contains(fo.haystack, w.stem))
order by o.place collate pl, f.finding_id
