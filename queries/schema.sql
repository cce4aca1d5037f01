-- Views and macros over the built v2 tables (the build creates the tables from data/datapackage.json
-- first, see cityiso/data/ddl.py; this file only adds what the named queries share).
--
-- Certificate status on a date (status_on). A certification cycle lasts at most 3 years
-- (ISO/IEC 17021-1), and a date stands for its whole period (day, month or year).
--
-- Evidence of a certificate: its issue date (or, when only bounded, its bounds, as an inferred date), its
-- stated expiry (valid_until), a stated validity (issue + validity_years), and held (not planned), dated
-- events linked to it in event_certificates.
--
-- Definitive end (definitive_end_on, the last day it was valid; ended_by says how): the earliest of
--   * a held event on the certificate of kind lapse/withdrawal/expiry or outcome lapsed/not_renewed/
--     withdrawn: it ends the certificate on that event's date (lapse, lapsed, not_renewed: 'lapsed';
--     withdrawal, withdrawn: 'withdrawn'; expiry: 'expired');
--   * the stated, non-inferred expiry's period end ('expired');
--   * the edition's transition_ends_on ('expired').
--
-- Sure window (status 'valid'), non-inferred dates only: from the end of the earliest evidence
-- period (issue, events) to the stated expiry (start of its period) if stated and not inferred, else
-- issue start + validity_years if both stated, else the start of the latest non-inferred held event
-- period. None when an end is missing: an issue date alone never makes a certificate 'valid'.
--
-- Loose window (status 'valid_approximate'), inferred dates included: from the start of the earliest
-- evidence period (issue, expiry, events) to valid_until's period end if given, else the issue period
-- end + validity_years, else the later of the issue period end and the latest event period end,
-- + 3 years. A certificate whose registration_id has a later certificate reaches at least the day
-- before that one's window starts (consecutive periods of one continuous certification). Where the earlier
-- one was ended by its edition's transition deadline alone, the later one's loose window starts the day
-- after that deadline: the registration went on, under the new edition from some day before its first
-- evidence (the edition change is bounded by the two certificates' evidence, never a false 'expired').
--
-- Both windows stop at the definitive end (so at the transition deadline). Status on as_of:
--   after the definitive end: lapsed | withdrawn | expired;
--   suspended: a held suspension event (or outcome suspended) on or before as_of, no later held event
--     on the certificate up to as_of, and as_of within the loose window;
--   valid: in the sure window;   valid_approximate: in the loose window;
--   no_evidence: otherwise (before the first evidence, past the loose window with no definitive end,
--     undated certificates). Past all evidence a certificate is never 'valid'.
-- An office's status is that of the certificate of a family that speaks for it first (speaking_order: valid >
-- valid_approximate > suspended > the rest by their latest evidence).

-- The last day of the period a date stands for: the date itself, its month's or its year's last day.
create macro period_end(d, precision) as
    case precision
        when 'year' then make_date(year(d), 12, 31)
        when 'month' then last_day(d)
        else d
    end;

-- The order in which the latest of several dates is chosen (arg_max's key), with the precision it is known to: the
-- latest day first; where dates share it, the broadest precision (a date known only to its year may fall anywhere in
-- it, so no finer date is claimed). office_status_on_date's latest evidence and national_headline's latest event.
create macro latest_then_broadest(d, precision) as {
    'on': d,
    'coarse': case precision when 'year' then 3 when 'month' then 2 when 'day' then 1 else 0 end
};

-- A date no later than a bound (a missing bound leaves it; a missing date stays missing, unlike least()).
create macro capped(d, bound) as case when d is null then null else least(d, coalesce(bound, d)) end;

-- Rank of a status when an office's certificates are compared: 1 is best.
create macro status_rank(status) as
    case status
        when 'valid' then 1
        when 'valid_approximate' then 2
        when 'suspended' then 3
        when 'expired' then 4
        when 'lapsed' then 4
        when 'withdrawn' then 4
        else 5
    end;

-- The order in which an office's certificates speak for it on a day, first to last (office_status_on_date, the map by
-- voivodeship, office_status_by_year): the best status (valid, valid approximately, suspended: status_rank); among the
-- others (ended, or past their evidence), one begun by that day before one not yet begun, then the one whose evidence
-- runs latest. So a certificate that ended at its edition's transition deadline never hides the successor whose
-- evidence outlived it (an office that moved to ISO 9001:2015 reads "no evidence since …", not "expired: 2008").
create macro speaking_order(status, window_start_on, window_end_on, on_day) as {
    'rank': least(status_rank(status), 4),
    'not_begun': coalesce(window_start_on > on_day::date, false),
    'open': window_end_on is null,
    'ends': -coalesce(datediff('day', date '1900-01-01', window_end_on), 0)
};

