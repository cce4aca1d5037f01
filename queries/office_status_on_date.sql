-- One row per office: its status on $as_of for one standard family, that of the certificate of the family that speaks
-- for it first (speaking_order, queries/schema.sql: valid > valid_approximate > suspended > the rest by their latest
-- evidence, so an ended predecessor never hides its successor); an office without a certificate of the family:
-- no_evidence.
-- latest_evidence_on: the latest dated evidence on or before $as_of of the certification the status comes from (a
-- held event on, or the issue of, that certificate or another of its registration; an event tied to no certificate
-- counts where the office holds only that one certification of the family, or none), so a reader sees how old the
-- evidence behind a status is (precision: its precision; where pieces of evidence share that day, the broadest:
-- a date known only to its year may fall anywhere in that year, so no finer date is claimed for it). ended_on and end_reason: when and why the certificate
-- the status comes from ended (certificate_windows: 'event', 'stated_expiry', 'transition_deadline'; null: no
-- definitive end known). Every column of a row comes from one certification.
-- Params: $as_of (a date), $family (e.g. 'ISO 9001'; null: every family), and the office filter ($offices,
-- $voivodeships, $office_kinds, $search, $size_classes: see selected_offices; none given: every office).
with picked as materialized (
    -- The offices asked for, first: every step below reads only their certificates and events (a page of 10 or 50
    -- offices, or one office, is what the pages ask for; not the whole country's certificates filtered at the end).
    select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes)
),

statuses as materialized (
    -- Every certificate's status at the offices asked for, with its list of evidence (carried here, not read again
    -- from certificate_windows for the chosen ones: one scan and one join fewer, a tenth less CPU at 3,000 offices).
    select office_id, certificate_id, family, standard_id, status, window_start_on, window_end_on, definitive_end_on,
        end_reason, evidence_ids
    from status_on($as_of, $family)
    where office_id in (select office_id from picked)
),

ranked as materialized (
    -- Each office's certificate that speaks for it: the first by speaking_order, then certificate_id (one grouping,
    -- not a window sorting every office's certificates), with what the page shows of its row in certificates (read
    -- once here, for the chosen certificates only).
    select s.*, c.registration_id, c.valid_until, c.valid_until_precision, c.valid_until_is_inferred
    from statuses as s
    inner join certificates as c on c.certificate_id = s.certificate_id
    where s.certificate_id in (
        select
            arg_min(
                certificate_id,
                {'order': speaking_order(status, window_start_on, window_end_on, $as_of), 'certificate': certificate_id}
            )
        from statuses
        group by office_id
    )
),

-- One certification: a registration's certificates, or a certificate without a registration on its own.
chains as (
    select office_id, certificate_id, coalesce('registration:' || registration_id, 'certificate:' || certificate_id) as chain
    from certificates
    where ($family is null or family = $family) and office_id in (select office_id from picked)
),

chosen_certificates as (
    -- The certificates of the certification each office's status comes from: those of the family with the same
    -- registration at the office, or the certificate alone when it has none (the chains above, matched on the
    -- registration itself rather than on joined text).
    select c.office_id, c.certificate_id
    from ranked as r
    inner join certificates as c on c.office_id = r.office_id and c.registration_id = r.registration_id
    where $family is null or c.family = $family
    union all
    select r.office_id, r.certificate_id
    from ranked as r
    where r.registration_id is null
),

chain_evidence as (
    -- Their dated evidence up to $as_of: held events on them (certificate_events: held, dated), their issue dates.
    select cc.office_id, ce.period_start as evidence_on, ce.period_precision as precision
    from chosen_certificates as cc
    inner join certificate_events as ce on ce.certificate_id = cc.certificate_id
    where ce.period_start <= $as_of::date
    union all
    select cc.office_id, c.issued_on, c.issued_on_precision
    from chosen_certificates as cc
    inner join certificates as c on c.certificate_id = cc.certificate_id
    where c.issued_on <= $as_of::date
),

unlinked_evidence as (
    -- Events of the family tied to no certificate, for offices holding at most one certification of the family (a
    -- held, dated event tied to a certificate is in certificate_events: kept out by its row, a number).
    select
        e.office_id,
        max(e.event_on) as evidence_on,
        arg_max(
            e.event_on_precision,
            latest_then_broadest(e.event_on, e.event_on_precision)
        ) as precision
    from events as e
    where not e.is_planned and e.event_on <= $as_of::date and e.office_id in (select office_id from picked)
        and e.rowid not in (select event_row from certificate_events where period_start <= $as_of::date)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
        and e.office_id not in (select office_id from chains group by office_id having count(distinct chain) > 1)
    group by e.office_id
),

evidence as (
    -- The latest evidence's precision; where pieces of evidence share the latest day, the broadest (a rule, so the
    -- answer never depends on the order rows arrive in; national_headline's latest_event_precision follows the same).
    select
        office_id,
        max(evidence_on) as latest_evidence_on,
        arg_max(
            precision,
            latest_then_broadest(evidence_on, precision)
        ) as precision
    from (
        select office_id, evidence_on, precision
        from chain_evidence
        union all
        select office_id, evidence_on, precision
        from unlinked_evidence
    )
    group by office_id
)

select
    o.office_id,
    ol.office_label,
    o.office_name,
    o.latitude,
    o.longitude,
    coalesce(r.status, 'no_evidence') as status,
    r.certificate_id,
    coalesce(r.family, $family) as family,
    r.standard_id,
    coalesce(st.family || ':' || st.edition, r.family) as standard,
    r.valid_until,
    r.valid_until_precision,
    coalesce(r.valid_until_is_inferred, false) as valid_until_is_inferred,
    r.window_end_on,
    r.definitive_end_on as ended_on,
    r.end_reason,
    coalesce(r.evidence_ids, []) as evidence_ids,
    ev.latest_evidence_on,
    ev.precision as latest_evidence_precision
from offices as o
inner join office_labels as ol on ol.office_id = o.office_id
inner join office_order as oo on oo.office_id = o.office_id
left join ranked as r on r.office_id = o.office_id
left join standards as st on st.standard_id = r.standard_id
left join evidence as ev on ev.office_id = o.office_id
where o.office_id in (select office_id from picked)
-- office_order.place_rank is the order of place (collate pl), office_id: a sort on a number.
order by oo.place_rank
