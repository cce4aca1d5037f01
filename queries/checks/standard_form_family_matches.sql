-- A written form names an edition of its own family.
select 'standard_forms' as table_name, f.form as record_key, 'standard_id' as field,
    f.standard_id || ' is an edition of ' || s.family || ', not ' || f.family as problem
from standard_forms as f
inner join standards as s on s.standard_id = f.standard_id
where s.family <> f.family
