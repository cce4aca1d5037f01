-- One page of the offices a view covers, those with the most events of the family first (then by place), with
-- how many offices the filter covers in all: a timeline or a table shows a page, never thousands of rows.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices),
-- $family (null: every family), $limit and $offset (the page).
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

family_events as (
    select e.office_id, count(*) as count_events
    from events as e
    where e.office_id in (select office_id from chosen)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
    group by e.office_id
)

select
    o.office_id,
    ol.office_label,
    coalesce(fe.count_events, 0) as count_events,
    count(*) over () as count_offices
from offices as o
inner join office_labels as ol on ol.office_id = o.office_id
left join family_events as fe on fe.office_id = o.office_id
where o.office_id in (select office_id from chosen)
order by count_events desc, o.place collate pl, o.office_id
limit $limit offset $offset