-- One row per held (not planned), dated event and certificate it concerns, with its period and role, the precision
-- of its date (period_precision: the event's event_on_precision) and its row in events (event_row, events.rowid, as in
-- event_families): office_status_on_date reads the evidence of a certification here, by numbers, not by joining the
-- text event ids of event_certificates and events.
create view certificate_events as
select
    ec.certificate_id,
    e.event_id,
    e.kind,
    e.outcome,
    coalesce(e.event_on_is_inferred, false) as is_inferred,
    e.event_on as period_start,
    period_end(e.event_on, e.event_on_precision) as period_end,
    e.kind in ('lapse', 'withdrawal', 'expiry') or coalesce(e.outcome in ('lapsed', 'not_renewed', 'withdrawn'), false)
        as is_ending,
    e.kind = 'suspension' or coalesce(e.outcome = 'suspended', false) as is_suspension,
    case
        when e.kind = 'withdrawal' or e.outcome = 'withdrawn' then 'withdrawn'
        when e.kind = 'lapse' or e.outcome in ('lapsed', 'not_renewed') then 'lapsed'
        else 'expired'
    end as ends_as,
    e.event_on_precision as period_precision,
    e.rowid as event_row
from event_certificates as ec
inner join events as e on e.event_id = ec.event_id
where not e.is_planned and e.event_on is not null;

-- One row per certificate: the windows in which its evidence shows it valid, and its definitive end.
create view certificate_windows as
with event_evidence as (
    -- Events that show the certificate in force (not those ending, suspending or refusing it).
    select
        certificate_id,
        min(period_start) as loose_start,
        max(period_end) as loose_end,
        min(period_end) filter (where not is_inferred) as sure_start,
        max(period_start) filter (where not is_inferred) as sure_end
    from certificate_events
    where not is_ending and not is_suspension and coalesce(outcome, '') <> 'not_granted'
    group by certificate_id
),

ending_events as (
    select certificate_id, arg_min(ends_as, period_start) as ended_by, min(period_start) - 1 as last_day
    from certificate_events
    where is_ending
    group by certificate_id
),

used_events as (
    select
        certificate_id,
        list('events:' || event_id order by period_start, event_id) as evidence_ids,
        min(period_start) as first_event_on,
        max(period_start) as last_event_on,
        count(*) as count_dated_events
    from certificate_events
    group by certificate_id
),

sites as (
    select certificate_id, string_agg(site_name, '; ' order by site_name) as site_names
    from certificate_sites
    group by certificate_id
),

certificate_dates as (
    select
        c.certificate_id,
        c.office_id,
        c.registration_id,
        c.family,
        c.standard_id,
        -- An issue date known only by its bounds ("in 2016 or 2017") counts as an inferred date.
        coalesce(c.issued_on, c.issued_on_not_before) as issued_on,
        coalesce(period_end(c.issued_on, c.issued_on_precision), c.issued_on_not_after) as issued_end,
        coalesce(c.issued_on_is_inferred, false) or c.issued_on is null as issued_inferred,
        c.valid_until,
        period_end(c.valid_until, c.valid_until_precision) as valid_until_end,
        coalesce(c.valid_until_is_inferred, false) as valid_until_inferred,
        c.validity_years,
        period_end(s.transition_ends_on, s.transition_ends_on_precision) as transition_end
    from certificates as c
    left join standards as s on s.standard_id = c.standard_id
),

ends as (
    select
        d.*,
        ee.ended_by as event_ended_by,
        ee.last_day as event_last_day,
        least(ee.last_day, case when not d.valid_until_inferred then d.valid_until_end end, d.transition_end)
            as definitive_end_on
    from certificate_dates as d
    left join ending_events as ee on ee.certificate_id = d.certificate_id
),

windows as (
    select
        d.*,
        least(d.issued_on, d.valid_until, ev.loose_start) as window_start_on,
        coalesce(
            d.valid_until_end,
            d.issued_end + to_years(d.validity_years),
            greatest(d.issued_end, ev.loose_end) + interval 3 year
        )::date as loose_end,
        least(case when not d.issued_inferred then d.issued_end end, ev.sure_start) as sure_start_on,
        coalesce(
            case when not d.valid_until_inferred then d.valid_until end,
            case when not d.issued_inferred then d.issued_on + to_years(d.validity_years) end,
            ev.sure_end
        )::date as sure_end
    from ends as d
    left join event_evidence as ev on ev.certificate_id = d.certificate_id
),

continued as (
    -- The next certificate of the same registration, if any: the certification ran on without a gap.
    select
        w.*,
        lead(w.window_start_on) over (
            partition by w.registration_id order by w.window_start_on, w.certificate_id
        ) as next_start
    from windows as w
),

ran_on as (
    select
        c.*,
        capped(
            case
                when c.registration_id is not null and c.next_start is not null
                    then greatest(c.loose_end, (c.next_start - 1)::date)
                else c.loose_end
            end,
            c.definitive_end_on
        ) as window_end_on,
        -- Nothing but its edition's transition deadline ended it (no ending event, no stated expiry): a later
        -- certificate of its registration carried the certification on from there.
        c.definitive_end_on is null
        or (
            c.definitive_end_on = c.transition_end
            and coalesce(c.event_last_day > c.transition_end, true)
            and (c.valid_until_inferred or coalesce(c.valid_until_end > c.transition_end, true))
        ) as carried_on
    from continued as c
),

bridged as (
    -- The end of the previous certificate of the same registration when a transition deadline ended it: the
    -- edition changed somewhere between that certificate's evidence and this one's, so this one's (approximate)
    -- window starts the day after, never a false gap at the deadline.
    select
        r.*,
        lag(case when r.carried_on then r.window_end_on end) over (
            partition by r.registration_id order by r.window_start_on, r.certificate_id
        ) as previous_end
    from ran_on as r
)

