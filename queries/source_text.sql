-- One source document's text as built (null for a reference). Params: $source_id.
select source_id, file, text from sources where source_id = $source_id
