-- One row per theme of the codebook. Params: none.
select theme_id, label_pl, label_en, definition_pl, definition_en from themes order by label_pl collate pl