select
    c.office_id,
    c.certificate_id,
    c.registration_id,
    c.family,
    c.standard_id,
    case
        when c.registration_id is not null and c.previous_end is not null
            then least(c.window_start_on, (c.previous_end + 1)::date)
        else c.window_start_on
    end as window_start_on,
    c.window_end_on,
    c.sure_start_on,
    capped(c.sure_end, c.definitive_end_on) as sure_end_on,
    c.definitive_end_on,
    case
        when c.definitive_end_on is null then null
        when c.event_last_day is not null and c.event_last_day = c.definitive_end_on then c.event_ended_by
        else 'expired'
    end as ended_by,
    -- Why it ended when it did: an event ('event'), its stated expiry ('stated_expiry'), or its edition's
    -- transition deadline ('transition_deadline'); the first of them when two fall on one day.
    case
        when c.definitive_end_on is null then null
        when c.event_last_day is not null and c.event_last_day = c.definitive_end_on then 'event'
        when not c.valid_until_inferred and c.valid_until_end = c.definitive_end_on then 'stated_expiry'
        else 'transition_deadline'
    end as end_reason,
    ['certificates:' || c.certificate_id] || coalesce(u.evidence_ids, []) as evidence_ids,
    -- What certificate_spans shows of its evidence: its held, dated events' first and last day and their number, and
    -- the units named as its sites (certificate_sites, by name, '; ' between them; null: none named).
    u.first_event_on,
    u.last_event_on,
    coalesce(u.count_dated_events, 0) as count_dated_events,
    si.site_names
from bridged as c
left join used_events as u on u.certificate_id = c.certificate_id
left join sites as si on si.certificate_id = c.certificate_id;

-- A certificate's status on a day, from its windows (certificate_windows) and whether a held suspension is its latest
-- held event up to that day: status_on and office_status_spans both ask it, so a status has one definition.
create macro certificate_status(on_day, definitive_end_on, ended_by, window_start_on, window_end_on, sure_start_on,
    sure_end_on, is_suspended) as
    case
        when on_day::date > definitive_end_on then ended_by
        when on_day::date between window_start_on and window_end_on and is_suspended then 'suspended'
        when on_day::date between sure_start_on and sure_end_on then 'valid'
        when on_day::date between window_start_on and window_end_on then 'valid_approximate'
        else 'no_evidence'
    end;

-- One row per certificate of a family (family null: every family) with its status on as_of.
-- Suspended: within its loose window, a held suspension is the certificate's latest held event up to as_of (one on
-- the same day as a later-dated event is not: a later event on the certificate lifts it). Found by one grouping of
-- the events up to as_of, not by a correlated test per certificate.
create macro status_on(as_of, family) as table
with suspended as (
    select certificate_id
    from certificate_events
    where period_start <= as_of::date
    group by certificate_id
    having max(period_start) filter (where is_suspension) = max(period_start)
)

select
    w.office_id,
    w.certificate_id,
    w.family,
    w.standard_id,
    certificate_status(
        as_of, w.definitive_end_on, w.ended_by, w.window_start_on, w.window_end_on, w.sure_start_on, w.sure_end_on,
        sp.certificate_id is not null
    ) as status,
    w.window_start_on,
    w.window_end_on,
    w.sure_start_on,
    w.sure_end_on,
    w.definitive_end_on,
    w.end_reason,
    w.evidence_ids
from certificate_windows as w
left join suspended as sp on sp.certificate_id = w.certificate_id
where family is null or w.family = family;

-- One row per event and standard family it belongs to: the families of the certificates it concerns;
-- an event linked to no certificate belongs to its office's family when the office holds only one. event_row is the
-- event's row in events (events.rowid; the built file never changes): a query keeps the events of a family by
-- `e.rowid in (select event_row ...)`, a semi join on a number, less than half the CPU of one on event_id over every
-- event of the country.
create view event_families as
with linked as (
    select distinct ec.event_id, c.family
    from event_certificates as ec
    inner join certificates as c on c.certificate_id = ec.certificate_id
),

office_families as (
    select office_id, any_value(family) as family
    from certificates
    group by office_id
    having count(distinct family) = 1
)

select l.event_id, l.family, e.rowid as event_row
from linked as l
left join events as e on e.event_id = l.event_id
union all
select e.event_id, o.family, e.rowid
from events as e
inner join office_families as o on o.office_id = e.office_id
where e.event_id not in (select event_id from event_certificates);

