-- One row per ISO 9001:2015 clause of the codebook. Params: none.
select clause, label_pl, label_en, definition_pl, definition_en from clauses order by clause
