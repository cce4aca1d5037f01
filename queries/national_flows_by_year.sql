-- One row per year: how the selected offices' certification in one family changed, counted from
-- office_status_by_year (schema.sql) on 31 December (in as_of's year: on as_of). "Held" is valid or valid
-- approximately. count_newly_certified: held now, never at an earlier year's end, and the evidence shows a first
-- certification (a held initial-certification event of the family, or a certificate the source calls the first
-- cycle, in this year or before); count_first_evidence:
-- held now, never at an earlier year's end, with no such event (the data starts here, but the evidence does not
-- say it was the first certification: "the third cycle", "granted again", an issue date alone);
-- count_certified_again: held now, not a year before, but at some earlier year's end; count_lost: held a year
-- before, not now (lapse, expiry or withdrawal); count_recertifications: held (not planned), dated
-- recertification audits of the family that year.
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
with chosen as (
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

statuses as (
    select office_id, year, status
    from office_status_by_year($as_of, $family)
    where office_id in (select office_id from chosen)
),

held as (
    -- Whether each office held a certificate of the family at the year's end: its one row of the family as it is
    -- (office_status_by_year has one row per office, family and year: no grouping), any family's when $family is null.
    select office_id, year, status in ('valid', 'valid_approximate') as is_held
    from statuses
    where $family is not null
    union all
    select office_id, year, bool_or(status in ('valid', 'valid_approximate'))
    from statuses
    where $family is null
    group by office_id, year
),

family_events as (
    -- The selected offices' held, dated initial certifications and recertifications of the family up to $as_of.
    select e.office_id, e.kind, year(e.event_on) as year
    from events as e
    where e.kind in ('initial', 'recertification')
        and not e.is_planned
        and e.event_on is not null
        and e.event_on <= $as_of::date
        and e.office_id in (select office_id from chosen)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
),

first_certified as (
    -- The year each office's first certification of the family is shown: its earliest held initial certification,
    -- or the start of a certificate the source calls the first cycle (cycle_number 1).
    select office_id, min(year) as year
    from (
        select office_id, year from family_events where kind = 'initial'
        union all
        select w.office_id, year(w.window_start_on)
        from certificate_windows as w
        inner join certificates as c on c.certificate_id = w.certificate_id
        where c.cycle_number = 1
            and w.window_start_on <= $as_of::date
            and w.office_id in (select office_id from chosen)
            and ($family is null or w.family = $family)
    )
    group by office_id
),

first_held as (
    -- The first year each office held a certificate of the family: "held at an earlier year's end" is a year after it
    -- (one grouping, not a window over every office's years).
    select office_id, min(year) filter (where is_held) as year
    from held
    group by office_id
),

history as (
    -- office_status_by_year has a row for every year from the first to as_of's for each office it covers, so "a year
    -- before" is the row of year - 1 (a join on the office and a number, not a window sorting every office's years).
    select
        h.office_id,
        h.year,
        h.is_held,
        coalesce(fc.year <= h.year, false) as is_shown_first,
        coalesce(before.is_held, false) as was_held,
        coalesce(fh.year < h.year, false) as held_before
    from held as h
    left join held as before on before.office_id = h.office_id and before.year = h.year - 1
    left join first_certified as fc on fc.office_id = h.office_id
    left join first_held as fh on fh.office_id = h.office_id
),

flows as (
    select
        year,
        count(*) filter (where is_held and not held_before and is_shown_first) as count_newly_certified,
        count(*) filter (where is_held and not held_before and not is_shown_first) as count_first_evidence,
        count(*) filter (where is_held and not was_held and held_before) as count_certified_again,
        count(*) filter (where was_held and not is_held) as count_lost
    from history
    group by year
),

recertifications as (
    select year, count(*) as count_recertifications
    from family_events
    where kind = 'recertification'
    group by year
)

select
    f.year,
    f.count_newly_certified,
    f.count_first_evidence,
    f.count_certified_again,
    f.count_lost,
    coalesce(r.count_recertifications, 0) as count_recertifications
from flows as f
left join recertifications as r on r.year = f.year
order by f.year
