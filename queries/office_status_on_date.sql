-- One row per office: its certification status on $as_of (a date), judged only by dated evidence.
-- valid: a certificate's sure window covers the date; approximate: only a loose window does (coarse or
-- inferred dates); expired: every certificate known to the date had certainly ended; unknown: otherwise
-- (after the last evidence, before the first, or undated certificates). Params: $as_of.
with certificate_status as (
    select
        w.city_id,
        w.certificate_id,
        w.loose_end_on,
        case
            when $as_of between w.sure_start_on and w.sure_end_on then 'valid'
            when $as_of between w.loose_start_on and w.loose_end_on then 'approximate'
            when $as_of > w.definitive_end_on then 'expired'
            when $as_of < w.loose_start_on then 'not_yet'
            else 'unknown'
        end as status
    from certificate_windows as w
),

ranked as (
    select
        city_id,
        certificate_id,
        status,
        row_number() over (
            partition by city_id
            order by
                case status when 'valid' then 1 when 'approximate' then 2 when 'unknown' then 3
                    when 'expired' then 4 else 5 end,
                loose_end_on desc nulls last
        ) as rank
    from certificate_status
)

select
    c.city_id,
    c.name,
    c.latitude,
    c.longitude,
    case when r.status is null or r.status = 'not_yet' then 'unknown' else r.status end as status,
    r.certificate_id,
    ce.valid_until,
    ce.valid_until_precision,
    s.family || ':' || s.edition as standard
from cities as c
left join ranked as r on r.city_id = c.city_id and r.rank = 1
left join certificates as ce on ce.certificate_id = r.certificate_id
left join standards as s on s.standard_id = ce.standard_id
order by c.name collate pl
