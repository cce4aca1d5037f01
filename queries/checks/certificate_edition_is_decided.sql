-- Each certificate decides its edition: stated (the written form names it), inferred (with a reason) or
-- unknown (no edition, with a reason); the edition belongs to the certificate's family.
with forms as (
    select form, family, standard_id from standard_forms
)
select 'certificates' as table_name, c.certificate_id as record_key, 'standard_id' as field,
    case
        when c.edition_basis = 'unknown' then 'must be empty when edition_basis is unknown'
        else 'is required unless edition_basis is unknown'
    end as problem
from certificates as c
where (c.edition_basis = 'unknown') = (c.standard_id is not null)
union all
select 'certificates', c.certificate_id, 'edition_reason',
    'is required when edition_basis is ' || c.edition_basis || ': say why'
from certificates as c
where c.edition_basis in ('inferred', 'unknown') and c.edition_reason is null
union all
select 'certificates', c.certificate_id, 'edition_basis',
    'is stated, but standard_forms.csv has ''' || c.standard_as_written || ''' naming '
    || coalesce(f.standard_id, 'no edition') || ': use inferred with a reason, or add the form'
from certificates as c
left join forms as f on f.form = c.standard_as_written
where c.edition_basis = 'stated' and f.standard_id is distinct from c.standard_id
union all
select 'certificates', c.certificate_id, 'standard_id',
    c.standard_id || ' is an edition of ' || s.family || ', not ' || c.family
from certificates as c
inner join standards as s on s.standard_id = c.standard_id
where s.family <> c.family