-- Whether a finding concerns one standard family (fam null: any): the families of the certificates it names
-- (finding_certificates) where it names any, else every family of its event (event_families). A remark about one
-- standard at an event that concerns two certificates counts in that standard's family only. A finding names only
-- certificates of its event (check finding_certificate_of_its_event), so this is: its event is of the family, and
-- it names no certificate or one of the family. Written as two filters joined by AND, the second outside any OR
-- (with fam null its set is empty: no group's bool_or is true), so the planner keeps the anti join into the small
-- set below the joins of a findings query; inside the OR it ran 2.3x slower at 3,000 offices.
create macro finding_in_family(fid, eid, fam) as
    (fam is null or eid in (select ef.event_id from event_families as ef where ef.family = fam))
    and fid not in (
        select fc.finding_id
        from finding_certificates as fc
        inner join certificates as c on c.certificate_id = fc.certificate_id
        group by fc.finding_id
        having not bool_or(c.family = fam)
    );

-- The ISO 9001:2015 heading (4-10) of each clause of any edition, labelled with the heading's own words.
create view clause_headings as
select
    c.standard_id,
    c.clause,
    c.heading_2015,
    coalesce(h.label_pl, c.label_pl) as heading_pl,
    coalesce(h.label_en, c.label_en) as heading_en
from clauses as c
left join (
    select cl.clause, cl.label_pl, cl.label_en
    from clauses as cl
    inner join standards as s on s.standard_id = cl.standard_id
    where s.family = 'ISO 9001' and s.edition = '2015'
) as h on h.clause = c.heading_2015::varchar;

-- The offices a view covers: every office that meets each condition given (null: no condition), so a selection is
-- a filter and never a list of thousands of ids. search matches the place, the office's name or its TERYT code,
-- ignoring case and Polish diacritics. size_classes lists codes of size_class(place_population), 'unknown' included
-- (an office whose population is not known is kept when 'unknown' is asked for, never silently dropped otherwise).
create macro selected_offices(offices, voivodeships, office_kinds, search, size_classes) as table
select o.office_id
from offices as o
where (offices is null or list_contains(offices, o.office_id))
    and (voivodeships is null or list_contains(voivodeships, o.voivodeship))
    and (office_kinds is null or list_contains(office_kinds, o.office_kind))
    and (size_classes is null or list_contains(size_classes, size_class(o.place_population)))
    and (search is null or contains(
        strip_accents(lower(concat_ws(' ', o.place, o.office_name, o.teryt))), strip_accents(lower(search))
    ));

-- selection_documents as computed from the evidence of every record (what document_citations stores in advance).
create macro selection_documents_computed(offices, voivodeships, office_kinds, search, size_classes, of_family) as table
with chosen as (
    select office_id from selected_offices(offices, voivodeships, office_kinds, search, size_classes)
),

records as (
    select 'offices' as record_table, office_id as record_id from chosen
    union all
    select 'certificates', c.certificate_id
    from certificates as c
    where c.office_id in (select office_id from chosen) and (of_family is null or c.family = of_family)
    union all
    select 'events', e.event_id
    from events as e
    where e.office_id in (select office_id from chosen)
        and (of_family is null or e.event_id in (select ef.event_id from event_families as ef where ef.family = of_family))
    union all
    select 'findings', f.finding_id
    from findings as f
    where f.office_id in (select office_id from chosen) and finding_in_family(f.finding_id, f.event_id, of_family)
)

select s.source_id, s.title, s.office_id
from sources as s
where s.kind = 'document'
    and s.source_id in (
        select ev.source_id
        from evidence as ev
        inner join records as r on r.record_table = ev.record_table and r.record_id = ev.record_id
    );

-- The findings a view covers: at the events of the offices meeting the office filter (see selected_offices), of
-- the given kinds and voices, at events dated in the years (undated ones only when include_undated), concerning one
-- standard family (null: any; see finding_in_family), with the event's date and kind.
create macro filtered_findings(
    offices, voivodeships, office_kinds, search, size_classes, kinds, voices, year_from, year_to, include_undated,
    family
) as table
select
    f.*,
    e.event_on,
    e.event_on_precision,
    coalesce(e.event_on_is_inferred, false) as event_on_is_inferred,
    e.event_on_inferred_reason,
    e.event_on_not_before,
    e.event_on_not_after,
    e.kind as event_kind
from findings as f
inner join events as e on e.event_id = f.event_id
where f.office_id in (
    select office_id from selected_offices(offices, voivodeships, office_kinds, search, size_classes)
)
    and list_contains(kinds, f.kind)
    and list_contains(voices, f.voice)
    -- The undated ones only when include_undated (a case, not an OR: the OR cost 2.5x the CPU over 590k findings).
    and case when e.event_on is null then include_undated else year(e.event_on) between year_from and year_to end
    and finding_in_family(f.finding_id, e.event_id, family);

-- Each office's place in the order lists use (by place, Polish collation, then id): sorting thousands of rows by a
-- number is cheap, by a collated name is not.
create view office_order as
select office_id, row_number() over (order by place collate pl, office_id) as place_rank
from offices;

-- How every page, chart, table, download and slide names an office, whatever the selection: its place; where another
-- office of the register shares the place (a town's city hall and its county office), the place and the office's
-- name, 'Testowo (Starostwo Powiatowe w Testowie)'; where two share the place and the name too (gminas of one name in
-- two voivodeships), the voivodeship after the name, and where even that is shared, the office_id. Two offices never
-- share a label. Every named query that names an office returns it as office_label.
create view office_labels as
with counted as (
    select
        office_id,
        place,
        office_name,
        voivodeship,
        count(*) over (partition by place) as count_place,
        count(*) over (partition by place, office_name) as count_name,
        count(*) over (partition by place, office_name, voivodeship) as count_voivodeship
    from offices
)

select
    office_id,
    case
        when count_place = 1 then place
        when count_name = 1 then place || ' (' || office_name || ')'
        when count_voivodeship = 1 then place || ' (' || office_name || ', ' || voivodeship || ')'
        else place || ' (' || office_name || ', ' || office_id || ')'
    end as office_label
from counted;

-- Each certificate with what a certification-cycle timeline shows of it (certificate_spans reads it): its office's
-- label, name and place, its standard's edition and transition deadline, its body and its windows
-- (certificate_windows). Stored by the build: a page of ten offices reads its certificates' rows, where joining five
-- tables for the whole country's certificates to keep a few hundred took most of its time. Its source's file is not
-- here: the build stores these tables while it loads the sources.
create view certificate_facts as
select
    ce.certificate_id,
    ce.office_id,
    ol.office_label,
    o.office_name,
    o.place as office_place,
    ce.registration_id,
    ce.family,
    ce.standard_as_written,
    ce.standard_id,
    s.edition,
    ce.family || coalesce(':' || s.edition, '') as standard,
    ce.edition_basis,
    ce.edition_reason,
    s.transition_ends_on,
    ce.body_id,
    b.short_name as body_short_name,
    ce.issued_on,
    ce.issued_on_precision,
    ce.issued_on_as_written,
    coalesce(ce.issued_on_is_inferred, false) as issued_on_is_inferred,
    ce.issued_on_inferred_reason,
    ce.issued_on_not_before,
    ce.issued_on_not_after,
    ce.valid_until,
    ce.valid_until_precision,
    ce.valid_until_as_written,
    coalesce(ce.valid_until_is_inferred, false) as valid_until_is_inferred,
    ce.valid_until_inferred_reason,
    ce.validity_years,
    ce.scope,
    ce.holder_kind,
    ce.holder_as_written,
    ce.sites_count,
    w.site_names,
    ce.iqnet,
    ce.cycle_number,
    w.first_event_on,
    w.last_event_on,
    w.count_dated_events,
    w.window_start_on,
    w.window_end_on,
    w.sure_start_on,
    w.sure_end_on,
    w.definitive_end_on,
    w.ended_by,
    w.definitive_end_on is null as is_open,
    w.evidence_ids,
    ce.source_id,
    ce.quote,
    ce.note
from certificates as ce
inner join offices as o on o.office_id = ce.office_id
inner join office_labels as ol on ol.office_id = ce.office_id
inner join certificate_windows as w on w.certificate_id = ce.certificate_id
left join standards as s on s.standard_id = ce.standard_id
left join certification_bodies as b on b.body_id = ce.body_id;

-- Text lower-cased with Polish diacritics folded (ą -> a ... ż -> z), as a search compares it: what
-- translate(lower(x), 'ąćęłńóśźż', 'acelnoszz') gives, written as nine replaces, which DuckDB runs twice as fast over
-- the findings of a whole country (1.9 s against 0.9 s of CPU at 3,000 offices).
create macro fold_polish(x) as
    replace(replace(replace(replace(replace(replace(replace(replace(replace(
        lower(x), 'ą', 'a'), 'ć', 'c'), 'ę', 'e'), 'ł', 'l'), 'ń', 'n'), 'ó', 'o'), 'ś', 's'), 'ź', 'z'), 'ż', 'z');

-- The words of a search as finding_words holds them: lower case, Polish diacritics folded, cut to their first five
-- letters (at least three) so that word endings do not matter ("skargi" finds "skarg"); none for a blank search.
create macro search_stems(q) as table
select distinct left(w, greatest(3, least(length(w), 5))) as stem
from (
    select unnest(string_split_regex(fold_polish(trim(coalesce(q, ''))), '[^a-z0-9]+'))
        as w
)
where w <> '';

-- Each finding's words as a search reads them: lower case, Polish diacritics folded (findings_page): its texts, its
-- quote and its theme's labels, joined by spaces. Each part is folded on its own (folding is letter by letter, so
-- the joined text is the same) and each theme's labels once, not once per finding: at 3,000 synthetic offices a
-- third of the text folded was the same few theme labels, and folding the columns as stored cost 0.14 s of CPU
-- against 0.68 s for the joined string.
create view finding_words as
with folded_themes as (
    select theme_id, fold_polish(label_pl) as label_pl, fold_polish(label_en) as label_en
    from themes
)

select
    f.finding_id,
    concat_ws(' ', fold_polish(f.text_pl), fold_polish(f.text_en), fold_polish(f.quote), t.label_pl, t.label_en)
        as haystack
from findings as f
inner join folded_themes as t on t.theme_id = f.theme_id;

-- The days office_status_by_year reads a status on: 31 December of each year from from_year (null: the first year
-- any certificate has evidence of) to as_of's year, and as_of itself in its own year.
create macro status_days(as_of, from_year) as table
with first_year as (
    select min(year(window_start_on)) as year_from from certificate_windows
)

select r.y::int as year, least(make_date(r.y::int, 12, 31), as_of::date) as status_on_day
from first_year as f,
    range(
        greatest(coalesce(f.year_from, year(as_of::date)), coalesce(from_year, f.year_from, year(as_of::date))),
        year(as_of::date) + 1
    ) as r(y);

-- office_status_by_year as computed from status_on, for the years from from_year (null: from the first) to as_of's:
-- what office_status_spans is checked against (tests/test_stored_aggregates.py), and what the build stores for the
-- years before this one (office_status_year_ends).
create macro office_status_by_year_computed(as_of, of_family, from_year) as table
with days as (
    select * from status_days(as_of, from_year)
)

select
    s.office_id,
    s.family,
    d.year,
    d.status_on_day,
    arg_min(
        s.status,
        {
            'order': speaking_order(s.status, s.window_start_on, s.window_end_on, d.status_on_day),
            'certificate': s.certificate_id
        }
    ) as status
from days as d, lateral status_on(d.status_on_day, of_family) as s
group by s.office_id, s.family, d.year, d.status_on_day;

-- office_evidence_counts as computed from the rows (what office_family_counts stores in advance).
create macro office_evidence_counts_computed(of_family) as table
with family_events as (
    select e.event_id, e.office_id, e.kind, e.is_planned
    from events as e
    where of_family is null or e.event_id in (select ef.event_id from event_families as ef where ef.family = of_family)
)

select
    o.office_id,
    (select count(*) from certificates as c where c.office_id = o.office_id and (of_family is null or c.family = of_family))
        as count_certificates,
    (
        select count(*)
        from family_events as e
        where e.office_id = o.office_id and not e.is_planned
            and e.kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
    ) as count_audits,
    (
        select count(*)
        from findings as f
        where f.office_id = o.office_id and f.kind = 'praise' and f.voice = 'auditor'
            and finding_in_family(f.finding_id, f.event_id, of_family)
    ) as count_praised
from offices as o;

-- One row per finding with what the findings charts filter and count by, resolved once (the build stores it as a
-- table): its office, event, kind and voice, its event's date and year (null: undated), its ISO 9001:2015 heading
-- and its words (clause_headings; null: no clause fits), its theme, the standard families it concerns (families)
-- exactly as finding_in_family decides them: its event's families (event_families), narrowed to those of the
-- certificates it names when it names any (a finding of no family has an empty list; `family is null` takes every
-- finding); its office's place_rank (office_order), the order lists of findings start with; and its row in findings
-- (finding_row: the built file never changes, so a page of findings is fetched by row, not by a scan of every text),
-- and its event's row in events (event_row, events.rowid: the findings charts group and join a finding's event by this
-- number, not by the text event_id, which cost them 10-20 ms of CPU at 3,000 offices).
create view finding_facts as
with named as (
    select fc.finding_id, list(distinct c.family) as families
    from finding_certificates as fc
    inner join certificates as c on c.certificate_id = fc.certificate_id
    group by fc.finding_id
),

