-- One row per voivodeship that has selected offices or, where GUS's TERC is imported (the table terc_units), offices
-- of the selected kinds: the selected offices counted by their status on $as_of in one family (each office's best
-- status, as office_status_on_date ranks them; no certificate of the family: no_evidence, which says we hold no
-- document, not that the office is not certified), and TERC's denominator.
-- count_in_terc: the offices of the selected kinds (the units TERC gives an office) TERC lists in the voivodeship;
-- count_in_terc_unrecorded: of them, those no office of the register stands for (none has the unit's teryt), about
-- which we hold no document at all. Both are null when no TERC is imported (terc_state_on null too) or when the
-- selection names offices, searches by name or picks size classes (TERC's count is then no denominator of it: TERC
-- gives no population).
-- Params: $offices, $voivodeships, $office_kinds, $search, $size_classes (the office filter: see selected_offices), $as_of, $family.
with ranked as (
    select
        s.office_id,
        s.status,
        row_number() over (
            partition by s.office_id
            order by speaking_order(s.status, s.window_start_on, s.window_end_on, $as_of), s.certificate_id
        ) as rank
    from status_on($as_of, $family) as s
),

statuses as (
    select o.office_id, o.voivodeship, coalesce(r.status, 'no_evidence') as status
    from offices as o
    left join ranked as r on r.office_id = o.office_id and r.rank = 1
    where o.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
),

by_status as (
    select
        voivodeship,
        count(*) as count_offices,
        count(*) filter (where status = 'valid') as count_valid,
        count(*) filter (where status = 'valid_approximate') as count_valid_approximate,
        count(*) filter (where status = 'suspended') as count_suspended,
        count(*) filter (where status = 'expired') as count_expired,
        count(*) filter (where status = 'lapsed') as count_lapsed,
        count(*) filter (where status = 'withdrawn') as count_withdrawn,
        count(*) filter (where status = 'no_evidence') as count_no_evidence
    from statuses
    group by voivodeship
),

terc_state as (
    -- TERC's state, and whether its count is a denominator of the selection at all: not of offices chosen by name,
    -- by search or by population (TERC knows neither).
    select
        max(state_on) as terc_state_on,
        $offices is null and $search is null and $size_classes is null as terc_applies
    from terc_units
),

terc_offices as (
    -- TERC's units that have an office, of the selection's kinds and voivodeships; none for a selection by name.
    select u.voivodeship, u.teryt
    from terc_units as u
    where u.office_kind is not null
        and (select terc_applies from terc_state)
        and ($office_kinds is null or list_contains($office_kinds, u.office_kind))
        and ($voivodeships is null or list_contains($voivodeships, u.voivodeship))
),

by_terc as (
    select
        t.voivodeship,
        count(*) as count_in_terc,
        count(*) filter (where t.teryt not in (select o.teryt from offices as o where o.teryt is not null))
            as count_in_terc_unrecorded
    from terc_offices as t
    group by t.voivodeship
)

select
    coalesce(s.voivodeship, t.voivodeship) as voivodeship,
    coalesce(s.count_offices, 0) as count_offices,
    coalesce(s.count_valid, 0) as count_valid,
    coalesce(s.count_valid_approximate, 0) as count_valid_approximate,
    coalesce(s.count_suspended, 0) as count_suspended,
    coalesce(s.count_expired, 0) as count_expired,
    coalesce(s.count_lapsed, 0) as count_lapsed,
    coalesce(s.count_withdrawn, 0) as count_withdrawn,
    coalesce(s.count_no_evidence, 0) as count_no_evidence,
    case when ts.terc_state_on is not null and ts.terc_applies
        then coalesce(t.count_in_terc, 0) end as count_in_terc,
    case when ts.terc_state_on is not null and ts.terc_applies
        then coalesce(t.count_in_terc_unrecorded, 0) end as count_in_terc_unrecorded,
    ts.terc_state_on
from by_status as s
full join by_terc as t on t.voivodeship = s.voivodeship
cross join terc_state as ts
order by voivodeship collate pl
