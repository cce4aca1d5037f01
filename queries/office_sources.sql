-- The documents behind one office's facts, for its profile: every document that is the evidence of the office, of
-- its certificates, events, findings or audited units (selection_documents, the same documents its charts' source
-- line counts), including a document about several offices, oldest publication first.
-- Params: $office (an office_id).
select s.source_id, s.title, s.file, s.url, s.published_on
from selection_documents([$office], null, null, null, null, null) as d
inner join sources as s on s.source_id = d.source_id
order by s.published_on nulls last, s.source_id