event_lists as (
    select event_id, list(distinct family order by family) as families
    from event_families
    group by event_id
)

select
    f.finding_id,
    f.office_id,
    f.event_id,
    f.kind,
    f.voice,
    e.event_on,
    year(e.event_on) as year,
    h.heading_2015 as clause,
    h.heading_pl,
    h.heading_en,
    f.theme_id,
    coalesce(list_filter(el.families, lambda x: n.families is null or list_contains(n.families, x)), [])::varchar[]
        as families,
    oo.place_rank,
    f.rowid as finding_row,
    e.rowid as event_row
from findings as f
inner join events as e on e.event_id = f.event_id
inner join office_order as oo on oo.office_id = f.office_id
left join clause_headings as h on h.standard_id = f.clause_standard_id and h.clause = f.clause
left join event_lists as el on el.event_id = f.event_id
left join named as n on n.finding_id = f.finding_id;

-- Whether nothing narrows the filtered findings of a table: no chart element picked (clause_keys and theme_keys
-- null) and no search (q without a letter or digit once folded, so without a word search_stems would keep: null,
-- blank, or only punctuation). findings_page takes its short way then; on parameters alone, DuckDB folds it when it
-- plans.
create macro findings_not_narrowed(clause_keys, theme_keys, q) as
clause_keys is null and theme_keys is null and not regexp_matches(fold_polish(coalesce(q, '')), '[a-z0-9]');

