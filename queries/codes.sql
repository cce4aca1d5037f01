-- One row per code of the vocabulary (domain 'table.column': events.kind, findings.voice, ...). Params: none.
select domain, code, label_pl, label_en from codes order by domain, code
