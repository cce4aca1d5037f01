-- The selected offices, by place, at most $limit: enough to tell a few chosen offices (one slide each) from a large
-- selection (a summary). Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (see selected_offices), $limit.
select o.office_id, ol.office_label, o.office_name
from offices as o
inner join office_labels as ol on ol.office_id = o.office_id
where o.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
order by o.place collate pl, o.office_id
limit $limit