-- Whether a finding of this kind, voice and families passes the filters of its own (the others are its event's: the
-- office, the date): one of the kinds and of the voices, of the family (null: any). filtered_facts, filtered_counts
-- and the queries that find the filtered findings through their events (praised_by_category) all ask it.
create macro finding_is_kept(kind, voice, families, kinds, voices, of_family) as
list_contains(kinds, kind)
and list_contains(voices, voice)
and (of_family is null or list_contains(families, of_family));

-- The rows of finding_facts that filtered_findings keeps, with the same arguments (same filters, same meaning): the
-- findings charts count from here without joining findings to events again.
create macro filtered_facts(
    offices, voivodeships, office_kinds, search, size_classes, kinds, voices, year_from, year_to, include_undated,
    of_family
) as table
select ff.*
from finding_facts as ff
where ff.office_id in (
    select office_id from selected_offices(offices, voivodeships, office_kinds, search, size_classes)
)
    and finding_is_kept(ff.kind, ff.voice, ff.families, kinds, voices, of_family)
    -- The undated ones only when include_undated (a case, not an OR: the OR cost 2.5x the CPU over 590k findings).
    and case when ff.event_on is null then include_undated else ff.year between year_from and year_to end;

-- finding_facts counted: one row per event (its row in events, event_row, with its office and date), kind, voice and
-- families (the findings of one event alike in all the filters use), with how many findings it stands for
-- (count_findings). Counts that need no clause or theme (how many items were praised, at which offices, up to a
-- date, at each event) read these 108k rows at 3,000 offices instead of 590k findings; the build stores it.
create view finding_counts as
select office_id, event_row, event_on, year, kind, voice, families, count(*) as count_findings
from finding_facts
group by office_id, event_row, event_on, year, kind, voice, families;

