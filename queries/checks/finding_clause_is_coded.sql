-- A clause names its edition and its basis; a curator-coded clause carries a note saying why.
select 'findings' as table_name, finding_id as record_key, 'clause_standard_id' as field,
    'is required with a clause: the edition whose numbering it uses' as problem
from findings where clause is not null and clause_standard_id is null
union all
select 'findings', finding_id, 'clause_basis',
    'is required with a clause: ''heading'' (the source''s heading) or ''curator'''
from findings where clause is not null and clause_basis is null
union all
select 'findings', finding_id, 'clause_basis', 'is given but the clause is empty'
from findings where clause is null and clause_basis is not null
union all
select 'findings', finding_id, 'clause_note', 'is required when the curator coded the clause: say which sub-clause and why'
from findings where clause_basis = 'curator' and clause_note is null
