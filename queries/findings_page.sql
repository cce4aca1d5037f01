-- One page of the filtered findings (as findings_filtered, in the same order), narrowed to the chart elements a
-- user selected and to a search, with how many findings match in all (count_matching): a table shows a page,
-- never hundreds of thousands of rows. Filtered from finding_facts (filtered_facts), which carries each finding's
-- heading, date, families and row in findings.
-- Params: as findings_filtered; $clause_keys and $theme_keys (lists of 'office_id|clause' and 'office_id|theme_id'
-- of the selected bars, office_id '' for every office, clause '' for no clause; both null: no narrowing); $q (the
-- words every match contains, folded as finding_words holds them; without a letter or digit: no search); $limit and
-- $offset.
-- Two ways to the page, one of them planned: "not narrowed" ($clause_keys and $theme_keys null, no word in $q:
-- findings_not_narrowed, on the parameters alone), which DuckDB folds, skipping the other way's scans. Not narrowed,
-- the page is a top-N of the filtered findings and their number a sum of filtered_counts (at 3,000 offices about 35
-- instead of 50 ms); narrowed, every match is collected, then ordered and counted.
with words as (
    select coalesce(list(stem), []) as stems from search_stems($q)
),

matching as materialized (
    (
        -- Narrowed to the chart elements selected and the search: every filtered finding that matches. Only what the
        -- order, the page and the count need is carried (numbers and the finding's id); the columns the narrowing
        -- reads stay in the scan.
        select c.finding_id, c.finding_row, c.event_row, c.place_rank, c.event_on
        from filtered_facts(
            $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to,
            $include_undated, $family
        ) as c
        where not findings_not_narrowed($clause_keys, $theme_keys, $q)
            and ($clause_keys is null and $theme_keys is null
            or list_contains($clause_keys, c.office_id || '|' || coalesce(c.clause::varchar, ''))
            or list_contains($clause_keys, '|' || coalesce(c.clause::varchar, ''))
            or list_contains($theme_keys, c.office_id || '|' || c.theme_id)
            or list_contains($theme_keys, '|' || c.theme_id))
            and ((select len(stems) from words) = 0 or c.finding_id in (
                select fw.finding_id
                from finding_words as fw, words as w
                where len(w.stems) > 0 and list_bool_and(list_transform(w.stems, lambda s: contains(fw.haystack, s)))
            ))
    )
    union all
    (
        -- Not narrowed: the filtered findings up to the page's end only (a top-N, which reads few rows in full).
        select c.finding_id, c.finding_row, c.event_row, c.place_rank, c.event_on
        from filtered_facts(
            $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to,
            $include_undated, $family
        ) as c
        where findings_not_narrowed($clause_keys, $theme_keys, $q)
        order by c.place_rank, c.event_on nulls last, c.finding_id
        limit $limit::bigint + $offset
    )
),

page as (
    select m.finding_id, m.finding_row, m.event_row, m.place_rank
    from matching as m
    order by m.place_rank, m.event_on nulls last, m.finding_id
    limit $limit offset $offset
),

count_matching as (
    -- How many match: what matching collected when narrowed, else every filtered finding (filtered_counts summed).
    select (
        select count(*) from matching
        where not findings_not_narrowed($clause_keys, $theme_keys, $q)
    ) + coalesce((
        select sum(fc.count_findings)::bigint
        from filtered_counts(
            $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to,
            $include_undated, $family
        ) as fc
        where findings_not_narrowed($clause_keys, $theme_keys, $q)
    ), 0) as n
),

per_event as (
    -- The page's events and how many of the filtered findings each has (before the narrowing): filtered_facts read
    -- again for those events only, by their row in events (finding_facts.event_row).
    select f.event_row, count(*) as count_event_findings
    from filtered_facts(
        $offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated,
        $family
    ) as f
    where f.event_row in (select event_row from page)
    group by f.event_row
),

page_events as materialized (
    -- The page's events' rows, fetched by their place in events, with their count. Materialized: the joins below are
    -- then ordered without the filtered findings' scan in the same block (a third less planning at 3,000 offices).
    select e.*, pe.count_event_findings
    from events as e
    inner join per_event as pe on pe.event_row = e.rowid
)

select
    f.finding_id,
    f.event_id,
    f.office_id,
    ol.office_label,
    e.kind as event_kind,
    e.event_on,
    e.event_on_precision,
    coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
    e.event_on_inferred_reason,
    e.event_on_not_before,
    e.event_on_not_after,
    f.kind,
    f.voice,
    h.heading_2015 as clause,
    h.heading_pl as clause_pl,
    h.heading_en as clause_en,
    f.clause_standard_id,
    f.clause as clause_as_coded,
    f.clause_basis,
    f.clause_note,
    f.theme_id,
    t.label_pl as theme_pl,
    t.label_en as theme_en,
    f.text_pl,
    f.text_en,
    f.quote,
    f.source_id,
    src.title as source_title,
    src.file as source_file,
    1.0 / e.count_event_findings as share_of_event,
    (select n from count_matching) as count_matching
from findings as f
inner join page_events as e on e.event_id = f.event_id
inner join office_labels as ol on ol.office_id = f.office_id
inner join page as p on p.finding_row = f.rowid
inner join themes as t on t.theme_id = f.theme_id
inner join sources as src on src.source_id = f.source_id
left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
-- The page's rows of findings fetched by their place in the table (finding_facts.finding_row, joined to the page,
-- which carries the office's place_rank for the order), not by a scan of every finding's text.
order by p.place_rank, e.event_on nulls last, f.finding_id