-- The rows of finding_counts that filtered_facts' findings fall in, with the same arguments and meaning: the sum of
-- their count_findings is the number of rows filtered_facts returns.
create macro filtered_counts(
    offices, voivodeships, office_kinds, search, size_classes, kinds, voices, year_from, year_to, include_undated,
    of_family
) as table
select fc.*
from finding_counts as fc
where fc.office_id in (
    select office_id from selected_offices(offices, voivodeships, office_kinds, search, size_classes)
)
    and finding_is_kept(fc.kind, fc.voice, fc.families, kinds, voices, of_family)
    -- The undated ones only when include_undated (a case, not an OR: the OR cost 2.5x the CPU).
    and case when fc.event_on is null then include_undated else fc.year between year_from and year_to end;

-- Every office's best status by family on 31 December of each year from the first year any certificate has evidence
-- of to this year (office_status_by_year's rows for those years, whatever its as_of past them): the build stores it, so
-- yearly trends compute only the as-of year.
create view office_status_year_ends as
select *
from office_status_by_year_computed(make_date(year(current_date), 12, 31), null, null);

-- The last year office_status_year_ends holds (the build's year; it stores this one row too).
create view office_status_stored_through as
select year(current_date) as year;

-- Each office's best status by family (as office_status_by_year_computed gives it on any day) as spans of days over
-- which it stays the same: from_on to until_on, both included, the first from 0001-01-01, the last to 9999-12-31. A
-- certificate's status (certificate_status) and its place in speaking_order change only on a day one of its windows
-- begins, on the day after one ends, or on the day of one of its held events (a suspension, or what lifts it), so the
-- office's best status is read on each such day of its certificates of the family and on 0001-01-01, and kept where it
-- changes. The build stores it: the status on as_of, which office_status_by_year computes for as_of's own year, is
-- then one range look-up instead of every certificate's status grouped by office (about 19 -> 2 ms at 3,000 offices).
create view office_status_spans as
with change_days as (
    select w.office_id, w.family, d.day
    from certificate_windows as w,
        unnest([
            w.window_start_on, w.window_end_on + 1, w.sure_start_on, w.sure_end_on + 1, w.definitive_end_on + 1
        ]) as d(day)
    where d.day is not null
    union
    select w.office_id, w.family, ce.period_start
    from certificate_events as ce
    inner join certificate_windows as w on w.certificate_id = ce.certificate_id
    where ce.period_start is not null
    union
    select office_id, family, date '0001-01-01'
    from certificate_windows
),

event_days as (
    -- Whether a held suspension is among a certificate's held events of each day (status_on's rule: suspended while
    -- the latest day with held events has a suspension).
    select certificate_id, period_start, bool_or(is_suspension) as is_suspension
    from certificate_events
    where period_start is not null
    group by certificate_id, period_start
),

on_days as (
    select d.office_id, d.family, d.day, w.certificate_id, w.window_start_on, w.window_end_on,
        certificate_status(
            d.day, w.definitive_end_on, w.ended_by, w.window_start_on, w.window_end_on, w.sure_start_on,
            w.sure_end_on, coalesce(ed.is_suspension, false)
        ) as status
    from change_days as d
    inner join certificate_windows as w on w.office_id = d.office_id and w.family = d.family
    asof left join event_days as ed on ed.certificate_id = w.certificate_id and ed.period_start <= d.day
),

best as (
    select
        office_id,
        family,
        day,
        arg_min(
            status,
            {'order': speaking_order(status, window_start_on, window_end_on, day), 'certificate': certificate_id}
        ) as status
    from on_days
    group by office_id, family, day
),

changes as (
    -- The first day of each office and family, and each day whose status differs from the day before (a missing
    -- status, should an ended certificate say nothing of how it ended, is a status of its own here as in status_on).
    select
        *,
        row_number() over days = 1 or lag(status) over days is distinct from status as is_change
    from best
    window days as (partition by office_id, family order by day)
)

select
    office_id,
    family,
    day as from_on,
    coalesce(lead(day) over (partition by office_id, family order by day) - 1, date '9999-12-31') as until_on,
    status
from changes
where is_change;

-- One row per office, standard family (of_family null: every family) and year from the first year any certificate
-- has evidence of to as_of's year: the office's best status among its certificates of the family (ranked as
-- office_status_on_date ranks them) on 31 December of that year, or on as_of in as_of's own year, by the rules of
-- status_on. No row for a family the office holds no certificate of. Yearly trends count from here, so a year's
-- count is exactly the status shown on that day. The years before as_of's are read from office_status_year_ends
-- (stored by the build); only as_of's own year (and any year past what is stored) is read from office_status_spans
-- (stored too), on the days status_days gives.
create macro office_status_by_year(as_of, of_family) as table
select s.office_id, s.family, s.year, s.status_on_day, s.status
from office_status_year_ends as s
where s.year < year(as_of::date) and (of_family is null or s.family = of_family)
union all
select sp.office_id, sp.family, d.year, d.status_on_day, sp.status
from status_days(as_of, least(year(as_of::date), (select y.year + 1 from office_status_stored_through as y))) as d
inner join office_status_spans as sp on d.status_on_day between sp.from_on and sp.until_on
where of_family is null or sp.family = of_family;

-- Each source quoted (as a row's own quote or further evidence) for an office's row, certificates, events or findings,
-- with the office and the families the quoting record concerns (any_family: the office's row, whatever the family;
-- families: the certificate's family, the event's families as event_families gives them, the finding's as
-- finding_facts gives them): selection_documents reads it instead of joining the evidence of every record.
create view document_citations as
with event_lists as (
    select event_id, list(distinct family order by family) as families
    from event_families
    group by event_id
),

records as (
    select 'offices' as record_table, o.office_id as record_id, o.office_id, true as any_family, []::varchar[] as families
    from offices as o
    union all
    select 'certificates', c.certificate_id, c.office_id, false, [c.family]::varchar[]
    from certificates as c
    union all
    select 'events', e.event_id, e.office_id, false, coalesce(el.families, [])::varchar[]
    from events as e
    left join event_lists as el on el.event_id = e.event_id
    union all
    select 'findings', ff.finding_id, ff.office_id, false, ff.families
    from finding_facts as ff
)

select distinct ev.source_id, r.office_id, r.any_family, r.families
from evidence as ev
inner join records as r on r.record_table = ev.record_table and r.record_id = ev.record_id;

-- The source documents behind what a view shows of the offices meeting the office filter (see selected_offices):
-- those quoted for the offices' rows, or for their certificates, events and findings concerning one standard family
-- (of_family null: any), as a row's own quote or as further evidence. One row per document. Read from
-- document_citations (stored by the build).
create macro selection_documents(offices, voivodeships, office_kinds, search, size_classes, of_family) as table
select s.source_id, s.title, s.office_id
from sources as s
where s.kind = 'document'
    and s.source_id in (
        select dc.source_id
        from document_citations as dc
        where dc.office_id in (
            select office_id from selected_offices(offices, voivodeships, office_kinds, search, size_classes)
        )
            and (of_family is null or dc.any_family or list_contains(dc.families, of_family))
    );

-- office_evidence_counts' and offices_overview's figures for every office and family it has any of (family null: every
-- family), stored by the build: certificates of the family, its events (event_families), the audits held among them,
-- the latest day of its held events, items auditors praised concerning it (finding_facts.families).
create view office_family_counts as
with certificate_counts as (
    select office_id, family, count(*) as n from certificates where family is not null group by office_id, family
    union all
    select office_id, null, count(*) from certificates group by office_id
),

family_events as (
    select e.office_id, ef.family, e.kind, e.is_planned, e.event_on
    from events as e
    inner join event_families as ef on ef.event_id = e.event_id
    where ef.family is not null
    union all
    select e.office_id, null, e.kind, e.is_planned, e.event_on
    from events as e
),

event_counts as (
    select
        office_id,
        family,
        count(*) as n,
        count(*) filter (where kind in ('initial', 'surveillance', 'recertification', 'transition', 'unspecified')
            and not is_planned) as count_audits,
        max(event_on) filter (where not is_planned) as last_event_on
    from family_events
    group by office_id, family
),

praised as (
    select office_id, families from finding_facts where kind = 'praise' and voice = 'auditor'
),

praised_counts as (
    select office_id, family, count(*) as n
    from (select office_id, unnest(families) as family from praised)
    group by office_id, family
    union all
    select office_id, null, count(*) from praised group by office_id
),

keys as (
    select office_id, family from certificate_counts
    union
    select office_id, family from event_counts
    union
    select office_id, family from praised_counts
)

select
    k.office_id,
    k.family,
    coalesce(c.n, 0) as count_certificates,
    coalesce(e.n, 0) as count_events,
    coalesce(e.count_audits, 0) as count_audits,
    e.last_event_on,
    coalesce(p.n, 0) as count_praised
from keys as k
left join certificate_counts as c on c.office_id = k.office_id and c.family is not distinct from k.family
left join event_counts as e on e.office_id = k.office_id and e.family is not distinct from k.family
left join praised_counts as p on p.office_id = k.office_id and p.family is not distinct from k.family;

-- How many records cite each source: certificates, events, findings and audited units whose own source it is, and
-- further evidence (evidence rows that are not a record's own quote) pointing to it. One row per source cited at
-- least once (a source no record cites has none). sources_overview reads a page's counts here (stored by the build)
-- instead of scanning every record of the country for the 25 sources of a page.
create view source_fact_counts as
with cited as (
    select source_id, 'certificates' as what from certificates
    union all
    select source_id, 'events' from events
    union all
    select source_id, 'findings' from findings
    union all
    select source_id, 'units' from audited_units
    union all
    select source_id, 'further' from evidence where not is_primary
)

select
    source_id,
    count(*) filter (where what = 'certificates') as count_certificates,
    count(*) filter (where what = 'events') as count_events,
    count(*) filter (where what = 'findings') as count_findings,
    count(*) filter (where what = 'units') as count_units,
    count(*) filter (where what = 'further') as count_further_evidence
from cited
group by source_id;

-- One row per office: how much evidence about one standard family (of_family null: every family) the data holds, counted as
-- offices_overview counts it (certificates of the family, its events, audits held, items the auditors praised).
-- Read from office_family_counts (stored by the build).
create macro office_evidence_counts(of_family) as table
select
    o.office_id,
    coalesce(s.count_certificates, 0) as count_certificates,
    coalesce(s.count_audits, 0) as count_audits,
    coalesce(s.count_praised, 0) as count_praised
from offices as o
left join office_family_counts as s on s.office_id = o.office_id and s.family is not distinct from of_family;
