-- The cityiso database, built by `python -m cityiso.build` from the curated files in data/.
-- Dates hold the first day of their period; *_precision says whether that is a day, month or year.
-- *_as_written keeps the source's own words for a date; *_is_inferred marks a curator's deduction,
-- with the reason in *_inferred_reason.

create table sources (
    source_id text primary key,
    kind text not null,                 -- document | reference
    file text,                          -- path from the repository root; documents only
    seed_file text,
    title text not null,
    city_id text,
    published_on date,
    published_on_precision text,
    published_on_as_written text,
    published_on_inferred_reason text,
    published_on_is_inferred boolean not null,
    citation text,                      -- reference sources: what the knowledge rests on
    note text,
    sha256 text,                        -- of the document file as built
    text text                           -- the document itself
);

create table cities (
    city_id text primary key,
    name text not null,
    office_name text not null,
    office_type text not null,
    voivodeship text not null,
    latitude double not null,
    longitude double not null,
    geo_source_id text not null references sources (source_id),
    office_source_id text not null references sources (source_id),
    office_quote text not null,
    note text
);

create table certification_bodies (
    body_id text primary key,
    name text not null,
    short_name text not null,
    source_id text not null references sources (source_id),
    note text
);

create table body_aliases (
    body_id text not null references certification_bodies (body_id),
    alias text not null
);

create table standards (
    standard_id text primary key,
    family text not null,
    edition text not null,
    title text not null,
    published_on date,
    published_on_precision text,
    transition_ends_on date,            -- certificates to this edition are not valid after it
    transition_ends_on_precision text,
    source_id text not null references sources (source_id),
    note text
);

create table standard_forms (
    form text primary key,              -- as documents write it, e.g. PN-EN ISO 9001:2009
    standard_id text not null references standards (standard_id),
    note text
);

create table clauses (
    clause integer primary key,
    label_pl text not null,
    label_en text not null,
    definition_pl text not null,
    definition_en text not null
);

create table themes (
    theme_id text primary key,
    label_pl text not null,
    label_en text not null,
    definition_pl text not null,
    definition text not null
);

create table certificates (
    certificate_id text primary key,
    city_id text not null references cities (city_id),
    standard_as_written text not null,
    standard_id text not null references standards (standard_id),
    standard_inferred_reason text,
    standard_is_inferred boolean not null,
    body_id text references certification_bodies (body_id),
    issued_on date,
    issued_on_precision text,
    issued_on_as_written text,
    issued_on_inferred_reason text,
    issued_on_is_inferred boolean not null,
    valid_until date,
    valid_until_precision text,
    valid_until_as_written text,
    valid_until_inferred_reason text,
    valid_until_is_inferred boolean not null,
    validity_years integer,
    scope text,
    iqnet boolean,                      -- null: the source does not say
    cycle_number integer,
    cycle_as_written text,
    source_id text not null references sources (source_id),
    quote text not null,
    note text
);

create table audits (
    audit_id text primary key,          -- every dated event of a certificate's life, not only audits
    city_id text not null references cities (city_id),
    certificate_id text references certificates (certificate_id),
    body_id text references certification_bodies (body_id),
    kind text not null,
    audit_on date,
    audit_on_precision text,
    audit_on_as_written text,
    audit_on_inferred_reason text,
    is_inferred boolean not null,
    is_planned boolean not null,
    units_audited integer,
    outcome text,
    findings_status text not null,      -- reported | reported_partial | none_found | not_reported | not_applicable
    source_id text not null references sources (source_id),
    quote text not null,
    note text
);

create table audited_units (
    audit_id text not null references audits (audit_id),
    unit_name text not null,
    unit_name_as_written text not null,
    quote text not null,
    source_id text not null references sources (source_id)
);

create table findings (
    finding_id text primary key,
    audit_id text not null references audits (audit_id),
    city_id text not null references cities (city_id),
    kind text not null,
    voice text not null,
    clause integer references clauses (clause),
    clause_basis text,                  -- heading | curator
    theme_id text not null references themes (theme_id),
    text_pl text not null,
    text_en text not null,
    quote text not null,
    source_id text not null references sources (source_id),
    note text
);

create table codes (
    domain text not null,               -- event_kind, finding_kind, voice, ...
    code text not null,
    label_pl text not null,
    label_en text not null,
    primary key (domain, code)
);

create table build_info (
    built_at timestamp not null,
    data_sha256 text not null           -- of every curated file and document, in order
);

-- The last day of the period a date stands for: the date itself, its month's or its year's last day.
create macro period_end(d, precision) as
    case precision
        when 'year' then make_date(year(d), 12, 31)
        when 'month' then last_day(d)
        else d
    end;

-- One row per certificate: when the evidence shows it valid. The loose window runs from the earliest
-- possible start to the latest possible end of the dated evidence (issue, expiry, events on it); the
-- sure window only over what exact, non-inferred dates prove. Both stop at the edition's transition
-- deadline. definitive_end_on is when the certificate had certainly ended (expiry or transition).
create view certificate_windows as
with event_periods as (
    select
        certificate_id,
        is_inferred,
        audit_on as period_start,
        period_end(audit_on, audit_on_precision) as period_end
    from audits
    where certificate_id is not null and audit_on is not null and not is_planned
),

evidence as (
    select
        certificate_id,
        min(period_start) as loose_start,
        max(period_end) as loose_end,
        min(period_end) filter (where not is_inferred) as sure_start,
        max(period_start) filter (where not is_inferred) as sure_end
    from event_periods
    group by certificate_id
),

certificate_periods as (
    select
        c.certificate_id,
        c.city_id,
        c.issued_on,
        c.issued_on_is_inferred,
        c.valid_until,
        c.valid_until_is_inferred,
        s.transition_ends_on,
        period_end(c.issued_on, c.issued_on_precision) as issued_end,
        period_end(c.valid_until, c.valid_until_precision) as valid_until_end
    from certificates as c
    inner join standards as s on s.standard_id = c.standard_id
)

select
    cp.certificate_id,
    cp.city_id,
    least(cp.issued_on, ev.loose_start) as loose_start_on,
    least(coalesce(cp.valid_until_end, ev.loose_end), cp.transition_ends_on) as loose_end_on,
    least(case when not cp.issued_on_is_inferred then cp.issued_end end, ev.sure_start) as sure_start_on,
    least(
        coalesce(case when not cp.valid_until_is_inferred then cp.valid_until end, ev.sure_end),
        cp.transition_ends_on
    ) as sure_end_on,
    least(cp.valid_until_end, cp.transition_ends_on) as definitive_end_on,
    cp.valid_until is not null as has_expiry
from certificate_periods as cp
left join evidence as ev on ev.certificate_id = cp.certificate_id;
