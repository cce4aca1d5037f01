-- A document source names its file; a reference source has a citation and no file.
select 'sources' as table_name, source_id as record_key, 'file' as field,
    'is required for a document source' as problem
from sources where kind = 'document' and file is null
union all
select 'sources', source_id, 'file', 'must be empty for a reference source (it has a citation, not a document)'
from sources where kind = 'reference' and file is not null
union all
select 'sources', source_id, 'citation', 'is required for a reference source'
from sources where kind = 'reference' and citation is null
