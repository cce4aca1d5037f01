-- The former SQL with one change: where pieces of evidence share the latest day, today's rule (the broadest
-- precision) instead of whichever row the grouping met first, which varied from run to run.
-- One row per office: its status on $as_of for one standard family, that of the certificate of the family that speaks
-- for it first (speaking_order, queries/schema.sql: valid > valid_approximate > suspended > the rest by their latest
-- evidence, so an ended predecessor never hides its successor); an office without a certificate of the family:
-- no_evidence.
-- latest_evidence_on: the latest dated evidence on or before $as_of of the certification the status comes from (a
-- held event on, or the issue of, that certificate or another of its registration; an event tied to no certificate
-- counts where the office holds only that one certification of the family, or none), so a reader sees how old the
-- evidence behind a status is (precision: its precision). ended_on and end_reason: when and why the certificate
-- the status comes from ended (certificate_windows: 'event', 'stated_expiry', 'transition_deadline'; null: no
-- definitive end known). Every column of a row comes from one certification.
-- Params: $as_of (a date), $family (e.g. 'ISO 9001'; null: every family), and the office filter ($offices,
-- $voivodeships, $office_kinds, $search, $size_classes: see selected_offices; none given: every office).
with ranked as (
    select
        s.*,
        row_number() over (
            partition by s.office_id
            order by speaking_order(s.status, s.window_start_on, s.window_end_on, $as_of), s.certificate_id
        ) as rank
    from status_on($as_of, $family) as s
),

-- One certification: a registration's certificates, or a certificate without a registration on its own.
chains as (
    select office_id, certificate_id, coalesce('registration:' || registration_id, 'certificate:' || certificate_id) as chain
    from certificates
    where $family is null or family = $family
),

chosen_certificates as (
    -- The certificates of the certification each office's status comes from.
    select ch.office_id, ch.certificate_id
    from ranked as r
    inner join chains as status_from on status_from.certificate_id = r.certificate_id
    inner join chains as ch on ch.office_id = status_from.office_id and ch.chain = status_from.chain
    where r.rank = 1
),

chain_evidence as (
    -- Their dated evidence up to $as_of: held events on them, their issue dates.
    select cc.office_id, e.event_on as evidence_on, e.event_on_precision as precision
    from chosen_certificates as cc
    inner join event_certificates as ec on ec.certificate_id = cc.certificate_id
    inner join events as e on e.event_id = ec.event_id
    where not e.is_planned and e.event_on <= $as_of::date
    union all
    select cc.office_id, c.issued_on, c.issued_on_precision
    from chosen_certificates as cc
    inner join certificates as c on c.certificate_id = cc.certificate_id
    where c.issued_on <= $as_of::date
),

unlinked_evidence as (
    -- Events of the family tied to no certificate, for offices holding at most one certification of the family.
    select e.office_id, max(e.event_on) as evidence_on, arg_max(e.event_on_precision, {'on': e.event_on, 'coarse': case e.event_on_precision when 'year' then 3 when 'month' then 2 when 'day' then 1 else 0 end}) as precision
    from events as e
    where not e.is_planned and e.event_on <= $as_of::date
        and e.event_id not in (select event_id from event_certificates)
        and ($family is null or e.rowid in (select event_row from event_families where family = $family))
        and e.office_id not in (select office_id from chains group by office_id having count(distinct chain) > 1)
    group by e.office_id
),

evidence as (
    select office_id, max(evidence_on) as latest_evidence_on, arg_max(precision, {'on': evidence_on, 'coarse': case precision when 'year' then 3 when 'month' then 2 when 'day' then 1 else 0 end}) as precision
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
    ce.valid_until,
    ce.valid_until_precision,
    coalesce(ce.valid_until_is_inferred, false) as valid_until_is_inferred,
    r.window_end_on,
    r.definitive_end_on as ended_on,
    r.end_reason,
    coalesce(r.evidence_ids, []) as evidence_ids,
    ev.latest_evidence_on,
    ev.precision as latest_evidence_precision
from offices as o
inner join office_labels as ol on ol.office_id = o.office_id
left join ranked as r on r.office_id = o.office_id and r.rank = 1
left join certificates as ce on ce.certificate_id = r.certificate_id
left join standards as st on st.standard_id = r.standard_id
left join evidence as ev on ev.office_id = o.office_id
where o.office_id in (select office_id from selected_offices($offices, $voivodeships, $office_kinds, $search, $size_classes))
order by o.place collate pl, o.office_id
