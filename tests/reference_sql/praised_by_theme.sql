-- One row per office and theme among the filtered findings; share_of_events as in praised_by_clause.
-- Params: as findings_filtered, and $grouped: true sums every office into one row per theme (office_id '').
with chosen as (
    select
        f.finding_id,
        f.event_id,
        case when $grouped then '' else f.office_id end as office_id,
        f.theme_id,
        count(*) over (partition by f.event_id) as count_event_findings
    from filtered_findings($offices, $voivodeships, $office_kinds, $search, $size_classes, $kinds, $voices, $year_from, $year_to, $include_undated, $family) as f
),

events_per_office as (
    select office_id, count(distinct event_id) as count_events
    from chosen
    group by office_id
)

select
    c.office_id,
    any_value(o.office_label) as office_label,
    c.theme_id,
    any_value(t.label_pl) as theme_pl,
    any_value(t.label_en) as theme_en,
    count(*) as count_findings,
    sum(1.0 / c.count_event_findings) / any_value(e.count_events) as share_of_events
from chosen as c
inner join events_per_office as e on e.office_id = c.office_id
left join office_labels as o on o.office_id = c.office_id
inner join themes as t on t.theme_id = c.theme_id
group by c.office_id, c.theme_id
order by c.office_id, c.theme_id
